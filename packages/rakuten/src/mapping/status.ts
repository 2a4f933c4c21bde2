import type { MappedOrderStatus, OrderStatus } from '@mallkit/core';

/** Rakuten's orderProgress codes. */
export const ORDER_PROGRESS_CODES = [100, 200, 300, 400, 500, 600, 700, 800, 900] as const;
/** One orderProgress code. */
export type OrderProgress = (typeof ORDER_PROGRESS_CODES)[number];

/** The RMS screen names of each orderProgress. */
export const ORDER_PROGRESS_NAMES: Readonly<Record<OrderProgress, string>> = {
  100: '注文確認待ち',
  200: '楽天処理中',
  300: '発送待ち',
  400: '変更確定待ち',
  500: '発送済',
  600: '支払手続き中',
  700: '支払手続き済',
  800: 'キャンセル確定待ち',
  900: 'キャンセル確定',
};

/*
 * orderProgress → normalized status. 200 楽天処理中 comes after the shop's 注文確認 (Rakuten then
 * authorises the payment and checks for fraud, and moves the order to 300 発送待ち:
 * https://manualc2.sokuhan.jp/manualc2/op-ec/rt/rms-pay-conf/), so it is `confirmed` — and
 * provisional (see {@link isProvisionalProgress}); 400 変更確定待ち waits on the shop to settle a
 * change, which is a hold; 600 支払手続き中 is after shipment, so still `shipped`, and 700
 * 支払手続き済 closes the order.
 */
const TO_NORMALIZED: Readonly<Record<OrderProgress, OrderStatus>> = {
  100: 'pending_confirmation',
  200: 'confirmed',
  300: 'ready_to_ship',
  400: 'on_hold',
  500: 'shipped',
  600: 'shipped',
  700: 'completed',
  800: 'cancel_requested',
  900: 'cancelled',
};

function isOrderProgress(value: number): value is OrderProgress {
  return (ORDER_PROGRESS_CODES as readonly number[]).includes(value);
}

/**
 * True at 200 楽天処理中: the payment is not authorised yet and the order may still be refused, so
 * it must not be shipped (`flags.provisional`, DESIGN's "Rakuten pre-authorization").
 */
export function isProvisionalProgress(progress: number): boolean {
  return progress === 200;
}

/** Maps an orderProgress to the normalized status, keeping the code as the raw string; a code outside 100–900 is `unmapped`. */
export function mapOrderProgress(progress: number): MappedOrderStatus {
  const raw = String(progress);
  return isOrderProgress(progress) ? { code: TO_NORMALIZED[progress], raw } : { code: 'unmapped', raw };
}

/**
 * The orderProgress codes to search for a set of normalized statuses (the other direction, for
 * listOrders' `statuses` filter). Statuses Rakuten has no code for (`awaiting_payment`,
 * `delivered`) contribute none.
 */
export function orderProgressFor(statuses: readonly OrderStatus[]): OrderProgress[] {
  const wanted = new Set(statuses);
  return ORDER_PROGRESS_CODES.filter((code) => wanted.has(TO_NORMALIZED[code]));
}
