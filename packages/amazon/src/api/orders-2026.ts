import type { HttpRequest } from '@mallkit/core';
import { z } from 'zod';
import { csv, money2026Schema } from './common.js';

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

/** One `includedData` value. */
export type IncludedData = (typeof INCLUDED_DATA)[number];

/** What the connector asks for by default: everything a normalized order needs, nothing FBA-only or unmapped (TAX). */
export const DEFAULT_INCLUDED_DATA: readonly IncludedData[] = INCLUDED_DATA.filter((data) => data !== 'TAX' && data !== 'FULFILLMENT_ORDERS');

/** v2026 fulfillment statuses. */
export const FULFILLMENT_STATUSES = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
] as const;

/** One v2026 fulfillment status. */
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

const dateTimeRange = z.looseObject({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() });

/** CustomerAddress (v2026). */
export const customerAddressSchema = z.looseObject({
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

const breakdown = z.looseObject({ type: z.string(), subtotal: money2026Schema });

/** OrderItem (v2026): product, quantities, proceeds; items always come inline. */
export const orderItem2026Schema = z.looseObject({
  orderItemId: z.string(),
  quantityOrdered: z.number().int(),
  programs: z.array(z.string()).optional(),
  product: z.looseObject({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    price: z.looseObject({ unitPrice: money2026Schema.optional(), priceDesignation: z.string().optional() }).optional(),
  }),
  proceeds: z
    .looseObject({
      proceedsTotal: money2026Schema.optional(),
      breakdowns: z.array(breakdown).optional(),
    })
    .optional(),
  expense: z
    .looseObject({
      pointsCost: z
        .looseObject({
          pointsGranted: z.looseObject({ pointsNumber: z.number().optional(), pointsMonetaryValue: money2026Schema.optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
  cancellation: z
    .looseObject({
      cancellationRequest: z.looseObject({ requester: z.string().optional(), cancelReason: z.string().optional() }).optional(),
    })
    .optional(),
  fulfillment: z
    .looseObject({
      quantityFulfilled: z.number().optional(),
      quantityUnfulfilled: z.number().optional(),
      packing: z.looseObject({ giftOption: z.looseObject({ giftMessage: z.string().optional(), giftWrapLevel: z.string().optional() }).optional() }).optional(),
      shipping: z.looseObject({ scheduledDeliveryWindow: dateTimeRange.optional() }).optional(),
    })
    .optional(),
});

/** An order item as v2026 sends it. */
export type AmazonOrderItem2026 = z.infer<typeof orderItem2026Schema>;

/** OrderPackage (v2026, merchant-fulfilled orders): what confirmShipment recorded. */
export const orderPackageSchema = z.looseObject({
  packageReferenceId: z.string(),
  createdTime: z.string().optional(),
  packageStatus: z.looseObject({ status: z.string(), detailedStatus: z.string().optional() }).optional(),
  carrier: z.string().optional(),
  shipTime: z.string().optional(),
  shippingService: z.string().optional(),
  trackingNumber: z.string().optional(),
  packageItems: z.array(z.looseObject({ orderItemId: z.string(), quantity: z.number().int() })).optional(),
});

/** A package as v2026 reports it. */
export type AmazonOrderPackage = z.infer<typeof orderPackageSchema>;

/** Order (v2026-01-01): buyer, recipient, items, proceeds and packages in one object. */
export const order2026Schema = z.looseObject({
  orderId: z.string(),
  orderAliases: z.array(z.looseObject({ aliasId: z.string(), aliasType: z.string() })).optional(),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  programs: z.array(z.string()).optional(),
  salesChannel: z.looseObject({ channelName: z.string(), marketplaceId: z.string().optional(), marketplaceName: z.string().optional() }),
  buyer: z
    .looseObject({
      buyerName: z.string().optional(),
      buyerEmail: z.string().optional(),
      buyerCompanyName: z.string().optional(),
      buyerPurchaseOrderNumber: z.string().optional(),
    })
    .optional(),
  recipient: z
    .looseObject({
      deliveryAddress: customerAddressSchema.optional(),
      deliveryPreference: z.looseObject({ addressInstruction: z.string().optional(), dropOffLocation: z.string().optional() }).optional(),
    })
    .optional(),
  proceeds: z.looseObject({ grandTotal: money2026Schema.optional(), breakdowns: z.array(breakdown).optional() }).optional(),
  payment: z
    .looseObject({
      paymentExecutions: z.array(z.looseObject({ paymentMethod: z.string().optional(), paymentAmount: money2026Schema.optional() })).optional(),
    })
    .optional(),
  fulfillment: z
    .looseObject({
      fulfillmentStatus: z.string(),
      fulfilledBy: z.string().optional(),
      fulfillmentServiceLevel: z.string().optional(),
      shipByWindow: dateTimeRange.optional(),
      deliverByWindow: dateTimeRange.optional(),
    })
    .optional(),
  orderItems: z.array(orderItem2026Schema),
  packages: z.array(orderPackageSchema).optional(),
});

/** An order as Orders API v2026-01-01 sends it: `order.raw` on the v2026 path. */
export type AmazonOrder2026 = z.infer<typeof order2026Schema>;

/** searchOrders' answer: no `payload` wrapper in this version. */
export const searchOrdersResponseSchema = z.looseObject({
  orders: z.array(order2026Schema),
  pagination: z.looseObject({ nextToken: z.string().optional() }).optional(),
  createdBefore: z.string().optional(),
  lastUpdatedBefore: z.string().optional(),
});

/** getOrder's answer. */
export const getOrderResponseSchema = z.looseObject({ order: order2026Schema });

/** The query of searchOrders, in the names the API uses. */
export interface SearchOrdersParams {
  readonly marketplaceIds: readonly string[];
  readonly createdAfter?: string;
  readonly createdBefore?: string;
  readonly lastUpdatedAfter?: string;
  readonly lastUpdatedBefore?: string;
  readonly fulfillmentStatuses?: readonly FulfillmentStatus[];
  readonly fulfilledBy?: readonly ('MERCHANT' | 'AMAZON')[];
  readonly maxResultsPerPage?: number;
  readonly paginationToken?: string;
  readonly includedData?: readonly IncludedData[];
}

/** Builds `GET /orders/2026-01-01/orders` (searchOrders). */
export function searchOrdersRequest(params: SearchOrdersParams, limiterKey: string): HttpRequest {
  return {
    operation: 'searchOrders',
    method: 'GET',
    path: '/orders/2026-01-01/orders',
    limiterKey,
    query: {
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
    },
  };
}

/** Builds `GET /orders/2026-01-01/orders/{orderId}` (getOrder). */
export function getOrderRequest(orderId: string, includedData: readonly IncludedData[], limiterKey: string): HttpRequest {
  return {
    operation: 'getOrder',
    method: 'GET',
    path: `/orders/2026-01-01/orders/${encodeURIComponent(orderId)}`,
    limiterKey,
    query: { includedData: csv(includedData) },
  };
}
