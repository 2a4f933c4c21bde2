import { formatJst, type OrderStatus, type PaymentMethodCode } from '@mallkit/core';
import type { SeedDelivery, SeedOrder, SeedParty } from '@mallkit/core/testing';
import type { AupayRecord } from './store.js';

/*
 * Seed orders as au PAY would hold them. au PAY has one destination per order (the deliveries of
 * a seed are merged into one), its own payment-method names (methods au PAY does not offer become
 * card payments), Japanese statuses and numeric order ids. seed() returns the seeds changed the
 * same way, so that tests compare with what the mall really holds.
 */

/** au PAY's settlementName per method, and the method the connector reads it as. */
const SETTLEMENTS: Readonly<Partial<Record<PaymentMethodCode, readonly [name: string, heldAs: PaymentMethodCode]>>> = {
  credit_card: ['クレジットカード決済', 'credit_card'],
  cash_on_delivery: ['代金引換', 'cash_on_delivery'],
  bank_transfer: ['銀行振込', 'bank_transfer'],
  postal_transfer: ['郵便振替', 'postal_transfer'],
  pay_easy: ['銀行振込', 'bank_transfer'],
  convenience_store: ['au Wowma!コンビニ決済', 'convenience_store'],
  carrier_billing: ['au PAY（auかんたん決済）', 'carrier_billing'],
  au_pay: ['au PAY（auかんたん決済）', 'carrier_billing'],
  points_only: ['全額auポイント支払い', 'points_only'],
};
const CARD = ['クレジットカード決済', 'credit_card'] as const;

/** Methods paid before shipping, and methods paid on delivery. */
const PREPAID: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'postal_transfer', 'convenience_store']);
const ON_DELIVERY: ReadonlySet<PaymentMethodCode> = new Set(['cash_on_delivery', 'deferred_payment']);

/** The settlementName of every method that `kind` covers, as the sandbox writes them. */
function settlementNames(kind: ReadonlySet<PaymentMethodCode>): ReadonlySet<string> {
  return new Set(Object.values(SETTLEMENTS).flatMap(([name, heldAs]) => (kind.has(heldAs) ? [name] : [])));
}

/** settlementNames of the sandbox's orders paid before shipping (the buyer pays after ordering). */
export const PREPAID_SETTLEMENTS = settlementNames(PREPAID);
/** settlementNames of the sandbox's orders paid on or after delivery (代金引換). */
export const ON_DELIVERY_SETTLEMENTS = settlementNames(ON_DELIVERY);

/** au PAY's status names and what they mean, as the sandbox's own table (independent of the connector's). */
export const SANDBOX_STATUS_MEANING: Readonly<Record<string, OrderStatus>> = {
  新規受付: 'pending_confirmation',
  新規予約: 'pending_confirmation',
  予約中: 'confirmed',
  発送前入金待ち: 'awaiting_payment',
  与信待ち: 'awaiting_payment',
  発送待ち: 'ready_to_ship',
  発送後入金待ち: 'shipped',
  完了: 'completed',
  保留: 'on_hold',
  キャンセル: 'cancelled',
  キャンセル受付中: 'cancel_requested',
  不正取引審査中: 'on_hold',
  審査保留: 'on_hold',
  審査NG: 'on_hold',
};

/** au PAY's carrier code per carrier of the seeds. */
const CARRIER_CODE: Readonly<Record<string, string>> = { yamato: '1', sagawa: '2', fukuyama: '4', seino: '5', japan_post: '6' };

function statusOf(seed: SeedOrder, method: PaymentMethodCode): string {
  switch (seed.status) {
    case 'pending_confirmation':
      return seed.flags.preorder ? '新規予約' : '新規受付';
    case 'confirmed':
      return seed.flags.preorder ? '予約中' : '発送待ち';
    case 'awaiting_payment':
      return '発送前入金待ち';
    case 'ready_to_ship':
      return '発送待ち';
    case 'shipped':
      return ON_DELIVERY.has(method) ? '発送後入金待ち' : '完了';
    case 'delivered':
    case 'completed':
      return '完了';
    case 'cancel_requested':
      return 'キャンセル受付中';
    case 'cancelled':
      return 'キャンセル';
    case 'on_hold':
      return seed.flags.fraudReview ? '不正取引審査中' : '保留';
  }
}

/** `YYYY/MM/DD HH:MM`, with `:SS` when the seconds are not zero (au PAY writes both). */
function auDateTime(iso: string): string {
  const text = formatJst(Date.parse(iso), 'space').replaceAll('-', '/');
  return text.endsWith(':00') ? text.slice(0, -3) : text;
}

function auDate(day: string | null): string {
  return day === null ? '' : day.replaceAll('-', '/');
}

function address(party: SeedParty): string {
  return `${party.prefecture}${party.city}${party.addressLines.join(' ')}`;
}

function personFields(prefix: 'orderer' | 'sender', party: SeedParty): Array<readonly [string, string]> {
  return [
    [`${prefix}Name`, `${party.familyName}\u3000${party.givenName}`],
    [`${prefix}Kana`, `${party.familyNameKana}\u3000${party.givenNameKana}`],
    [`${prefix}ZipCode`, `${party.postalCode.slice(0, 3)}-${party.postalCode.slice(3)}`],
    [`${prefix}Address`, address(party)],
    [`${prefix}PhoneNumber1`, party.phone],
  ];
}

