import { z } from 'zod';
import { buildReq, errorSchema, group, warningSchema } from './wire.js';

/*
 * The change APIs (orderStatusChange, orderShipStatusChange, orderPayStatusChange) share one answer:
 * `<ResultSet ok ng>` → `<Result><Status>OK|NG</Status>[<Warning>…]</Result>`. A warning does not
 * mean failure: 「警告が発生した場合でも…更新は完了します」.
 */

/** orderStatusChange path (注文ステータス変更API). */
export const ORDER_STATUS_CHANGE_PATH = 'orderStatusChange';
/** orderShipStatusChange path (出荷ステータス変更API). */
export const ORDER_SHIP_STATUS_CHANGE_PATH = 'orderShipStatusChange';
/** orderPayStatusChange path (入金ステータス変更API). */
export const ORDER_PAY_STATUS_CHANGE_PATH = 'orderPayStatusChange';

/** The answer of every change API. */
export const changeResponseSchema = z.object({
  ResultSet: group(
    z.looseObject({
      '@_ok': z.string().optional(),
      '@_ng': z.string().optional(),
      Result: group(
        z.looseObject({
          Status: z.string().optional(),
          Warning: z.array(group(warningSchema)).optional(),
          Error: group(errorSchema).optional(),
        }),
      ).optional(),
    }),
  ),
});

/** A parsed change answer. */
export type YahooChangeResponse = z.output<typeof changeResponseSchema>;

/** OrderStatus values orderStatusChange accepts. */
export type OrderStatusValue = '1' | '2' | '3' | '4' | '5';

/** Input of {@link buildOrderStatusChangeRequest}. */
export interface OrderStatusChange {
  readonly orderId: string;
  readonly orderStatus: OrderStatusValue;
  /** Only with 4 (キャンセル): 100–180 or 200–230; Yahoo defaults to 210. */
  readonly cancelReason?: string;
  readonly cancelReasonDetail?: string;
  /** 更新者名, shown in the order history (≤ 120 characters). */
  readonly operationUser?: string;
}

function target(orderId: string, operationUser: string | undefined, pointFix: boolean): Record<string, string> {
  const out: Record<string, string> = { OrderId: orderId };
  // Required by both status APIs; the docs say it must be true when shipping or completing.
  if (pointFix) out.IsPointFix = 'true';
  if (operationUser) out.OperationUser = operationUser;
  return out;
}

/** Builds an orderStatusChange request. */
export function buildOrderStatusChangeRequest(sellerId: string, change: OrderStatusChange): string {
  const order: Record<string, string> = { OrderStatus: change.orderStatus };
  if (change.cancelReason !== undefined) order.CancelReason = change.cancelReason;
  if (change.cancelReasonDetail !== undefined) order.CancelReasonDetail = change.cancelReasonDetail;
  return buildReq({ Target: target(change.orderId, change.operationUser, true), Order: order }, sellerId);
}

/** Input of {@link buildOrderShipStatusChangeRequest}. */
export interface OrderShipStatusChange {
  readonly orderId: string;
  /** 0 出荷不可, 1 出荷可, 2 出荷処理中, 3 出荷済み, 4 着荷済み. */
  readonly shipStatus: '0' | '1' | '2' | '3' | '4';
  /** The 4-digit 配送会社コード. */
  readonly shipCompanyCode?: string;
  readonly shipInvoiceNumber1?: string;
  readonly shipInvoiceNumber2?: string;
  /** `YYYYMMDD`. */
  readonly shipDate?: string;
  readonly shipMethod?: string;
  readonly operationUser?: string;
}

/** Builds an orderShipStatusChange request (IsPointFix is always true, as the docs require). */
export function buildOrderShipStatusChangeRequest(sellerId: string, change: OrderShipStatusChange): string {
  const ship: Record<string, string> = { ShipStatus: change.shipStatus };
  if (change.shipMethod !== undefined) ship.ShipMethod = change.shipMethod;
  if (change.shipCompanyCode !== undefined) ship.ShipCompanyCode = change.shipCompanyCode;
  if (change.shipInvoiceNumber1 !== undefined) ship.ShipInvoiceNumber1 = change.shipInvoiceNumber1;
  if (change.shipInvoiceNumber2 !== undefined) ship.ShipInvoiceNumber2 = change.shipInvoiceNumber2;
  if (change.shipDate !== undefined) ship.ShipDate = change.shipDate;
  return buildReq({ Target: target(change.orderId, change.operationUser, true), Order: { Ship: ship } }, sellerId);
}

/** Input of {@link buildOrderPayStatusChangeRequest}. */
export interface OrderPayStatusChange {
  readonly orderId: string;
  /** 0 入金待ち, 1 入金済み. */
  readonly payStatus: '0' | '1';
  /** `YYYYMMDD`. */
  readonly payDate?: string;
  readonly operationUser?: string;
}

/** Builds an orderPayStatusChange request (for methods the shop manages: bank transfer, store-defined). */
export function buildOrderPayStatusChangeRequest(sellerId: string, change: OrderPayStatusChange): string {
  const pay: Record<string, string> = { PayStatus: change.payStatus };
  if (change.payDate !== undefined) pay.PayDate = change.payDate;
  return buildReq({ Target: target(change.orderId, change.operationUser, false), Order: { Pay: pay } }, sellerId);
}
