import { ORDER_STATUSES, createValueMapper, oneOf, type MappedOrderStatus, type OrderStatus, type ValueMapper } from '@mallkit/core';

/*
 * au PAY's order statuses are Japanese names (the first nine are listed in a third-party client's
 * docstring, the rest in yirry007/ksnerp_test `app/Services/Markets/Wowma/Tool.php`). Shops add
 * their own (貴店舗カスタムステータス): those are kept raw and reported unmapped unless the
 * connector's `customStatuses` option says what they mean.
 */

/** Every status au PAY itself has, with its normalized meaning. */
export const AUPAY_ORDER_STATUSES = Object.freeze({
  新規受付: 'pending_confirmation',
  /** A new order for a reserved (予約販売) item. */
  新規予約: 'pending_confirmation',
  /** A reservation the shop accepted, waiting for the item. */
  予約中: 'confirmed',
  /** Prepaid methods (bank transfer, convenience store…) until the buyer pays. */
  発送前入金待ち: 'awaiting_payment',
  /** Credit authorization not finished. */
  与信待ち: 'awaiting_payment',
  発送待ち: 'ready_to_ship',
  /** Shipped; the buyer pays afterwards (後払い, 代引). */
  発送後入金待ち: 'shipped',
  完了: 'completed',
  保留: 'on_hold',
  キャンセル: 'cancelled',
  キャンセル受付中: 'cancel_requested',
  /** Under au PAY's fraud review: do not ship. */
  不正取引審査中: 'on_hold',
  審査保留: 'on_hold',
  /** The review failed: do not ship; au PAY cancels such orders. */
  審査NG: 'on_hold',
} as const satisfies Readonly<Record<string, OrderStatus>>);

/** A status name au PAY itself has. */
export type AupayStatusName = keyof typeof AUPAY_ORDER_STATUSES;

/** Statuses under au PAY's fraud review. */
const FRAUD_REVIEW: ReadonlySet<string> = new Set(['不正取引審査中', '審査保留', '審査NG']);
/** Statuses of reserved items. */
const PREORDER: ReadonlySet<string> = new Set(['新規予約', '予約中']);
/**
 * A name one public client writes for 発送待ち (ryojrcreators/daily-wholesale-report, in a
 * comment). Probably a slip; read as 発送待ち, never sent.
 */
const ALIASES: Readonly<Record<string, AupayStatusName>> = { 出荷待ち: '発送待ち' };

/** Reads and writes au PAY statuses, with the shop's own statuses. */
export interface StatusTable extends ValueMapper<OrderStatus> {
  /** The normalized status of a raw status: `unmapped` for a shop status no option describes (and for a blank one). */
  toStatus(raw: string): MappedOrderStatus;
  /** The names to search for to find orders in these normalized statuses (au PAY's and the shop's). */
  namesFor(statuses: readonly OrderStatus[]): string[];
}

/** True when the status is one of au PAY's fraud-review states. */
export function isFraudReview(raw: string): boolean {
  return FRAUD_REVIEW.has(raw.trim());
}

/** True when the status belongs to a reservation (予約販売). */
export function isPreorderStatus(raw: string): boolean {
  return PREORDER.has(raw.trim());
}

/** The au PAY status a raw name stands for, or null for a shop-defined one. */
export function aupayStatusOf(raw: string): AupayStatusName | null {
  const name = raw.trim();
  if (Object.hasOwn(AUPAY_ORDER_STATUSES, name)) return name as AupayStatusName;
  return Object.hasOwn(ALIASES, name) ? (ALIASES[name] ?? null) : null;
}

/** The status table of a connector: au PAY's statuses (and the alias read as 発送待ち), then the shop's own. */
export function createStatusTable(custom: Readonly<Record<string, OrderStatus>>): StatusTable {
  const mapper = createValueMapper<OrderStatus>({
    name: 'orderStatus',
    table: { ...AUPAY_ORDER_STATUSES, ...Object.fromEntries(Object.entries(ALIASES).map(([alias, name]) => [alias, AUPAY_ORDER_STATUSES[name]])) },
    overrides: custom,
    isCode: oneOf(ORDER_STATUSES),
  });
  return {
    ...mapper,
    toStatus: (raw) => mapper.map(raw) ?? { code: 'unmapped', raw },
    namesFor(statuses) {
      const wanted = new Set<OrderStatus>(statuses);
      // Aliases are read, never sent: a search goes by the names au PAY and the shop use.
      return mapper
        .entries()
        .filter(([name, code]) => wanted.has(code) && !Object.hasOwn(ALIASES, name))
        .map(([name]) => name);
    },
  };
}
