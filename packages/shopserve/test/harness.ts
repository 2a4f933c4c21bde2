import { connectSandbox, createSandboxClock, generateSeedOrders, type SeedOrder } from '@mallkit/core/testing';
import { createShopserveConnector, type ShopserveConnector, type ShopserveConnectorOptions } from '../src/index.js';
import { createShopserveSandbox, type ShopserveSandbox, type ShopserveSandboxInit } from '../src/testing/index.js';

/** A Thursday morning: outside the Wednesday maintenance window. */
export const NOW = '2026-11-19T10:00:00+09:00';
export const DAY = 86_400_000;

/** Short retry delays, so that tests never wait on a backoff. */
const FAST_RETRIES = { retry: { minDelayMs: 5, maxDelayMs: 20, rateLimitMinDelayMs: 5, jitter: false } } as const;

/** One sandbox, its seeds and a connector on the same clock; close() stops the msw server. */
export interface Rig {
  readonly sandbox: ShopserveSandbox;
  readonly connector: ShopserveConnector;
  readonly seeds: SeedOrder[];
  /** Everything the connector logged and every hook event. */
  readonly captured: string[];
  /** Another connector on the same sandbox and clock, with different options. */
  connect(overrides?: Partial<ShopserveConnectorOptions>): ShopserveConnector;
  close(): void;
}

/** Options of {@link startRig}. */
export interface RigOptions {
  readonly now?: string;
  readonly seedCount?: number;
  /** Days before now the seeds span (default 30). */
  readonly spanDays?: number;
  readonly sandbox?: Omit<ShopserveSandboxInit, 'clock'>;
  readonly connector?: Partial<ShopserveConnectorOptions>;
}

/**
 * Starts a seeded sandbox at 100× Shopserve's assumed rate, so that tests never wait on the
 * throttle, and a connector with short retry delays (core's connectSandbox).
 */
export function startRig(options: RigOptions = {}): Rig {
  const clock = createSandboxClock(options.now ?? NOW);
  const sandbox = createShopserveSandbox({ clock, rateScale: 100, ...options.sandbox });
  const now = clock.now();
  const seeds = sandbox.seed(
    generateSeedOrders({ count: options.seedCount ?? 12, seed: 11, from: new Date(now - (options.spanDays ?? 30) * DAY), to: new Date(now - 3_600_000) }),
  );
  const connection = connectSandbox(sandbox, createShopserveConnector, { ...FAST_RETRIES, ...options.connector });
  const connect = (overrides: Partial<ShopserveConnectorOptions> = {}): ShopserveConnector =>
    createShopserveConnector({ ...sandbox.connectorOptions(), clock, ...FAST_RETRIES, ...options.connector, ...overrides });
  return { sandbox, seeds, captured: connection.captured, connector: connection.connector, connect, close: connection.close };
}

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The error a promise rejects with; throws when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** The JSON body of a logged request. */
export function bodyOf(entry: { readonly bodyText: string } | undefined): unknown {
  return entry ? JSON.parse(entry.bodyText) : undefined;
}
