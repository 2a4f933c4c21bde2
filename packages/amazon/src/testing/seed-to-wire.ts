import { createHash } from 'node:crypto';
import { parseJst, type OrderStatus, type PaymentMethodCode } from '@mallkit/core';
import type { SeedOrder, SeedParty } from '@mallkit/core/testing';
import { toAmazonDateTime } from '../api/common.js';
import type { AmazonOrder2026, AmazonOrderItem2026, FulfillmentStatus } from '../api/orders-2026.js';
import { AMAZON_CARRIER_CODES } from '../mapping/carrier.js';
import { AMAZON_JP_MARKETPLACE_ID } from '../options.js';

const DAY = 86_400_000;

const STATUS: Readonly<Record<OrderStatus, FulfillmentStatus>> = {
  pending_confirmation: 'UNSHIPPED',
  confirmed: 'UNSHIPPED',
  ready_to_ship: 'UNSHIPPED',
  awaiting_payment: 'PENDING',
  shipped: 'SHIPPED',
  delivered: 'SHIPPED',
  completed: 'SHIPPED',
  cancel_requested: 'UNSHIPPED',
  cancelled: 'CANCELLED',
  on_hold: 'PENDING_AVAILABILITY',
};

/** How v2026 paymentExecutions spell the methods Amazon.co.jp offers. */
const PAYMENT: Partial<Record<PaymentMethodCode, string>> = {
  credit_card: 'CreditCard',
  cash_on_delivery: 'CashOnDelivery',
  convenience_store: 'ConvenienceStore',
  gift_card: 'GiftCertificate',
  points_only: 'PointsAccount',
  invoice: 'Invoice',
};

/** The payment methods an Amazon.co.jp order can carry in the sandbox. */
export const AMAZON_SEED_PAYMENT_METHODS: readonly PaymentMethodCode[] = Object.keys(PAYMENT) as PaymentMethodCode[];

function digits(seed: string, length: number): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return (BigInt(`0x${hex}`) % 10n ** BigInt(length)).toString().padStart(length, '0');
}

function asin(productId: string): string {
  return `B0${createHash('sha256').update(productId).digest('hex').slice(0, 8).toUpperCase()}`;
}

function yen(amount: number): { amount: string; currencyCode: string } {
  return { amount: String(amount), currencyCode: 'JPY' };
}

function address(party: SeedParty): NonNullable<NonNullable<AmazonOrder2026['recipient']>['deliveryAddress']> {
  const [line1 = '', ...rest] = party.addressLines;
  return {
    name: party.name,
    ...(party.companyName ? { companyName: party.companyName } : {}),
    addressLine1: line1,
    ...(rest.length > 0 ? { addressLine2: rest.join(' ') } : {}),
    city: party.city,
    stateOrRegion: party.prefecture,
    postalCode: `${party.postalCode.slice(0, 3)}-${party.postalCode.slice(3)}`,
    countryCode: 'JP',
    phone: party.phone,
    addressType: party.companyName ? 'COMMERCIAL' : 'RESIDENTIAL',
  };
}

/** The buyer's slot choice as the window Amazon sends; null when there is none. */
function slotWindow(date: string, slot: string | null): { earliestDateTime: string; latestDateTime: string } | null {
  const at = (hour: number): string => toAmazonDateTime(parseJst(`${date}T${String(hour).padStart(2, '0')}:00:00+09:00`));
  if (slot === '午前中') return { earliestDateTime: at(8), latestDateTime: at(12) };
  const range = /^(\d{1,2})時～(\d{1,2})時$/.exec(slot ?? '');
  if (range) return { earliestDateTime: at(Number(range[1])), latestDateTime: at(Number(range[2])) };
  return null;
}

/**
 * Turns a mall-neutral seed order into the v2026 order the sandbox stores (every dataset filled;
 * the handlers drop what `includedData` did not ask for). An Amazon order has one destination:
 * the seed's first recipient receives every item. Its `lastUpdatedTime` is its latest change the
 * seed tells — placed, confirmed, paid, shipped (a package at noon of its shipping day) — but not
 * later than `now`: Amazon stamps a change when it happens.
 */