/** The seed's deliveries as au PAY's one destination. */
function merged(seed: SeedOrder): SeedDelivery {
  const [first, ...others] = seed.deliveries;
  if (first === undefined) throw new RangeError(`seed ${seed.id} has no delivery`);
  return {
    ...first,
    items: seed.deliveries.flatMap((delivery) => delivery.items),
    shipping: others.some((delivery) => delivery.shipping === null) || first.shipping === null ? null : seed.deliveries.reduce((sum, d) => sum + (d.shipping ?? 0), 0),
  };
}

function detailsOf(delivery: SeedDelivery, orderId: string): Array<ReadonlyArray<readonly [string, string]>> {
  return delivery.items.map((item, index) => {
    const managementId = item.sku.startsWith(item.productId) ? item.sku.slice(item.productId.length) : '';
    return [
      ['orderDetailId', String(index + 1)],
      ['itemManagementId', managementId],
      ['itemCode', item.productId],
      ['lotnumber', String(100000000 + ((Number(orderId) * 7 + index) % 900000000))],
      ['itemName', item.name],
      ['itemOption', item.options.map((option) => `${option.name}=${option.value}`).join('&')],
      ['itemOptionPrice', '0'],
      ['noshiPresenterName1', item.notes[0] ?? ''],
      ['beforeDiscount', String(item.unitPrice)],
      ['discount', '0'],
      ['itemPrice', String(item.unitPrice)],
      ['unit', String(item.quantity)],
      ['totalItemPrice', String(item.unitPrice * item.quantity)],
      ['taxRate', String(Math.round(item.taxRate * 100))],
    ] as const;
  });
}

/** A seed as an au PAY record under `orderId`, and the seed as au PAY holds it. */
export function seedToRecord(seed: SeedOrder, orderId: string): { readonly record: AupayRecord; readonly held: SeedOrder } {
  const [settlementName, method] = SETTLEMENTS[seed.paymentMethod] ?? CARD;
  const delivery = merged(seed);
  const status = statusOf(seed, method);
  const shipment = seed.deliveries.flatMap((d) => d.shipments)[0];
  const paid = PREPAID.has(method) && seed.paidAt !== null && status !== '発送前入金待ち';
  const settled = paid || status === '完了';
  const { amounts } = seed;
  const fields = new Map<string, string>([
    ['orderId', orderId],
    ['orderDate', auDateTime(seed.orderedAt)],
    ['sellMethodSegment', seed.flags.preorder ? '2' : '1'],
    ['siteAndDevice', 'au PAY マーケット(SP(アプリ))'],
    ['mailAddress', seed.buyer.email ?? ''],
    ...personFields('orderer', seed.buyer),
    ...personFields('sender', delivery.recipient),
    ['userComment', seed.buyerComment ?? ''],
    ['memo', ''],
    ['settlementName', settlementName],
    ['orderStatus', status],
    ['authorizationStatus', ''],
    ['paymentStatus', settled ? 'Y' : 'N'],
    ['paymentDate', paid && seed.paidAt !== null ? auDateTime(seed.paidAt) : ''],
    ['shipStatus', shipment ? 'Y' : 'N'],
    ['shipDate', shipment ? auDate(shipment.shippedOn) : ''],
    ['shippingCarrier', shipment ? (CARRIER_CODE[shipment.carrier] ?? '9') : ''],
    ['shippingNumber', shipment?.trackingNumber ?? ''],
    ['cancelStatus', status === 'キャンセル' ? 'C' : 'N'],
    ['deliveryName', delivery.shippingMethod],
    ['deliveryRequestDay', auDate(delivery.requestedDate)],
    ['deliveryRequestTime', delivery.timeSlot ?? ''],
    ['totalSalePrice', String(amounts.goods)],
    ['postagePrice', String(amounts.shipping ?? 0)],
    ['chargePrice', String(amounts.fees)],
    ['totalItemOptionPrice', '0'],
    ['totalGiftWrappingPrice', '0'],
    ['totalPrice', String(amounts.total)],
    ['couponTotalPrice', String(amounts.coupons)],
    ['usePoint', String(amounts.points)],
    ['useAuPointPrice', '0'],
    ['requestPrice', String(amounts.billed)],
  ]);
  const record: AupayRecord = { orderId, orderedAt: Date.parse(seed.orderedAt), fields, details: detailsOf(delivery, orderId) };
  const held: SeedOrder = {
    ...seed,
    id: orderId,
    status: SANDBOX_STATUS_MEANING[status] ?? seed.status,
    paymentMethod: method,
    paidAt: paid ? seed.paidAt : null,
    deliveries: [delivery],
    // au PAY has no "postage not set" value: an unset postage is 0.
    amounts: { ...amounts, shipping: amounts.shipping ?? 0 },
    flags: { ...seed.flags, multipleDestinations: false },
    postageUnset: false,
  };
  return { record, held };
}
