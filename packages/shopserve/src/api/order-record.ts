import { tryParseJst } from '@mallkit/core';
import { z } from 'zod';

/*
 * One order as 注文情報検索 (V2-M-0024) returns it with the blocks `basic;detail`, in the canonical
 * field spelling (see wire-profile.ts: every name except `serial_code` and `basic` is UNVERIFIED).
 * The schema is tolerant where JSON APIs of this style drift: ids and amounts may come as numbers or
 * numeric strings (public Shopserve clients read `Number(res.total_count)`), absent and null are
 * alike, and unknown keys are kept.
 */

/** A buyer (注文者) or a recipient (お届け先). */
export interface ShopservePerson {
  /** 姓 (or the whole name when the shop's form has one field). */
  readonly family_name: string;
  /** 名. */
  readonly given_name: string | null;
  /** セイ. */
  readonly family_name_kana: string | null;
  /** メイ. */
  readonly given_name_kana: string | null;
  /** 会社名. */
  readonly company_name: string | null;
  /** 郵便番号, with or without hyphen. */
  readonly zip_code: string | null;
  /** 都道府県. */
  readonly prefecture: string | null;
  /** 市区町村. */
  readonly city: string | null;
  /** 番地. */
  readonly address1: string | null;
  /** 建物名・部屋番号. */
  readonly address2: string | null;
  /** 電話番号. */
  readonly tel: string | null;
  /** メールアドレス (the buyer's; recipients usually have none). */
  readonly mail_address: string | null;
}

/** Money of an order, integer yen. */
export interface ShopserveAmounts {
  /** 商品合計. */
  readonly item_total: number;
  /** 送料. */
  readonly postage: number | null;
  /** 代引手数料. */
  readonly cod_fee: number | null;
  /** その他手数料 (ラッピング料など). */
  readonly other_fee: number | null;
  /** 値引き, positive. */
  readonly discount: number | null;
  /** 利用ポイント, in yen. */
  readonly used_point: number | null;
  /** クーポン値引き, positive. */
  readonly coupon_discount: number | null;
  /** うち消費税. */
  readonly tax: number | null;
  /** 合計金額. */
  readonly total: number | null;
  /** 請求金額 (after points and coupons). */
  readonly billing_amount: number | null;
}

/** The `basic` block (注文基本情報): numbers, dates, status axes, payment, the orderer and amounts. */
export interface ShopserveBasic {
  /** 注文番号: shown to people, NOT unique (受注台帳設定 can allow duplicates). */
  readonly order_code: string;
  /** 注文日時 (JST). */
  readonly ordered_at: string;
  /** 受注更新日時 (JST). */
  readonly updated_at: string | null;
  /** 注文ステータス (e.g. 完了). */
  readonly order_status: string | null;
  /** 確認ステータス 未確認 / 確認済. */
  readonly confirmation_status: string | null;
  /** 決済ステータス (card authorization and the like), kept raw. */
  readonly payment_status: string | null;
  /** 入金ステータス 未入金 / 入金済. */
  readonly deposit_status: string | null;
  /** 発送ステータス 未発送 / 発送済. */
  readonly shipping_status: string | null;
  /** Whether the order was cancelled (moved to 受注キャンセルフォルダ). */
  readonly cancelled: string | null;
  /** 決済方法, the name the shop configured. */
  readonly payment_method: string | null;
  /** 入金日. */
  readonly deposited_at: string | null;
  /** 配送会社. */
  readonly delivery_company: string | null;
  /** お問い合わせ番号 (tracking number), one per order. */
  readonly tracking_number: string | null;
  /** 発送予定日. */
  readonly scheduled_shipping_date: string | null;
  /** 発送完了日. */
  readonly shipped_date: string | null;
  /** 注文者. */
  readonly orderer: ShopservePerson;
  /** 金額. */
  readonly amounts: ShopserveAmounts;
  /** 備考 (the buyer's comment). */
  readonly comment: string | null;
  /** The shop's memo. */
  readonly memo: string | null;
}

/** A choice the buyer made for an item (項目選択肢・のし・ラッピング). */
export interface ShopserveItemOption {
  /** The choice's name, e.g. `サイズ`. */
  readonly name: string;
  /** The chosen value, e.g. `M`. */
  readonly value: string;
}

/** One line of a destination. */
export interface ShopserveItem {
  /** The line's number within the order, when sent. */
  readonly line_no: string | null;
  /** 商品コード. */
  readonly item_code: string;
  /** バリエーションコード, when the item has variations. */
  readonly variation_code: string | null;
  /** 商品名. */
  readonly item_name: string;
  /** 数量. */
  readonly quantity: number;
  /** 単価 (tax included), integer yen. */
  readonly unit_price: number | null;
  /** 税率 as sent: `10`, `"8%"` or `0.1`. */
  readonly tax_rate: string | number | null;
  /** 項目選択肢. */
  readonly options: readonly ShopserveItemOption[];
}

