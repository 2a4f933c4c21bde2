/** The shapes of mall-neutral seed orders (see generator.ts). */
import type { CarrierCode, PaymentMethodCode } from '../model/codes.js';
import type { ItemOption, OrderFlags } from '../model/order.js';
import type { OrderStatus } from '../model/status.js';

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
