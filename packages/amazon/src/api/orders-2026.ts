import { defineEndpoint, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { csv, money2026Schema, toAmazonDateTime } from './common.js';
import { perOperation } from './usage-plans.js';

/** Datasets searchOrders and getOrder return only when asked for (`includedData`). */
export const INCLUDED_DATA = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'EXPENSE',
  'PROMOTION',
  'CANCELLATION',
  'FULFILLMENT',
  'PACKAGES',
  'TAX',
  'PAYMENT',
  'FULFILLMENT_ORDERS',
] as const;

/** One `includedData` value of Orders API v2026-01-01. */
export type IncludedData = (typeof INCLUDED_DATA)[number];

/** What the connector asks for by default: everything a normalized order needs, nothing FBA-only or unmapped (TAX). */
export const DEFAULT_INCLUDED_DATA: readonly IncludedData[] = INCLUDED_DATA.filter((data) => data !== 'TAX' && data !== 'FULFILLMENT_ORDERS');

/** v2026 fulfillment statuses. */
export const FULFILLMENT_STATUSES = ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED', 'UNFULFILLABLE'] as const;

/** One v2026 fulfillment status. */
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

const dateTimeRange = wireModel({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() });

const customerAddress = wireModel({
  name: z.string().optional(),
  companyName: z.string().optional(),
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().optional(),
  districtOrCounty: z.string().optional(),
  stateOrRegion: z.string().optional(),
  municipality: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
  phone: z.string().optional(),
  addressType: z.string().optional(),
});

const breakdown = wireModel({ type: z.string(), subtotal: money2026Schema });

const orderItem = wireModel({
  orderItemId: z.string(),
  quantityOrdered: z.number().int(),
  programs: z.array(z.string()).optional(),
  product: wireModel({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    condition: wireModel({ conditionType: z.string().optional(), conditionSubtype: z.string().optional() }).optional(),
    price: wireModel({ unitPrice: money2026Schema.optional(), priceDesignation: z.string().optional() }).optional(),
  }),
  proceeds: wireModel({ proceedsTotal: money2026Schema.optional(), breakdowns: z.array(breakdown).optional() }).optional(),
  expense: wireModel({
    pointsCost: wireModel({ pointsGranted: wireModel({ pointsNumber: z.number().optional(), pointsMonetaryValue: money2026Schema.optional() }).optional() }).optional(),
  }).optional(),
  cancellation: wireModel({ cancellationRequest: wireModel({ requester: z.string().optional(), cancelReason: z.string().optional() }).optional() }).optional(),
  fulfillment: wireModel({
    quantityFulfilled: z.number().optional(),
    quantityUnfulfilled: z.number().optional(),
    packing: wireModel({ giftOption: wireModel({ giftMessage: z.string().optional(), giftWrapLevel: z.string().optional() }).optional() }).optional(),
    shipping: wireModel({ scheduledDeliveryWindow: dateTimeRange.optional() }).optional(),
  }).optional(),
});

const orderPackage = wireModel({
  packageReferenceId: z.string(),
  createdTime: z.string().optional(),
  packageStatus: wireModel({ status: z.string(), detailedStatus: z.string().optional() }).optional(),
  carrier: z.string().optional(),
  shipTime: z.string().optional(),
  shippingService: z.string().optional(),
  trackingNumber: z.string().optional(),
  packageItems: z.array(wireModel({ orderItemId: z.string(), quantity: z.number().int() })).optional(),
});

const order = wireModel({
  orderId: z.string(),
  orderAliases: z.array(wireModel({ aliasId: z.string(), aliasType: z.string() })).optional(),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  programs: z.array(z.string()).optional(),
  salesChannel: wireModel({ channelName: z.string(), marketplaceId: z.string().optional(), marketplaceName: z.string().optional() }),
  buyer: wireModel({
    buyerName: z.string().optional(),
    buyerEmail: z.string().optional(),
    buyerCompanyName: z.string().optional(),
    buyerPurchaseOrderNumber: z.string().optional(),
  }).optional(),
  recipient: wireModel({
    deliveryAddress: customerAddress.optional(),
    deliveryPreference: wireModel({ addressInstruction: z.string().optional(), dropOffLocation: z.string().optional() }).optional(),
  }).optional(),
  proceeds: wireModel({ grandTotal: money2026Schema.optional(), breakdowns: z.array(breakdown).optional() }).optional(),
  payment: wireModel({ paymentExecutions: z.array(wireModel({ paymentMethod: z.string().optional(), paymentAmount: money2026Schema.optional() })).optional() }).optional(),
  fulfillment: wireModel({
    fulfillmentStatus: z.string(),
    fulfilledBy: z.string().optional(),
    fulfillmentServiceLevel: z.string().optional(),
    shipByWindow: dateTimeRange.optional(),
    deliverByWindow: dateTimeRange.optional(),
  }).optional(),
  orderItems: z.array(orderItem),
  packages: z.array(orderPackage).optional(),
});

/* eslint-disable @typescript-eslint/no-empty-object-type -- named interfaces, so that editors and the API reference show
   `AmazonOrder2026` and its kin instead of an expanded zod shape (issue 16). The schemas are wireModel's: loose at run
   time (Amazon adds fields), closed types (a typo such as `order.raw.ordreId` does not compile). */
/** A v2026 CustomerAddress (the recipient's delivery address). */
export interface AmazonCustomerAddress extends z.infer<typeof customerAddress> {}

/** An order item as Orders API v2026-01-01 sends it (always inline in the order). */
export interface AmazonOrderItem2026 extends z.infer<typeof orderItem> {}

