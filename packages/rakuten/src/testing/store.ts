import { parseJst, type Clock } from '@mallkit/core';
import { rmsDatetime } from '../api/common.js';
import { createSandboxStore, type SandboxStore, type SeedOrder } from '@mallkit/core/testing';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenCredentials } from '../auth/esa.js';
import { adaptSeedsForRakuten } from './adapt-seeds.js';
import { seedToWire, type WireCounters } from './seed-to-wire.js';

/** One order as the sandbox holds it: the wire OrderModel and what Rakuten keeps beside it. */
export interface RakutenSandboxRecord {
  /** The order as getOrder returns it (version 10). Handlers change it in place, through the store. */
  readonly order: RakutenOrderModel;
  /**
   * When it was paid (決済確定), ISO; for dateType 6 and getPayment. The OrderModel has no such
   * field. Set again when the simulator settles the order's payment.
   */
  paidAt: string | null;
  /** Order time in epoch ms, so that searches need not parse dates. */
  readonly orderedAtMs: number;
}

/**
 * The sandbox's in-memory mall: the orders in core's sandbox store (offset paging, paging lies,
 * corrupted orders), the shop's credentials with the licenseKey's expiry, and the order-API
 * functions the shop enabled in RMS.
 */
export class RakutenSandboxStore {
  /** The orders, in search order (order time, then number). */
  readonly orders: SandboxStore<RakutenSandboxRecord> = createSandboxStore<RakutenSandboxRecord>({
    id: (record) => record.order.orderNumber,
    compare: (a, b) => a.orderedAtMs - b.orderedAtMs || a.order.orderNumber.localeCompare(b.order.orderNumber),
  });
  /** The one valid pair of credentials. */
  credentials: RakutenCredentials;
  /** When the licenseKey stops working (epoch ms). */
  licenseExpiresAt: number;
  /** Functions (`searchOrder`, `getOrder`…) the shop has not enabled in 利用機能編集: they answer ES04-01. */
  readonly disabled = new Set<string>();
  /** The last basketId, itemDetailId and shippingDetailId handed out. */
  readonly counters: WireCounters = { basketId: 100_000_000, itemDetailId: 200_000_000, shippingDetailId: 300_000 };
  #seeded = 0;

  /** Creates the store. */
  constructor(credentials: RakutenCredentials, licenseExpiresAt: number) {
    this.credentials = credentials;
    this.licenseExpiresAt = licenseExpiresAt;
  }

  /** Adds seed orders as Rakuten holds them (its order numbers, no fraud holds); returns them so. */
  seed(seeds: readonly SeedOrder[]): SeedOrder[] {
    const adapted = adaptSeedsForRakuten(seeds, undefined, this.#seeded);
    this.#seeded += seeds.length;
    for (const seed of adapted) this.put(seedToWire(seed, this.counters), seed.paidAt);
    return adapted;
  }

  /** Adds or replaces one wire order. */
  put(order: RakutenOrderModel, paidAt: string | null = null): void {
    this.orders.put({ order, paidAt, orderedAtMs: parseJst(order.orderDatetime).getTime() });
  }

  /** The wire order with this number, or undefined. */
  order(orderNumber: string): RakutenOrderModel | undefined {
    return this.orders.get(orderNumber)?.order;
  }

  /** Changes an order in place; the store's cached searches see the change. */
  change(orderNumber: string, change: (order: RakutenOrderModel) => void): void {
    this.orders.update(orderNumber, (record) => change(record.order));
  }

  /**
   * Orders in 200 楽天処理中 after confirmOrder, and when Rakuten's processing (authorisation, fraud
   * checks) ends for each, epoch ms. Seeds placed at 200 are not here: they wait (a prepaid order
   * waiting for its money) until a test moves them.
   */
  readonly processing = new Map<string, number>();

  /** Rakuten's processing ends for the orders whose time has come: 200 → 300 発送待ち, 注文確定日時 set. */
  settle(now: number): void {
    for (const [orderNumber, until] of this.processing) {
      if (until > now) continue;
      this.processing.delete(orderNumber);
      this.change(orderNumber, (order) => {
        if (order.orderProgress !== 200) return;
        order.orderProgress = 300;
        order.orderFixDatetime ??= rmsDatetime(until);
      });
    }
  }

  /** True when the licenseKey has expired on the sandbox clock. */
  licenseExpired(clock: Clock): boolean {
    return clock.now() >= this.licenseExpiresAt;
  }
}
