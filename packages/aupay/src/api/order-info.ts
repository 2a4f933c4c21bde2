import { wireModel } from '@mallkit/core';
import { z } from 'zod';

/*
 * One order (`orderInfo`) as searchTradeInfoListProc and searchTradeInfoProc send it. The field
 * names are those of working clients that read real answers (nakyahara/bfaith-portal
 * `apps/warehouse/aupay-orders.js`, whose schema lists every field of real answers, and
 * yirry007/ksnerp_test `app/Services/Markets/Wowma/Order.php`). Every value is text, as XML
 * carries it; empty elements are `''`. Only what an order cannot be read without is required;
 * unknown elements pass (the objects are loose at run time), so a field au PAY adds never fails an
 * order, while the TYPE lists only these fields: `order.raw.setlementName` does not compile.
 */

/** A text element. */
const text = z.string().optional();

/**
 * A free-text element. Buyers' comments have been seen as elements with children, so anything
 * is accepted here and flattened to text by the mapping.
 */
const freeText = z.unknown().optional();

/** One line of an order (`detail`). */
export const aupayDetailSchema = wireModel({
  /** Line id within the order. */
  orderDetailId: text,
  /** The shop's item code (商品コード). */
  itemCode: z.string().min(1),
  /** The variant's management id (選択肢別在庫の管理ID); the SKU is itemCode + itemManagementId. */
  itemManagementId: freeText,
  /** ロットNo. (au PAY's own item number, in order mails). */
  lotnumber: text,
  /** 商品名. */
  itemName: text,
  /** Options the buyer chose, `name=value&name=value`. */
  itemOption: freeText,
  /** Option charge. */
  itemOptionPrice: text,
  /** ギフト包装の種類. */
  giftWrappingType: text,
  /** ギフト包装料. */
  giftWrappingPrice: text,
  /** ギフトメッセージ. */
  giftMessage: freeText,
  /** のし名入れ 1. */
  noshiPresenterName1: text,
  /** のし名入れ 2. */
  noshiPresenterName2: text,
  /** のし名入れ 3. */
  noshiPresenterName3: text,
  /** Line cancel flag, as sent: `N` for a live line; `Y` or `C` is read as cancelled (UNCERTAIN, see mapping/items.ts). */
  itemCancelStatus: text,
  /** Unit price before the item discount. */
  beforeDiscount: text,
  /** Item discount per unit, already taken off itemPrice. */
  discount: text,
  /** Unit price after the item discount, tax included. */
  itemPrice: text,
  /** Quantity. */
  unit: z.string().regex(/^\s*\d+\s*$/, 'must be a whole number'),
  /** itemPrice × unit. */
  totalItemPrice: text,
  /** Tax type, as sent. */
  taxType: text,
  /** Reduced-rate flag, as sent. */
  reducedTax: text,
  /** Tax rate, `10` or `8` (percent). */
  taxRate: text,
  /** Points granted for the line. */
  giftPoint: text,
  /** 発送日目安 text. */
  shippingDayDispText: text,
  /** 発送期限, `YYYY/MM/DD`. */
  shippingTimelimitDate: text,
});

