import { defineEndpoint, MallkitError, wireModel, type DetailAnswer, type NotFoundError } from '@mallkit/core';
import { z } from 'zod';
import { csv, moneyV0Schema, toAmazonDateTime } from './common.js';
import { perOperation } from './usage-plans.js';

const address = wireModel({
  Name: z.string().optional(),
  CompanyName: z.string().optional(),
  AddressLine1: z.string().optional(),
  AddressLine2: z.string().optional(),
  AddressLine3: z.string().optional(),
  City: z.string().optional(),
  County: z.string().optional(),
  District: z.string().optional(),
  StateOrRegion: z.string().optional(),
  Municipality: z.string().optional(),
  PostalCode: z.string().optional(),
  CountryCode: z.string().optional(),
  Phone: z.string().optional(),
  AddressType: z.string().optional(),
});

const order = wireModel({
  AmazonOrderId: z.string(),
  SellerOrderId: z.string().optional(),
  PurchaseDate: z.string(),
  LastUpdateDate: z.string(),
  OrderStatus: z.string(),
  FulfillmentChannel: z.string().optional(),
  SalesChannel: z.string().optional(),
  ShipServiceLevel: z.string().optional(),
  ShipmentServiceLevelCategory: z.string().optional(),
  OrderTotal: moneyV0Schema.optional(),
  NumberOfItemsShipped: z.number().optional(),
  NumberOfItemsUnshipped: z.number().optional(),
  PaymentMethod: z.string().optional(),
  PaymentMethodDetails: z.array(z.string()).optional(),
  MarketplaceId: z.string().optional(),
  OrderType: z.string().optional(),
  EarliestShipDate: z.string().optional(),
  LatestShipDate: z.string().optional(),
  EarliestDeliveryDate: z.string().optional(),
  LatestDeliveryDate: z.string().optional(),
  IsBusinessOrder: z.boolean().optional(),
  IsPrime: z.boolean().optional(),
  IsPremiumOrder: z.boolean().optional(),
  ShippingAddress: address.optional(),
  BuyerInfo: wireModel({ BuyerEmail: z.string().optional(), BuyerName: z.string().optional() }).optional(),
});

// `IsGift` is a string "true"/"false" in this version.
const orderItem = wireModel({
  ASIN: z.string(),
  SellerSKU: z.string().optional(),
  OrderItemId: z.string(),
  Title: z.string().optional(),
  QuantityOrdered: z.number().int(),
  QuantityShipped: z.number().int().optional(),
  ItemPrice: moneyV0Schema.optional(),
  ShippingPrice: moneyV0Schema.optional(),
  ItemTax: moneyV0Schema.optional(),
  ShippingTax: moneyV0Schema.optional(),
  ShippingDiscount: moneyV0Schema.optional(),
  PromotionDiscount: moneyV0Schema.optional(),
  CODFee: moneyV0Schema.optional(),
  CODFeeDiscount: moneyV0Schema.optional(),
  PointsGranted: wireModel({ PointsNumber: z.number().optional(), PointsMonetaryValue: moneyV0Schema.optional() }).optional(),
  IsGift: z.string().optional(),
  BuyerRequestedCancel: wireModel({ IsBuyerRequestedCancel: z.string().optional(), BuyerCancelReason: z.string().optional() }).optional(),
  ScheduledDeliveryStartDate: z.string().optional(),
  ScheduledDeliveryEndDate: z.string().optional(),
});

const addressPayload = wireModel({ AmazonOrderId: z.string(), BuyerCompanyName: z.string().optional(), ShippingAddress: address.optional() });

const buyerPayload = wireModel({
  AmazonOrderId: z.string(),
  BuyerEmail: z.string().optional(),
  BuyerName: z.string().optional(),
  PurchaseOrderNumber: z.string().optional(),
});

const bundle = wireModel({
  order,
  items: z.array(orderItem),
  address: addressPayload.nullable(),
  buyer: buyerPayload.nullable(),
});

/* eslint-disable @typescript-eslint/no-empty-object-type -- named interfaces, so that editors and the API reference show
   `AmazonOrder2026` and its kin instead of an expanded zod shape (issue 16). */
