import { tryParseJst, wireModel } from '@mallkit/core';
import { z } from 'zod';

/*
 * One order as 注文情報検索 (V2-M-0024) returns it with the blocks `basic;detail`, in the canonical
 * field spelling (see wire-profile.ts: every name except `serial_code` and `basic` is UNVERIFIED).
 * The schema is tolerant where JSON APIs of this style drift: ids and amounts may come as numbers or
 * numeric strings (public Shopserve clients read `Number(res.total_count)`), absent and null are
 * alike. Every model is a `wireModel`: unknown keys are kept in `order.raw` at run time, but the
 * types list only the fields below, so that `order.raw.basic.trackingNumber` (a typo) does not compile.
 */

/** A string, or a number read as its decimal string (ids and codes). */
const text = z.union([z.string(), z.number().transform(String)]);
const optionalText = text.nullish().transform((value) => value ?? null);
const digits = /^-?\d+$|^-?\d{1,3}(,\d{3})+$/;
/** Integer yen, as a number or a numeric string (`"1,200"` too). */
const yen = z.union([z.number().int(), z.string().trim().regex(digits).transform((value) => Number(value.replace(/,/g, '')))]);
const optionalYen = yen.nullish().transform((value) => value ?? null);
const quantity = yen.pipe(z.number().int().positive());
const jstTime = text.refine((value) => tryParseJst(value) !== null, 'is not a date and time');

const personSchema = wireModel({
  /** 姓 (or the whole name when the shop's form has one field). */
  family_name: text,
  /** 名. */
  given_name: optionalText,
  /** セイ. */
  family_name_kana: optionalText,
  /** メイ. */
  given_name_kana: optionalText,
  /** 会社名. */
  company_name: optionalText,
  /** 郵便番号, with or without hyphen. */
  zip_code: optionalText,
  /** 都道府県 (a name; a JIS code 1–47 is read too). */
  prefecture: optionalText,
  /** 市区町村. */
  city: optionalText,
  /** 番地. */
  address1: optionalText,
  /** 建物名・部屋番号. */
  address2: optionalText,
  /** 電話番号. */
  tel: optionalText,
  /** メールアドレス (the buyer's; recipients usually have none). */
  mail_address: optionalText,
});

const amountsSchema = wireModel({
  /** 商品合計. */
  item_total: yen,
  /** 送料. */
  postage: optionalYen,
  /** 代引手数料. */
  cod_fee: optionalYen,
  /** その他手数料 (ラッピング料など). */
  other_fee: optionalYen,
  /** 値引き, positive. */
  discount: optionalYen,
  /** 利用ポイント, in yen. */
  used_point: optionalYen,
  /** クーポン値引き, positive. */
  coupon_discount: optionalYen,
  /** うち消費税. */
  tax: optionalYen,
  /** 合計金額. */
  total: optionalYen,
  /** 請求金額 (after points and coupons). */
  billing_amount: optionalYen,
});

const basicSchema = wireModel({
  /** 注文番号: shown to people, NOT unique (受注台帳設定 can allow duplicates). */
  order_code: text,
  /** 注文日時 (JST). */
  ordered_at: jstTime,
  /** 受注更新日時 (JST). */
  updated_at: optionalText,
  /** 注文ステータス (完了; other values UNVERIFIED). */
  order_status: optionalText,
  /** 確認ステータス 未確認 / 確認済. */
  confirmation_status: optionalText,
  /** 決済ステータス (card authorization and the like), kept raw; a failed payment is recognised. */
  payment_status: optionalText,
  /** 入金ステータス 未入金 / 入金済. */
  deposit_status: optionalText,
  /** 発送ステータス 未発送 / 発送済. */
  shipping_status: optionalText,
  /** Whether the order was cancelled (the flag's name and place are UNVERIFIED). */
  cancelled: optionalText,
  /** 決済方法, the name the shop configured. */
  payment_method: optionalText,
  /** 入金日. */
  deposited_at: optionalText,
  /** 配送会社. */
  delivery_company: optionalText,
  /** お問い合わせ番号 (tracking number), one per order. */
  tracking_number: optionalText,
  /** 発送予定日. */
  scheduled_shipping_date: optionalText,
  /** 発送完了日. */
  shipped_date: optionalText,
  /** 注文者. */
  orderer: personSchema,
  /** 金額. */
  amounts: amountsSchema,
  /** 備考 (the buyer's comment). */
  comment: optionalText,
  /** The shop's memo. */
  memo: optionalText,
});

