import type { OrderAmounts } from './amounts.js';
import type { CarrierCode, PaymentMethodCode, TimeSlotCode } from './codes.js';
import type { Mapped } from './mapped.js';
import type { MallId } from './mall-id.js';
import type { Party } from './party.js';
import type { MappedOrderStatus } from './status.js';
import type { OrderWarning } from './warning.js';

/** An option the buyer chose for an item (項目選択肢), e.g. `{ name: 'サイズ', value: 'M' }`. */
export interface ItemOption {
  readonly name: string;
  readonly value: string;
}

/** One line of an order. */
export interface OrderItem {
  /** The mall's id of this line (Rakuten itemDetailId, Yahoo LineId, Amazon orderItemId). */
  readonly lineId: string;
  /** The shop's product number (商品管理番号 / ItemId / ASIN). */
  readonly productId: string;
  /** The shop's SKU (SKU管理番号 / SubCode / SellerSKU), when the mall has one. */
  readonly sku: string | null;
  readonly name: string;
  readonly quantity: number;
  /** Price of one unit in integer yen, tax as the mall presents it; `null` when not given. */
  readonly unitPrice: number | null;
  /** Tax rate as a fraction (0.1, 0.08), when the mall states it. */
  readonly taxRate: number | null;
  readonly options: readonly ItemOption[];
  /** Gift wrapping, noshi, inscriptions and other free-text requests for this line. */
  readonly notes: readonly string[];
}

/** A shipment already recorded on the mall for a delivery. */
export interface RecordedShipment {
  readonly carrier: Mapped<CarrierCode> | null;
  readonly trackingNumber: string | null;
  /** `YYYY-MM-DD`. */
  readonly shippedOn: string | null;
}

/** One destination (送付先) with what goes there. */
export interface Delivery {
  /** The mall's id of this destination (Rakuten basketId, Amazon order id), used by exportShipments. */
  readonly deliveryId: string;
  readonly recipient: Party;
  readonly items: readonly OrderItem[];
  /** Carrier the buyer or shop chose, when the mall records one before shipping. */
  readonly carrier: Mapped<CarrierCode> | null;
  /** Shipping method as free text (宅配便, メール便, ネコポス…). */
  readonly shippingMethod: string | null;
  /** Requested delivery date, `YYYY-MM-DD`. */
  readonly requestedDate: string | null;
  readonly timeSlot: Mapped<TimeSlotCode> | null;
  readonly shipments: readonly RecordedShipment[];
}

/** How the order is paid. */
export interface OrderPayment {
  readonly method: Mapped<PaymentMethodCode>;
  /** When payment was received or captured, ISO 8601 with offset. */
  readonly paidAt: string | null;
}

/** Conditions an OMS must act on. */
export interface OrderFlags {
  /** Under the mall's fraud review (Yahoo 不正注文審査): only cancellation is allowed. */
  readonly fraudReview: boolean;
  /** Flagged as suspicious by the mall, without a hold. */
  readonly suspect: boolean;
  /** Provisional order before payment (makeshop 仮注文, Rakuten pre-authorization). */
  readonly provisional: boolean;
  /** The buyer may still change or cancel it (Yahoo IsReadOnly, first 10 minutes). */
  readonly buyerMayCancel: boolean;
  readonly gift: boolean;
  readonly multipleDestinations: boolean;
  /** Reservation / pre-order (予約商品). */
  readonly preorder: boolean;
  /** Amazon Prime, Rakuten 最強配送 and the like: a delivery promise the shop must keep. */
  readonly deliveryPromise: boolean;
  /** A business (法人) buyer, e.g. Amazon Business. */
  readonly business: boolean;
}

/** Free-text information around the order. */
export interface OrderNotes {
  /** The buyer's comment at checkout (備考). */
  readonly buyerComment: string | null;
  /** The shop's own memo on the mall (ひとことメモ). */
  readonly shopMemo: string | null;
}

/**
 * An order in mallkit's normalized model. Amounts are integer yen, times ISO 8601 with the mall's
 * offset (+09:00), every mapped value keeps its raw string, and `raw` is the mall's parsed wire object.
 */
export interface Order<Raw = unknown> {
  readonly mall: MallId;
  readonly shopId: string;
  /** The mall's order number. Together with mall and shopId it is the only de-duplication key. */
  readonly id: string;
  /**
   * The order number people see on the mall's screens and in mails. Most malls have one number and
   * this equals `id`; Shopserve shows an order number beside its unique serial_code (the id), and
   * such a number can repeat within a shop.
   */
  readonly displayNumber: string;
  readonly status: MappedOrderStatus;
  readonly orderedAt: string;
  readonly updatedAt: string | null;
  readonly confirmedAt: string | null;
  readonly buyer: Party;
  readonly deliveries: readonly Delivery[];
  readonly amounts: OrderAmounts;
  readonly payment: OrderPayment;
  readonly flags: OrderFlags;
  readonly notes: OrderNotes;
  readonly warnings: readonly OrderWarning[];
  readonly raw: Raw;
}

/** A payment record as getPayments yields it. */
export interface PaymentRecord<Raw = unknown> {
  readonly mall: MallId;
  readonly orderId: string;
  readonly method: Mapped<PaymentMethodCode>;
  readonly state: 'unpaid' | 'authorized' | 'paid' | 'refunded' | 'cancelled' | 'unknown';
  /** The mall's own payment status, as sent. */
  readonly rawState: string | null;
  /** Amount in integer yen, when the mall states it. */
  readonly amount: number | null;
  readonly paidAt: string | null;
  /** When the mall settles the money with the shop (入金予定日 / 決済確定日), when given. */
  readonly settledAt: string | null;
  readonly raw: Raw;
}