/** An order as Orders API v0 sends it (deprecated for reads). */
export interface AmazonOrderV0 extends z.infer<typeof order> {}

/** An order item as Orders API v0 sends it. */
export interface AmazonOrderItemV0 extends z.infer<typeof orderItem> {}

/** What the v0 path read for one order — order, items, address, buyer — and `order.raw` on that path. */
export interface AmazonOrderV0Bundle extends z.infer<typeof bundle> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/** One v0 bundle, checked on its own: one unreadable order never fails the others. */
export const orderV0BundleSchema: z.ZodType<AmazonOrderV0Bundle> = bundle;

const READ_FAILURE = Symbol('amazon v0 read failure');

/**
 * What the v0 fan-out hands the reader for an order whose own calls failed (its items, address or
 * buyer answer unreadable, a paging lie, a 4xx or 5xx for that order alone): its id and the error.
 * The kit's DetailAnswer has no slot for a per-id failure, so the failure travels as a wire order
 * that {@link v0ReaderSchema} refuses with the error's message; the kit then reports it as that
 * order's UnreadableOrderError and delivers the others. The symbol key survives the tolerant
 * reader's copies and never reaches JSON (excerpts show only the id).
 */
export function v0ReadFailure(orderId: string, error: MallkitError): unknown {
  return { order: { AmazonOrderId: orderId }, [READ_FAILURE]: error };
}

/** What the v0 path reads for one order, before it is checked: the order, every item, address and buyer. */
export interface OrderBundleV0Wire {
  /** The order (getOrders' summary or getOrder's payload). */
  readonly order: unknown;
  /** Every item, all pages of getOrderItems. */
  readonly items: readonly unknown[];
  /** getOrderAddress' payload. */
  readonly address: unknown;
  /** getOrderBuyerInfo's payload. */
  readonly buyer: unknown;
}

/** What the v0 fan-out learned of one order: its bundle, that Amazon does not know it (404), or why it could not be read. */
export type OrderBundleV0Read =
  | { readonly orderId: string; readonly bundle: OrderBundleV0Wire }
  | { readonly orderId: string; readonly missing: NotFoundError }
  | { readonly orderId: string; readonly failed: MallkitError };

/**
 * The fan-out's results as the kit's reader takes them: bundles as read, failures as
 * {@link v0ReadFailure} orders, and what Amazon's 404 said for ids it does not know.
 */
export function v0DetailAnswer(reads: readonly OrderBundleV0Read[]): DetailAnswer {
  let missing: NotFoundError | undefined;
  const orders = reads.flatMap((read) => {
    if ('bundle' in read) return [read.bundle];
    if ('failed' in read) return [v0ReadFailure(read.orderId, read.failed)];
    missing = read.missing;
    return [];
  });
  return missing ? { orders, requestId: missing.requestId, notFound: { httpStatus: missing.httpStatus, mallCode: missing.mallCode } } : { orders };
}

/** The schema the v0 reader checks each bundle with: a {@link v0ReadFailure} is refused with its own error's message. */
export const v0ReaderSchema: z.ZodType<AmazonOrderV0Bundle> = z.preprocess((wire, ctx) => {
  const failure = typeof wire === 'object' && wire !== null ? (wire as Record<symbol, unknown>)[READ_FAILURE] : undefined;
  if (MallkitError.isInstance(failure)) ctx.addIssue({ code: 'custom', message: failure.message, input: wire });
  return wire;
}, bundle);