/** A package as v2026 reports it (merchant-fulfilled orders): what confirmShipment recorded. */
export interface AmazonOrderPackage extends z.infer<typeof orderPackage> {}

/**
 * An order as Orders API v2026-01-01 sends it — buyer, recipient, items, proceeds and packages in
 * one object — and `order.raw` on the default path. Only the documented keys are typed.
 */
export interface AmazonOrder2026 extends z.infer<typeof order> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

/** One v2026 order, checked on its own: unknown keys pass (Amazon adds fields), a missing required one fails that order only. */
export const order2026Schema: z.ZodType<AmazonOrder2026> = order;

/** The query of searchOrders, in the names the API uses. */
export interface SearchOrdersParams {
  /** Marketplaces to search (Amazon.co.jp: `A1VC38T7YXB528`). */
  readonly marketplaceIds: readonly string[];
  /** Orders created at or after this instant (UTC `Z`); exactly one of createdAfter and lastUpdatedAfter. */
  readonly createdAfter?: string;
  /** Orders created at or before this instant; at least two minutes before the request. */
  readonly createdBefore?: string;
  /** Orders changed at or after this instant (UTC `Z`). */
  readonly lastUpdatedAfter?: string;
  /** Orders changed at or before this instant; at least two minutes before the request. */
  readonly lastUpdatedBefore?: string;
  /** Only orders in these fulfillment statuses. */
  readonly fulfillmentStatuses?: readonly FulfillmentStatus[];
  /** Only orders the seller (`MERCHANT`) or Amazon (`AMAZON`, FBA) fulfils. */
  readonly fulfilledBy?: readonly ('MERCHANT' | 'AMAZON')[];
  /** 1–100 (default 100). */
  readonly maxResultsPerPage?: number;
  /** The previous page's `pagination.nextToken`; every other parameter must repeat unchanged. */
  readonly paginationToken?: string;
  /** Datasets to include (buyer, recipient, proceeds…); without them the order carries only its core fields. */
  readonly includedData?: readonly IncludedData[];
}

/**
 * `GET /orders/2026-01-01/orders` (searchOrders). No `payload` wrapper in this version; each order
 * of the page is checked on its own by the connector's reader.
 */
export const searchOrdersEndpoint = defineEndpoint({
  operation: 'searchOrders',
  method: 'GET',
  path: '/orders/2026-01-01/orders',
  limiterKey: perOperation('searchOrders'),
  query: (params: SearchOrdersParams) => ({
    marketplaceIds: csv(params.marketplaceIds),
    createdAfter: params.createdAfter,
    createdBefore: params.createdBefore,
    lastUpdatedAfter: params.lastUpdatedAfter,
    lastUpdatedBefore: params.lastUpdatedBefore,
    fulfillmentStatuses: csv(params.fulfillmentStatuses),
    fulfilledBy: csv(params.fulfilledBy),
    maxResultsPerPage: params.maxResultsPerPage,
    paginationToken: params.paginationToken,
    includedData: csv(params.includedData),
  }),
  answer: {
    format: 'json',
    schema: z.looseObject({
      orders: z.array(z.unknown()),
      pagination: z.looseObject({ nextToken: z.string().optional() }).optional(),
      createdBefore: z.string().optional(),
      lastUpdatedBefore: z.string().optional(),
    }),
  },
});

/** `GET /orders/2026-01-01/orders/{orderId}` (getOrder). */
export const getOrderEndpoint = defineEndpoint({
  operation: 'getOrder',
  method: 'GET',
  path: (input: { readonly orderId: string; readonly includedData: readonly IncludedData[] }) => `/orders/2026-01-01/orders/${encodeURIComponent(input.orderId)}`,
  limiterKey: perOperation('getOrder'),
  query: (input) => ({ includedData: csv(input.includedData) }),
  answer: { format: 'json', schema: z.looseObject({ order: z.looseObject({}) }) },
});

/** What one searchOrders page asks for besides its window: the connector's settings and the status pre-filter. */
export interface SearchScope {
  readonly dateType: 'ordered' | 'updated';
  readonly marketplaceId: string;
  readonly fulfilledBy: ReadonlyArray<'MERCHANT' | 'AMAZON'>;
  readonly includedData: readonly IncludedData[];
  /** Only these statuses (the API filters); undefined for all. */
  readonly statuses: readonly FulfillmentStatus[] | undefined;
}

/**
 * The searchOrders query of one page. `createdBefore`/`lastUpdatedBefore` is always sent: the
 * window's end is at least two minutes old (the connector's visibility lag), and a token's page
 * must repeat every other parameter unchanged (orders_2026-01-01.json Pagination).
 */
export function searchOrdersParams(window: { readonly from: Date; readonly to: Date }, scope: SearchScope, paginationToken: string | undefined): SearchOrdersParams {
  const after = toAmazonDateTime(window.from);
  const before = toAmazonDateTime(Math.floor(window.to.getTime() / 1000) * 1000);
  return {
    marketplaceIds: [scope.marketplaceId],
    ...(scope.dateType === 'ordered' ? { createdAfter: after, createdBefore: before } : { lastUpdatedAfter: after, lastUpdatedBefore: before }),
    ...(scope.statuses ? { fulfillmentStatuses: scope.statuses } : {}),
    fulfilledBy: scope.fulfilledBy,
    maxResultsPerPage: 100,
    includedData: scope.includedData,
    ...(paginationToken ? { paginationToken } : {}),
  };
}
