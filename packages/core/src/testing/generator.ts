import type { CarrierCode, PaymentMethodCode } from '../model/codes.js';
import type { ItemOption, OrderFlags } from '../model/order.js';
import type { OrderStatus } from '../model/status.js';
import { formatJst, parseJst } from '../time/jst.js';

/*
 * Seed orders are mall-neutral: each mall's sandbox turns them into its own wire records (ids,
 * status strings, payment names, -9999 postage). Everything random comes from one seeded PRNG and
 * nothing reads the real clock, so a seed reproduces the same shop on every machine.
 */

// ---------------------------------------------------------------------------------------------
// Types

/** A person in a seed order: a buyer or a recipient, with every name part filled. */
export interface SeedParty {
  /** `姓 名`, joined by a half-width space as the normalized model does. */
  readonly name: string;
  readonly familyName: string;
  readonly givenName: string;
  /** `セイ メイ` in full-width katakana. */
  readonly nameKana: string;
  readonly familyNameKana: string;
  readonly givenNameKana: string;
  readonly companyName: string | null;
  /** Seven digits, no hyphen; always one of {@link SEED_ADDRESS_AREAS}. */
  readonly postalCode: string;
  readonly prefecture: string;
  /** 市区町村, e.g. `大阪市北区`. */
  readonly city: string;
  /** Town with 丁目-番-号, then a building and room on some. */
  readonly addressLines: readonly string[];
  /** A mobile number, `090-1234-5678`. */
  readonly phone: string;
  /** At a reserved example domain; `null` for recipients, whom malls send no address for. */
  readonly email: string | null;
  readonly country: 'JP';
}

/** One line of a seed delivery. */
export interface SeedItem {
  readonly productId: string;
  /** The product id plus its variant codes (`dj-001-nv-m`); the product id when it has none. */
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  /** Tax-included price of one unit, integer yen. */
  readonly unitPrice: number;
  /** 0.08 for food (軽減税率), 0.1 for everything else, alcohol included. */
  readonly taxRate: 0.1 | 0.08;
  /** Variants (`カラー: ネイビー`, `サイズ: M`) and gift choices (`のし: 御歳暮`, `ラッピング: 希望する`). */
  readonly options: readonly ItemOption[];
  /** Free-text requests such as the name printed on a noshi. */
  readonly notes: readonly string[];
}

/** A shipment already made for a delivery (orders shipped, delivered or completed). */
export interface SeedShipment {
  readonly carrier: CarrierCode;
  /** Twelve digits whose last is the first eleven mod 7, the check digit Yamato's numbers carry. */
  readonly trackingNumber: string;
  /** `YYYY-MM-DD`, JST. */
  readonly shippedOn: string;
}

/** One destination of a seed order. */
export interface SeedDelivery {
  readonly recipient: SeedParty;
  readonly items: readonly SeedItem[];
  readonly shippingMethod: '宅配便' | 'メール便';
  /** `YYYY-MM-DD`, JST, 3–10 days after the order; `null` when the buyer asked for none. */
  readonly requestedDate: string | null;
  /** The raw Japanese slot the buyer chose ({@link SEED_TIME_SLOTS}); `null` when none was offered (メール便) or sent. */
  readonly timeSlot: string | null;
  /** Postage for this destination; `null` when the order's postage is not set yet. */
  readonly shipping: number | null;
  readonly shipments: readonly SeedShipment[];
}

/** Amounts in integer yen; they add up (see {@link generateSeedOrders}). */
export interface SeedAmounts {
  /** Σ unitPrice × quantity over every line of every delivery. */
  readonly goods: number;
  /** Σ of the deliveries' postage; `null` when {@link SeedOrder.postageUnset}. */
  readonly shipping: number | null;
  /** 代引手数料 (330) for cash on delivery, else 0. */
  readonly fees: number;
  /** Always 0: seed orders carry no shop discount, which keeps `tax` exact. */
  readonly discounts: number;
  readonly points: number;
  readonly coupons: number;
  /** Consumption tax included in `total`: per rate on goods, 10% on postage and fees, each floored. */
  readonly tax: number;
  /** goods + shipping (0 when unset) + fees − discounts. */
  readonly total: number;
  /** total − points − coupons: what the buyer pays. */
  readonly billed: number;
}

/** A realistic, mall-neutral order for a sandbox's store. */
export interface SeedOrder {
  readonly id: string;
  /** ISO 8601 with +09:00, to the second. */
  readonly orderedAt: string;
  /** When the shop confirmed it (statuses from `confirmed` to `completed`), else `null`. */
  readonly confirmedAt: string | null;
  /** When the money was received or authorized; `null` while it is still owed. */
  readonly paidAt: string | null;
  readonly status: OrderStatus;
  readonly buyer: SeedParty;
  readonly deliveries: readonly SeedDelivery[];
  readonly paymentMethod: PaymentMethodCode;
  readonly amounts: SeedAmounts;
  readonly flags: OrderFlags;
  readonly buyerComment: string | null;
  /**
   * The shop has not set the postage yet (only on `pending_confirmation` orders). Rakuten sends
   * -9999 for it; the normalized model has `null` and a warning.
   */
  readonly postageUnset: boolean;
}