/** getOrders' query, in the API's PascalCase names. */
export interface GetOrdersV0Params {
  /** Marketplaces to search (Amazon.co.jp: `A1VC38T7YXB528`). */
  readonly MarketplaceIds: readonly string[];
  /** Orders created at or after this instant (UTC `Z`); exactly one of CreatedAfter and LastUpdatedAfter. */
  readonly CreatedAfter?: string;
  /** Orders created at or before this instant; at least two minutes before the request. */
  readonly CreatedBefore?: string;
  /** Orders changed at or after this instant (UTC `Z`). */
  readonly LastUpdatedAfter?: string;
  /** Orders changed at or before this instant; at least two minutes before the request. */
  readonly LastUpdatedBefore?: string;
  /** v0 statuses (`Unshipped`, `Shipped`…). */
  readonly OrderStatuses?: readonly string[];
  /** `MFN` (the seller ships) or `AFN` (FBA). */
  readonly FulfillmentChannels?: readonly string[];
  /** 1–100 (default 100). */
  readonly MaxResultsPerPage?: number;
  /** The previous page's NextToken: it carries the search, the other filters are ignored. */
  readonly NextToken?: string;
}

function orderPath(orderId: string, suffix = ''): string {
  return `/orders/v0/orders/${encodeURIComponent(orderId)}${suffix}`;
}

// Each order and item is checked on its own (in the bundle): the envelopes only say "a list".
const list = z.array(z.unknown());

/** `GET /orders/v0/orders` (getOrders). */
export const getOrdersV0Endpoint = defineEndpoint({
  operation: 'getOrdersV0',
  method: 'GET',
  path: '/orders/v0/orders',
  limiterKey: perOperation('getOrdersV0'),
  query: (params: GetOrdersV0Params) => ({
    MarketplaceIds: csv(params.MarketplaceIds),
    CreatedAfter: params.CreatedAfter,
    CreatedBefore: params.CreatedBefore,
    LastUpdatedAfter: params.LastUpdatedAfter,
    LastUpdatedBefore: params.LastUpdatedBefore,
    OrderStatuses: csv(params.OrderStatuses),
    FulfillmentChannels: csv(params.FulfillmentChannels),
    MaxResultsPerPage: params.MaxResultsPerPage,
    NextToken: params.NextToken,
  }),
  answer: {
    format: 'json',
    schema: z.looseObject({
      payload: z.looseObject({ Orders: list, NextToken: z.string().optional(), CreatedBefore: z.string().optional(), LastUpdatedBefore: z.string().optional() }),
    }),
  },
});

/** `GET /orders/v0/orders/{orderId}` (getOrder, v0). */
export const getOrderV0Endpoint = defineEndpoint({
  operation: 'getOrderV0',
  method: 'GET',
  path: (orderId: string) => orderPath(orderId),
  limiterKey: perOperation('getOrderV0'),
  answer: { format: 'json', schema: z.looseObject({ payload: z.looseObject({}) }) },
});

/** `GET /orders/v0/orders/{orderId}/orderItems` (getOrderItems), one page. */
export const getOrderItemsV0Endpoint = defineEndpoint({
  operation: 'getOrderItemsV0',
  method: 'GET',
  path: (input: { readonly orderId: string; readonly nextToken?: string | undefined }) => orderPath(input.orderId, '/orderItems'),
  limiterKey: perOperation('getOrderItemsV0'),
  query: (input) => ({ NextToken: input.nextToken }),
  answer: { format: 'json', schema: z.looseObject({ payload: z.looseObject({ OrderItems: list, NextToken: z.string().optional() }) }) },
});

/** `GET /orders/v0/orders/{orderId}/address` (getOrderAddress). */
export const getOrderAddressV0Endpoint = defineEndpoint({
  operation: 'getOrderAddressV0',
  method: 'GET',
  path: (orderId: string) => orderPath(orderId, '/address'),
  limiterKey: perOperation('getOrderAddressV0'),
  answer: { format: 'json', schema: z.looseObject({ payload: z.unknown() }) },
});

/** `GET /orders/v0/orders/{orderId}/buyerInfo` (getOrderBuyerInfo). */
export const getOrderBuyerInfoV0Endpoint = defineEndpoint({
  operation: 'getOrderBuyerInfoV0',
  method: 'GET',
  path: (orderId: string) => orderPath(orderId, '/buyerInfo'),
  limiterKey: perOperation('getOrderBuyerInfoV0'),
  answer: { format: 'json', schema: z.looseObject({ payload: z.unknown() }) },
});

