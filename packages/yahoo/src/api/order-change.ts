import { defineEndpoint, freeTextSchema, orderIdSchema, tryParseJst, type Endpoint } from '@mallkit/core';
import { z } from 'zod';
import { errorSchema, group, list, reqBody, warningSchema, YAHOO_XML } from './wire.js';

/*
 * The change APIs (orderChange, orderStatusChange, orderShipStatusChange, orderPayStatusChange) share one answer:
 * `<ResultSet ok ng>` → `<Result><Status>OK|NG</Status>[<Warning>…]</Result>`. A warning does not
 * mean failure: 「警告が発生した場合でも…更新は完了します」. An NG is turned into an error by the
 * error table before the answer is read. The inputs are checked with zod first, so that nothing the
 * XML writer would refuse (a control character) ever reaches it.
 */

const changeAnswerSchema = z.looseObject({
  ResultSet: group(
    z.looseObject({
      '@_ok': z.string().optional(),
      '@_ng': z.string().optional(),
      Result: group(
        z.looseObject({
          Status: z.string().optional(),
          Warning: list(group(warningSchema)).optional(),
          Error: group(errorSchema).optional(),
        }),
      ).optional(),
    }),
  ),
});

/** The parsed answer of a change API. */
export type ChangeAnswer = z.output<typeof changeAnswerSchema>;

/** A `YYYYMMDD` date that exists on the calendar. */
const compactDate = z
  .string()
  .regex(/^\d{8}$/, 'must be YYYYMMDD')
  .refine((value) => tryParseJst(value) !== null, 'is not a date on the calendar');

/** 更新者名: shown in the order history (≤ 120 characters). */
const operationUser = freeTextSchema(120).optional();

/** OrderStatus values orderStatusChange accepts: 1 予約中, 2 処理中, 3 保留, 4 キャンセル, 5 完了. */
export type OrderStatusValue = '1' | '2' | '3' | '4' | '5';

/** The checks of an orderStatusChange input. */
export const orderStatusChangeSchema = z
  .object({
    orderId: orderIdSchema,
    orderStatus: z.enum(['1', '2', '3', '4', '5']),
    cancelReason: z.string().regex(/^\d{3}$/, 'must be a three-digit CancelReason (100–180, 200–230)').optional(),
    cancelReasonDetail: freeTextSchema(200).optional(),
    operationUser,
  })
  .strict();

/** Input of orderStatusChange. */
export interface OrderStatusChange {
  /** The order to change. */
  readonly orderId: string;
  /** The new status. */
  readonly orderStatus: OrderStatusValue;
  /** Only with 4 (キャンセル): 100–180 or 200–230; Yahoo defaults to 210. */
  readonly cancelReason?: string;
  /** Required by Yahoo with CancelReason 230 (10–200 characters). */
  readonly cancelReasonDetail?: string;
  /** 更新者名, shown in the order history (≤ 120 characters). Default: the connector's `operationUser`. */
  readonly operationUser?: string;
}

/** The checks of an orderShipStatusChange input. */
export const orderShipStatusChangeSchema = z
  .object({
    orderId: orderIdSchema,
    shipStatus: z.enum(['0', '1', '2', '3', '4']),
    shipCompanyCode: z.string().regex(/^\d{3,4}$/, 'must be a 配送会社コード such as 1001').optional(),
    shipInvoiceNumber1: z.string().regex(/^[A-Za-z0-9-]{1,30}$/, 'must be ≤ 30 half-width letters, digits and hyphens').optional(),
    shipInvoiceNumber2: z.string().regex(/^[A-Za-z0-9-]{1,30}$/, 'must be ≤ 30 half-width letters, digits and hyphens').optional(),
    shipDate: compactDate.optional(),
    shipMethod: z.string().regex(/^[A-Za-z0-9_]{1,20}$/, 'must be a ShipMethod code such as postage1').optional(),
    operationUser,
  })
  .strict();

/** Input of orderShipStatusChange. */
export interface OrderShipStatusChange {
  /** The order to change. */
  readonly orderId: string;
  /** 0 出荷不可, 1 出荷可, 2 出荷処理中, 3 出荷済み, 4 着荷済み. */
  readonly shipStatus: '0' | '1' | '2' | '3' | '4';
  /** The 4-digit 配送会社コード (1001 ヤマト運輸, 1002 佐川急便, 1003 日本郵便…). */
  readonly shipCompanyCode?: string;
  /** The tracking number (配送伝票番号1). */
  readonly shipInvoiceNumber1?: string;
  /** A second parcel's number. */
  readonly shipInvoiceNumber2?: string;
  /** `YYYYMMDD`. */
  readonly shipDate?: string;
  /** The shop's お届け方法 code, `postage1`… */
  readonly shipMethod?: string;
  /** 更新者名 (≤ 120 characters). Default: the connector's `operationUser`. */
  readonly operationUser?: string;
}

