import { formatJst, paymentMethodMapper, parseJst, PAYMENT_METHOD_NAMES_JA, type PaymentMethodCode } from '@mallkit/core';
import type { SeedOrder, SeedParty } from '@mallkit/core/testing';
import type { ShopserveOrder, ShopservePerson } from '../api/order-record.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import { axesForStatus, normalizeStatus } from '../mapping/status.js';

/** 決済方法 names as Shopserve shops typically configure them; others use core's Japanese name. */
const PAYMENT_NAMES: Partial<Record<PaymentMethodCode, string>> = {
  credit_card: 'クレジットカード決済',
  cash_on_delivery: '代金引換',
  bank_transfer: '銀行振込(前払い)',
  postal_transfer: '郵便振替(前払い)',
  convenience_store: 'コンビニ決済(前払い)',
  deferred_payment: 'NP後払い',
};

/** The ids the sandbox gives an order: its serial code and its (display) order number. */
export interface WireIds {
  /** The order's serial_code (its id). */
  readonly serialCode: string;
  /** The order number shown to people (注文番号). */
  readonly orderCode: string;
}

function person(party: SeedParty): ShopservePerson {
  return {
    family_name: party.familyName,
    given_name: party.givenName,
    family_name_kana: party.familyNameKana,
    given_name_kana: party.givenNameKana,
    company_name: party.companyName,
    zip_code: `${party.postalCode.slice(0, 3)}-${party.postalCode.slice(3)}`,
    prefecture: party.prefecture,
    city: party.city,
    address1: party.addressLines[0] ?? null,
    address2: party.addressLines.length > 1 ? party.addressLines.slice(1).join(' ') : null,
    tel: party.phone,
    mail_address: party.email,
  };
}

/**
 * What 受注更新日時 would show: the latest of the seed's instants that have happened by `now`. A seed
 * placed an hour ago may say it is confirmed tomorrow; the mall stamps no time it has not reached, and
 * an update time in the future would keep the order out of every search by update time until then.
 */
function lastChange(seed: SeedOrder, now: number): number {
  const shipped = seed.deliveries.flatMap((delivery) => delivery.shipments.map((shipment) => parseJst(`${shipment.shippedOn}T12:00:00+09:00`).getTime()));
  const times = [seed.confirmedAt, seed.paidAt].flatMap((value) => (value ? [parseJst(value).getTime()] : []));
  return Math.max(parseJst(seed.orderedAt).getTime(), ...[...times, ...shipped].filter((time) => time <= now));
}

/**
 * A mall-neutral seed as a Shopserve wire order, in the profile's date formats and enum spellings.
 * `now` (epoch ms, default: no limit) bounds its 受注更新日時: the sandbox passes its clock.
 */
export function seedToWire(seed: SeedOrder, ids: WireIds, wire: ShopserveWireProfile, now = Number.POSITIVE_INFINITY): ShopserveOrder {
  const { values } = wire;
  const axes = axesForStatus(seed.status, seed.paidAt !== null);
  const shipment = seed.deliveries.flatMap((delivery) => delivery.shipments)[0];
  const time = (value: string | number): string => formatJst(typeof value === 'number' ? value : parseJst(value), wire.dateFormat);
  const day = (value: string): string => formatJst(parseJst(value), wire.dayFormat);
  let line = 0;
  return {
    serial_code: ids.serialCode,
    basic: {
      order_code: ids.orderCode,
      ordered_at: time(seed.orderedAt),
      updated_at: time(lastChange(seed, now)),
      order_status: axes.completed ? values.completed : null,
      confirmation_status: axes.confirmed ? values.confirmed : values.unconfirmed,
      payment_status: null,
      deposit_status: axes.deposited ? values.deposited : values.notDeposited,
      shipping_status: axes.shipped ? values.shipped : values.notShipped,
      cancelled: axes.cancelled ? values.yes : values.no,
      payment_method: PAYMENT_NAMES[seed.paymentMethod] ?? PAYMENT_METHOD_NAMES_JA[seed.paymentMethod],
      deposited_at: seed.paidAt ? time(seed.paidAt) : null,
      delivery_company: axes.shipped && shipment ? wire.carrierNames[shipment.carrier] : null,
      tracking_number: axes.shipped && shipment ? shipment.trackingNumber : null,
      scheduled_shipping_date: axes.shipped && shipment ? day(shipment.shippedOn) : null,
      shipped_date: axes.shipped && shipment ? day(shipment.shippedOn) : null,
      orderer: person(seed.buyer),
      amounts: {
        item_total: seed.amounts.goods,
        postage: seed.amounts.shipping,
        cod_fee: seed.amounts.fees,
        other_fee: 0,
        discount: seed.amounts.discounts,
        used_point: seed.amounts.points,
        coupon_discount: seed.amounts.coupons,
        tax: seed.amounts.tax,
        total: seed.amounts.total,
        billing_amount: seed.amounts.billed,
      },
      comment: seed.buyerComment,
      memo: null,
    },
    detail: {
      deliveries: seed.deliveries.map((delivery, index) => ({
        delivery_no: String(index + 1),
        recipient: person(delivery.recipient),
        delivery_method: delivery.shippingMethod,
        desired_date: delivery.requestedDate ? day(delivery.requestedDate) : null,
        desired_time: delivery.timeSlot,
        postage: delivery.shipping,
        items: delivery.items.map((item) => {
          line += 1;
          return {
            line_no: String(line),
            item_code: item.productId,
            variation_code: item.sku === item.productId ? null : item.sku,
            item_name: item.name,
            quantity: item.quantity,
            unit_price: item.unitPrice,
            tax_rate: Math.round(item.taxRate * 100),
            options: item.options.map((option) => ({ name: option.name, value: option.value })),
          };
        }),
      })),
    },
  };
}

/** The seed as Shopserve holds it: its serial code as id, the status the connector will read, no fraud hold (Shopserve has none). */
export function seedAsHeld(seed: SeedOrder, order: ShopserveOrder, wire: ShopserveWireProfile): SeedOrder {
  const payment = paymentMethodMapper.map(order.basic.payment_method)?.code ?? 'unmapped';
  const status = normalizeStatus({ basic: order.basic, payment, wire }, []);
  return {
    ...seed,
    id: order.serial_code,
    status: status.code === 'unmapped' ? seed.status : status.code,
    flags: { ...seed.flags, fraudReview: false },
  };
}
