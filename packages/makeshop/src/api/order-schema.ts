import { z } from 'zod';

/*
 * One order as makeshop's searchOrder returns it. Only the confirmed fields are required; every
 * inferred one (see order-fields.ts) is optional, because makeshop may not have it, and numbers
 * that may arrive as strings are accepted as both. Objects are loose: a field makeshop adds never
 * fails an order.
 */

const text = z.string().nullable().optional();
const numeric = z.union([z.number(), z.string()]).nullable().optional();

/** One product line (BasketInfo). */
export interface MakeshopBasketInfo {
  /** 商品名. */
  readonly productName: string;
  /** 商品価格: the unit price in yen, tax included as the shop shows it. */
  readonly price: number;
  /** 個数. */
  readonly amount: number;
  /** 商品コード (独自商品コード when the shop set one). */
  readonly productCode?: string | null;
}

/** One destination (DeliveryInfo). Fields other than basketInfos are inferred from the legacy API. */
export interface MakeshopDeliveryInfo {
  /** 届け先氏名 (inferred). */
  readonly receiverName?: string | null;
  /** 届け先フリガナ (inferred). */
  readonly receiverKana?: string | null;
  /** 届け先郵便番号 (inferred). */
  readonly receiverPostalCode?: string | null;
  /** 届け先都道府県: a name, or a code 1–50 (inferred). */
  readonly receiverPrefecture?: string | number | null;
  /** 届け先市区町村 (inferred). */
  readonly receiverCity?: string | null;
  /** 届け先住所 after the city (inferred). */
  readonly receiverAddress?: string | null;
  /** 届け先電話番号 (inferred). */
  readonly receiverTel?: string | null;
  /** 配送方法 name (legacy `carriage name`, inferred). */
  readonly deliveryMethodName?: string | null;
  /** 送料 of this destination (inferred). */
  readonly deliveryPrice?: number | string | null;
  /** お届け希望日 (inferred). */
  readonly deliveryDate?: string | null;
  /** お届け希望時間帯, as the buyer chose it (inferred). */
  readonly deliveryTime?: string | null;
  /** 配送業者コード `001`–`031` once shipped (legacy `carrier`, inferred). */
  readonly carrierCode?: string | null;
  /** 伝票番号 once shipped (legacy `deliverynum`, inferred). */
  readonly slipNumber?: string | null;
  /** 発送日 once shipped (inferred). */
  readonly shippingDate?: string | null;
  /** The lines of this destination. */
  readonly basketInfos: readonly MakeshopBasketInfo[];
}

/** 税率毎割引額 (release notes 2024-10-23): `{ taxRate: 10, discount: 1000 }`. */
export interface MakeshopDiscountPerTax {
  /** The tax rate in percent (10, 8). */
  readonly taxRate: number;
  /** The discount at that rate, in yen. */
  readonly discount: number;
}

/** An order as makeshop sends it (SearchedOrder): `order.raw` of every normalized makeshop order. */
export interface MakeshopWireOrder {
  /** 注文番号 as the shop and buyer see it, e.g. `P180941172630907436`: the order id. */
  readonly displayOrderNumber: string;
  /** 注文日時, `YYYY-MM-DD HH:MM:SS` in JST. */
  readonly orderDate: string;
  /** 会員ID; a guest's starts with `X` (`X` + six digits, followed by the name in live output). */
  readonly memberId?: string | null;
  /** 支払金額: what the buyer pays, in yen. */
  readonly sumPrice?: number | null;
  /** 注文者の都道府県: a name in live output (`東京都`), a code 1–50 in the reference's table. */
  readonly senderPrefecture?: string | number | null;
  /** 注文ステータス (legacy `status`: 0 キャンセル, 1 通常, 99 仮注文; inferred). */
  readonly orderStatus?: string | number | null;
  /** 配送状態 `N`/`Y`/`C`/`R` (inferred as an order field; when absent, the search that found the order fills it in). */
  readonly deliveryStatus?: string | null;
  /** 支払方法 name (legacy `paymethod content`, inferred). */
  readonly paymentMethodName?: string | null;
  /** 入金状態 (legacy `payment_status`: 0 未入金, 1 入金済; inferred). */
  readonly paymentStatus?: string | number | boolean | null;
  /** 入金日 (inferred). */
  readonly paymentDate?: string | null;
  /** 注文者氏名 (inferred). */
  readonly senderName?: string | null;
  /** 注文者フリガナ (inferred). */
  readonly senderKana?: string | null;
  /** 注文者郵便番号 (inferred). */
  readonly senderPostalCode?: string | null;
  /** 注文者市区町村 (inferred). */
  readonly senderCity?: string | null;
  /** 注文者住所 after the city (inferred). */
  readonly senderAddress?: string | null;
  /** 注文者電話番号 (inferred). */
  readonly senderTel?: string | null;
  /** 注文者メールアドレス (inferred). */
  readonly senderEmail?: string | null;
  /** 決済手数料 / 代引手数料 (legacy `commission`, inferred). */
  readonly commission?: number | string | null;
  /** 利用ポイント (legacy `usepoint`, inferred). */
  readonly usePoint?: number | string | null;
  /** クーポン割引額 (legacy `coupon`, inferred). */
  readonly couponDiscount?: number | string | null;
  /** 税率毎割引額. */
  readonly discountPerTax?: readonly MakeshopDiscountPerTax[] | null;
  /** One entry per destination: a makeshop order can go to several addresses. */
  readonly deliveryInfos: readonly MakeshopDeliveryInfo[];
}

const basketSchema = z.looseObject({
  productName: z.string(),
  price: z.number(),
  amount: z.number(),
  productCode: text,
});

const deliverySchema = z.looseObject({
  receiverName: text,
  receiverKana: text,
  receiverPostalCode: text,
  receiverPrefecture: numeric,
  receiverCity: text,
  receiverAddress: text,
  receiverTel: text,
  deliveryMethodName: text,
  deliveryPrice: numeric,
  deliveryDate: text,
  deliveryTime: text,
  carrierCode: text,
  slipNumber: text,
  shippingDate: text,
  basketInfos: z.array(basketSchema),
});

/** The zod schema of ONE order: the order reader checks each order of an answer on its own. */
export const makeshopOrderSchema = z.looseObject({
  displayOrderNumber: z.string(),
  orderDate: z.string(),
  memberId: text,
  sumPrice: z.number().nullable().optional(),
  senderPrefecture: numeric,
  orderStatus: numeric,
  deliveryStatus: text,
  paymentMethodName: text,
  paymentStatus: z.union([z.number(), z.string(), z.boolean()]).nullable().optional(),
  paymentDate: text,
  senderName: text,
  senderKana: text,
  senderPostalCode: text,
  senderCity: text,
  senderAddress: text,
  senderTel: text,
  senderEmail: text,
  commission: numeric,
  usePoint: numeric,
  couponDiscount: numeric,
  discountPerTax: z.array(z.looseObject({ taxRate: z.number(), discount: z.number() })).nullable().optional(),
  deliveryInfos: z.array(deliverySchema),
}) as unknown as z.ZodType<MakeshopWireOrder>;

/** The order id of a wire order, read before it is validated (so that an unreadable order can be named). */
export function wireOrderId(wire: unknown): string | null {
  const id = (wire as { displayOrderNumber?: unknown } | null)?.displayOrderNumber;
  return typeof id === 'string' ? id : null;
}
