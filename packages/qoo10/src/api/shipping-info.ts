import { defineEndpoint, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { QAPI_HEADERS, qapiForm, rowsAnswerSchema, searchDate, wireId, wireNumber, wireText } from './common.js';

/** `ShippingStatus` of GetShippingInfo_v3: 1 配送待ち, 2 配送要請, 3 配送準備, 4 配送中, 5 配送完了. */
export type ShippingStatusCode = 1 | 2 | 3 | 4 | 5;

/** Every ShippingStatus; `0` or blank would mean 1–3 only, so the connector names each one. */
export const SHIPPING_STATUS_CODES: readonly ShippingStatusCode[] = [1, 2, 3, 4, 5];

/** `SearchCondition`: which date the window applies to (1 注文日, 2 決済日, 3 発送日, 4 配送完了日). */
export type ShippingSearchCondition = '1' | '2' | '3' | '4';

/** One GetShippingInfo_v3 search. */
export interface ShippingSearch {
  readonly status: ShippingStatusCode;
  readonly from: Date;
  readonly to: Date;
  readonly condition: ShippingSearchCondition;
}

/**
 * One row of GetShippingInfo_v3: one line (OrderNo) of a cart (PackNo), PascalCase as Qoo10 sends
 * it (field table: jjaejjaehub/passoffer docs/api/qoo10/orders/GetShippingInfo_v3.md). Ids arrive
 * as JSON numbers and are kept as strings; `ShippingStatus` arrives as a label with the code in
 * parentheses (`On request(2)`). Fields not listed here are kept at run time, and the type lists
 * only these (wireModel), so that a typo in `order.raw.lines[0].X` does not compile.
 */
export const shippingRowSchema = wireModel({
  PackNo: wireId,
  OrderNo: wireId,
  ShippingStatus: z.union([z.string(), z.number()]).transform((value) => String(value)),
  SellerID: wireText,
  OrderDate: z.string().min(1),
  PaymentDate: wireText,
  EstimatedShippingDate: wireText,
  ShippingDate: wireText,
  DeliveredDate: wireText,
  Buyer: wireText,
  BuyerKana: wireText,
  BuyerTel: wireText,
  BuyerMobile: wireText,
  BuyerEmail: wireText,
  ItemNo: z.union([z.string(), z.number()]).transform((value) => String(value)),
  SellerItemCode: wireText,
  ItemTitle: z.string(),
  Option: wireText,
  OptionCode: wireText,
  OrderPrice: z.union([z.number(), z.string()]),
  OrderQty: z.union([z.number(), z.string().regex(/^\d+$/)]).transform((value) => Number(value)),
  Discount: wireNumber,
  Total: wireNumber,
  Receiver: wireText,
  ReceiverKana: wireText,
  ZipCode: wireText,
  ShippingAddress: wireText,
  Address1: wireText,
  Address2: wireText,
  ReceiverTel: wireText,
  ReceiverMobile: wireText,
  DesiredDeliveryDate: wireText,
  ShippingWay: wireText,
  ShippingMessage: wireText,
  PaymentMethod: wireText,
  SellerDiscount: wireNumber,
  Currency: wireText,
  ShippingRate: wireNumber,
  RelatedOrder: wireText,
  ShippingRateType: wireText,
  DeliveryCompany: wireText,
  PackingNo: wireText,
  SellerDeliveryNo: wireText,
  Gift: wireText,
  CartDiscountSeller: wireNumber,
  CartDiscountQoo10: wireNumber,
  SettlePrice: wireNumber,
  TrackingNo: wireText,
  AvailableSendType: z.union([z.string(), z.number()]).nullish(),
  AvailableShippingDate: wireText,
});

/**
 * A GetShippingInfo_v3 row after parsing.
 *
 * @useDeclaredType
 */
export type Qoo10ShippingRow = z.output<typeof shippingRowSchema>;

/** `ShippingBasic.GetShippingInfo_v3`: the lines of one ShippingStatus whose date falls in a window. No paging. */
export const getShippingInfoEndpoint = defineEndpoint({
  operation: 'GetShippingInfo_v3',
  method: 'POST',
  path: 'ShippingBasic.GetShippingInfo_v3',
  headers: QAPI_HEADERS,
  idempotent: true,
  body: (search: ShippingSearch) =>
    qapiForm({
      ShippingStatus: String(search.status),
      SearchStartDate: searchDate(search.from),
      SearchEndDate: searchDate(search.to),
      SearchCondition: search.condition,
    }),
  answer: { format: 'json', schema: rowsAnswerSchema },
});