/** Options of {@link generateSeedOrders}. */
export interface GenerateSeedOrdersOptions {
  readonly count: number;
  /** An integer; default 1. The same seed and options give the same orders. */
  readonly seed?: number;
  /** Start of the order window (inclusive). A string without offset is JST. */
  readonly from: Date | string;
  /** End of the order window (inclusive). */
  readonly to: Date | string;
  /** Prepended to every id: `${idPrefix}YYYYMMDD-00001`. Default `SEED-`. */
  readonly idPrefix?: string;
  /**
   * The payment methods the mall offers; default a broad Japanese mix. Each appears at least once
   * when `count` allows, and `awaiting_payment` orders use a prepaid one among them.
   */
  readonly paymentMethods?: readonly PaymentMethodCode[];
}

// ---------------------------------------------------------------------------------------------
// Tables

/** A real postal code with the prefecture, city and town it belongs to (checked against Japan Post's data). */
export interface SeedAddressArea {
  readonly postalCode: string;
  readonly prefecture: string;
  readonly city: string;
  readonly town: string;
  /** Highest 丁目 of the town; 0 when its addresses have none. */
  readonly chome: number;
}

/** The postal areas seed addresses are drawn from, north to south. */
export const SEED_ADDRESS_AREAS: readonly SeedAddressArea[] = [
  { postalCode: '0600001', prefecture: '北海道', city: '札幌市中央区', town: '北一条西', chome: 20 },
  { postalCode: '0300801', prefecture: '青森県', city: '青森市', town: '新町', chome: 2 },
  { postalCode: '9800811', prefecture: '宮城県', city: '仙台市青葉区', town: '一番町', chome: 4 },
  { postalCode: '0100001', prefecture: '秋田県', city: '秋田市', town: '中通', chome: 7 },
  { postalCode: '9900039', prefecture: '山形県', city: '山形市', town: '香澄町', chome: 3 },
  { postalCode: '9608031', prefecture: '福島県', city: '福島市', town: '栄町', chome: 0 },
  { postalCode: '9638002', prefecture: '福島県', city: '郡山市', town: '駅前', chome: 2 },
  { postalCode: '3100015', prefecture: '茨城県', city: '水戸市', town: '宮町', chome: 3 },
  { postalCode: '3200026', prefecture: '栃木県', city: '宇都宮市', town: '馬場通り', chome: 4 },
  { postalCode: '3300063', prefecture: '埼玉県', city: 'さいたま市浦和区', town: '高砂', chome: 4 },
  { postalCode: '2600015', prefecture: '千葉県', city: '千葉市中央区', town: '富士見', chome: 2 },
  { postalCode: '1500001', prefecture: '東京都', city: '渋谷区', town: '神宮前', chome: 6 },
  { postalCode: '1000005', prefecture: '東京都', city: '千代田区', town: '丸の内', chome: 3 },
  { postalCode: '1600022', prefecture: '東京都', city: '新宿区', town: '新宿', chome: 7 },
  { postalCode: '2200012', prefecture: '神奈川県', city: '横浜市西区', town: 'みなとみらい', chome: 6 },
  { postalCode: '9500087', prefecture: '新潟県', city: '新潟市中央区', town: '東大通', chome: 2 },
  { postalCode: '9300003', prefecture: '富山県', city: '富山市', town: '桜町', chome: 2 },
  { postalCode: '9200981', prefecture: '石川県', city: '金沢市', town: '片町', chome: 2 },
  { postalCode: '4000031', prefecture: '山梨県', city: '甲府市', town: '丸の内', chome: 3 },
  { postalCode: '3800823', prefecture: '長野県', city: '長野市', town: '南千歳', chome: 2 },
  { postalCode: '4200857', prefecture: '静岡県', city: '静岡市葵区', town: '御幸町', chome: 0 },
  { postalCode: '4600008', prefecture: '愛知県', city: '名古屋市中区', town: '栄', chome: 5 },
  { postalCode: '4500002', prefecture: '愛知県', city: '名古屋市中村区', town: '名駅', chome: 5 },
  { postalCode: '6008216', prefecture: '京都府', city: '京都市下京区', town: '東塩小路町', chome: 0 },
  { postalCode: '5300001', prefecture: '大阪府', city: '大阪市北区', town: '梅田', chome: 3 },
  { postalCode: '5420076', prefecture: '大阪府', city: '大阪市中央区', town: '難波', chome: 5 },
  { postalCode: '6500021', prefecture: '兵庫県', city: '神戸市中央区', town: '三宮町', chome: 3 },
  { postalCode: '6308012', prefecture: '奈良県', city: '奈良市', town: '二条大路南', chome: 5 },
  { postalCode: '7000023', prefecture: '岡山県', city: '岡山市北区', town: '駅前町', chome: 2 },
  { postalCode: '7300011', prefecture: '広島県', city: '広島市中区', town: '基町', chome: 0 },
  { postalCode: '7600019', prefecture: '香川県', city: '高松市', town: 'サンポート', chome: 0 },
  { postalCode: '7900001', prefecture: '愛媛県', city: '松山市', town: '一番町', chome: 4 },
  { postalCode: '8100001', prefecture: '福岡県', city: '福岡市中央区', town: '天神', chome: 5 },
  { postalCode: '8120012', prefecture: '福岡県', city: '福岡市博多区', town: '博多駅中央街', chome: 0 },
  { postalCode: '8600806', prefecture: '熊本県', city: '熊本市中央区', town: '花畑町', chome: 0 },
  { postalCode: '8900053', prefecture: '鹿児島県', city: '鹿児島市', town: '中央町', chome: 0 },
  { postalCode: '9000001', prefecture: '沖縄県', city: '那覇市', town: '港町', chome: 4 },
];

