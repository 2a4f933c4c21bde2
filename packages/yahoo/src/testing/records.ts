import { formatJst, parseJst, type PaymentMethodCode } from '@mallkit/core';
import type { SeedDelivery, SeedOrder } from '@mallkit/core/testing';
import { CARRIER_TO_SHIP_COMPANY_CODE } from '../mapping/codes.js';

/*
 * The sandbox's records: orders kept as Yahoo's wire fields (strings), grouped as orderInfo nests
 * them, converted from the mall-neutral seed orders of core's generator.
 */

/** One item option or inscription, as `<ItemOption>` / `<Inscription>` write it. */
export interface SandboxOption {
  /** 1-based position. */
  readonly Index: string;
  /** The option's name (カラー, 名入れ…). */
  readonly Name: string;
  /** The buyer's choice or text. */
  readonly Value: string;
  /** Surcharge in yen, when the option has one. */
  readonly Price?: string;
}

/** One `<Item>`. */
export interface SandboxItem {
  /** The item's text fields by orderInfo key (`LineId`, `ItemId`, `Title`, `Quantity`, `UnitPrice`…). */
  fields: Record<string, string>;
  /** Its `<ItemOption>` entries. */
  options: SandboxOption[];
  /** Its `<Inscription>` entries. */
  inscriptions: SandboxOption[];
}

/**
 * One order as the sandbox stores it: Yahoo's wire fields by orderInfo key, grouped as orderInfo
 * nests them. Tests may change any field (`record.Pay.PayMethod = 'payment_e3'`); the next answer
 * shows it.
 */
export interface SandboxOrderRecord {
  /** The fields directly under `<OrderInfo>` (`OrderId`, `OrderTime`, `OrderStatus`, `FraudHoldStatus`…). */
  order: Record<string, string>;
  /** `<Pay>`: payment state and the bill-to party. */
  Pay: Record<string, string>;
  /** `<Ship>`: shipping state, tracking numbers and the ship-to party. */
  Ship: Record<string, string>;
  /** `<Detail>`: charges and totals. */
  Detail: Record<string, string>;
  /** `<Seller>`. */
  Seller: Record<string, string>;
  /** `<Buyer>`. */
  Buyer: Record<string, string>;
  /** The `<Item>` lines. */
  Item: SandboxItem[];
  /** Warnings the next change API call on this order answers with (tests set them). */
  pendingWarnings: Array<{
    /** Yahoo's warning code, e.g. `od91113`. */
    Code: string;
    /** Its message. */
    Message: string;
    /** Extra detail, when the warning has one. */
    Detail?: string;
  }>;
}

/** PayMethod code and name the sandbox writes for each normalized method. */
export const SANDBOX_PAY_METHODS: Partial<Record<PaymentMethodCode, readonly [code: string, name: string, kind: string]>> = {
  credit_card: ['payment_a1', 'クレジットカード決済', '0'],
  convenience_store: ['payment_a7', 'コンビニ決済(その他)', '5'],
  bank_transfer: ['payment_b1', '銀行振込', '3'],
  postal_transfer: ['payment_c1', 'ゆうちょ銀行(前払い)', '3'],
  cash_on_delivery: ['payment_d1', '商品代引', '4'],
  paypay: ['payment_a17', 'PayPay残高等', '6'],
  d_payment: ['payment_a9', 'd払い', '2'],
  au_pay: ['payment_a10', 'au PAY(auかんたん決済)', '2'],
  carrier_billing: ['payment_a11', 'ソフトバンクまとめて支払い', '2'],
  pay_easy: ['payment_a15', 'ペイジー決済', '1'],
  deferred_payment: ['payment_a18', 'ゆっくり払い', '7'],
  points_only: ['payment_z1', 'ポイント全額払い', '7'],
  gift_card: ['payment_z4', '商品券', '7'],
};

const PREPAID = new Set<PaymentMethodCode>(['bank_transfer', 'postal_transfer', 'convenience_store', 'pay_easy']);

/**
 * Makes core's seed orders fit Yahoo: one destination per order (Yahoo has one Ship block), ids
 * as `<sellerId>-<number>` from `firstNumber` on, and payment methods Yahoo offers (others become
 * credit cards).
 */