/** The checks of an orderPayStatusChange input. */
export const orderPayStatusChangeSchema = z
  .object({ orderId: orderIdSchema, payStatus: z.enum(['0', '1']), payDate: compactDate.optional(), operationUser })
  .strict();

/** Input of orderPayStatusChange (for methods the shop manages: bank transfer, store-defined). */
export interface OrderPayStatusChange {
  /** The order to change. */
  readonly orderId: string;
  /** 0 入金待ち, 1 入金済み. */
  readonly payStatus: '0' | '1';
  /** `YYYYMMDD`. */
  readonly payDate?: string;
  /** 更新者名 (≤ 120 characters). Default: the connector's `operationUser`. */
  readonly operationUser?: string;
}

/** The checks of an orderChange input. */
export const orderChangeSchema = z.object({ orderId: orderIdSchema, isSeen: z.literal(true), operationUser }).strict();

/**
 * Input of orderChange (注文内容変更API), for what mallkit changes with it: marking an order seen.
 * Yahoo takes IsSeen from false to true only (「未閲覧から閲覧済みにのみ更新できます」).
 */
export interface OrderChange {
  /** The order to change. */
  readonly orderId: string;
  /** Marks the order seen (閲覧済み): how a 新規注文 becomes 処理中 in Store Creator Pro's lists. */
  readonly isSeen: true;
  /** 更新者名 (≤ 120 characters). Default: the connector's `operationUser`. */
  readonly operationUser?: string;
}

/** A change request as sent: the seller and the checked input. */
interface ChangeInput<T> {
  readonly sellerId: string;
  readonly change: T;
}

/** `<Target>`: IsPointFix is required by both status APIs and must be true to ship or complete. */
function target(orderId: string, operationUser: string | undefined, pointFix: boolean): Record<string, string> {
  const out: Record<string, string> = { OrderId: orderId };
  if (pointFix) out.IsPointFix = 'true';
  if (operationUser) out.OperationUser = operationUser;
  return out;
}

/** Drops the keys whose value is undefined, keeping the order of the others. */
function defined(entries: ReadonlyArray<readonly [string, string | undefined]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value;
  return out;
}

function changeEndpoint<T>(operation: string, body: (change: T) => Readonly<Record<string, unknown>>): Endpoint<ChangeInput<T>, ChangeAnswer> {
  return defineEndpoint({
    operation,
    method: 'POST',
    path: operation,
    // A write: an unknown outcome is read back, never re-sent.
    idempotent: false,
    limiterKey: (key) => `${key}:${operation}`,
    body: (input: ChangeInput<T>) => reqBody(body(input.change), input.sellerId),
    answer: { format: YAHOO_XML, schema: changeAnswerSchema },
  });
}

/** orderChange (注文内容変更API): `Target/OrderId` (+ OperationUser), the keys to change under `Order`; no IsPointFix (orderChange.html). */
export const orderChangeEndpoint = changeEndpoint<OrderChange>('orderChange', (change) => ({
  Target: target(change.orderId, change.operationUser, false),
  Order: { IsSeen: String(change.isSeen) },
}));

/** orderStatusChange (注文ステータス変更API). CancelReason sits under Order (the doc's "Oeder" is a typo). */
export const orderStatusChangeEndpoint = changeEndpoint<OrderStatusChange>('orderStatusChange', (change) => ({
  Target: target(change.orderId, change.operationUser, true),
  Order: defined([
    ['OrderStatus', change.orderStatus],
    ['CancelReason', change.cancelReason],
    ['CancelReasonDetail', change.cancelReasonDetail],
  ]),
}));

/** orderShipStatusChange (出荷ステータス変更API); IsPointFix is always true, as the docs require. */
export const orderShipStatusChangeEndpoint = changeEndpoint<OrderShipStatusChange>('orderShipStatusChange', (change) => ({
  Target: target(change.orderId, change.operationUser, true),
  Order: {
    Ship: defined([
      ['ShipStatus', change.shipStatus],
      ['ShipMethod', change.shipMethod],
      ['ShipCompanyCode', change.shipCompanyCode],
      ['ShipInvoiceNumber1', change.shipInvoiceNumber1],
      ['ShipInvoiceNumber2', change.shipInvoiceNumber2],
      ['ShipDate', change.shipDate],
    ]),
  },
}));

/** orderPayStatusChange (入金ステータス変更API). */
export const orderPayStatusChangeEndpoint = changeEndpoint<OrderPayStatusChange>('orderPayStatusChange', (change) => ({
  Target: target(change.orderId, change.operationUser, false),
  Order: { Pay: defined([['PayStatus', change.payStatus], ['PayDate', change.payDate]]) },
}));