/** Prefectures where the seed shop charges remote-area postage. */
const REMOTE_PREFECTURES: ReadonlySet<string> = new Set(['北海道', '沖縄県']);
const POSTAGE = 550;
const REMOTE_POSTAGE = 880;
const FREE_SHIPPING_FROM = 5000;
const COD_FEE = 330;

/** The delivery time slots buyers pick, as Japanese checkouts write them (Yamato's current slots). */
export const SEED_TIME_SLOTS = ['午前中', '14時～16時', '16時～18時', '18時～20時', '19時～21時', '指定なし'] as const;

type Name = readonly [kanji: string, kana: string, romaji: string];

const FAMILY_NAMES: readonly Name[] = [
  ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'],
  ['田中', 'タナカ', 'tanaka'], ['伊藤', 'イトウ', 'ito'], ['渡辺', 'ワタナベ', 'watanabe'],
  ['山本', 'ヤマモト', 'yamamoto'], ['中村', 'ナカムラ', 'nakamura'], ['小林', 'コバヤシ', 'kobayashi'],
  ['加藤', 'カトウ', 'kato'], ['吉田', 'ヨシダ', 'yoshida'], ['山田', 'ヤマダ', 'yamada'],
  ['佐々木', 'ササキ', 'sasaki'], ['山口', 'ヤマグチ', 'yamaguchi'], ['松本', 'マツモト', 'matsumoto'],
  ['井上', 'イノウエ', 'inoue'], ['木村', 'キムラ', 'kimura'], ['林', 'ハヤシ', 'hayashi'],
  ['斎藤', 'サイトウ', 'saito'], ['清水', 'シミズ', 'shimizu'], ['山崎', 'ヤマザキ', 'yamazaki'],
  ['森', 'モリ', 'mori'], ['池田', 'イケダ', 'ikeda'], ['橋本', 'ハシモト', 'hashimoto'],
  ['阿部', 'アベ', 'abe'], ['石川', 'イシカワ', 'ishikawa'], ['前田', 'マエダ', 'maeda'],
  ['藤田', 'フジタ', 'fujita'], ['小川', 'オガワ', 'ogawa'], ['岡田', 'オカダ', 'okada'],
  ['長谷川', 'ハセガワ', 'hasegawa'], ['近藤', 'コンドウ', 'kondo'], ['比嘉', 'ヒガ', 'higa'],
];

const GIVEN_NAMES: readonly Name[] = [
  ['翔太', 'ショウタ', 'shota'], ['大輔', 'ダイスケ', 'daisuke'], ['健太', 'ケンタ', 'kenta'],
  ['拓也', 'タクヤ', 'takuya'], ['蓮', 'レン', 'ren'], ['悠真', 'ユウマ', 'yuma'],
  ['直樹', 'ナオキ', 'naoki'], ['誠', 'マコト', 'makoto'], ['浩二', 'コウジ', 'koji'],
  ['隆', 'タカシ', 'takashi'], ['修', 'オサム', 'osamu'], ['陽子', 'ヨウコ', 'yoko'],
  ['美咲', 'ミサキ', 'misaki'], ['由美', 'ユミ', 'yumi'], ['恵子', 'ケイコ', 'keiko'],
  ['花子', 'ハナコ', 'hanako'], ['さくら', 'サクラ', 'sakura'], ['結衣', 'ユイ', 'yui'],
  ['陽菜', 'ヒナ', 'hina'], ['真由美', 'マユミ', 'mayumi'], ['愛', 'アイ', 'ai'],
  ['明美', 'アケミ', 'akemi'], ['和子', 'カズコ', 'kazuko'], ['裕子', 'ユウコ', 'yuko'],
  ['智子', 'トモコ', 'tomoko'], ['千尋', 'チヒロ', 'chihiro'],
];

const COMPANY_NAMES = ['株式会社ミナト商事', '有限会社みどり工房', '合同会社ひかりデザイン', '株式会社東西物産', '株式会社あおば設計'] as const;
const BUILDINGS = ['パークハイツ', 'メゾン桜', 'コーポ緑ヶ丘', 'グランレジデンス', 'サンハイム', 'ハイツ若葉', 'シティタワー', 'エクセル北館'] as const;
/** Domains reserved for examples (RFC 2606 and JPRS), so no seed address reaches a real inbox. */
const EMAIL_DOMAINS = ['example.com', 'example.jp', 'example.ne.jp', 'example.co.jp'] as const;

interface Variant {
  readonly name: string;
  readonly values: readonly (readonly [value: string, code: string])[];
}

