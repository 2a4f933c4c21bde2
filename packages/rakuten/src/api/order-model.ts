import { tryParseJst, wireModel } from '@mallkit/core';
import { z } from 'zod';

/*
 * getOrder's OrderModel (version 10), field by field after specs/rakuten.md §4.3, so that
 * `order.raw` is fully typed. Fields the docs mark Not Null are still `nullish` where real answers
 * are known to leave them out (older versions, orders from before the SKU migration); only what an
 * order cannot be read without is required. Each order of an answer is checked on its own (the
 * kit's order reader), so an order that breaks this schema is reported alone and never fails its
 * batch. Fields whose type no public copy fixes accept a string or a number.
 */

const str = z.string().nullish();
const num = z.number().nullish();
/** A code whose wire type (string or number) no public copy of the docs fixes. */
const code = z.union([z.string(), z.number()]).nullish();

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
const ordererModelSchema = wireModel({ ...personFields, emailAddress: str, sex: str, birthYear: num, birthMonth: num, birthDay: num });

/** 送付先の人. */
const senderModelSchema = wireModel({ ...personFields, isolatedIslandFlag: num });

/** SKU of an item line (version 7+). */
const skuModelSchema = wireModel({ variantId: str, merchantDefinedSkuId: str, skuInfo: str });

/** 商品. */
const itemModelSchema = wireModel({
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
  pointType: num,
  inventoryType: num,
  delvdateInfo: str,
  restoreInventoryFlag: num,
  dealFlag: num,
  drugFlag: num,
  deleteItemFlag: num,
  taxRate: num,
  priceTaxIncl: num,
  isSingleItemShipping: num,
  SkuModelList: z.array(skuModelSchema).nullish(),
});

/** 発送情報 already recorded on a package. */
export const shippingModelSchema = wireModel({
  shippingDetailId: z.number(),
  shippingNumber: str,
  deliveryCompany: str,
  deliveryCompanyName: str,
  shippingDate: str,
});

/** コンビニ・郵便局受取 (only on such packages). */
const deliveryCvsModelSchema = wireModel({
  cvsCode: num,
  storeGenreCode: code,
  storeCode: str,
  storeName: str,
  storeZip: str,
  storePrefecture: str,
  storeAddress: str,
  areaCode: code,
  depo: code,
  openTime: str,
  closeTime: str,
  cvsRemarks: str,
});

/**
 * ソーシャルギフト (version 10), one per package: the gift's management number and whether the
 * recipient has entered an address yet (`inputFlag`).
 */
const socialGiftModelSchema = wireModel({ sgMngNumber: str, inputDueDate: str, inputFlag: num, inputCompDatetime: str, receiverEmailAddress: str });

/** 送付先 (package): the unit updateOrderShipping addresses by basketId. */
const packageModelSchema = wireModel({
  basketId: z.number(),
  postagePrice: num,
  postageTaxRate: num,
  deliveryPrice: num,
  deliveryTaxRate: num,
  goodsTax: num,
  goodsPrice: num,
  totalPrice: num,
  noshi: str,
  packageDeleteFlag: num,
  SenderModel: senderModelSchema,
  ItemModelList: z.array(itemModelSchema),
  ShippingModelList: z.array(shippingModelSchema).nullish(),
  DeliveryCvsModel: deliveryCvsModelSchema.nullish(),
  defaultDeliveryCompanyCode: str,
  dropOffFlag: num,
  dropOffLocation: str,
  // Version 10 puts the social-gift record on the package, not on the order.
  SocialGiftModel: socialGiftModelSchema.nullish(),
});

/** 決済方法. `settlementMethod` is a name here; searchOrder filters by a numeric code instead. */
const settlementModelSchema = wireModel({
  settlementMethodCode: num,
  settlementMethod: str,
  rpaySettlementFlag: num,
  cardName: str,
  cardNumber: str,
  cardOwner: str,
  cardYm: str,
  cardPayType: num,
  cardInstallmentDesc: code,
});

/** クーポン. `couponTotalPrice` is -9999 when unit or price is null. */
const couponModelSchema = wireModel({
  couponCode: str,
  itemId: num,
  couponName: str,
  couponSummary: str,
  couponCapital: str,
  couponCapitalCode: num,
  expiryDate: str,
  couponPrice: num,
  couponUnit: num,
  couponTotalPrice: num,
  itemDetailId: num,
});

/** 変更・キャンセル履歴. */
const changeReasonModelSchema = wireModel({
  changeId: num,
  changeType: num,
  changeTypeDetail: num,
  changeReason: num,
  changeReasonDetail: num,
  changeApplyDatetime: str,
  changeFixDatetime: str,
  changeCmplDatetime: str,
});