export function adaptSeedsForYahoo(seeds: readonly SeedOrder[], sellerId: string, firstNumber = 10000001): SeedOrder[] {
  return seeds.map((seed, index) => {
    const [first] = seed.deliveries;
    const merged: SeedDelivery[] = first
      ? [
          {
            ...first,
            items: seed.deliveries.flatMap((d) => d.items),
            shipping: seed.deliveries.some((d) => d.shipping === null) ? null : seed.deliveries.reduce((n, d) => n + (d.shipping ?? 0), 0),
            shipments: seed.deliveries.flatMap((d) => d.shipments),
          },
        ]
      : [];
    const paymentMethod = SANDBOX_PAY_METHODS[seed.paymentMethod] ? seed.paymentMethod : 'credit_card';
    return {
      ...seed,
      id: `${sellerId}-${firstNumber + index}`,
      paymentMethod,
      deliveries: merged,
      // Merged into one destination, so the order no longer has several.
      flags: { ...seed.flags, multipleDestinations: false },
    };
  });
}

/** Yahoo's documented OrderTime shape: `YYYY-MM-DDTHH24:MI:SS`, JST, no offset. */
export function yahooTime(epoch: number): string {
  return formatJst(epoch, 'space').replace(' ', 'T');
}

function statusFields(seed: SeedOrder, prepaidUnpaid: boolean): { OrderStatus: string; IsSeen: string; ShipStatus: string } {
  const ready = prepaidUnpaid ? '0' : '1';
  switch (seed.status) {
    case 'pending_confirmation':
      return { OrderStatus: '2', IsSeen: 'false', ShipStatus: ready };
    case 'confirmed':
      return { OrderStatus: '2', IsSeen: 'true', ShipStatus: ready };
    case 'ready_to_ship':
      return { OrderStatus: '2', IsSeen: 'true', ShipStatus: '2' };
    case 'awaiting_payment':
      return { OrderStatus: '2', IsSeen: 'true', ShipStatus: '0' };
    case 'shipped':
      return { OrderStatus: '2', IsSeen: 'true', ShipStatus: '3' };
    case 'delivered':
      return { OrderStatus: '2', IsSeen: 'true', ShipStatus: '4' };
    case 'completed':
      return { OrderStatus: '5', IsSeen: 'true', ShipStatus: '4' };
    case 'cancelled':
      return { OrderStatus: '4', IsSeen: 'true', ShipStatus: ready };
    default:
      // cancel_requested and on_hold: Yahoo's 保留.
      return { OrderStatus: '3', IsSeen: 'true', ShipStatus: ready };
  }
}