export function seedToAmazonOrder(seed: SeedOrder, now = Number.POSITIVE_INFINITY): AmazonOrder2026 {
  const orderedAt = Date.parse(seed.orderedAt);
  const recipient = seed.deliveries[0]?.recipient ?? seed.buyer;
  const lines = seed.deliveries.flatMap((d) => d.items.map((item) => ({ item, delivery: d })));
  const status = STATUS[seed.status];
  const shipping = seed.amounts.shipping ?? 0;
  const items: AmazonOrderItem2026[] = lines.map(({ item, delivery }, index) => {
    const total = item.unitPrice * item.quantity;
    const window = delivery.requestedDate ? slotWindow(delivery.requestedDate, delivery.timeSlot) : null;
    const gift = item.options.some((o) => /のし|ラッピング/.test(o.name));
    const breakdowns = [
      { type: 'ITEM', subtotal: yen(total) },
      ...(index === 0 ? [{ type: 'SHIPPING', subtotal: yen(shipping) }] : []),
      ...(index === 0 && seed.amounts.fees > 0 ? [{ type: 'COD_FEE', subtotal: yen(seed.amounts.fees) }] : []),
    ];
    return {
      orderItemId: digits(`${seed.id}#${index}`, 14),
      quantityOrdered: item.quantity,
      product: {
        asin: asin(item.productId),
        title: item.name,
        sellerSku: item.sku,
        condition: { conditionType: 'NEW', conditionSubtype: 'NEW' },
        price: { unitPrice: yen(item.unitPrice) },
      },
      proceeds: { proceedsTotal: yen(breakdowns.reduce((n, b) => n + Number(b.subtotal.amount), 0)), breakdowns },
      expense: { pointsCost: { pointsGranted: { pointsNumber: Math.floor(total / 100), pointsMonetaryValue: yen(Math.floor(total / 100)) } } },
      ...(seed.status === 'cancel_requested' ? { cancellation: { cancellationRequest: { requester: 'BUYER', cancelReason: 'BUYER_CANCELED' } } } : {}),
      fulfillment: {
        quantityFulfilled: status === 'SHIPPED' ? item.quantity : 0,
        quantityUnfulfilled: status === 'SHIPPED' ? 0 : item.quantity,
        ...(gift ? { packing: { giftOption: { giftWrapLevel: 'STANDARD' } } } : {}),
        ...(window ? { shipping: { scheduledDeliveryWindow: window } } : {}),
      },
    };
  });
  const shipments = seed.deliveries.flatMap((d) => d.shipments);
  const programs = [
    seed.flags.deliveryPromise ? 'PRIME' : null,
    seed.flags.business ? 'AMAZON_BUSINESS' : null,
    seed.flags.preorder ? 'PREORDER' : null,
  ].filter((p): p is string => p !== null);
  const shippedAt = shipments.map((shipment) => parseJst(`${shipment.shippedOn}T12:00:00+09:00`).getTime());
  const updatedAt = Math.min(now, Math.max(orderedAt, ...shippedAt, ...[seed.confirmedAt, seed.paidAt].filter((v): v is string => v !== null).map(Date.parse)));
  return {
    orderId: seed.id,
    createdTime: toAmazonDateTime(orderedAt),
    lastUpdatedTime: toAmazonDateTime(updatedAt),
    programs,
    salesChannel: { channelName: 'AMAZON', marketplaceId: AMAZON_JP_MARKETPLACE_ID, marketplaceName: 'Amazon.co.jp' },
    buyer: {
      buyerName: seed.buyer.name,
      buyerEmail: `${digits(seed.id, 12)}@marketplace.amazon.co.jp`,
      ...(seed.buyer.companyName ? { buyerCompanyName: seed.buyer.companyName } : {}),
    },
    recipient: {
      deliveryAddress: address(recipient),
      ...(seed.buyerComment ? { deliveryPreference: { addressInstruction: seed.buyerComment } } : {}),
    },
    proceeds: {
      grandTotal: yen(seed.amounts.total),
      breakdowns: [
        { type: 'ITEM', subtotal: yen(seed.amounts.goods) },
        { type: 'SHIPPING', subtotal: yen(shipping) },
        ...(seed.amounts.fees > 0 ? [{ type: 'COD_FEE', subtotal: yen(seed.amounts.fees) }] : []),
        { type: 'TAX', subtotal: yen(seed.amounts.tax) },
      ],
    },
    payment: { paymentExecutions: [{ paymentMethod: PAYMENT[seed.paymentMethod] ?? 'Other', paymentAmount: yen(seed.amounts.billed) }] },
    fulfillment: {
      fulfillmentStatus: status,
      fulfilledBy: 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
      shipByWindow: { earliestDateTime: toAmazonDateTime(orderedAt), latestDateTime: toAmazonDateTime(orderedAt + 2 * DAY) },
      deliverByWindow: { earliestDateTime: toAmazonDateTime(orderedAt + 2 * DAY), latestDateTime: toAmazonDateTime(orderedAt + 5 * DAY) },
    },
    orderItems: items,
    packages: shipments.map((shipment, index) => ({
      packageReferenceId: String(index + 1),
      createdTime: toAmazonDateTime(parseJst(`${shipment.shippedOn}T12:00:00+09:00`)),
      packageStatus: { status: seed.status === 'shipped' ? 'SHIPPED' : 'DELIVERED' },
      carrier: AMAZON_CARRIER_CODES[shipment.carrier] ?? 'Other',
      shipTime: toAmazonDateTime(parseJst(`${shipment.shippedOn}T12:00:00+09:00`)),
      trackingNumber: shipment.trackingNumber,
      packageItems: items.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantityOrdered })),
    })),
  };
}