interface Product {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly taxRate: 0.1 | 0.08;
  /** Sold as a gift: gift orders draw from these and add noshi and wrapping. */
  readonly gift: boolean;
  /** Fits a mail-box parcel (メール便) when bought alone. */
  readonly mail: boolean;
  readonly preorder: boolean;
  readonly maxQuantity: number;
  readonly variants: readonly Variant[];
  /** Asks the buyer for a name to engrave. */
  readonly engraving: boolean;
}

function product(
  id: string,
  name: string,
  price: number,
  taxRate: 0.1 | 0.08,
  extra: Partial<Omit<Product, 'id' | 'name' | 'price' | 'taxRate'>> = {},
): Product {
  return { id, name, price, taxRate, gift: false, mail: false, preorder: false, maxQuantity: 3, variants: [], engraving: false, ...extra };
}

const COLORS = (...pairs: (readonly [string, string])[]): Variant => ({ name: 'カラー', values: pairs });
const SIZES = (...sizes: string[]): Variant => ({ name: 'サイズ', values: sizes.map((s) => [s, s.toLowerCase().replace(/[^a-z0-9]/g, '')] as const) });

const PRODUCTS: readonly Product[] = [
  // Food and drink other than alcohol: 8% (軽減税率).
  product('salmon-2k', '北海道産 新巻鮭 姿切身 約2kg 化粧箱入り', 6980, 0.08, { gift: true, maxQuantity: 2 }),
  product('wagyu-500', '黒毛和牛 肩ロース すき焼き用 500g', 8640, 0.08, { gift: true, maxQuantity: 2 }),
  product('rice-5k', '新潟県産 コシヒカリ 無洗米 5kg', 3980, 0.08),
  product('tea-3p', '静岡県産 深蒸し煎茶 100g×3袋', 2160, 0.08, { mail: true }),
  product('mikan-5k', '和歌山県産 有田みかん 5kg 家庭用', 3280, 0.08),
  product('mentai-500', '博多 無着色 辛子明太子 500g', 4320, 0.08, { gift: true }),
  product('coffee-20', 'ドリップコーヒー 5種アソート 20袋', 1980, 0.08, { mail: true }),
  product('udon-12', '讃岐うどん 半生 12人前 つゆ付き', 2480, 0.08),
  product('water-2l', 'ミネラルウォーター 2L×6本', 980, 0.08),
  product('sweets-24', '焼き菓子 詰め合わせ 24個入', 3240, 0.08, { gift: true }),
  product('osechi-3', '【予約】おせち料理 三段重 3～4人前', 19800, 0.08, { gift: true, preorder: true, maxQuantity: 1 }),
  // Alcohol is excluded from the reduced rate: 10%.
  product('sake-720', '純米大吟醸 720ml 桐箱入り', 5500, 0.1, { gift: true, maxQuantity: 2 }),
  product('beer-24', 'クラフトビール 飲み比べ 350ml×24本', 7980, 0.1, { gift: true, maxQuantity: 1 }),
  // Everything else: 10%.
  product('dj-001', 'メンズ ダウンジャケット 撥水 軽量', 12800, 0.1, {
    maxQuantity: 1,
    variants: [COLORS(['ネイビー', 'nv'], ['ブラック', 'bk'], ['ベージュ', 'be']), SIZES('S', 'M', 'L', 'XL')],
  }),
  product('kn-204', 'レディース ニット カーディガン ウール混', 4980, 0.1, {
    maxQuantity: 2,
    variants: [COLORS(['アイボリー', 'iv'], ['グレー', 'gy'], ['ネイビー', 'nv']), SIZES('M', 'L')],
  }),
  product('sx-003', 'メリノウール 靴下 3足組', 1650, 0.1, { mail: true, variants: [SIZES('23-25cm', '25-27cm')] }),
  product('towel-2', '今治タオル バスタオル 2枚セット', 3300, 0.1, {
    gift: true,
    variants: [COLORS(['ホワイト', 'wh'], ['ブルー', 'bl'], ['ピンク', 'pk'])],
  }),
  product('kyusu-065', '南部鉄器 急須 0.65L', 9900, 0.1, { gift: true, maxQuantity: 1 }),
  product('mug-pair', '有田焼 マグカップ ペアセット', 4400, 0.1, { gift: true, maxQuantity: 2 }),
  product('bottle-500', 'ステンレス 真空断熱 水筒 500ml', 2980, 0.1, {
    variants: [COLORS(['ホワイト', 'wh'], ['ブラック', 'bk'], ['ミント', 'mt'])],
  }),
  product('case-nb', 'スマートフォンケース 手帳型', 1980, 0.1, {
    mail: true,
    maxQuantity: 2,
    variants: [{ name: '対応機種', values: [['iPhone 16', 'ip16'], ['iPhone 15', 'ip15'], ['Pixel 9', 'px9']] }],
  }),
  product('lamp-led', 'LED デスクライト 調光調色 USB給電', 5480, 0.1, { maxQuantity: 2 }),
  product('humid-4l', '超音波式 加湿器 4L アロマ対応', 6980, 0.1, { maxQuantity: 1 }),
  product('pen-wood', '名入れ ボールペン 木軸', 1100, 0.1, { mail: true, engraving: true }),
];

const GIFT_PRODUCTS = PRODUCTS.filter((p) => p.gift);

