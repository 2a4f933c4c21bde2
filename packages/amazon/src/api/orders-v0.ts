import type { HttpRequest } from '@mallkit/core';
import { z } from 'zod';
import { csv, moneyV0Schema } from './common.js';

/** Address (v0): PascalCase; `StateOrRegion` holds the prefecture for JP. */
export const addressV0Schema = z.looseObject({
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

/** Order (v0, deprecated for reads). */
export const orderV0Schema = z.looseObject({
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
  ShippingAddress: addressV0Schema.optional(),
  BuyerInfo: z.looseObject({ BuyerEmail: z.string().optional(), BuyerName: z.string().optional() }).optional(),
});

/** An order as Orders API v0 sends it. */
export type AmazonOrderV0 = z.infer<typeof orderV0Schema>;

/** OrderItem (v0). `IsGift` is a string "true"/"false" in this version. */
export const orderItemV0Schema = z.looseObject({
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
  PointsGranted: z.looseObject({ PointsNumber: z.number().optional(), PointsMonetaryValue: moneyV0Schema.optional() }).optional(),
  IsGift: z.string().optional(),
  BuyerRequestedCancel: z.looseObject({ IsBuyerRequestedCancel: z.string().optional(), BuyerCancelReason: z.string().optional() }).optional(),
  ScheduledDeliveryStartDate: z.string().optional(),
  ScheduledDeliveryEndDate: z.string().optional(),
});

/** An order item as Orders API v0 sends it. */
export type AmazonOrderItemV0 = z.infer<typeof orderItemV0Schema>;

/** getOrders' answer: `{ payload: { Orders, NextToken? } }`. */
export const getOrdersV0ResponseSchema = z.looseObject({
  payload: z.looseObject({
    Orders: z.array(orderV0Schema),
    NextToken: z.string().optional(),
    CreatedBefore: z.string().optional(),
    LastUpdatedBefore: z.string().optional(),
  }),
});

/** getOrder's answer (v0). */
export const getOrderV0ResponseSchema = z.looseObject({ payload: orderV0Schema });

/** getOrderItems' answer. */
export const getOrderItemsV0ResponseSchema = z.looseObject({
  payload: z.looseObject({ AmazonOrderId: z.string(), OrderItems: z.array(orderItemV0Schema), NextToken: z.string().optional() }),
});

/** getOrderAddress' answer. */
export const getOrderAddressV0ResponseSchema = z.looseObject({
  payload: z.looseObject({ AmazonOrderId: z.string(), BuyerCompanyName: z.string().optional(), ShippingAddress: addressV0Schema.optional() }),
});

/** getOrderBuyerInfo's answer. */
export const getOrderBuyerInfoV0ResponseSchema = z.looseObject({
  payload: z.looseObject({
    AmazonOrderId: z.string(),
    BuyerEmail: z.string().optional(),
    BuyerName: z.string().optional(),
    PurchaseOrderNumber: z.string().optional(),
  }),
});

/** What the v0 path read for one order: `order.raw` on that path. */
export interface AmazonOrderV0Bundle {
  readonly order: AmazonOrderV0;
  readonly items: readonly AmazonOrderItemV0[];
  readonly address: z.infer<typeof getOrderAddressV0ResponseSchema>['payload'] | null;
  readonly buyer: z.infer<typeof getOrderBuyerInfoV0ResponseSchema>['payload'] | null;
}

/** getOrders' query, in the API's PascalCase names. */
export interface GetOrdersV0Params {
  readonly MarketplaceIds: readonly string[];
  readonly CreatedAfter?: string;
  readonly CreatedBefore?: string;
  readonly LastUpdatedAfter?: string;
  readonly LastUpdatedBefore?: string;
  readonly OrderStatuses?: readonly string[];
  readonly FulfillmentChannels?: readonly string[];
  readonly MaxResultsPerPage?: number;
  readonly NextToken?: string;
}

/** Builds `GET /orders/v0/orders` (getOrders). */
export function getOrdersV0Request(params: GetOrdersV0Params, limiterKey: string): HttpRequest {
  return {
    operation: 'getOrdersV0',
    method: 'GET',
    path: '/orders/v0/orders',
    limiterKey,
    query: {
      MarketplaceIds: csv(params.MarketplaceIds),
      CreatedAfter: params.CreatedAfter,
      CreatedBefore: params.CreatedBefore,
      LastUpdatedAfter: params.LastUpdatedAfter,
      LastUpdatedBefore: params.LastUpdatedBefore,
      OrderStatuses: csv(params.OrderStatuses),
      FulfillmentChannels: csv(params.FulfillmentChannels),
      MaxResultsPerPage: params.MaxResultsPerPage,
      NextToken: params.NextToken,
    },
  };
}

function orderPath(orderId: string, suffix = ''): string {
  return `/orders/v0/orders/${encodeURIComponent(orderId)}${suffix}`;
}

/** Builds `GET /orders/v0/orders/{orderId}` (getOrder, v0). */
export function getOrderV0Request(orderId: string, limiterKey: string): HttpRequest {
  return { operation: 'getOrderV0', method: 'GET', path: orderPath(orderId), limiterKey };
}

/** Builds `GET /orders/v0/orders/{orderId}/orderItems` (getOrderItems). */
export function getOrderItemsV0Request(orderId: string, nextToken: string | undefined, limiterKey: string): HttpRequest {
  return {
    operation: 'getOrderItemsV0',
    method: 'GET',
    path: orderPath(orderId, '/orderItems'),
    limiterKey,
    query: { NextToken: nextToken },
  };
}

/** Builds `GET /orders/v0/orders/{orderId}/address` (getOrderAddress). */
export function getOrderAddressV0Request(orderId: string, limiterKey: string): HttpRequest {
  return { operation: 'getOrderAddressV0', method: 'GET', path: orderPath(orderId, '/address'), limiterKey };
}

/** Builds `GET /orders/v0/orders/{orderId}/buyerInfo` (getOrderBuyerInfo). */
export function getOrderBuyerInfoV0Request(orderId: string, limiterKey: string): HttpRequest {
  return { operation: 'getOrderBuyerInfoV0', method: 'GET', path: orderPath(orderId, '/buyerInfo'), limiterKey };
}

/** One line of a confirmShipment package. */
export interface ConfirmShipmentOrderItem {
  readonly orderItemId: string;
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
  readonly marketplaceId: string;
  readonly codCollectionMethod?: 'DirectPayment';
  readonly packageDetail: {
    /** A positive integer as a string; the same id re-sent updates that package. */
    readonly packageReferenceId: string;
    readonly carrierCode: string;
    /** Required when carrierCode is `Other`. */
    readonly carrierName?: string;
    readonly shippingMethod?: string;
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
 * Builds `POST /orders/v0/orders/{orderId}/shipmentConfirmation`. Marked idempotent: the body
 * carries a packageReferenceId derived from the package itself, so sending it twice updates the
 * same package instead of adding one, and an unknown outcome (timeout, 5xx) may be re-sent.
 */
export function confirmShipmentRequest(orderId: string, body: ConfirmShipmentBody, limiterKey: string): HttpRequest {
  return {
    operation: 'confirmShipment',
    method: 'POST',
    path: orderPath(orderId, '/shipmentConfirmation'),
    limiterKey,
    json: body,
    idempotent: true,
  };
}
