/**
 * Money of an order in integer yen. `null` means the mall did not give the value or gave a
 * sentinel that means "not set" (Rakuten's -9999 postage): the order then carries a warning.
 */
export interface OrderAmounts {
  /** Sum of item prices × quantities (商品合計), tax as the mall presents it. */
  readonly goods: number | null;
  /** 送料. */
  readonly shipping: number | null;
  /** Payment and other fees (決済手数料, 代引手数料, ラッピング料…). */
  readonly fees: number | null;
  /** Discounts given by the shop, as a positive number. */
  readonly discounts: number | null;
  /** Points the buyer used, in yen, as a positive number. */
  readonly points: number | null;
  /** Coupons used, in yen, as a positive number (shop and mall coupons together). */
  readonly coupons: number | null;
  /** Consumption tax included in the total, when the mall states it. */
  readonly tax: number | null;
  /** What the order is worth (請求金額 before points and coupons paid by the mall), as the mall states it. */
  readonly total: number | null;
  /** What the buyer pays (お支払い金額), after points and coupons. */
  readonly billed: number | null;
}