const STATUS_WEIGHTS: readonly (readonly [OrderStatus, number])[] = [
  ['pending_confirmation', 24], ['confirmed', 18], ['ready_to_ship', 18], ['awaiting_payment', 5],
  ['shipped', 10], ['delivered', 5], ['completed', 8], ['cancel_requested', 3], ['cancelled', 5], ['on_hold', 4],
];

const PAYMENT_WEIGHTS: ReadonlyMap<PaymentMethodCode, number> = new Map<PaymentMethodCode, number>([
  ['credit_card', 38], ['paypay', 8], ['rakuten_pay', 7], ['cash_on_delivery', 7], ['deferred_payment', 6],
  ['amazon_pay', 5], ['bank_transfer', 5], ['convenience_store', 5], ['carrier_billing', 4], ['apple_pay', 3],
  ['d_payment', 3], ['au_pay', 2], ['pay_easy', 2], ['google_pay', 1], ['merpay', 1], ['postal_transfer', 1],
  ['gift_card', 1], ['points_only', 1],
]);

/** The methods every default run shows at least once (given enough orders). */
const COMMON_PAYMENT_METHODS: readonly PaymentMethodCode[] = [
  'credit_card', 'cash_on_delivery', 'bank_transfer', 'convenience_store', 'deferred_payment', 'rakuten_pay',
  'paypay', 'amazon_pay', 'carrier_billing', 'pay_easy', 'apple_pay', 'd_payment', 'au_pay', 'points_only',
];

/** Methods paid before shipping, after the order: the only ones an order can await payment with. */
const PREPAID_METHODS: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'convenience_store', 'pay_easy', 'postal_transfer']);
/** Methods paid when or after the goods arrive. */
const PAID_ON_DELIVERY: ReadonlySet<PaymentMethodCode> = new Set(['cash_on_delivery', 'deferred_payment']);

const TIME_SLOT_WEIGHTS: readonly (readonly [string, number])[] = [
  ['指定なし', 30], ['午前中', 25], ['14時～16時', 8], ['16時～18時', 8], ['18時～20時', 10], ['19時～21時', 12],
];

/** single: to the buyer; gift: to someone else; gift_multi: gifts to several; multi: buyer and others. */
type Shape = 'single' | 'gift' | 'gift_multi' | 'multi';
const SHAPE_WEIGHTS: readonly (readonly [Shape, number])[] = [['single', 75], ['gift', 13], ['gift_multi', 7], ['multi', 5]];

const COMMENTS = [
  '不在の場合は宅配ボックスに入れてください。',
  '置き配を希望します（玄関前）。',
  'できるだけ早めに発送していただけると助かります。',
  '領収書の発行をお願いします。宛名は上様でお願いします。',
  '到着日を12月20日以降に変更できますか。',
  '前回と同じ住所でお願いします。',
] as const;
const GIFT_COMMENT = '贈り物のため、金額のわかるもの（納品書など）は同梱しないでください。';

/** Buyers order more in the evening than at night: relative weight per JST hour, 0–23. */
const HOUR_WEIGHTS = [6, 4, 2, 1, 1, 1, 2, 3, 4, 5, 6, 6, 8, 6, 5, 5, 5, 6, 7, 8, 10, 11, 10, 8] as const;

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny 32-bit PRNG, plenty for test data and identical on every JavaScript engine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  float(): number {
    return this.#next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.#next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.#next() * list.length)];
    if (item === undefined) throw new RangeError('Random.pick: empty list');
    return item;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.#next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('Random.weighted: no entries');
    return last[0];
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.#next() * (i + 1));
      const a = list[i] as T;
      list[i] = list[j] as T;
      list[j] = a;
    }
    return list;
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += String(this.int(0, 9));
    return out;
  }
}

/**
 * `count` values in random order: every `required` value once (as many as fit), the rest drawn by
 * weight. This is how a few dozen orders are guaranteed to show every status and payment method
 * while keeping the realistic mix.
 */
function spread<T>(rng: Random, count: number, required: readonly T[], weights: readonly (readonly [T, number])[]): T[] {
  const values = rng.shuffle([...required]).slice(0, count);
  while (values.length < count) values.push(rng.weighted(weights));
  return rng.shuffle(values);
}

/** Hands out every `required` value first (shuffled), then weighted draws: coverage when the count is not known up front. */
function coverer<T>(rng: Random, required: readonly T[], weights: readonly (readonly [T, number])[]): () => T {
  const queue = rng.shuffle([...required]);
  return () => queue.shift() ?? rng.weighted(weights);
}

// ---------------------------------------------------------------------------------------------
// Builders

function toEpochMs(value: Date | string, what: string): number {
  const ms = typeof value === 'string' ? parseJst(value).getTime() : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`generateSeedOrders: ${what} is not a valid date`);
  return ms;
}

function iso(ms: number): string {
  return formatJst(ms, 'iso');
}

function makeAddressLines(rng: Random, area: SeedAddressArea): string[] {
  const street =
    area.chome > 0
      ? `${area.town}${rng.int(1, area.chome)}-${rng.int(1, 20)}-${rng.int(1, 15)}`
      : `${area.town}${rng.int(1, 30)}-${rng.int(1, 20)}`;
  if (!rng.chance(0.45)) return [street];
  const room = `${rng.int(1, 12)}0${rng.int(1, 8)}`;
  return [street, `${rng.pick(BUILDINGS)} ${room}号室`];
}

