import type { AmazonOrder2026 } from '../api/orders-2026.js';

const STATUS_V0: Readonly<Record<string, string>> = {
  PENDING_AVAILABILITY: 'PendingAvailability',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'PartiallyShipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Canceled',
  UNFULFILLABLE: 'Unfulfillable',
};

function money(amount: string | undefined): { CurrencyCode: string; Amount: string } | undefined {
  return amount === undefined ? undefined : { CurrencyCode: 'JPY', Amount: amount };
}

function breakdown(item: AmazonOrder2026['orderItems'][number], type: string): string | undefined {
  return item.proceeds?.breakdowns?.find((b) => b.type === type)?.subtotal.amount;
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The order as v0 getOrders/getOrder shows it. PII stays out: v0 returns it only with an RDT. */
export function v0Order(order: AmazonOrder2026): Record<string, unknown> {
  const method = order.payment?.paymentExecutions?.[0]?.paymentMethod;
  const status = order.fulfillment?.fulfillmentStatus ?? 'PENDING';
  const shipped = order.orderItems.reduce((n, i) => n + (i.fulfillment?.quantityFulfilled ?? 0), 0);
  const ordered = order.orderItems.reduce((n, i) => n + i.quantityOrdered, 0);
  const programs = new Set(order.programs ?? []);
  return compact({
    AmazonOrderId: order.orderId,
    PurchaseDate: order.createdTime,
    LastUpdateDate: order.lastUpdatedTime,
    OrderStatus: STATUS_V0[status] ?? status,
    FulfillmentChannel: order.fulfillment?.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
    SalesChannel: 'Amazon.co.jp',
    ShipServiceLevel: 'Std JP Kanto8',
    OrderTotal: money(order.proceeds?.grandTotal?.amount),
    NumberOfItemsShipped: shipped,
    NumberOfItemsUnshipped: ordered - shipped,
    // An order without payment data has no PaymentMethod in v0 either.
    PaymentMethod: method === undefined ? undefined : method === 'CashOnDelivery' ? 'COD' : method === 'ConvenienceStore' ? 'CVS' : 'Other',
    PaymentMethodDetails: method === 'CashOnDelivery' || method === 'ConvenienceStore' || method === undefined ? [] : [method],
    MarketplaceId: order.salesChannel.marketplaceId,
    ShipmentServiceLevelCategory: 'Standard',
    OrderType: programs.has('PREORDER') ? 'Preorder' : 'StandardOrder',
    EarliestShipDate: order.fulfillment?.shipByWindow?.earliestDateTime,
    LatestShipDate: order.fulfillment?.shipByWindow?.latestDateTime,
    EarliestDeliveryDate: order.fulfillment?.deliverByWindow?.earliestDateTime,
    LatestDeliveryDate: order.fulfillment?.deliverByWindow?.latestDateTime,
    IsBusinessOrder: programs.has('AMAZON_BUSINESS'),
    IsPrime: programs.has('PRIME'),
    IsPremiumOrder: programs.has('PREMIUM'),
    IsGlobalExpressEnabled: false,
    IsReplacementOrder: false,
    IsSoldByAB: false,
    IsISPU: false,
  });
}

/** getOrderItems' OrderItems. */
export function v0Items(order: AmazonOrder2026): Array<Record<string, unknown>> {
  return order.orderItems.map((item) => {
    const window = item.fulfillment?.shipping?.scheduledDeliveryWindow;
    return compact({
      ASIN: item.product.asin ?? '',
      SellerSKU: item.product.sellerSku,
      OrderItemId: item.orderItemId,
      Title: item.product.title,
      QuantityOrdered: item.quantityOrdered,
      QuantityShipped: item.fulfillment?.quantityFulfilled ?? 0,
      ItemPrice: money(breakdown(item, 'ITEM')),
      ShippingPrice: money(breakdown(item, 'SHIPPING')),
      CODFee: money(breakdown(item, 'COD_FEE')),
      PointsGranted: item.expense?.pointsCost?.pointsGranted
        ? { PointsNumber: item.expense.pointsCost.pointsGranted.pointsNumber, PointsMonetaryValue: money(item.expense.pointsCost.pointsGranted.pointsMonetaryValue?.amount) }
        : undefined,
      IsGift: item.fulfillment?.packing?.giftOption ? 'true' : 'false',
      BuyerRequestedCancel: item.cancellation?.cancellationRequest
        ? { IsBuyerRequestedCancel: 'true', BuyerCancelReason: item.cancellation.cancellationRequest.cancelReason ?? '' }
        : undefined,
      ScheduledDeliveryStartDate: window?.earliestDateTime,
      ScheduledDeliveryEndDate: window?.latestDateTime,
    });
  });
}

/** getOrderAddress' payload; no ShippingAddress before payment or after cancellation, as Amazon does. */
export function v0Address(order: AmazonOrder2026): Record<string, unknown> {
  const status = order.fulfillment?.fulfillmentStatus;
  const a = order.recipient?.deliveryAddress;
  const released = a && status !== 'PENDING' && status !== 'CANCELLED';
  return compact({
    AmazonOrderId: order.orderId,
    BuyerCompanyName: order.buyer?.buyerCompanyName,
    ShippingAddress: released
      ? compact({
          Name: a.name,
          CompanyName: a.companyName,
          AddressLine1: a.addressLine1,
          AddressLine2: a.addressLine2,
          AddressLine3: a.addressLine3,
          City: a.city,
          StateOrRegion: a.stateOrRegion,
          PostalCode: a.postalCode,
          CountryCode: a.countryCode,
          Phone: a.phone,
          AddressType: a.addressType === 'COMMERCIAL' ? 'Commercial' : 'Residential',
        })
      : undefined,
  });
}

/** getOrderBuyerInfo's payload. */
export function v0Buyer(order: AmazonOrder2026): Record<string, unknown> {
  return compact({
    AmazonOrderId: order.orderId,
    BuyerEmail: order.buyer?.buyerEmail,
    BuyerName: order.buyer?.buyerName,
    PurchaseOrderNumber: order.buyer?.buyerPurchaseOrderNumber,
  });
}
