import { createSandboxStore, type SandboxStore } from '@mallkit/core/testing';
import type { DeliveryStatus } from '../api/limits.js';

/*
 * The sandbox's orders, as makeshop would hold them: every field this package reads (confirmed
 * and inferred), mutable where makeshop changes them (delivery status, shipments, payment).
 */

/** One product line. */
export interface SandboxBasketInfo {
  productName: string;
  price: number;
  amount: number;
  productCode: string;
}

/** One destination. */
export interface SandboxDeliveryInfo {
  receiverName: string;
  receiverKana: string;
  receiverPostalCode: string;
  receiverPrefecture: string;
  receiverCity: string;
  receiverAddress: string;
  receiverTel: string;
  deliveryMethodName: string;
  deliveryPrice: number | null;
  deliveryDate: string | null;
  deliveryTime: string | null;
  carrierCode: string | null;
  slipNumber: string | null;
  shippingDate: string | null;
  basketInfos: SandboxBasketInfo[];
}

/** One order. */
export interface SandboxOrder {
  displayOrderNumber: string;
  /** `YYYY-MM-DD HH:MM:SS`, JST. */
  orderDate: string;
  memberId: string;
  sumPrice: number;
  senderPrefecture: string;
  /** The legacy codes: 0 キャンセル, 1 通常, 99 仮注文. */
  orderStatus: 0 | 1 | 99;
  deliveryStatus: DeliveryStatus;
  paymentMethodName: string;
  /** 0 未入金, 1 入金済. */
  paymentStatus: 0 | 1;
  paymentDate: string | null;
  senderName: string;
  senderKana: string;
  senderPostalCode: string;
  senderCity: string;
  senderAddress: string;
  senderTel: string;
  senderEmail: string;
  commission: number;
  usePoint: number;
  couponDiscount: number;
  discountPerTax: Array<{ taxRate: number; discount: number }>;
  deliveryInfos: SandboxDeliveryInfo[];
}

/** The sandbox's store of orders, in order-date order. */
export type MakeshopStore = SandboxStore<SandboxOrder>;

/** Creates an empty store. */
export function createMakeshopStore(): MakeshopStore {
  return createSandboxStore<SandboxOrder>({
    id: (order) => order.displayOrderNumber,
    compare: (a, b) => a.orderDate.localeCompare(b.orderDate) || a.displayOrderNumber.localeCompare(b.displayOrderNumber),
  });
}

/** `YYYY-MM-DD HH:MM:SS` → `YYYYMMDDHHMMSS`, to compare with SearchOrderRequest's bounds. */
export function compactDate(orderDate: string): string {
  return orderDate.replace(/\D/g, '');
}

/** An order as makeshop would send it: a corrupted one has lost its order date (a required field). */
export function render(store: MakeshopStore, order: SandboxOrder): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(order) as unknown as Record<string, unknown>;
  if (store.corrupted.has(order.displayOrderNumber)) delete copy['orderDate'];
  return copy;
}