function makeParty(rng: Random, kind: 'buyer' | 'recipient', family?: Name): SeedParty {
  const [familyName, familyNameKana, familyRomaji] = family ?? rng.pick(FAMILY_NAMES);
  const [givenName, givenNameKana, givenRomaji] = rng.pick(GIVEN_NAMES);
  const area = rng.pick(SEED_ADDRESS_AREAS);
  const email =
    kind === 'buyer'
      ? `${rng.chance(0.5) ? `${givenRomaji}.${familyRomaji}` : `${familyRomaji}_${givenRomaji}`}${rng.int(1, 999)}@${rng.pick(EMAIL_DOMAINS)}`
      : null;
  return {
    name: `${familyName} ${givenName}`,
    familyName,
    givenName,
    nameKana: `${familyNameKana} ${givenNameKana}`,
    familyNameKana,
    givenNameKana,
    companyName: kind === 'buyer' && rng.chance(0.06) ? rng.pick(COMPANY_NAMES) : null,
    postalCode: area.postalCode,
    prefecture: area.prefecture,
    city: area.city,
    addressLines: makeAddressLines(rng, area),
    phone: `0${rng.pick(['90', '80', '70'])}-${rng.int(1000, 9999)}-${rng.digits(4)}`,
    email,
    country: 'JP',
  };
}

/** The noshi a Japanese shop would suggest for the month the order was placed. */
function noshiFor(rng: Random, orderedAtMs: number): string {
  const month = Number(formatJst(orderedAtMs, 'date').slice(5, 7));
  if (month === 11 || month === 12) return '御歳暮';
  if (month >= 6 && month <= 8) return '御中元';
  return rng.pick(['御礼', '内祝', '無地のし']);
}

function makeItems(rng: Random, gift: boolean, buyer: SeedParty, buyerRomaji: string, noshi: string): SeedItem[] {
  const pool = gift ? GIFT_PRODUCTS : PRODUCTS;
  const lines = gift ? rng.weighted([[1, 70], [2, 30]] as const) : rng.weighted([[1, 55], [2, 28], [3, 12], [4, 5]] as const);
  const chosen = rng.shuffle([...pool]).slice(0, lines);
  return chosen.map((p) => {
    const picked = p.variants.map((variant) => {
      const [value, code] = rng.pick(variant.values);
      return { option: { name: variant.name, value }, code };
    });
    const options: ItemOption[] = picked.map((v) => v.option);
    const notes: string[] = [];
    if (gift && p.gift) {
      options.push({ name: 'のし', value: noshi });
      notes.push(`のし名入れ: ${buyer.familyName}`);
      if (rng.chance(0.5)) options.push({ name: 'ラッピング', value: '希望する' });
    }
    if (p.engraving) {
      options.push({ name: '名入れ', value: 'あり' });
      notes.push(`名入れ文字: ${buyerRomaji.charAt(0).toUpperCase()}${buyerRomaji.slice(1)}`);
    }
    const quantity = Math.min(p.maxQuantity, rng.weighted([[1, 75], [2, 18], [3, 7]] as const));
    return {
      productId: p.id,
      sku: picked.length === 0 ? p.id : `${p.id}-${picked.map((v) => v.code).join('-')}`,
      name: p.name,
      quantity,
      unitPrice: p.price,
      taxRate: p.taxRate,
      options,
      notes,
    };
  });
}

function productOf(item: SeedItem): Product | undefined {
  return PRODUCTS.find((p) => p.id === item.productId);
}

function goodsOf(items: readonly SeedItem[]): number {
  return items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
}

/** A twelve-digit tracking number whose last digit is the first eleven mod 7. */
function trackingNumber(rng: Random): string {
  const body = `${rng.int(1, 9)}${rng.digits(10)}`;
  return `${body}${Number(body) % 7}`;
}

/** Tax included in tax-included amounts at `percent`, floored as Japanese receipts do. */
function includedTax(amount: number, percent: number): number {
  return Math.floor((amount * percent) / (100 + percent));
}

// ---------------------------------------------------------------------------------------------
// The generator

interface Plan {
  readonly orderedAt: number;
  readonly status: OrderStatus;
  readonly method: PaymentMethodCode;
  readonly shape: Shape;
  readonly postageUnset: boolean;
  readonly fraudReview: boolean;
}