/** One line of a confirmShipment package. */
export interface ConfirmShipmentOrderItem {
  /** The line's orderItemId, as the order lists it. */
  readonly orderItemId: string;
  /** Units of the line in this package. */
  readonly quantity: number;
  /** Transparency codes of the shipped units, for Transparency-enrolled products only. */
  readonly transparencyCodes?: readonly string[];
}

/**
 * The body of confirmShipment (ordersV0.json ConfirmShipmentRequest / PackageDetail /
 * ConfirmShipmentOrderItem). `codCollectionMethod: 'DirectPayment'` exists for JP only and is not
 * sent by the connector: Amazon collects COD itself unless the seller arranged otherwise.
 */
export interface ConfirmShipmentBody {
  /** The order's marketplace (Amazon.co.jp: `A1VC38T7YXB528`). */
  readonly marketplaceId: string;
  /** JP only: the seller collects cash on delivery itself. */
  readonly codCollectionMethod?: 'DirectPayment';
  /** The one package this call confirms. */
  readonly packageDetail: {
    /** A positive integer as a string, unique within the order. */
    readonly packageReferenceId: string;
    /** A carrier as Seller Central lists it (`Yamato Transport`…), or `Other`. */
    readonly carrierCode: string;
    /** Required when carrierCode is `Other`. */
    readonly carrierName?: string;
    /** Free text (宅急便, ネコポス…), at most 50 characters. */
    readonly shippingMethod?: string;
    /** At most 50 characters. */
    readonly trackingNumber: string;
    /** UTC with `Z`. */
    readonly shipDate: string;
    /** The supply source the package left from (multi-location sellers). */
    readonly shipFromSupplySourceId?: string;
    /** Always an array, even for one line. */
    readonly orderItems: readonly ConfirmShipmentOrderItem[];
  };
}

/**
 * `POST /orders/v0/orders/{orderId}/shipmentConfirmation`; 204 with no body on success. NOT marked
 * idempotent: what Amazon does with a packageReferenceId sent twice (update that package, or refuse
 * it) is not documented — the model says only that the id "uniquely identifies a package within
 * the scope of an order" (ordersV0.json PackageReferenceId). So a timeout or 5xx is never re-sent:
 * the connector reads the order back to learn whether the package landed (decision 0003).
 */
export const confirmShipmentEndpoint = defineEndpoint({
  operation: 'confirmShipment',
  method: 'POST',
  path: (input: { readonly orderId: string; readonly body: ConfirmShipmentBody }) => orderPath(input.orderId, '/shipmentConfirmation'),
  limiterKey: perOperation('confirmShipment'),
  body: (input) => ({ json: input.body }),
  idempotent: false,
  answer: { format: 'text', schema: z.string() },
});

/** What one v0 getOrders page asks for besides its window. */
export interface GetOrdersV0Scope {
  readonly dateType: 'ordered' | 'updated';
  readonly marketplaceId: string;
  readonly fulfilledBy: ReadonlyArray<'MERCHANT' | 'AMAZON'>;
  /** v0 OrderStatuses to filter on; undefined for all. */
  readonly statuses: readonly string[] | undefined;
}

/** The getOrders query of one page (the NextToken page repeats the rest, as the old clients do). */
export function getOrdersV0Params(window: { readonly from: Date; readonly to: Date }, scope: GetOrdersV0Scope, nextToken: string | undefined): GetOrdersV0Params {
  const after = toAmazonDateTime(window.from);
  const before = toAmazonDateTime(Math.floor(window.to.getTime() / 1000) * 1000);
  return {
    MarketplaceIds: [scope.marketplaceId],
    ...(scope.dateType === 'ordered' ? { CreatedAfter: after, CreatedBefore: before } : { LastUpdatedAfter: after, LastUpdatedBefore: before }),
    ...(scope.statuses ? { OrderStatuses: scope.statuses } : {}),
    // One channel filters; both is the same as none.
    ...(scope.fulfilledBy.length === 1 ? { FulfillmentChannels: [scope.fulfilledBy[0] === 'AMAZON' ? 'AFN' : 'MFN'] } : {}),
    MaxResultsPerPage: 100,
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}
