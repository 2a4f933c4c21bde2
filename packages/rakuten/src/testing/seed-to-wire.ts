import { formatJst, parseJst, type CarrierCode, type OrderStatus, type PaymentMethodCode } from '@mallkit/core';
import type { SeedDelivery, SeedItem, SeedOrder, SeedParty } from '@mallkit/core/testing';
import { createHash } from 'node:crypto';
import { rmsDatetime } from '../api/common.js';
import type { RakutenItemModel, RakutenOrderModel, RakutenPackageModel } from '../api/order-model.js';
import { UNSET_PRICE } from '../api/constants.js';
import { deliveryCompanyFor, deliveryCompanyName } from '../mapping/carrier.js';
import { RAKUTEN_SETTLEMENT_METHODS } from '../mapping/payment-method.js';

/** Where a seed status sits in Rakuten's orderProgress (Rakuten has no fraud review or delivered step). */
const PROGRESS_OF: Readonly<Record<OrderStatus, number>> = {
  pending_confirmation: 100,
  awaiting_payment: 200,
  confirmed: 300,
  ready_to_ship: 300,
  on_hold: 400,
  shipped: 500,
  delivered: 600,
  completed: 700,
  cancel_requested: 800,
  cancelled: 900,
};

/** The settlementMethodCode a seed's payment method is sold as on Rakuten (methods Rakuten lacks become cards). */
const SETTLEMENT_OF: Readonly<Partial<Record<PaymentMethodCode, number>>> = {
  credit_card: 1,
  cash_on_delivery: 2,
  installment: 4,
  invoice: 7,
  points_only: 8,
  bank_transfer: 9,
  apple_pay: 12,
  convenience_store: 13,
  deferred_payment: 21,
};

/** Numbers that make wire records unique inside one sandbox. */
export interface WireCounters {
  /** The last 送付先ID handed out. */
  basketId: number;
  /** The last 商品明細ID handed out. */
  itemDetailId: number;
  /** The last 発送明細ID handed out. */
  shippingDetailId: number;
}

