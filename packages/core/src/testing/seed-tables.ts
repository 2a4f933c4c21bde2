/** The tables seed orders are drawn from: real postal areas, names, products, weights. */
import type { PaymentMethodCode } from '../model/codes.js';
import type { OrderStatus } from '../model/status.js';

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
export const REMOTE_PREFECTURES: ReadonlySet<string> = new Set(['北海道', '沖縄県']);
export const POSTAGE = 550;
export const REMOTE_POSTAGE = 880;
export const FREE_SHIPPING_FROM = 5000;
export const COD_FEE = 330;

/** The delivery time slots buyers pick, as Japanese checkouts write them (Yamato's current slots). */
export const SEED_TIME_SLOTS = ['午前中', '14時～16時', '16時～18時', '18時～20時', '19時～21時', '指定なし'] as const;

export type Name = readonly [kanji: string, kana: string, romaji: string];

export const FAMILY_NAMES: readonly Name[] = [
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

export const GIVEN_NAMES: readonly Name[] = [
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

export const COMPANY_NAMES = ['株式会社ミナト商事', '有限会社みどり工房', '合同会社ひかりデザイン', '株式会社東西物産', '株式会社あおば設計'] as const;
export const BUILDINGS = ['パークハイツ', 'メゾン桜', 'コーポ緑ヶ丘', 'グランレジデンス', 'サンハイム', 'ハイツ若葉', 'シティタワー', 'エクセル北館'] as const;
/** Domains reserved for examples (RFC 2606 and JPRS), so no seed address reaches a real inbox. */
export const EMAIL_DOMAINS = ['example.com', 'example.jp', 'example.ne.jp', 'example.co.jp'] as const;

export interface Variant {
  readonly name: string;
  readonly values: readonly (readonly [value: string, code: string])[];
}

export interface Product {
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

export function product(
  id: string,
  name: string,
  price: number,
  taxRate: 0.1 | 0.08,
  extra: Partial<Omit<Product, 'id' | 'name' | 'price' | 'taxRate'>> = {},
): Product {
  return { id, name, price, taxRate, gift: false, mail: false, preorder: false, maxQuantity: 3, variants: [], engraving: false, ...extra };
}

export const COLORS = (...pairs: (readonly [string, string])[]): Variant => ({ name: 'カラー', values: pairs });
export const SIZES = (...sizes: string[]): Variant => ({ name: 'サイズ', values: sizes.map((s) => [s, s.toLowerCase().replace(/[^a-z0-9]/g, '')] as const) });

export const PRODUCTS: readonly Product[] = [
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

export const GIFT_PRODUCTS = PRODUCTS.filter((p) => p.gift);

export const STATUS_WEIGHTS: readonly (readonly [OrderStatus, number])[] = [
  ['pending_confirmation', 24], ['confirmed', 18], ['ready_to_ship', 18], ['awaiting_payment', 5],
  ['shipped', 10], ['delivered', 5], ['completed', 8], ['cancel_requested', 3], ['cancelled', 5], ['on_hold', 4],
];

export const PAYMENT_WEIGHTS: ReadonlyMap<PaymentMethodCode, number> = new Map<PaymentMethodCode, number>([
  ['credit_card', 38], ['paypay', 8], ['rakuten_pay', 7], ['cash_on_delivery', 7], ['deferred_payment', 6],
  ['amazon_pay', 5], ['bank_transfer', 5], ['convenience_store', 5], ['carrier_billing', 4], ['apple_pay', 3],
  ['d_payment', 3], ['au_pay', 2], ['pay_easy', 2], ['google_pay', 1], ['merpay', 1], ['postal_transfer', 1],
  ['gift_card', 1], ['points_only', 1],
]);

/** The methods every default run shows at least once (given enough orders). */
export const COMMON_PAYMENT_METHODS: readonly PaymentMethodCode[] = [
  'credit_card', 'cash_on_delivery', 'bank_transfer', 'convenience_store', 'deferred_payment', 'rakuten_pay',
  'paypay', 'amazon_pay', 'carrier_billing', 'pay_easy', 'apple_pay', 'd_payment', 'au_pay', 'points_only',
];

/** Methods paid before shipping, after the order: the only ones an order can await payment with. */
export const PREPAID_METHODS: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'convenience_store', 'pay_easy', 'postal_transfer']);
/** Methods paid when or after the goods arrive. */
export const PAID_ON_DELIVERY: ReadonlySet<PaymentMethodCode> = new Set(['cash_on_delivery', 'deferred_payment']);

export const TIME_SLOT_WEIGHTS: readonly (readonly [string, number])[] = [
  ['指定なし', 30], ['午前中', 25], ['14時～16時', 8], ['16時～18時', 8], ['18時～20時', 10], ['19時～21時', 12],
];

/** single: to the buyer; gift: to someone else; gift_multi: gifts to several; multi: buyer and others. */
export type Shape = 'single' | 'gift' | 'gift_multi' | 'multi';
export const SHAPE_WEIGHTS: readonly (readonly [Shape, number])[] = [['single', 75], ['gift', 13], ['gift_multi', 7], ['multi', 5]];

export const COMMENTS = [
  '不在の場合は宅配ボックスに入れてください。',
  '置き配を希望します（玄関前）。',
  'できるだけ早めに発送していただけると助かります。',
  '領収書の発行をお願いします。宛名は上様でお願いします。',
  '到着日を12月20日以降に変更できますか。',
  '前回と同じ住所でお願いします。',
] as const;
export const GIFT_COMMENT = '贈り物のため、金額のわかるもの（納品書など）は同梱しないでください。';

/** Buyers order more in the evening than at night: relative weight per JST hour, 0–23. */
export const HOUR_WEIGHTS = [6, 4, 2, 1, 1, 1, 2, 3, 4, 5, 6, 6, 8, 6, 5, 5, 5, 6, 7, 8, 10, 11, 10, 8] as const;

export const SECOND = 1000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