const optionSchema = wireModel({
  /** The choice's name, e.g. `サイズ`. */
  name: text,
  /** The chosen value, e.g. `M`. */
  value: text,
});

const itemSchema = wireModel({
  /** The line's number within the order, when sent. */
  line_no: optionalText,
  /** 商品コード. */
  item_code: text,
  /** バリエーションコード, when the item has variations. */
  variation_code: optionalText,
  /** 商品名. */
  item_name: text,
  /** 数量. */
  quantity,
  /** 単価 (tax included), integer yen. */
  unit_price: optionalYen,
  /** 税率 as sent: `10`, `"8%"` or `0.1`. */
  tax_rate: z
    .union([z.number(), z.string()])
    .nullish()
    .transform((value) => value ?? null),
  /** 項目選択肢・のし・ラッピング. */
  options: z
    .array(optionSchema)
    .nullish()
    .transform((value) => value ?? []),
});

const deliverySchema = wireModel({
  /** The destination's number within the order. */
  delivery_no: optionalText,
  /** お届け先. */
  recipient: personSchema,
  /** 配送方法 as the shop named it (宅配便, メール便…). */
  delivery_method: optionalText,
  /** お届け希望日. */
  desired_date: optionalText,
  /** お届け希望時間帯, as text (午前中, 14時～16時…). */
  desired_time: optionalText,
  /** 送料 of this destination. */
  postage: optionalYen,
  /** 商品. */
  items: z.array(itemSchema),
});

/** The schema of one order: each order of an answer is checked on its own, so one bad order never fails the others. */
export const shopserveOrderSchema = wireModel({
  /** The order's key in every order API (CONFIRMED); mallkit's order id. */
  serial_code: text,
  /** 注文基本情報. */
  basic: basicSchema,
  /** 注文詳細情報; null when the `detail` block was not asked for. */
  detail: wireModel({
    /** お届け先; more than one for 複数配送先 orders. */
    deliveries: z.array(deliverySchema),
  })
    .nullish()
    .transform((value) => value ?? null),
});

/**
 * One Shopserve order, as `order.raw` holds it (canonical field spelling).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so that hovers and errors name the type
export interface ShopserveOrder extends z.output<typeof shopserveOrderSchema> {}
/**
 * The `basic` block (注文基本情報): numbers, dates, status axes, payment, the orderer and amounts.
 *
 * @useDeclaredType
 */
export type ShopserveBasic = z.output<typeof basicSchema>;
/**
 * Money of an order, integer yen.
 *
 * @useDeclaredType
 */
export type ShopserveAmounts = z.output<typeof amountsSchema>;
/**
 * A buyer (注文者) or a recipient (お届け先).
 *
 * @useDeclaredType
 */
export type ShopservePerson = z.output<typeof personSchema>;
/**
 * One destination (お届け先) with its items.
 *
 * @useDeclaredType
 */
export type ShopserveDelivery = z.output<typeof deliverySchema>;
/**
 * One line of a destination.
 *
 * @useDeclaredType
 */
export type ShopserveItem = z.output<typeof itemSchema>;
/**
 * A choice the buyer made for an item (項目選択肢・のし・ラッピング).
 *
 * @useDeclaredType
 */
export type ShopserveItemOption = z.output<typeof optionSchema>;
/**
 * The `detail` block (注文詳細情報): destinations and items.
 *
 * @useDeclaredType
 */
export type ShopserveDetail = NonNullable<ShopserveOrder['detail']>;

/** The serial code of a wire order before it is validated (to name an order that cannot be read), or null. */
export function serialCodeOf(wire: unknown): string | null {
  const value = typeof wire === 'object' && wire !== null ? (wire as { serial_code?: unknown }).serial_code : undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}