function validate(options: GenerateSeedOrdersOptions): { from: number; to: number; seed: number } {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new RangeError(`generateSeedOrders: count must be an integer ≥ 0, got ${options.count}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`generateSeedOrders: seed must be an integer, got ${seed}`);
  const from = toEpochMs(options.from, 'from');
  const to = toEpochMs(options.to, 'to');
  if (to < from) throw new RangeError('generateSeedOrders: `to` is before `from`');
  if (options.paymentMethods !== undefined && options.paymentMethods.length === 0) {
    throw new RangeError('generateSeedOrders: paymentMethods must not be empty');
  }
  return { from, to, seed };
}

/** Order times over the window, evening-heavy, to the second, oldest first. */
function orderTimes(rng: Random, count: number, from: number, to: number): number[] {
  const maxWeight = Math.max(...HOUR_WEIGHTS);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    let at = from + rng.float() * (to - from);
    // Rejection sampling by hour; bounded, so a window inside the small hours still terminates.
    for (let tries = 0; tries < 50; tries += 1) {
      const hour = Number(formatJst(at, 'iso').slice(11, 13));
      if (rng.float() * maxWeight < (HOUR_WEIGHTS[hour] ?? maxWeight)) break;
      at = from + rng.float() * (to - from);
    }
    times.push(Math.max(from, Math.floor(at / SECOND) * SECOND));
  }
  return times.sort((a, b) => a - b);
}

/** Decides each order's status, payment method and shape before any order is built. */
function plan(rng: Random, count: number, times: readonly number[], methods: readonly PaymentMethodCode[]): Plan[] {
  const methodWeights = methods.map((m) => [m, PAYMENT_WEIGHTS.get(m) ?? 1] as const);
  const paymentOf = spread(rng, count, methods, methodWeights);
  const statusOf = spread(rng, count, STATUS_WEIGHTS.map(([s]) => s), STATUS_WEIGHTS);
  const shapeOf = spread<Shape>(rng, count, ['gift', 'gift_multi', 'multi'], SHAPE_WEIGHTS);

  // An order can only await payment with a method paid after ordering: move awaiting_payment onto
  // prepaid orders by swapping statuses, which keeps every status present.
  const prepaid = paymentOf.map((m, i) => (PREPAID_METHODS.has(m) ? i : -1)).filter((i) => i >= 0);
  for (let i = 0; i < count; i += 1) {
    const method = paymentOf[i];
    if (statusOf[i] !== 'awaiting_payment' || method === undefined || PREPAID_METHODS.has(method)) continue;
    const j = prepaid.find((k) => statusOf[k] !== 'awaiting_payment');
    statusOf[i] = j === undefined ? 'pending_confirmation' : (statusOf[j] as OrderStatus);
    if (j !== undefined) statusOf[j] = 'awaiting_payment';
  }

  // Postage can be unset only before the shop confirms; fraud review holds an order.
  const pending = statusOf.map((s, i) => (s === 'pending_confirmation' ? i : -1)).filter((i) => i >= 0);
  const held = statusOf.map((s, i) => (s === 'on_hold' ? i : -1)).filter((i) => i >= 0);
  const unset = new Set(pending.filter(() => rng.chance(0.12)));
  if (unset.size === 0 && pending.length > 0) unset.add(rng.pick(pending));
  const fraud = new Set(held.filter(() => rng.chance(0.5)));
  if (fraud.size === 0 && held.length > 0) fraud.add(rng.pick(held));

  return times.map((orderedAt, i) => ({
    orderedAt,
    status: statusOf[i] as OrderStatus,
    method: paymentOf[i] as PaymentMethodCode,
    shape: shapeOf[i] as Shape,
    postageUnset: unset.has(i),
    fraudReview: fraud.has(i),
  }));
}

const CONFIRMED: ReadonlySet<OrderStatus> = new Set(['confirmed', 'ready_to_ship', 'shipped', 'delivered', 'completed']);
const SHIPPED: ReadonlySet<OrderStatus> = new Set(['shipped', 'delivered', 'completed']);
const ARRIVED: ReadonlySet<OrderStatus> = new Set(['delivered', 'completed']);

/**
 * Generates `count` realistic Japanese orders over `[from, to]`, oldest first. Deterministic: the
 * same options give the same orders. With a few dozen orders or more, every status, every common
 * payment method, gift and multi-destination orders, a fraud-review hold and an order with unset
 * postage all appear. Amounts add up: goods = Σ unitPrice × quantity; each delivery's postage is
 * 0 from 5,000 yen of goods, else 550 (880 to Hokkaido and Okinawa); fees are 330 for cash on
 * delivery; total = goods + shipping + fees − discounts; billed = total − points − coupons.
 * Derived times (confirmed, paid, shipped) never fall after `to`.
 */
export function generateSeedOrders(options: GenerateSeedOrdersOptions): SeedOrder[] {
  const { from, to, seed } = validate(options);
  const rng = new Random(seed);
  const idPrefix = options.idPrefix ?? 'SEED-';
  const methods = [...new Set(options.paymentMethods ?? COMMON_PAYMENT_METHODS)];
  const times = orderTimes(rng, options.count, from, to);
  const plans = plan(rng, options.count, times, methods);
  const nextSlot = coverer(rng, SEED_TIME_SLOTS, TIME_SLOT_WEIGHTS);

  /** A moment `min`–`max` ms after `start`, to the second, never after the window's end. */
  const after = (start: number, min: number, max: number): number =>
    Math.min(to, Math.max(start, Math.floor((start + min + rng.float() * (max - min)) / SECOND) * SECOND));

  return plans.map((p, index): SeedOrder => {
    const buyerFamily = rng.pick(FAMILY_NAMES);
    const buyer = makeParty(rng, 'buyer', buyerFamily);
    const gift = p.shape === 'gift' || p.shape === 'gift_multi';
    const destinations = p.shape === 'gift_multi' || p.shape === 'multi' ? rng.int(2, 3) : 1;
    const noshi = noshiFor(rng, p.orderedAt);

    const confirmedAt = CONFIRMED.has(p.status) ? after(p.orderedAt, 10 * 60 * SECOND, DAY) : null;
    const shippedAt = SHIPPED.has(p.status) ? after(confirmedAt ?? p.orderedAt, 6 * HOUR, 3 * DAY) : null;

    const deliveries: SeedDelivery[] = [];
    for (let d = 0; d < destinations; d += 1) {
      // In a "multi" order the buyer sends one parcel home and the others to family.
      const toBuyer = p.shape === 'single' || (p.shape === 'multi' && d === 0);
      // A copy without e-mail: malls send none for a destination, even when it is the buyer's own.
      const recipient = toBuyer ? { ...buyer, email: null } : makeParty(rng, 'recipient', rng.chance(0.4) ? buyerFamily : undefined);
      const items = makeItems(rng, gift, buyer, buyerFamily[2], noshi);
      const lone = items.length === 1 && items[0]?.quantity === 1;
      const mail = lone && items[0] !== undefined && productOf(items[0])?.mail === true && rng.chance(0.6);
      const goods = goodsOf(items);
      const remote = REMOTE_PREFECTURES.has(recipient.prefecture);
      const shipping = p.postageUnset ? null : goods >= FREE_SHIPPING_FROM ? 0 : remote ? REMOTE_POSTAGE : POSTAGE;
      const requestedDate = !mail && rng.chance(0.35) ? formatJst(p.orderedAt + rng.int(3, 10) * DAY, 'date') : null;
      const timeSlot = mail ? null : rng.chance(0.2) ? null : nextSlot();
      const carrier: CarrierCode = mail ? 'japan_post' : rng.weighted<CarrierCode>([['yamato', 60], ['sagawa', 25], ['japan_post', 15]]);
      const shipments: SeedShipment[] =
        shippedAt === null ? [] : [{ carrier, trackingNumber: trackingNumber(rng), shippedOn: formatJst(shippedAt, 'date') }];
      deliveries.push({ recipient, items, shippingMethod: mail ? 'メール便' : '宅配便', requestedDate, timeSlot, shipping, shipments });
    }

    const allItems = deliveries.flatMap((d) => d.items);
    const goods = goodsOf(allItems);
    const shipping = p.postageUnset ? null : deliveries.reduce((sum, d) => sum + (d.shipping ?? 0), 0);
    const fees = p.method === 'cash_on_delivery' ? COD_FEE : 0;
    const discounts = 0;
    const total = goods + (shipping ?? 0) + fees - discounts;
    const coupons = goods >= 3000 && rng.chance(0.15) ? Math.min(rng.pick([300, 500, 1000]), Math.floor(goods / 2)) : 0;
    const points =
      p.method === 'points_only'
        ? total - coupons
        : rng.chance(0.25)
          ? Math.min(rng.pick([50, 100, 200, 500, 1000, 1500, 3000]), total - coupons)
          : 0;
    const goodsAt = (rate: number): number => goodsOf(allItems.filter((item) => item.taxRate === rate));
    const tax = includedTax(goodsAt(0.08), 8) + includedTax(goodsAt(0.1), 10) + includedTax((shipping ?? 0) + fees, 10);

    let paidAt: number | null;
    if (PREPAID_METHODS.has(p.method)) {
      paidAt = p.status === 'awaiting_payment' || p.status === 'cancelled' ? null : after(p.orderedAt, HOUR, 2 * DAY);
    } else if (PAID_ON_DELIVERY.has(p.method)) {
      paidAt = ARRIVED.has(p.status) && shippedAt !== null ? after(shippedAt, 12 * HOUR, 2 * DAY) : null;
    } else {
      // Cards, wallets, carrier billing, points: authorized at checkout.
      paidAt = p.orderedAt;
    }

    const preorder = allItems.some((item) => productOf(item)?.preorder === true);
    const allByParcel = deliveries.every((d) => d.shippingMethod === '宅配便');
    const flags: OrderFlags = {
      fraudReview: p.fraudReview,
      suspect: !p.fraudReview && rng.chance(0.02),
      provisional: false,
      buyerMayCancel: false,
      gift,
      multipleDestinations: deliveries.length > 1,
      preorder,
      deliveryPromise: allByParcel && !preorder && rng.chance(0.06),
      business: buyer.companyName !== null,
    };

    const buyerComment = gift && rng.chance(0.5) ? GIFT_COMMENT : rng.chance(0.2) ? rng.pick(COMMENTS) : null;

    return {
      id: `${idPrefix}${formatJst(p.orderedAt, 'date-compact')}-${String(index + 1).padStart(5, '0')}`,
      orderedAt: iso(p.orderedAt),
      confirmedAt: confirmedAt === null ? null : iso(confirmedAt),
      paidAt: paidAt === null ? null : iso(paidAt),
      status: p.status,
      buyer,
      deliveries,
      paymentMethod: p.method,
      amounts: { goods, shipping, fees, discounts, points, coupons, tax, total, billed: total - points - coupons },
      flags,
      buyerComment,
      postageUnset: p.postageUnset,
    };
  });
}