/** One destination (お届け先) with its items. */
export interface ShopserveDelivery {
  /** The destination's number within the order. */
  readonly delivery_no: string | null;
  /** お届け先. */
  readonly recipient: ShopservePerson;
  /** 配送方法 as the shop named it (宅配便, メール便…). */
  readonly delivery_method: string | null;
  /** お届け希望日. */
  readonly desired_date: string | null;
  /** お届け希望時間帯, as text (午前中, 14時～16時…). */
  readonly desired_time: string | null;
  /** 送料 of this destination. */
  readonly postage: number | null;
  /** 商品. */
  readonly items: readonly ShopserveItem[];
}

/** The `detail` block (注文詳細情報): destinations and items. */
export interface ShopserveDetail {
  /** お届け先; more than one for 複数配送先 orders. */
  readonly deliveries: readonly ShopserveDelivery[];
}

/** One Shopserve order, as `order.raw` holds it (canonical field spelling). */
export interface ShopserveOrder {
  /** The order's key in every order API (CONFIRMED); mallkit's order id. */
  readonly serial_code: string;
  /** 注文基本情報. */
  readonly basic: ShopserveBasic;
  /** 注文詳細情報; null when the `detail` block was not asked for. */
  readonly detail: ShopserveDetail | null;
}

/** A string, or a number read as its decimal string (ids and codes). */
const text = z.union([z.string(), z.number().transform(String)]);
const optionalText = text.nullish().transform((value) => value ?? null);
const digits = /^-?\d+$|^-?\d{1,3}(,\d{3})+$/;
/** Integer yen, as a number or a numeric string (`"1,200"` too). */
const yen = z.union([z.number().int(), z.string().trim().regex(digits).transform((value) => Number(value.replace(/,/g, '')))]);
const optionalYen = yen.nullish().transform((value) => value ?? null);
const quantity = yen.pipe(z.number().int().positive());
const jstTime = text.refine((value) => tryParseJst(value) !== null, 'is not a date and time');

const personSchema = z.looseObject({
  family_name: text,
  given_name: optionalText,
  family_name_kana: optionalText,
  given_name_kana: optionalText,
  company_name: optionalText,
  zip_code: optionalText,
  prefecture: optionalText,
  city: optionalText,
  address1: optionalText,
  address2: optionalText,
  tel: optionalText,
  mail_address: optionalText,
});

const amountsSchema = z.looseObject({
  item_total: yen,
  postage: optionalYen,
  cod_fee: optionalYen,
  other_fee: optionalYen,
  discount: optionalYen,
  used_point: optionalYen,
  coupon_discount: optionalYen,
  tax: optionalYen,
  total: optionalYen,
  billing_amount: optionalYen,
});

const basicSchema = z.looseObject({
  order_code: text,
  ordered_at: jstTime,
  updated_at: optionalText,
  order_status: optionalText,
  confirmation_status: optionalText,
  payment_status: optionalText,
  deposit_status: optionalText,
  shipping_status: optionalText,
  cancelled: optionalText,
  payment_method: optionalText,
  deposited_at: optionalText,
  delivery_company: optionalText,
  tracking_number: optionalText,
  scheduled_shipping_date: optionalText,
  shipped_date: optionalText,
  orderer: personSchema,
  amounts: amountsSchema,
  comment: optionalText,
  memo: optionalText,
});

const itemSchema = z.looseObject({
  line_no: optionalText,
  item_code: text,
  variation_code: optionalText,
  item_name: text,
  quantity,
  unit_price: optionalYen,
  tax_rate: z.union([z.number(), z.string()]).nullish().transform((value) => value ?? null),
  options: z
    .array(z.looseObject({ name: text, value: text }))
    .nullish()
    .transform((value) => value ?? []),
});

const deliverySchema = z.looseObject({
  delivery_no: optionalText,
  recipient: personSchema,
  delivery_method: optionalText,
  desired_date: optionalText,
  desired_time: optionalText,
  postage: optionalYen,
  items: z.array(itemSchema),
});

/** The schema of one order: each order of an answer is checked on its own, so one bad order never fails the others. */
export const shopserveOrderSchema: z.ZodType<ShopserveOrder> = z.looseObject({
  serial_code: text,
  basic: basicSchema,
  detail: z
    .looseObject({ deliveries: z.array(deliverySchema) })
    .nullish()
    .transform((value) => value ?? null),
});

/** The serial code of a wire order before it is validated (to name an order that cannot be read), or null. */
export function serialCodeOf(wire: unknown): string | null {
  const value = typeof wire === 'object' && wire !== null ? (wire as { serial_code?: unknown }).serial_code : undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}
