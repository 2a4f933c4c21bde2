import { connectSandbox, createSandboxClock, generateSeedOrders, type SeedOrder } from '@mallkit/core/testing';
import { createAupayConnector, type AupayConnector, type AupayConnectorOptions } from '../src/index.js';
import { createAupaySandbox, type AupaySandbox, type AupaySandboxOptions } from '../src/testing/index.js';

/** The instant every test starts at (a Sunday in the お歳暮 season). */
export const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;
/** When the sandbox's key was issued: it expires on 2027-01-21 12:00 JST. */
export const KEY_ISSUED_AT = '2026-10-23T12:00:00+09:00';

/** A sandbox with seeded orders, an msw server and a connector on it. */
export interface TestShop {
  readonly sandbox: AupaySandbox;
  readonly seeds: SeedOrder[];
  readonly connector: AupayConnector;
  /** Log lines and hook payloads of the connector. */
  readonly captured: string[];
  /** A second connector on the same sandbox with other options. */
  connect(options?: Partial<AupayConnectorOptions>): AupayConnector;
  close(): void;
}

/** Opens a shop: `count` seed orders over the 30 days before NOW, au PAY's rate × 200. */
export function openShop(options: { count?: number; sandbox?: Partial<AupaySandboxOptions>; connector?: Partial<AupayConnectorOptions> } = {}): TestShop {
  const clock = createSandboxClock(NOW);
  // Issued a little over 30 days before NOW: 60 whole days left however long the test runs.
  const sandbox = createAupaySandbox({ clock, rateScale: 200, keyIssuedAt: new Date(KEY_ISSUED_AT), ...options.sandbox });
  const now = Date.parse(NOW);
  const seeds = sandbox.seed(generateSeedOrders({ count: options.count ?? 12, seed: 9, from: new Date(now - 30 * DAY), to: new Date(now - 3_600_000) }));
  const retry = { minDelayMs: 5, maxDelayMs: 20, jitter: false };
  const { connector, captured, close } = connectSandbox(sandbox, createAupayConnector, { retry, ...options.connector });
  // Further connectors share the first one's server; they log nowhere.
  const connect = (extra: Partial<AupayConnectorOptions> = {}): AupayConnector => createAupayConnector({ ...sandbox.connectorOptions(), clock, retry, ...options.connector, ...extra });
  return { sandbox, seeds, connector, captured, connect, close };
}

/** Sets fields of an order in the sandbox. */
export function setFields(sandbox: AupaySandbox, orderId: string, fields: Readonly<Record<string, string>>): void {
  sandbox.orders.update(orderId, (record) => {
    for (const [name, value] of Object.entries(fields)) record.fields.set(name, value);
  });
}

/** A field of an order in the sandbox. */
export function fieldOf(sandbox: AupaySandbox, orderId: string, name: string): string | undefined {
  return sandbox.orders.get(orderId)?.fields.get(name);
}

/** The first seed id, to use as an order to change. */
export function anyOrder(shop: TestShop, index = 0): string {
  const seed = shop.seeds[index];
  if (!seed) throw new Error('no such seed');
  return seed.id;
}

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The error a promise rejects with. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}