/** One order as au PAY sends it. */
export const aupayOrderSchema = wireModel({
  /** au PAY's order number. */
  orderId: z.string().min(1),
  /** `YYYY/MM/DD HH:MM`, sometimes with `:SS`, JST without offset. */
  orderDate: z.string().min(1),
  /** 1 = 通常販売, otherwise 予約販売. */
  sellMethodSegment: text,
  /** Where the order was placed (site and device). */
  siteAndDevice: text,
  /** `R` for a Ruten proxy purchase. */
  crossBorderEcTradeKbn: text,
  /** The buyer's e-mail address. */
  mailAddress: text,
  /** 注文者 name, `姓　名`. */
  ordererName: text,
  /** 注文者 name in katakana. */
  ordererKana: text,
  /** 注文者 postal code. */
  ordererZipCode: text,
  /** 注文者 address, one string. */
  ordererAddress: text,
  /** 注文者 phone. */
  ordererPhoneNumber1: text,
  /** 注文者 second phone. */
  ordererPhoneNumber2: text,
  /** The buyer's nickname. */
  nickname: text,
  /** The recipient (お届け先), despite the name. */
  senderName: text,
  /** Recipient name in katakana. */
  senderKana: text,
  /** Recipient postal code. */
  senderZipCode: text,
  /** Recipient address, one string. */
  senderAddress: text,
  /** Recipient phone. */
  senderPhoneNumber1: text,
  /** Recipient second phone. */
  senderPhoneNumber2: text,
  /** Order-level options. */
  orderOption: freeText,
  /** The buyer's comment. */
  userComment: freeText,
  /** 特記事項. */
  tradeRemarks: freeText,
  /** The shop's memo. */
  memo: freeText,
  /** The payment method as free text (`クレジットカード決済`, `au PAY（auかんたん決済）`…). */
  settlementName: text,
  /** The order status in Japanese, or a status the shop defined. */
  orderStatus: z.string().min(1),
  /** Whether the shop mailed the buyer. */
  contactStatus: text,
  /** When the shop mailed the buyer. */
  contactDate: text,
  /** Credit authorization state, as sent. */
  authorizationStatus: text,
  /** Authorization deadline. */
  authoriTimelimitDate: text,
  /** `Y` once au PAY settled the payment: after shipment for card and au かんたん決済 orders. */
  paymentStatus: text,
  /** 入金日. */
  paymentDate: text,
  /** `Y` once shipped. */
  shipStatus: text,
  /** 発送日, `YYYY/MM/DD`. */
  shipDate: text,
  /** 発送日 under its request name, when sent so. */
  shippingDate: text,
  /** Carrier code: 1 ヤマト, 2 佐川, 4 福山, 5 西濃, 6 日本郵便, 7 Rakuten EXPRESS, 9 その他. */
  shippingCarrier: text,
  /** 配送お問い合せ番号 (tracking number). */
  shippingNumber: text,
  /** Print flag, as sent. */
  printStatus: text,
  /** Cancel flag, as sent: `N`; a production tool's test writes `C` for a cancelled order (UNCERTAIN). */
  cancelStatus: text,
  /** 配送方法 name. */
  deliveryName: text,
  /** 配送方法 id. */
  deliveryMethodId: text,
  /** お届け希望日. */
  deliveryRequestDay: text,
  /** お届け希望時間帯. */
  deliveryRequestTime: text,
  /** 商品計: the goods after item discounts. */
  totalSalePrice: text,
  /** Units ordered. */
  totalSaleUnit: text,
  /** 送料. */
  postagePrice: text,
  /** 手数料 (決済・代引). */
  chargePrice: text,
  /** Option charges. */
  totalItemOptionPrice: text,
  /** Gift-wrapping charges. */
  totalGiftWrappingPrice: text,
  /** 合計: goods, postage and charges. */
  totalPrice: text,
  /** Coupons used. */
  couponTotalPrice: text,
  /** Ponta points used, in yen. */
  usePoint: text,
  /** au points used, in yen. */
  useAuPointPrice: text,
  /** What the buyer pays: totalPrice − coupons − points. */
  requestPrice: text,
  /** auスマートパスプレミアム特典 amount, as sent (what it does to requestPrice is not documented). */
  premiumIssuePrice: text,
  /** The part of the プレミアム特典 au PAY bears, as sent. */
  premiumMallPrice: text,
  /** The part of the プレミアム特典 the shop bears, as sent. */
  premiumShopPrice: text,
  /** The lines: one element for one line, repeated for several. */
  detail: z.array(aupayDetailSchema),
});

/** One order as au PAY sends it: `order.raw` of every au PAY order. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface AupayOrderInfo extends z.output<typeof aupayOrderSchema> {}

/** One line of an au PAY order. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface AupayOrderDetail extends z.output<typeof aupayDetailSchema> {}