function splitPhone(phone: string): [string, string, string] {
  const parts = phone.split('-');
  if (parts.length === 3) return [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
  const digits = phone.replace(/\D/g, '');
  return [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
}

function person(party: SeedParty) {
  const [phoneNumber1, phoneNumber2, phoneNumber3] = splitPhone(party.phone);
  return {
    zipCode1: party.postalCode.slice(0, 3),
    zipCode2: party.postalCode.slice(3),
    prefecture: party.prefecture,
    city: party.city,
    subAddress: party.addressLines.join(' '),
    familyName: party.familyName,
    firstName: party.givenName,
    familyNameKana: party.familyNameKana,
    firstNameKana: party.givenNameKana,
    phoneNumber1,
    phoneNumber2,
    phoneNumber3,
  };
}

/** Rakuten masks buyers' addresses behind a relay: a hash at pc.fw.rakuten.ne.jp. */
function relayAddress(email: string | null, orderId: string): string | null {
  if (email === null) return null;
  return `${createHash('md5').update(`${email}|${orderId}`).digest('hex')}s1@pc.fw.rakuten.ne.jp`;
}

/** 午前中 → 1, 14時～16時 → 1416, 指定なし → 0: the shippingTerm Rakuten stores. */
export function shippingTermOf(slot: string | null): number | null {
  if (slot === null) return null;
  if (slot.startsWith('午前')) return 1;
  if (slot.includes('指定なし')) return 0;
  const match = /(\d{1,2})\D+(\d{1,2})/.exec(slot);
  return match ? Number(`${Number(match[1])}${String(Number(match[2])).padStart(2, '0')}`) : 9;
}

function includedTax(amount: number, percent: number): number {
  return Math.floor((amount * percent) / (100 + percent));
}

function item(seed: SeedItem, counters: WireCounters): RakutenItemModel {
  counters.itemDetailId += 1;
  const lines = seed.options.map((option) => `${option.name}:${option.value}`).join('\n');
  return {
    itemDetailId: counters.itemDetailId,
    itemName: seed.name,
    itemId: Number.parseInt(createHash('md5').update(seed.productId).digest('hex').slice(0, 7), 16),
    itemNumber: seed.productId,
    manageNumber: seed.productId,
    price: seed.unitPrice,
    units: seed.quantity,
    includePostageFlag: 0,
    includeTaxFlag: 1,
    includeCashOnDeliveryPostageFlag: 0,
    selectedChoice: lines || null,
    pointRate: 1,
    taxRate: seed.taxRate,
    priceTaxIncl: seed.unitPrice,
    pointType: 0,
    inventoryType: 1,
    delvdateInfo: '1～2日以内に発送',
    restoreInventoryFlag: 0,
    dealFlag: 0,
    drugFlag: 0,
    deleteItemFlag: 0,
    isSingleItemShipping: 0,
    SkuModelList: [{ variantId: seed.sku, merchantDefinedSkuId: seed.sku, skuInfo: lines }],
  };
}

function pkg(delivery: SeedDelivery, postageUnset: boolean, counters: WireCounters): RakutenPackageModel {
  counters.basketId += 1;
  const goods = delivery.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  const postage = postageUnset ? UNSET_PRICE : (delivery.shipping ?? 0);
  const notes = delivery.items.flatMap((i) => i.notes);
  return {
    basketId: counters.basketId,
    postagePrice: postage,
    postageTaxRate: 0.1,
    deliveryPrice: 0,
    deliveryTaxRate: 0.1,
    goodsPrice: goods,
    totalPrice: postageUnset ? UNSET_PRICE : goods + postage,
    noshi: notes.length > 0 ? notes.join(' ') : null,
    packageDeleteFlag: 0,
    SenderModel: { ...person(delivery.recipient), isolatedIslandFlag: 0 },
    ItemModelList: delivery.items.map((i) => item(i, counters)),
    ShippingModelList: delivery.shipments.map((s) => {
      counters.shippingDetailId += 1;
      const code = deliveryCompanyFor(s.carrier as CarrierCode).code;
      return { shippingDetailId: counters.shippingDetailId, shippingNumber: s.trackingNumber, deliveryCompany: code, deliveryCompanyName: deliveryCompanyName(code), shippingDate: s.shippedOn };
    }),
    DeliveryCvsModel: null,
    defaultDeliveryCompanyCode: delivery.shipments[0] ? deliveryCompanyFor(delivery.shipments[0].carrier).code : null,
    dropOffFlag: 0,
    dropOffLocation: null,
    SocialGiftModel: null,
  };
}

function time(iso: string | null): string | null {
  return iso === null ? null : rmsDatetime(parseJst(iso));
}

/** Turns a mall-neutral seed order into the OrderModel (version 10) getOrder would return for it. */
export function seedToWire(seed: SeedOrder, counters: WireCounters): RakutenOrderModel {
  const first = seed.deliveries[0];
  const settlementCode = SETTLEMENT_OF[seed.paymentMethod] ?? 1;
  const { amounts } = seed;
  const shipping = amounts.shipping ?? 0;
  const cod = seed.paymentMethod === 'cash_on_delivery' ? amounts.fees : 0;
  const shipped = seed.deliveries.flatMap((d) => d.shipments).map((s) => s.shippedOn).sort()[0];
  const goodsAt = (rate: number): number =>
    seed.deliveries.flatMap((d) => d.items).filter((i) => i.taxRate === rate).reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  const taxRows = [0.1, 0.08].map((rate) => {
    const base = goodsAt(rate) + (rate === 0.1 ? shipping + amounts.fees : 0);
    return { taxRate: rate, reqPrice: base, reqPriceTax: includedTax(base, Math.round(rate * 100)), totalPrice: base, paymentCharge: 0, couponPrice: 0, point: 0 };
  });
  return {
    orderNumber: seed.id,
    orderProgress: PROGRESS_OF[seed.status],
    subStatusId: null,
    subStatusName: null,
    orderDatetime: rmsDatetime(parseJst(seed.orderedAt)),
    shopOrderCfmDatetime: time(seed.confirmedAt),
    orderFixDatetime: time(seed.confirmedAt),
    shippingInstDatetime: null,
    shippingCmplRptDatetime: shipped ? rmsDatetime(parseJst(`${shipped}T18:00:00+09:00`)) : null,
    cancelDueDate: null,
    deliveryDate: first?.requestedDate ?? null,
    shippingTerm: shippingTermOf(first?.timeSlot ?? null),
    remarks: seed.buyerComment,
    giftCheckFlag: seed.flags.gift ? 1 : 0,
    socialGiftFlag: 0,
    severalSenderFlag: seed.deliveries.length > 1 ? 1 : 0,
    equalSenderFlag: seed.deliveries.length === 1 && seed.deliveries[0]?.recipient.phone === seed.buyer.phone ? 1 : 0,
    isolatedIslandFlag: 0,
    rakutenMemberFlag: 1,
    rakutenConfirmFlag: 0,
    asurakuFlag: seed.flags.deliveryPromise ? 1 : 0,
    drugFlag: 0,
    dealFlag: 0,
    modifyFlag: 0,
    deliveryCertPrgFlag: 0,
    oneDayOperationFlag: 0,
    carrierCode: 11,
    emailCarrierCode: 0,
    orderType: seed.flags.preorder ? 6 : 1,
    reserveNumber: null,
    reserveDeliveryCount: null,
    cautionDisplayType: seed.flags.suspect ? 1 : 0,
    cautionDisplayDetailType: null,
    goodsPrice: amounts.goods,
    postagePrice: seed.postageUnset ? UNSET_PRICE : shipping,
    deliveryPrice: cod,
    paymentCharge: 0,
    paymentChargeTaxRate: 0.1,
    totalPrice: seed.postageUnset ? UNSET_PRICE : amounts.goods + shipping,
    requestPrice: seed.postageUnset ? UNSET_PRICE : amounts.billed,
    couponAllTotalPrice: amounts.coupons,
    couponShopPrice: amounts.coupons,
    couponOtherPrice: 0,
    additionalFeeOccurAmountToUser: 0,
    additionalFeeOccurAmountToShop: 0,
    membershipType: 0,
    memo: null,
    operator: null,
    mailPlugSentence: null,
    OrdererModel: { ...person(seed.buyer), emailAddress: relayAddress(seed.buyer.email, seed.id), sex: null, birthYear: null, birthMonth: null, birthDay: null },
    SettlementModel: { settlementMethodCode: settlementCode, settlementMethod: RAKUTEN_SETTLEMENT_METHODS[settlementCode] ?? 'クレジットカード', rpaySettlementFlag: 1, cardName: null, cardPayType: settlementCode === 1 ? 0 : null },
    DeliveryModel: { deliveryName: first?.shippingMethod ?? '宅配便', deliveryClass: 0 },
    PointModel: { usedPoint: amounts.points },
    WrappingModel1: null,
    WrappingModel2: null,
    PackageModelList: seed.deliveries.map((d) => pkg(d, seed.postageUnset, counters)),
    CouponModelList:
      amounts.coupons > 0
        ? [{ couponCode: 'SANDBOX-COUPON', couponName: 'ショップクーポン', couponCapitalCode: 1, couponPrice: amounts.coupons, couponUnit: 1, couponTotalPrice: amounts.coupons, itemId: 0 }]
        : [],
    TaxSummaryModelList: taxRows,
    ChangeReasonModelList: [],
    DueDateModelList: [],
  };
}

/** `YYYY-MM-DDTHH:mm:ss`, JST, no offset: how the License Management API writes expiryDate. */
export function licenseExpiryText(date: Date | number): string {
  return formatJst(date, 'space').replace(' ', 'T');
}
