import { z } from 'zod';

/*
 * getOrder's OrderModel (version 10), after specs/rakuten.md §4.3. Only what mallkit reads is
 * listed field by field; `.loose()` keeps every other field in `order.raw`, so nothing Rakuten
 * sends is lost. Fields the docs mark Not Null are still `nullish` where real answers are known to
 * leave them out (older versions, orders from before the SKU migration): a stricter schema would
 * turn a harmless gap into a ResponseFormatError for the whole batch.
 */

const str = z.string().nullish();
const num = z.number().nullish();

/** 住所・氏名・電話: the fields OrdererModel and SenderModel share. Zip and phone parts are strings (they keep leading zeros). */
const personFields = {
  zipCode1: str,
  zipCode2: str,
  prefecture: str,
  city: str,
  subAddress: str,
  familyName: str,
  firstName: str,
  familyNameKana: str,
  firstNameKana: str,
  phoneNumber1: str,
  phoneNumber2: str,
  phoneNumber3: str,
};

/** 注文者. `emailAddress` is a relay address (`…@pc.fw.rakuten.ne.jp`), kept as given. */
export const ordererModelSchema = z
  .object({ ...personFields, emailAddress: str, sex: str, birthYear: num, birthMonth: num, birthDay: num })
  .loose();

/** 送付先の人. */
export const senderModelSchema = z.object({ ...personFields, isolatedIslandFlag: num }).loose();

/** SKU of an item line (version 7+). */
export const skuModelSchema = z.object({ variantId: str, merchantDefinedSkuId: str, skuInfo: str }).loose();

/** 商品. */
export const itemModelSchema = z
  .object({
    itemDetailId: z.number(),
    itemName: z.string(),
    itemId: num,
    itemNumber: str,
    manageNumber: str,
    price: num,
    units: z.number(),
    includePostageFlag: num,
    includeTaxFlag: num,
    includeCashOnDeliveryPostageFlag: num,
    selectedChoice: str,
    pointRate: num,
    taxRate: num,
    priceTaxIncl: num,
    deleteItemFlag: num,
    SkuModelList: z.array(skuModelSchema).nullish(),
  })
  .loose();

/** 発送情報 already recorded on a package. */
export const shippingModelSchema = z
  .object({
    shippingDetailId: z.number(),
    shippingNumber: str,
    deliveryCompany: str,
    deliveryCompanyName: str,
    shippingDate: str,
  })
  .loose();

/**
 * ソーシャルギフト (version 10), one per package: the gift's management number and whether the
 * recipient has entered an address yet (`inputFlag`).
 */
export const socialGiftModelSchema = z
  .object({ sgMngNumber: str, inputDueDate: str, inputFlag: num, inputCompDatetime: str, receiverEmailAddress: str })
  .loose();

/** 送付先 (package): the unit updateOrderShipping addresses by basketId. */
export const packageModelSchema = z
  .object({
    basketId: z.number(),
    postagePrice: num,
    postageTaxRate: num,
    deliveryPrice: num,
    deliveryTaxRate: num,
    goodsPrice: num,
    totalPrice: num,
    noshi: str,
    packageDeleteFlag: num,
    SenderModel: senderModelSchema,
    ItemModelList: z.array(itemModelSchema),
    ShippingModelList: z.array(shippingModelSchema).nullish(),
    DeliveryCvsModel: z.object({ storeName: str, storeCode: str, cvsCode: num }).loose().nullish(),
    defaultDeliveryCompanyCode: str,
    dropOffFlag: num,
    dropOffLocation: str,
    // Version 10 puts the social-gift record on the package, not on the order.
    SocialGiftModel: socialGiftModelSchema.nullish(),
  })
  .loose();

/** 決済方法. `settlementMethod` is a name here; searchOrder filters by a numeric code instead. */
export const settlementModelSchema = z
  .object({ settlementMethodCode: num, settlementMethod: str, rpaySettlementFlag: num, cardName: str, cardPayType: num })
  .loose();

/** クーポン. `couponTotalPrice` is -9999 when unit or price is null. */
export const couponModelSchema = z
  .object({ couponCode: str, couponName: str, couponCapitalCode: num, couponPrice: num, couponUnit: num, couponTotalPrice: num, itemId: num })
  .loose();

/** 税率ごとの集計. */
export const taxSummaryModelSchema = z
  .object({ taxRate: num, reqPrice: num, reqPriceTax: num, totalPrice: num, paymentCharge: num, couponPrice: num, point: num })
  .loose();

/** ラッピング. */
export const wrappingModelSchema = z.object({ title: num, name: str, price: num, includeTaxFlag: num, deleteWrappingFlag: num }).loose();

/** One order as getOrder returns it. */
export const orderModelSchema = z
  .object({
    orderNumber: z.string(),
    orderProgress: z.number(),
    subStatusId: num,
    subStatusName: str,
    orderDatetime: z.string(),
    shopOrderCfmDatetime: str,
    orderFixDatetime: str,
    shippingInstDatetime: str,
    shippingCmplRptDatetime: str,
    cancelDueDate: str,
    deliveryDate: str,
    shippingTerm: num,
    remarks: str,
    giftCheckFlag: num,
    socialGiftFlag: num,
    severalSenderFlag: num,
    isolatedIslandFlag: num,
    rakutenConfirmFlag: num,
    asurakuFlag: num,
    deliveryCertPrgFlag: num,
    orderType: num,
    cautionDisplayType: num,
    goodsPrice: num,
    goodsTax: num,
    postagePrice: num,
    deliveryPrice: num,
    paymentCharge: num,
    totalPrice: num,
    requestPrice: num,
    couponAllTotalPrice: num,
    couponShopPrice: num,
    couponOtherPrice: num,
    additionalFeeOccurAmountToUser: num,
    memo: str,
    OrdererModel: ordererModelSchema,
    SettlementModel: settlementModelSchema.nullish(),
    DeliveryModel: z.object({ deliveryName: str, deliveryClass: num }).loose().nullish(),
    PointModel: z.object({ usedPoint: num }).loose().nullish(),
    WrappingModel1: wrappingModelSchema.nullish(),
    WrappingModel2: wrappingModelSchema.nullish(),
    PackageModelList: z.array(packageModelSchema),
    CouponModelList: z.array(couponModelSchema).nullish(),
    TaxSummaryModelList: z.array(taxSummaryModelSchema).nullish(),
  })
  .loose();

/** One order as getOrder returns it (parsed): the type of `order.raw`. */
export type RakutenOrderModel = z.infer<typeof orderModelSchema>;
/** One 送付先 of an order. */
export type RakutenPackageModel = z.infer<typeof packageModelSchema>;
/** One item line of a package. */
export type RakutenItemModel = z.infer<typeof itemModelSchema>;
/** 注文者 or 送付先 person fields. */
export type RakutenPersonModel = z.infer<typeof senderModelSchema> | z.infer<typeof ordererModelSchema>;
/** 発送情報 of a package. */
export type RakutenShippingModel = z.infer<typeof shippingModelSchema>;
