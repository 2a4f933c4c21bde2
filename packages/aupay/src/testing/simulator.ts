import type { OrderChange, SandboxClock, SandboxSimulator, SeedOrder } from '@mallkit/core/testing';
import { auDay, moveStatus, recordPayment, recordShipping } from './order-moves.js';
import { NOT_SHIPPABLE, transitionProblem } from './rules.js';
import { ON_DELIVERY_SETTLEMENTS, PREPAID_SETTLEMENTS } from './seed-records.js';
import { fieldOf, type AupayRecord, type AupayStore } from './store.js';

/** What the simulator plays on: the sandbox's orders, its shop statuses and clock, and its way of adding orders. */
export interface AupaySimulatorConfig {
  /** The sandbox's orders. */
  readonly store: AupayStore;
  /** Statuses the shop defined: the status machine lets orders move to and from them. */
  readonly customStatuses: ReadonlySet<string>;
  /** The sandbox clock: payments and shipments are dated by it. */
  readonly clock: SandboxClock;
  /** Adds orders as `sandbox.seed` does (au PAY's numeric ids, one destination, Japanese statuses). */
  readonly seed: (seeds: readonly SeedOrder[]) => SeedOrder[];
}

/** Statuses after which the parcel has left: nothing is redirected any more. */
const SHIPPED_STATUSES: ReadonlySet<string> = new Set(['発送後入金待ち', '完了']);

/** A change to make to an order's fields, or null when it does not apply to the order's state. */
type Move = ((record: AupayRecord) => void) | null;

/**
 * The changes of an au PAY order's life as they happen outside the connector — in Wow!manager, by
 * the buyer, or by au PAY — on the sandbox's orders, through the sandbox's status machine (rules.ts).
 * No change stamps an update time, since au PAY keeps none (spec v2 §0, §1.9); a payment stamps
 * paymentDate and a shipment shipDate, the dates au PAY has fields for. Order searches go by
 * orderDate, which never moves, so every change shows at once in a search of the order's day.
 */
export function createAupaySimulator(config: AupaySimulatorConfig): SandboxSimulator {
  const { store, clock, customStatuses } = config;
  let parcels = 0;
  let moves = 0;

  /** A status change the status machine allows, or null. */
  const toStatus = (record: AupayRecord, next: string): Move => {
    const current = fieldOf(record, 'orderStatus');
    if (current === next || transitionProblem(current, next, customStatuses) !== null) return null;
    return (order) => moveStatus(order, next);
  };

  const cancel = (record: AupayRecord): Move => toStatus(record, 'キャンセル');

  /**
   * The buyer pays a prepaid order (bank transfer, 郵便振替, convenience store): paymentDate and
   * paymentStatus are set, the status stays (the shop moves it out of 発送前入金待ち). An order
   * waiting for its credit authorization (与信待ち) is moved on by au PAY to 新規受付 — INFERRED:
   * 与信待ち is a status only au PAY sets, and the orders it holds arrive in 新規受付 once authorized.
   */
  const pay = (record: AupayRecord): Move => {
    const status = fieldOf(record, 'orderStatus');
    if (status === '与信待ち') return (order) => moveStatus(order, '新規受付');
    const unpaid = PREPAID_SETTLEMENTS.has(fieldOf(record, 'settlementName')) && fieldOf(record, 'paymentDate') === '';
    if (!unpaid || status === 'キャンセル' || SHIPPED_STATUSES.has(status)) return null;
    return (order) => recordPayment(order, clock.now());
  };

  /**
   * The shop ships in Wow!manager, as CROSS MALL does through the API (spec v2 §1.2): 発送日 today,
   * the carrier and tracking number, then 完了 — or 発送後入金待ち for cash on delivery. An unpaid
   * prepaid order is not shipped, nor is one the status machine does not let move.
   */
  const ship = (record: AupayRecord): Move => {
    const status = fieldOf(record, 'orderStatus');
    const method = fieldOf(record, 'settlementName');
    if (fieldOf(record, 'shipStatus') === 'Y' || NOT_SHIPPABLE.has(status)) return null;
    if (PREPAID_SETTLEMENTS.has(method) && fieldOf(record, 'paymentDate') === '') return null;
    const shipped = toStatus(record, ON_DELIVERY_SETTLEMENTS.has(method) ? '発送後入金待ち' : '完了');
    if (shipped === null) return null;
    return (order) => {
      parcels += 1;
      recordShipping(order, { shipDate: auDay(clock.now()), carrier: '1', trackingNumber: `4912${String(parcels).padStart(8, '0')}` });
      shipped(order);
    };
  };

  /**
   * The shop edits the destination (the sender* fields, お届け先) after the buyer asked — the
   * sandbox's model: au PAY's order edit screen is not public, and no API writes an address.
   * Not once the order is cancelled or shipped.
   */
  const readdress = (record: AupayRecord): Move => {
    const status = fieldOf(record, 'orderStatus');
    if (status === 'キャンセル' || SHIPPED_STATUSES.has(status) || fieldOf(record, 'shipStatus') === 'Y') return null;
    return (order) => {
      moves += 1;
      const recipient = fieldOf(order, 'senderName') === '' ? 'orderer' : 'sender';
      for (const field of ['Name', 'Kana', 'PhoneNumber1']) order.fields.set(`sender${field}`, fieldOf(order, `${recipient}${field}`));
      order.fields.set('senderZipCode', '330-0063');
      order.fields.set('senderAddress', `埼玉県さいたま市浦和区高砂3-15-1 コーポ浦和${100 + moves}号室`);
    };
  };

  const MOVES: Readonly<Record<OrderChange, (record: AupayRecord) => Move>> = { cancel, pay, ship, address: readdress };

  return {
    place: (seeds) => config.seed(seeds),
    change(id, change) {
      const record = store.get(id);
      const move = record === undefined ? null : MOVES[change](record);
      if (move === null) return false;
      store.update(id, move);
      return true;
    },
  };
}
