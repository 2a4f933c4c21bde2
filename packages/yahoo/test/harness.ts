import { connectSandbox, createSandboxClock, generateSeedOrders, type SeedOrder } from '@mallkit/core/testing';
import { createYahooConnector, type YahooConnector, type YahooConnectorOptions } from '../src/index.js';
import { createYahooSandbox, type YahooSandbox } from '../src/testing/index.js';

/** How much faster than Yahoo's 1 request/s per path the tests run: the sandbox enforces it, the connector keeps to it. */
export const RATE_SCALE = 100;

/** A sandbox, an msw server and a connector on them, with everything the connector logs captured. */
export interface Setup {
  readonly sandbox: YahooSandbox;
  readonly connector: YahooConnector;
  readonly refreshToken: string;
  readonly captured: string[];
  readonly secrets: readonly string[];
  close(): void;
}

/** Starts a sandbox at `now` and a connector on it (public key configured unless `signed: false`). */
export function setup(now: Date | string = '2026-11-22T10:00:00+09:00', overrides: Partial<YahooConnectorOptions> & { signed?: boolean } = {}): Setup {
  const sandbox = createYahooSandbox({ clock: createSandboxClock(now), rateScale: RATE_SCALE });
  const { signed = true, ...rest } = overrides;
  const unsigned = signed ? {} : { publicKey: undefined, publicKeyVersion: undefined };
  const retry = { minDelayMs: 5, maxDelayMs: 20, rateLimitMinDelayMs: 5, jitter: false };
  const { connector, captured, close } = connectSandbox(sandbox, createYahooConnector, { retry, ...unsigned, ...rest });
  return { sandbox, connector, refreshToken: sandbox.refreshToken, captured, secrets: sandbox.secrets, close };
}

/** Seed orders between 10 and 20 November 2026, none under fraud review. */
export function seeds(count: number, seed: number, keep: (order: SeedOrder) => boolean = () => true): SeedOrder[] {
  return generateSeedOrders({ count, seed, from: '2026-11-10T00:00:00+09:00', to: '2026-11-20T00:00:00+09:00' })
    .filter(keep)
    .map((order) => ({ ...order, flags: { ...order.flags, fraudReview: false } }));
}

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The error a promise rejects with; fails when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}
