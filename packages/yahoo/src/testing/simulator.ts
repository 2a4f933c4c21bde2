import { formatJst } from '@mallkit/core';
import type { OrderChange, SandboxClock, SandboxSimulator, SeedOrder } from '@mallkit/core/testing';
import type { SandboxOrderRecord } from './records.js';
import { changeOrderStatus, changePayStatus, changeShipStatus, stampUpdate } from './rules.js';
import type { YahooSandboxStore } from './store.js';

/*
 * The sandbox's simulator: orders arrive and change between syncs as they do on Yahoo, each change
 * made by whoever makes it there — the shop in ストアクリエイターPro (through the same rules as the
 * change APIs), the buyer, or Yahoo itself (a payment it collects) — and stamped with the time
 * Yahoo records, LastUpdateTime (「注文情報の最終更新日時」, orderList.html). That Yahoo moves it
 * for its own changes too is the sandbox's assumption (not documented; see README).
 */

/** Payment methods whose payment state the shop records (orderPayStatusChange.html); Yahoo records the others itself. */
const SHOP_MANAGED_PAYMENT = /^payment_(b\d+|c\d+|e\d+)$/;

/** What the simulator works on. */
export interface SimulatorParts {
  readonly store: YahooSandboxStore;
  readonly clock: SandboxClock;
  /** Adds orders as the sandbox's `seed` does. */
  readonly place: (seeds: readonly SeedOrder[]) => SeedOrder[];
}

const isHeld = (record: SandboxOrderRecord): boolean => record.order.FraudHoldStatus === '1' || record.order.FraudHoldStatus === '3';
const isCancelled = (record: SandboxOrderRecord): boolean => record.order.OrderStatus === '4';
const isCompleted = (record: SandboxOrderRecord): boolean => record.order.OrderStatus === '5';
const isReadOnly = (record: SandboxOrderRecord): boolean => record.order.IsReadOnly === '1';

/** A Yamato number (12 digits) from a running counter: valid for ShipCompanyCode 1001. */
function trackingNumber(sequence: number): string {
  return `4912${String(sequence).padStart(8, '0')}`;
}

/** Creates the simulator of a Yahoo sandbox. */
export function createYahooSimulator({ store, clock, place }: SimulatorParts): SandboxSimulator {
  let shipped = 0;

  /** A cancellation: by the buyer while the order is read-only (the 10-minute window), else by the shop. */
  const cancel = (record: SandboxOrderRecord, now: number): boolean => {
    if (!isReadOnly(record)) return changeOrderStatus(record, '4', true, now).ok;
    record.order.OrderStatus = '4';
    // 300 間違えて注文: a buyer's own cancellation (orderInfo.html, CancelReason).
    record.order.CancelReason = '300';
    stampUpdate(record, now, { seen: false });
    return true;
  };

  /** A payment arriving: recorded by the shop for its own methods, by Yahoo for the methods it collects. */
  const pay = (record: SandboxOrderRecord, now: number): boolean => {
    if (record.Pay.PayStatus === '1') return false;
    if (SHOP_MANAGED_PAYMENT.test(record.Pay.PayMethod ?? '')) return changePayStatus(record, '1', formatJst(now, 'date-compact'), now).ok;
    record.Pay.PayStatus = '1';
    // 3 支払完了; the PayDate is written as the sandbox's seeds write it.
    record.Pay.SettleStatus = '3';
    record.Pay.PayDate = formatJst(now, 'date');
    // Prepaid orders become shippable when paid (orderInfo.html, ShipStatus).
    if (record.Ship.ShipStatus === '0') record.Ship.ShipStatus = '1';
    stampUpdate(record, now, { seen: false });
    return true;
  };

  /** A shipment the shop enters in ストアクリエイターPro: 出荷済み with a Yamato number and today's ShipDate. */
  const ship = (record: SandboxOrderRecord, now: number): boolean => {
    if (record.Ship.ShipStatus !== '1' && record.Ship.ShipStatus !== '2') return false;
    shipped += 1;
    const change = { ShipStatus: '3', ShipCompanyCode: '1001', ShipInvoiceNumber1: trackingNumber(shipped), ShipDate: formatJst(now, 'date-compact') };
    return changeShipStatus(record, change, true, now).ok;
  };

  /**
   * The shop corrects the ship-to address (orderChange's Ship/ShipAddress2). Not on a 保留 order
   * nor a いたずら one: 「注文ステータスが「保留」の場合、いたずら注文の場合、注文内容の変更はできません」
   * (test-store-info.yahoo.co.jp/orderdata/c/114.html).
   */
  const moveAddress = (record: SandboxOrderRecord, now: number): boolean => {
    if (record.order.OrderStatus === '3' || record.order.Suspect === '1') return false;
    record.Ship.ShipAddress2 = `${record.Ship.ShipAddress2 ?? ''}（転居先）`.trim();
    stampUpdate(record, now, { seen: true });
    return true;
  };

  return {
    place,
    change(id: string, change: OrderChange): boolean {
      const record = store.get(id);
      // A cancellation is final; a completed order can still be cancelled (a return), nothing else.
      if (!record || isCancelled(record) || (isCompleted(record) && change !== 'cancel')) return false;
      // Under fraud review only a cancellation is possible; while read-only, only the buyer's.
      if ((isHeld(record) || isReadOnly(record)) && change !== 'cancel') return false;
      let applied = false;
      store.update(id, (current) => {
        const now = clock.now();
        if (change === 'cancel') applied = cancel(current, now);
        else if (change === 'pay') applied = pay(current, now);
        else if (change === 'ship') applied = ship(current, now);
        else applied = moveAddress(current, now);
      });
      return applied;
    },
  };
}