/**
 * The status a connector reports for a seed's status: Amazon has no confirm step (pending and
 * confirmed orders are Unshipped, ready to ship) and does not tell delivered or completed orders
 * from shipped ones.
 */
const AS_AMAZON_REPORTS: Readonly<Record<OrderStatus, OrderStatus>> = {
  pending_confirmation: 'ready_to_ship',
  confirmed: 'ready_to_ship',
  ready_to_ship: 'ready_to_ship',
  awaiting_payment: 'awaiting_payment',
  shipped: 'shipped',
  delivered: 'shipped',
  completed: 'shipped',
  cancel_requested: 'cancel_requested',
  cancelled: 'cancelled',
  on_hold: 'on_hold',
};

/**
 * Makes mall-neutral seeds fit Amazon, as the sandbox holds them: one destination per order (the
 * others' items join the first), no fraud-review hold or unset postage (Amazon has neither), only
 * payment methods Amazon.co.jp offers (others become credit card), and statuses as Amazon reports
 * them. `createAmazonSandbox().seed()` applies it and returns the result; adapting twice changes nothing.
 */
export function adaptSeedsForAmazon(seeds: readonly SeedOrder[]): SeedOrder[] {
  return seeds.map((seed) => {
    const [first] = seed.deliveries;
    const deliveries = first
      ? [
          {
            ...first,
            items: seed.deliveries.flatMap((d) => d.items),
            shipping: seed.deliveries.reduce((n, d) => n + (d.shipping ?? 0), 0),
            shipments: first.shipments,
          },
        ]
      : [];
    return {
      ...seed,
      status: AS_AMAZON_REPORTS[seed.status],
      deliveries,
      paymentMethod: AMAZON_SEED_PAYMENT_METHODS.includes(seed.paymentMethod) ? seed.paymentMethod : 'credit_card',
      postageUnset: false,
      amounts: { ...seed.amounts, shipping: seed.amounts.shipping ?? 0 },
      flags: { ...seed.flags, fraudReview: false, suspect: false, multipleDestinations: false, buyerMayCancel: false },
    };
  });
}
