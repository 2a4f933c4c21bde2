/** The columns `mallkit ship` reads; the first line of the CSV names them. */
export const SHIP_FIELDS = ['order_id', 'delivery_id', 'carrier', 'carrier_name', 'tracking_number', 'shipped_at', 'shipping_method'] as const;
/** One of {@link SHIP_FIELDS}. */
export type ShipField = (typeof SHIP_FIELDS)[number];

/** The columns every row needs. */
export const REQUIRED_FIELDS: readonly ShipField[] = ['order_id', 'carrier', 'tracking_number', 'shipped_at'];

/** The column the retry file adds: it says why the row was not sent, and is ignored when read back. */
export const ERROR_COLUMN = 'error';

/**
 * Header names as shops write them — the English names, their camelCase, and the Japanese ones of
 * mall and carrier CSV downloads — compared after {@link headerKey}.
 */
const ALIASES: Readonly<Record<ShipField, readonly string[]>> = {
  order_id: ['order_id', 'orderId', 'order number', '注文番号', '受注番号', '注文ID', 'オーダー番号'],
  delivery_id: ['delivery_id', 'deliveryId', '送付先ID', '配送先ID', '送付先番号'],
  carrier: ['carrier', '配送会社', '運送会社', '配送業者'],
  carrier_name: ['carrier_name', 'carrierName', '配送会社名', '運送会社名'],
  tracking_number: ['tracking_number', 'trackingNumber', '伝票番号', '送り状番号', 'お問い合わせ番号', 'お問合せ番号', '追跡番号'],
  shipped_at: ['shipped_at', 'shippedAt', 'ship_date', '出荷日', '発送日'],
  shipping_method: ['shipping_method', 'shippingMethod', '配送方法', '発送方法'],
};

const IGNORED = new Set([ERROR_COLUMN, 'エラー', 'result', '結果'].map((name) => headerKey(name)));

/** The comparable form of a header: NFKC, lower case, without spaces, `_` and `-`. */
export function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_KEY = new Map<string, ShipField>(
  (Object.entries(ALIASES) as Array<[ShipField, readonly string[]]>).flatMap(([field, names]) => names.map((name) => [headerKey(name), field] as const)),
);

/** Where each field is in the header, and the columns nobody reads. */
export interface HeaderMap {
  readonly index: Readonly<Partial<Record<ShipField, number>>>;
  readonly unknown: readonly string[];
  readonly missing: readonly ShipField[];
  /** The position of the retry file's error column, when there is one. */
  readonly errorIndex: number | null;
}

/** Reads the header line. */
export function mapHeader(header: readonly string[]): HeaderMap {
  const index: Partial<Record<ShipField, number>> = {};
  const unknown: string[] = [];
  let errorIndex: number | null = null;
  header.forEach((name, position) => {
    const key = headerKey(name);
    const field = BY_KEY.get(key);
    if (field !== undefined && index[field] === undefined) index[field] = position;
    else if (key === headerKey(ERROR_COLUMN)) errorIndex = position;
    else if (!IGNORED.has(key) && key !== '') unknown.push(name);
  });
  return { index, unknown, missing: REQUIRED_FIELDS.filter((field) => index[field] === undefined), errorIndex };
}
