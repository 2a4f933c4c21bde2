import { formatJst, PAYMENT_METHOD_NAMES_JA, type CarrierCode, type OrderStatus, type PaymentMethodCode } from '@mallkit/core';
import type { SeedOrder } from '@mallkit/core/testing';
import type { DeliveryStatus } from '../api/limits.js';
import type { SandboxOrder } from './store.js';

/*
 * Seed orders as makeshop holds them. makeshop has no confirm step, no hold and no fraud review:
 * every open order is 未処理 (N); shipped ones are 配送 (Y) and stay so after delivery; cancelled
 * ones (and cancellation requests, which makeshop does not have) are キャンセル (C). Order numbers
 * look like the live ones (`P` and 18 digits); a guest's member id is `X`, six digits and the name,
 * as live output shows.
 */

/** Payment method names as a makeshop shop shows them. */
const METHOD_NAMES: Readonly<Partial<Record<PaymentMethodCode, string>>> = {
  credit_card: 'クレジットカード決済',
  cash_on_delivery: '代金引換',
  bank_transfer: '銀行振込',
  convenience_store: 'コンビニ決済',
  deferred_payment: 'NP後払い',
  pay_easy: 'ペイジー',
  paypay: 'PayPay',
  amazon_pay: 'Amazon Pay',
  carrier_billing: 'キャリア決済',
  rakuten_pay: '楽天ペイ',
  points_only: 'ポイント全額支払い',
};

const CARRIER_CODE: Readonly<Partial<Record<CarrierCode, string>>> = { japan_post: '001', yamato: '002', sagawa: '003' };

const DELIVERY_STATUS_OF: Readonly<Record<OrderStatus, DeliveryStatus>> = {
  pending_confirmation: 'N',
  confirmed: 'N',
  ready_to_ship: 'N',
  awaiting_payment: 'N',
  on_hold: 'N',
  shipped: 'Y',
  delivered: 'Y',
  completed: 'Y',
  cancel_requested: 'C',
  cancelled: 'C',
};

/** The normalized status makeshop's state of a seed comes back as. */
const STATUS_AS_HELD: Readonly<Record<DeliveryStatus, OrderStatus>> = { N: 'ready_to_ship', Y: 'shipped', C: 'cancelled', R: 'on_hold' };

const space = (iso: string | null): string | null => (iso === null ? null : formatJst(new Date(iso), 'space'));

/** A seed as the sandbox stores it, and the seed as makeshop holds it (its order number and status). */
export function seedToWire(seed: SeedOrder, serial: number): { readonly order: SandboxOrder; readonly held: SeedOrder } {
  const orderedAt = new Date(seed.orderedAt);
  const displayOrderNumber = `P${Math.floor(orderedAt.getTime() / 1000)}${String(serial).padStart(8, '0')}`;
  const deliveryStatus = DELIVERY_STATUS_OF[seed.status];
  // A seed flagged provisional is a 仮注文 while it is open: makeshop's legacy status 99, unpaid.
  const provisional = seed.flags.provisional && deliveryStatus === 'N';
  const guest = serial % 3 === 0;
  const memberId = guest
    ? `X${String(100000 + (serial % 900000))}${seed.buyer.familyName}${seed.buyer.givenName}`
    : `${formatJst(orderedAt, 'date-compact').slice(2)}${String(serial).padStart(6, '0')}`;
  const order: SandboxOrder = {
    displayOrderNumber,
    orderDate: formatJst(orderedAt, 'space'),
    memberId,
    sumPrice: seed.amounts.billed,
    senderPrefecture: seed.buyer.prefecture,
    orderStatus: deliveryStatus === 'C' ? 0 : provisional ? 99 : 1,
    deliveryStatus,
    paymentMethodName: METHOD_NAMES[seed.paymentMethod] ?? PAYMENT_METHOD_NAMES_JA[seed.paymentMethod],
    paymentStatus: seed.paidAt === null || provisional ? 0 : 1,
    paymentDate: provisional ? null : space(seed.paidAt),
    senderName: seed.buyer.name,
    senderKana: seed.buyer.nameKana,
    senderPostalCode: `${seed.buyer.postalCode.slice(0, 3)}-${seed.buyer.postalCode.slice(3)}`,
    senderCity: seed.buyer.city,
    senderAddress: seed.buyer.addressLines.join(' '),
    senderTel: seed.buyer.phone,
    senderEmail: seed.buyer.email ?? '',
    commission: seed.amounts.fees,
    usePoint: seed.amounts.points,
    couponDiscount: seed.amounts.coupons,
    discountPerTax: [],
    deliveryInfos: seed.deliveries.map((delivery) => {
      const shipment = delivery.shipments[0];
      return {
        receiverName: delivery.recipient.name,
        receiverKana: delivery.recipient.nameKana,
        receiverPostalCode: `${delivery.recipient.postalCode.slice(0, 3)}-${delivery.recipient.postalCode.slice(3)}`,
        receiverPrefecture: delivery.recipient.prefecture,
        receiverCity: delivery.recipient.city,
        receiverAddress: delivery.recipient.addressLines.join(' '),
        receiverTel: delivery.recipient.phone,
        deliveryMethodName: delivery.shippingMethod,
        deliveryPrice: delivery.shipping,
        deliveryDate: delivery.requestedDate,
        deliveryTime: delivery.timeSlot,
        carrierCode: shipment ? (CARRIER_CODE[shipment.carrier] ?? null) : null,
        slipNumber: shipment?.trackingNumber ?? null,
        shippingDate: shipment?.shippedOn ?? null,
        basketInfos: delivery.items.map((item) => ({ productName: item.name, price: item.unitPrice, amount: item.quantity, productCode: item.sku })),
      };
    }),
  };
  const held: SeedOrder = {
    ...seed,
    id: displayOrderNumber,
    status: provisional || (STATUS_AS_HELD[deliveryStatus] === 'ready_to_ship' && seed.status === 'awaiting_payment') ? 'awaiting_payment' : STATUS_AS_HELD[deliveryStatus],
    flags: { ...seed.flags, fraudReview: false, provisional },
  };
  return { order, held };
}
