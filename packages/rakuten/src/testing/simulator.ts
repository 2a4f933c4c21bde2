import { formatJst, jstDateOf } from '@mallkit/core';
import type { OrderChange, SandboxClock, SandboxSimulator, SeedOrder } from '@mallkit/core/testing';
import { rmsDatetime } from '../api/common.js';
import type { RakutenOrderModel } from '../api/order-model.js';
import { deliveryCompanyName } from '../mapping/carrier.js';
import type { RakutenSandboxRecord, RakutenSandboxStore } from './store.js';

/** What the simulator plays on: the sandbox's orders and clock. */
export interface RakutenSimulatorConfig {
  readonly store: RakutenSandboxStore;
  readonly clock: SandboxClock;
}

/** A change to make to an order, or null when it does not apply to the order's state. */
type Move = ((record: RakutenSandboxRecord, now: number) => void) | null;

/** Before 発送完了報告: cancelOrder, updateOrderSender and payments apply (specs/rakuten.md §3, §4.9). */
const BEFORE_SHIPMENT: ReadonlySet<number> = new Set([100, 200, 300, 400]);
/** 発送済 and 支払手続き中: the settlement after shipment is still to come. */
const AWAITING_SETTLEMENT: ReadonlySet<number> = new Set([500, 600]);
/** After shipment: cancelOrderAfterShipping does everything up to キャンセル確定 at once (§3). */
const SHIPPED: ReadonlySet<number> = new Set([500, 600, 700]);
/** The delivery company of the parcels the simulated shop sends: 1001 ヤマト運輸. */
const YAMATO = '1001';

/** One ChangeReasonModel row: the history RMS keeps of a cancellation (changeType 0 申請, 1 確定). */
function recordCancellation(order: RakutenOrderModel, changeType: 0 | 1, at: string): void {
  const history = (order.ChangeReasonModelList ??= []);
  // changeReason 1 お客様都合, changeReasonDetail 1 キャンセル (§4.9).
  history.push({ changeId: history.length + 1, changeType, changeTypeDetail: null, changeReason: 1, changeReasonDetail: 1, changeApplyDatetime: at, changeFixDatetime: changeType === 1 ? at : null, changeCmplDatetime: null });
}

/**
 * The changes of a Rakuten order's life as they happen outside the connector — in RMS, by the
 * buyer, or by Rakuten — through the orderProgress machine (specs/rakuten.md §5). Rakuten keeps no
 * update time, so no change stamps one; each stamps the dates Rakuten does keep, which are the
 * ones searchOrder can find the order by again:
 * - `ship`: 発送完了報告 in RMS, at 300 発送待ち only (Rakuten refuses it before its processing ends
 *   and after a cancellation): a ShippingModel row per destination with today's 発送日, the order
 *   at 500 発送済, and `shippingCmplRptDatetime` (発送完了報告日, dateType 5) now — as the sandbox's
 *   updateOrderShipping does.
 * - `pay`: a prepaid order waiting at 200 楽天処理中 gets its money, and Rakuten moves it to 300
 *   発送待ち with 注文確定日時 (`orderFixDatetime`) and 決済確定日 (dateType 6) now; an order at
 *   200 still in Rakuten's processing after 注文確認 finishes it (300, 注文確定日時). A shipped
 *   order at 500 or 600 is settled: 700 支払手続き済 with 決済確定日 now. INFERRED: that 決済確定日
 *   is stamped at those two moments is this sandbox's reading of getPayment's `paymentFixDatetime`
 *   (§4.8); Rakuten documents neither moment publicly.
 * - `cancel`: before shipment, cancelOrder's キャンセル申請 (→ 800 キャンセル確定待ち); at 800,
 *   Rakuten's キャンセル確定 (→ 900); after shipment, cancelOrderAfterShipping (→ 900 at once).
 *   Both add a ChangeReasonModel row. No searchable date moves.
 * - `address`: updateOrderSender gives the first destination a new address, before shipment only.
 *   No searchable date moves.
 */
export function createRakutenSimulator(config: RakutenSimulatorConfig): SandboxSimulator {
  const { store, clock } = config;
  let parcels = 0;
  let moves = 0;

  const ship = (order: RakutenOrderModel): Move => {
    if (order.orderProgress !== 300) return null;
    return ({ order: shipped }, now) => {
      for (const pkg of shipped.PackageModelList.filter((p) => p.packageDeleteFlag !== 1)) {
        store.counters.shippingDetailId += 1;
        parcels += 1;
        (pkg.ShippingModelList ??= []).push({
          shippingDetailId: store.counters.shippingDetailId,
          shippingNumber: `4912${String(parcels).padStart(8, '0')}`,
          deliveryCompany: YAMATO,
          deliveryCompanyName: deliveryCompanyName(YAMATO),
          shippingDate: jstDateOf(now),
        });
      }
      shipped.orderProgress = 500;
      shipped.shippingCmplRptDatetime = rmsDatetime(now);
    };
  };

  const pay = (order: RakutenOrderModel): Move => {
    if (order.orderProgress === 200) {
      // Orders in `processing` were confirmed and await Rakuten's checks; the others wait for their money.
      const prepaid = !store.processing.has(order.orderNumber);
      return (record, now) => {
        store.processing.delete(record.order.orderNumber);
        record.order.orderProgress = 300;
        record.order.orderFixDatetime ??= rmsDatetime(now);
        if (prepaid) record.paidAt = formatJst(now);
      };
    }
    if (!AWAITING_SETTLEMENT.has(order.orderProgress)) return null;
    return (record, now) => {
      record.order.orderProgress = 700;
      record.paidAt = formatJst(now);
    };
  };

  const cancel = (order: RakutenOrderModel): Move => {
    const progress = order.orderProgress;
    if (BEFORE_SHIPMENT.has(progress)) {
      return ({ order: cancelled }, now) => {
        store.processing.delete(cancelled.orderNumber);
        cancelled.orderProgress = 800;
        recordCancellation(cancelled, 0, rmsDatetime(now));
      };
    }
    if (progress !== 800 && !SHIPPED.has(progress)) return null;
    return ({ order: cancelled }, now) => {
      if (progress !== 800) recordCancellation(cancelled, 0, rmsDatetime(now));
      cancelled.orderProgress = 900;
      recordCancellation(cancelled, 1, rmsDatetime(now));
    };
  };

  const readdress = (order: RakutenOrderModel): Move => {
    const destination = order.PackageModelList.findIndex((p) => p.packageDeleteFlag !== 1);
    if (!BEFORE_SHIPMENT.has(order.orderProgress) || destination < 0) return null;
    return ({ order: changed }) => {
      moves += 1;
      const pkg = changed.PackageModelList[destination]!;
      pkg.SenderModel = { ...pkg.SenderModel, zipCode1: '330', zipCode2: '0063', prefecture: '埼玉県', city: 'さいたま市浦和区', subAddress: `高砂3-15-1 コーポ浦和${100 + moves}号室` };
    };
  };

  const MOVES: Readonly<Record<OrderChange, (order: RakutenOrderModel) => Move>> = { cancel, pay, ship, address: readdress };

  return {
    place: (seeds: readonly SeedOrder[]) => store.seed(seeds),
    change(id, change) {
      const now = clock.now();
      // Rakuten's own processing (200 → 300) that is due happens first, as it would have by now.
      store.settle(now);
      const record = store.orders.get(id);
      const move = record === undefined ? null : MOVES[change](record.order);
      if (move === null) return false;
      store.orders.update(id, (changed) => move(changed, now));
      return true;
    },
  };
}
