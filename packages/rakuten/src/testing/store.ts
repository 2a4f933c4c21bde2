import { parseJst, type Clock } from '@mallkit/core';
import type { SeedOrder } from '@mallkit/core/testing';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenCredentials } from '../auth.js';
import { seedToWire, type WireCounters } from './seed-to-wire.js';

/**
 * The sandbox's in-memory mall: orders as getOrder would return them, the shop's credentials with
 * the licenseKey's expiry, and the order-API functions the shop enabled in RMS.
 */
export class RakutenSandboxStore {
  /** Orders by number, as Rakuten holds them (wire shape, version 10). Tests may read and change them. */
  readonly orders = new Map<string, RakutenOrderModel>();
  /** When each order was paid (決済確定), for dateType 6 and getPayment; the wire OrderModel has no such field. */
  readonly paidAt = new Map<string, string | null>();
  /** Order time in epoch ms by number, kept beside the records so searches need not parse dates. */
  readonly orderedAtMs = new Map<string, number>();
  /** The one valid pair of credentials. */
  credentials: RakutenCredentials;
  /** When the licenseKey stops working (epoch ms). */
  licenseExpiresAt: number;
  /** Functions (`searchOrder`, `getOrder`…) the shop has not enabled in 利用機能編集: they answer ES04-01. */
  readonly disabled = new Set<string>();
  /** The last basketId, itemDetailId and shippingDetailId handed out. */
  readonly counters: WireCounters = { basketId: 100_000_000, itemDetailId: 200_000_000, shippingDetailId: 300_000 };

  /** Creates the store. */
  constructor(credentials: RakutenCredentials, licenseExpiresAt: number) {
    this.credentials = credentials;
    this.licenseExpiresAt = licenseExpiresAt;
  }

  /** Adds seed orders (converted to Rakuten's wire records). */
  seed(seeds: readonly SeedOrder[]): void {
    for (const seed of seeds) this.put(seedToWire(seed, this.counters), seed.paidAt);
  }

  /** Adds or replaces one wire order. */
  put(order: RakutenOrderModel, paidAt: string | null = null): void {
    this.orders.set(order.orderNumber, order);
    this.paidAt.set(order.orderNumber, paidAt);
    this.orderedAtMs.set(order.orderNumber, parseJst(order.orderDatetime).getTime());
  }

  /** True when the licenseKey has expired on the sandbox clock. */
  licenseExpired(clock: Clock): boolean {
    return clock.now() >= this.licenseExpiresAt;
  }
}
