import { wireModel } from '@mallkit/core';
import { z } from 'zod';

/*
 * One order as makeshop's searchOrder returns it. Only the confirmed fields are required; every
 * inferred one (see order-fields.ts) is optional, because makeshop may not have it, and money that
 * may arrive as digits is accepted as a number or a string (the mapping checks it is whole yen).
 * The objects are wire models: loose at run time (a field makeshop adds never fails an order and
 * stays in `order.raw`), closed in their type (a typo in `order.raw.X` does not compile).
 */

const text = z.string().nullable().optional();
const numeric = z.union([z.number(), z.string()]).nullable().optional();

/** One product line (BasketInfo). */
const basketSchema = wireModel({
  /** 商品名. */
  productName: z.string(),
  /** 商品価格: the unit price in yen, tax included as the shop shows it (an integer in live output; the mapping reports any other). */
  price: z.number(),
  /** 個数: a whole count, at least 1; an order whose line says otherwise cannot be read. */
  amount: z.number().int().positive(),
  /** 商品コード (独自商品コード when the shop set one). */
  productCode: text,
});

/** One destination (DeliveryInfo). Fields other than basketInfos are inferred from the legacy API. */
const deliverySchema = wireModel({
  /** 届け先氏名 (inferred). */
  receiverName: text,
  /** 届け先フリガナ (inferred). */
  receiverKana: text,
  /** 届け先郵便番号 (inferred). */
  receiverPostalCode: text,
  /** 届け先都道府県: a name, or a code 1–50 (inferred). */
  receiverPrefecture: numeric,
  /** 届け先市区町村 (inferred). */
  receiverCity: text,
  /** 届け先住所 after the city (inferred). */
  receiverAddress: text,
  /** 届け先電話番号 (inferred). */
  receiverTel: text,
  /** 配送方法 name (legacy `carriage name`, inferred). */
  deliveryMethodName: text,
  /** 送料 of this destination (inferred). */
  deliveryPrice: numeric,
  /** お届け希望日 (inferred). */
  deliveryDate: text,
  /** お届け希望時間帯, as the buyer chose it (inferred). */
  deliveryTime: text,
  /** 配送業者コード `001`–`031` once shipped (legacy `carrier`, inferred). */
  carrierCode: text,
  /** 伝票番号 once shipped (legacy `deliverynum`, inferred). exportShipments needs it to tell what makeshop already holds. */
  slipNumber: text,
  /** 発送日 once shipped (inferred). */
  shippingDate: text,
  /** The lines of this destination. */
  basketInfos: z.array(basketSchema),
});

/** 税率毎割引額 (release notes 2024-10-23): `{ taxRate: 10, discount: 1000 }`. */
const discountPerTaxSchema = wireModel({
  /** The tax rate in percent (10, 8). */
  taxRate: z.number(),
  /** The discount at that rate, in yen. */
  discount: z.union([z.number(), z.string()]),
});

/** The zod schema of ONE order (SearchedOrder): the order reader checks each order of an answer on its own. */
export const makeshopOrderSchema = wireModel({
  /** 注文番号 as the shop and buyer see it, e.g. `P180941172630907436`: the order id. */
  displayOrderNumber: z.string(),
  /** 注文日時, `YYYY-MM-DD HH:MM:SS` in JST. */
  orderDate: z.string(),
  /** 会員ID; a guest's starts with `X` (`X` + six digits, followed by the name in live output). */
  memberId: text,
  /** 支払金額: what the buyer pays, in yen. */
  sumPrice: numeric,
  /** 注文者の都道府県: a name in live output (`東京都`), a code 1–50 in the reference's table. */
  senderPrefecture: numeric,
  /** 注文ステータス (legacy `status`: 0 キャンセル, 1 通常, 99 仮注文; inferred). */
  orderStatus: numeric,
  /** 配送状態 `N`/`Y`/`C`/`R` (a confirmed search input; as an order field inferred). */
  deliveryStatus: text,
  /** 支払方法 name (legacy `paymethod content`, inferred). */
  paymentMethodName: text,
  /** 入金状態 (legacy `payment_status`: 0 未入金, 1 入金済; inferred). */
  paymentStatus: z.union([z.number(), z.string(), z.boolean()]).nullable().optional(),
  /** 入金日 (inferred). */
  paymentDate: text,
  /** 注文者氏名 (inferred). */
  senderName: text,
  /** 注文者フリガナ (inferred). */
  senderKana: text,
  /** 注文者郵便番号 (inferred). */
  senderPostalCode: text,
  /** 注文者市区町村 (inferred). */
  senderCity: text,
  /** 注文者住所 after the city (inferred). */
  senderAddress: text,
  /** 注文者電話番号 (inferred). */
  senderTel: text,
  /** 注文者メールアドレス (inferred). */
  senderEmail: text,
  /** 決済手数料 / 代引手数料 (legacy `commission`, inferred). */
  commission: numeric,
  /** 利用ポイント (legacy `usepoint`, inferred). */
  usePoint: numeric,
  /** クーポン割引額 (legacy `coupon`, inferred). */
  couponDiscount: numeric,
  /** 税率毎割引額. */
  discountPerTax: z.array(discountPerTaxSchema).nullable().optional(),
  /** One entry per destination: a makeshop order can go to several addresses. */
  deliveryInfos: z.array(deliverySchema),
});

/** An order as makeshop sends it (SearchedOrder): `order.raw` of every normalized makeshop order. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface MakeshopWireOrder extends z.output<typeof makeshopOrderSchema> {}
/** One destination (DeliveryInfo) of a {@link MakeshopWireOrder}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface MakeshopDeliveryInfo extends z.output<typeof deliverySchema> {}
/** One product line (BasketInfo) of a {@link MakeshopDeliveryInfo}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface MakeshopBasketInfo extends z.output<typeof basketSchema> {}
/** One 税率毎割引額 entry of a {@link MakeshopWireOrder}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface MakeshopDiscountPerTax extends z.output<typeof discountPerTaxSchema> {}

/** The order id of a wire order, read before it is validated (so that an unreadable order can be named). */
export function wireOrderId(wire: unknown): string | null {
  const id = (wire as { displayOrderNumber?: unknown } | null)?.displayOrderNumber;
  return typeof id === 'string' ? id : null;
}