function zip(code: string): string {
  return /^\d{7}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/**
 * The order's LastUpdateTime (「注文情報の最終更新日時」): its latest recorded event — placed,
 * confirmed, paid — as far as it has happened by `now` (a generated seed may date its payment
 * after the sandbox's present), and never before the order itself.
 */
function lastUpdateOf(seed: SeedOrder, orderedAt: number, now: number): number {
  const events = [seed.confirmedAt, seed.paidAt].filter((at): at is string => at !== null).map((at) => parseJst(at).getTime());
  return Math.max(orderedAt, ...events.filter((at) => at <= now));
}

/** Converts one (adapted) seed order into the sandbox's wire record, as Yahoo holds it at `now` (default: the order's own time). */
export function seedToRecord(seed: SeedOrder, sellerId: string, now?: number): SandboxOrderRecord {
  const orderedAt = parseJst(seed.orderedAt).getTime();
  const [payCode, payName, payKind] = SANDBOX_PAY_METHODS[seed.paymentMethod] ?? SANDBOX_PAY_METHODS.credit_card ?? ['payment_a1', 'クレジットカード決済', '0'];
  const prepaid = PREPAID.has(seed.paymentMethod);
  const status = statusFields(seed, prepaid && seed.paidAt === null);
  const delivery = seed.deliveries[0];
  const recipient = delivery?.recipient ?? seed.buyer;
  const shipment = delivery?.shipments[0];
  const held = seed.flags.fraudReview;
  const items: SandboxItem[] = (delivery?.items ?? []).map((item, index) => ({
    fields: {
      LineId: String(index + 1),
      ItemId: item.productId,
      Title: item.name,
      SubCode: item.sku === item.productId ? '' : item.sku,
      Quantity: String(item.quantity),
      UnitPrice: String(item.unitPrice),
      ItemTaxRatio: String(Math.round(item.taxRate * 100)),
      IsTaxable: 'true',
    },
    options: item.options.map((option, i) => ({ Index: String(i + 1), Name: option.name, Value: option.value })),
    inscriptions: item.notes.map((note, i) => ({ Index: String(i + 1), Name: '名入れ', Value: note })),
  }));
  const numbers = (delivery?.shipments ?? []).map((s) => s.trackingNumber);
  return {
    order: {
      OrderId: seed.id,
      Version: '1',
      DeviceType: '3',
      IsSeen: status.IsSeen,
      IsSplit: 'false',
      OrderTime: yahooTime(orderedAt),
      LastUpdateTime: formatJst(lastUpdateOf(seed, orderedAt, now ?? orderedAt), 'iso'),
      Suspect: seed.flags.suspect ? '1' : '0',
      OrderStatus: status.OrderStatus,
      SendConfirmTime: seed.confirmedAt ? formatJst(parseJst(seed.confirmedAt), 'iso') : '',
      BuyerComments: seed.buyerComment ?? '',
      Notes: '',
      IsMultiShip: 'false',
      IsReadOnly: seed.flags.buyerMayCancel ? '1' : '0',
      FraudHoldStatus: held ? '1' : '0',
      // Held orders are not published to orderList until the review releases them.
      // Same shape as OrderTime (orderList.html: YYYY-MM-DDTHH24:MI:SS, JST, no offset).
      PublicationTime: held ? '' : yahooTime(orderedAt),
      SocialGiftType: '0',
    },
    Pay: {
      PayStatus: seed.paidAt ? '1' : '0',
      SettleStatus: seed.status === 'cancelled' ? '6' : seed.paidAt ? '3' : '2',
      PayType: prepaid ? '1' : '0',
      PayKind: payKind,
      PayMethod: payCode,
      PayMethodName: payName,
      PayDate: seed.paidAt ? formatJst(parseJst(seed.paidAt), 'date') : '',
      BillFirstName: seed.buyer.givenName,
      BillFirstNameKana: seed.buyer.givenNameKana,
      BillLastName: seed.buyer.familyName,
      BillLastNameKana: seed.buyer.familyNameKana,
      BillZipCode: zip(seed.buyer.postalCode),
      BillPrefecture: seed.buyer.prefecture,
      BillCity: seed.buyer.city,
      BillAddress1: seed.buyer.addressLines[0] ?? '',
      BillAddress2: seed.buyer.addressLines.slice(1).join(' '),
      BillPhoneNumber: seed.buyer.phone,
      BillMailAddress: seed.buyer.email ?? '',
    },
    Ship: {
      ShipStatus: status.ShipStatus,
      ShipMethod: delivery?.shippingMethod === 'メール便' ? 'postage2' : 'postage1',
      ShipMethodName: delivery?.shippingMethod ?? '宅配便',
      ShipRequestDate: delivery?.requestedDate ?? '',
      ShipRequestTime: delivery?.timeSlot ?? '',
      ShipCompanyCode: shipment ? CARRIER_TO_SHIP_COMPANY_CODE[shipment.carrier] : '',
      ShipInvoiceNumber1: numbers[0] ?? '',
      ShipInvoiceNumber2: numbers[1] ?? '',
      ShipDate: shipment?.shippedOn ?? '',
      ArriveType: '0',
      NeedGiftWrap: seed.flags.gift ? 'true' : 'false',
      ShipFirstName: recipient.givenName,
      ShipFirstNameKana: recipient.givenNameKana,
      ShipLastName: recipient.familyName,
      ShipLastNameKana: recipient.familyNameKana,
      ShipZipCode: zip(recipient.postalCode),
      ShipPrefecture: recipient.prefecture,
      ShipCity: recipient.city,
      ShipAddress1: recipient.addressLines[0] ?? '',
      ShipAddress2: recipient.addressLines.slice(1).join(' '),
      ShipPhoneNumber: recipient.phone,
    },
    Detail: {
      PayCharge: String(seed.amounts.fees),
      ShipCharge: seed.amounts.shipping === null ? '' : String(seed.amounts.shipping),
      GiftWrapCharge: '0',
      Discount: String(seed.amounts.discounts),
      Adjustments: '0',
      UsePoint: String(seed.amounts.points),
      GiftCardDiscount: '0',
      TotalMallCouponDiscount: String(seed.amounts.coupons),
      TotalPrice: String(seed.amounts.billed),
      SettleAmount: String(seed.amounts.billed),
    },
    Seller: { SellerId: sellerId },
    Buyer: { IsLogin: 'true' },
    Item: items,
    pendingWarnings: [],
  };
}
