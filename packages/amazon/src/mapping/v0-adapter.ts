import { order2026Schema, type AmazonOrder2026, type AmazonOrderItem2026 } from '../api/orders-2026.js';
import type { MoneyV0 } from '../api/common.js';
import type { AmazonOrderItemV0, AmazonOrderV0Bundle } from '../api/orders-v0.js';
import { parseYen } from './money.js';
import { pickPaymentRaw } from './payment.js';
import { V0_TO_2026_STATUS } from './status.js';

type Money = { amount: string; currencyCode: string };
type Breakdown = { type: string; subtotal: Money };

function money(value: MoneyV0 | undefined): Money | undefined {
  return value?.Amount === undefined ? undefined : { amount: value.Amount, currencyCode: value.CurrencyCode ?? 'JPY' };
}

/** Adds v0 amounts exactly (integer yen); an unreadable part is passed through so the mapper warns. */
function sum(values: ReadonlyArray<MoneyV0 | undefined>, negate = false): Money | undefined {
  let total: number | null = null;
  for (const value of values) {
    if (value?.Amount === undefined) continue;
    const yen = parseYen(value.Amount, value.CurrencyCode);
    if (yen === null) return money(value);
    total = (total ?? 0) + yen;
  }
  return total === null ? undefined : { amount: String(negate ? -total : total), currencyCode: 'JPY' };
}

function breakdowns(entries: ReadonlyArray<[string, Money | undefined]>): Breakdown[] {
  return entries.filter((entry): entry is [string, Money] => entry[1] !== undefined).map(([type, subtotal]) => ({ type, subtotal }));
}

/** v0 gives the line total; the unit price is exact only when the total divides by the quantity. */
function unitPrice(item: AmazonOrderItemV0): Money | undefined {
  const total = parseYen(item.ItemPrice?.Amount, item.ItemPrice?.CurrencyCode);
  if (total === null || item.QuantityOrdered <= 0 || total % item.QuantityOrdered !== 0) return undefined;
  return { amount: String(total / item.QuantityOrdered), currencyCode: 'JPY' };
}

function adaptItem(item: AmazonOrderItemV0): AmazonOrderItem2026 {
  const itemBreakdowns = breakdowns([
    ['ITEM', money(item.ItemPrice)],
    ['SHIPPING', money(item.ShippingPrice)],
    ['COD_FEE', sum([item.CODFee])],
    ['TAX', sum([item.ItemTax, item.ShippingTax])],
    // v0 writes discounts as positive amounts; v2026 proceeds carry them negative.
    ['DISCOUNT', sum([item.PromotionDiscount, item.ShippingDiscount, item.CODFeeDiscount], true)],
  ]);
  const unit = unitPrice(item);
  return {
    orderItemId: item.OrderItemId,
    quantityOrdered: item.QuantityOrdered,
    product: {
      asin: item.ASIN,
      ...(item.Title !== undefined ? { title: item.Title } : {}),
      ...(item.SellerSKU !== undefined ? { sellerSku: item.SellerSKU } : {}),
      ...(unit ? { price: { unitPrice: unit } } : {}),
    },
    proceeds: { breakdowns: itemBreakdowns },
    ...(item.BuyerRequestedCancel?.IsBuyerRequestedCancel === 'true'
      ? { cancellation: { cancellationRequest: { requester: 'BUYER', ...(item.BuyerRequestedCancel.BuyerCancelReason ? { cancelReason: item.BuyerRequestedCancel.BuyerCancelReason } : {}) } } }
      : {}),
    fulfillment: {
      ...(item.QuantityShipped !== undefined ? { quantityFulfilled: item.QuantityShipped } : {}),
      ...(item.IsGift === 'true' ? { packing: { giftOption: {} } } : {}),
      ...(item.ScheduledDeliveryStartDate
        ? { shipping: { scheduledDeliveryWindow: { earliestDateTime: item.ScheduledDeliveryStartDate, ...(item.ScheduledDeliveryEndDate ? { latestDateTime: item.ScheduledDeliveryEndDate } : {}) } } }
        : {}),
    },
  };
}

function lower<T extends Record<string, unknown>>(address: T | undefined): Record<string, unknown> | undefined {
  if (!address) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(address)) {
    if (key === 'County') out['districtOrCounty'] = value;
    else out[key.charAt(0).toLowerCase() + key.slice(1)] = value;
  }
  return out;
}

/**
 * Reshapes what the v0 path read into the v2026 order shape, so that one mapper normalizes both
 * paths alike. Field correspondences follow Amazon's migration guide; the raw v0 answers stay in
 * `order.raw`.
 */
export function adaptV0Bundle(bundle: AmazonOrderV0Bundle): AmazonOrder2026 {
  const { order, items } = bundle;
  const programs = [
    order.IsPrime ? 'PRIME' : null,
    order.IsPremiumOrder ? 'PREMIUM' : null,
    order.IsBusinessOrder ? 'AMAZON_BUSINESS' : null,
    order.OrderType === 'Preorder' ? 'PREORDER' : null,
  ].filter((p): p is string => p !== null);
  const shipping = bundle.address?.ShippingAddress ?? order.ShippingAddress;
  const deliveryAddress = lower(shipping);
  const companyName = bundle.address?.BuyerCompanyName;
  const paymentMethod = pickPaymentRaw(order.PaymentMethod, order.PaymentMethodDetails ?? []);
  const adapted = {
    orderId: order.AmazonOrderId,
    createdTime: order.PurchaseDate,
    lastUpdatedTime: order.LastUpdateDate,
    programs,
    salesChannel: { channelName: 'AMAZON', ...(order.MarketplaceId ? { marketplaceId: order.MarketplaceId } : {}) },
    buyer: {
      buyerName: bundle.buyer?.BuyerName ?? order.BuyerInfo?.BuyerName,
      buyerEmail: bundle.buyer?.BuyerEmail ?? order.BuyerInfo?.BuyerEmail,
      buyerCompanyName: companyName,
    },
    ...(deliveryAddress ? { recipient: { deliveryAddress } } : {}),
    proceeds: {
      ...(money(order.OrderTotal) ? { grandTotal: money(order.OrderTotal) } : {}),
    },
    ...(paymentMethod === null ? {} : { payment: { paymentExecutions: [{ paymentMethod }] } }),
    fulfillment: {
      fulfillmentStatus: V0_TO_2026_STATUS[order.OrderStatus] ?? order.OrderStatus,
      fulfilledBy: order.FulfillmentChannel === 'AFN' ? 'AMAZON' : 'MERCHANT',
      ...(order.ShipmentServiceLevelCategory ? { fulfillmentServiceLevel: order.ShipmentServiceLevelCategory } : {}),
      shipByWindow: { earliestDateTime: order.EarliestShipDate, latestDateTime: order.LatestShipDate },
      deliverByWindow: { earliestDateTime: order.EarliestDeliveryDate, latestDateTime: order.LatestDeliveryDate },
    },
    orderItems: items.map(adaptItem),
  };
  // A JSON round trip drops the undefined fields; the schema check proves the shape instead of a cast.
  return order2026Schema.parse(JSON.parse(JSON.stringify(adapted)));
}