/** 税率ごとの集計. */
const taxSummaryModelSchema = wireModel({ taxRate: num, reqPrice: num, reqPriceTax: num, totalPrice: num, paymentCharge: num, couponPrice: num, point: num });

/** 期限日 (version 5). */
const dueDateModelSchema = wireModel({ dueDateType: num, dueDate: str });

/** ラッピング. */
const wrappingModelSchema = wireModel({ title: num, name: str, price: num, includeTaxFlag: num, deleteWrappingFlag: num, taxRate: num, taxPrice: num });

/**
 * 注文日時, Not Null: an order without a readable one cannot be placed in time (listing windows,
 * `orderedAt`), so it makes the order unreadable rather than carrying the raw text on.
 */
const orderDatetimeSchema = z.string().refine((value) => tryParseJst(value) !== null, 'orderDatetime is not an RMS datetime (yyyy-MM-ddTHH:mm:ss+0900)');

/** One order as getOrder returns it. */
export const orderModelSchema = wireModel({
  orderNumber: z.string(),
  orderProgress: z.number(),
  subStatusId: num,
  subStatusName: str,
  orderDatetime: orderDatetimeSchema,
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
  equalSenderFlag: num,
  isolatedIslandFlag: num,
  rakutenMemberFlag: num,
  rakutenConfirmFlag: num,
  asurakuFlag: num,
  drugFlag: num,
  dealFlag: num,
  modifyFlag: num,
  deliveryCertPrgFlag: num,
  oneDayOperationFlag: num,
  carrierCode: num,
  emailCarrierCode: num,
  orderType: num,
  reserveNumber: str,
  reserveDeliveryCount: num,
  cautionDisplayType: num,
  cautionDisplayDetailType: num,
  goodsPrice: num,
  /** Not returned from version 8 on. */
  goodsTax: num,
  postagePrice: num,
  deliveryPrice: num,
  paymentCharge: num,
  paymentChargeTaxRate: num,
  totalPrice: num,
  requestPrice: num,
  couponAllTotalPrice: num,
  couponShopPrice: num,
  couponOtherPrice: num,
  additionalFeeOccurAmountToUser: num,
  additionalFeeOccurAmountToShop: num,
  membershipType: num,
  memo: str,
  operator: str,
  mailPlugSentence: str,
  receiptIssueCount: num,
  receiptIssueHistoryList: z.array(z.unknown()).nullish(),
  OrdererModel: ordererModelSchema,
  SettlementModel: settlementModelSchema.nullish(),
  DeliveryModel: wireModel({ deliveryName: str, deliveryClass: num }).nullish(),
  PointModel: wireModel({ usedPoint: num }).nullish(),
  WrappingModel1: wrappingModelSchema.nullish(),
  WrappingModel2: wrappingModelSchema.nullish(),
  PackageModelList: z.array(packageModelSchema),
  CouponModelList: z.array(couponModelSchema).nullish(),
  ChangeReasonModelList: z.array(changeReasonModelSchema).nullish(),
  TaxSummaryModelList: z.array(taxSummaryModelSchema).nullish(),
  DueDateModelList: z.array(dueDateModelSchema).nullish(),
});

/**
 * What a write needs to know of an order: its progress, when the shop confirmed it, and its
 * packages' recorded shipments. Read with its own small schema, so that an order the full schema
 * cannot read can still be confirmed, shipped, and read back.
 */
export const orderStateSchema = wireModel({
  orderNumber: z.string(),
  orderProgress: z.number(),
  /** 注文確認日時: set by confirmOrder (RMS's own 注文確認 too); proof that the order was confirmed whatever its progress now. */
  shopOrderCfmDatetime: str,
  PackageModelList: z.array(wireModel({ basketId: z.number(), packageDeleteFlag: num, ShippingModelList: z.array(shippingModelSchema).nullish() })).nullish(),
});

/**
 * One order as getOrder returns it (parsed): the type of `order.raw`. Only documented fields compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface RakutenOrderModel extends z.output<typeof orderModelSchema> {}
/**
 * One 送付先 of an order.
 *
 * @useDeclaredType
 */
export type RakutenPackageModel = z.output<typeof packageModelSchema>;
/**
 * One item line of a package.
 *
 * @useDeclaredType
 */
export type RakutenItemModel = z.output<typeof itemModelSchema>;
/**
 * 注文者 or 送付先 person fields.
 *
 * @useDeclaredType
 */
export type RakutenPersonModel = z.output<typeof senderModelSchema> | z.output<typeof ordererModelSchema>;
/**
 * 発送情報 of a package.
 *
 * @useDeclaredType
 */
export type RakutenShippingModel = z.output<typeof shippingModelSchema>;
/**
 * The state of an order as the writes read it: progress and packages with their shipments.
 *
 * @useDeclaredType
 */
export type RakutenOrderState = z.output<typeof orderStateSchema>;
