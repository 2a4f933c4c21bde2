import { silentLogger, type MallConnector, type OrderStatus } from '@mallkit/core';
import { connectSandbox, createSandboxClock, generateSeedOrders, startSandboxServer, type SeedOrder } from '@mallkit/core/testing';
import { createQoo10Connector } from '../src/connector.js';
import type { Qoo10ConnectorOptions } from '../src/options.js';
import type { Qoo10Pack } from '../src/mapping/pack.js';
import { createQoo10Sandbox, type Qoo10Sandbox, type Qoo10SandboxConnection, type Qoo10SandboxOptions } from '../src/testing/sandbox.js';

/** The instant every test starts at. */
export const NOW = '2026-11-22T10:00:00+09:00';
export const DAY = 86_400_000;

/** Fast retries for tests. */
export const FAST_RETRY = { minDelayMs: 5, maxDelayMs: 20, jitter: false } as const;

/** What {@link setUp} takes. */
export interface SetUpOptions {
  readonly count?: number;
  /** Seeds to add after the generated ones (e.g. from {@link cartSeed}). */
  readonly extraSeeds?: (generated: readonly SeedOrder[]) => SeedOrder[];
  readonly sandbox?: Omit<Qoo10SandboxOptions, 'clock' | 'rateScale'>;
  readonly connector?: Partial<Qoo10ConnectorOptions>;
  /** The connector mints its key from the QSM login instead of using the sandbox's ready key. */
  readonly minting?: boolean;
}

/** A seeded sandbox on a fixed clock, its server, and a connector (ready key, or minting). */
export function setUp(options: SetUpOptions = {}) {
  const clock = createSandboxClock(NOW);
  const sandbox: Qoo10Sandbox = createQoo10Sandbox({ clock, rateScale: 200, ...options.sandbox });
  const generated = generateSeedOrders({ count: options.count ?? 12, seed: 7, from: new Date(Date.parse(NOW) - 60 * DAY), to: new Date(Date.parse(NOW) - 3_600_000) });
  const seeds: SeedOrder[] = sandbox.seed([...generated, ...(options.extraSeeds?.(generated) ?? [])]);
  // The seeds from `extraSeeds`, as the sandbox holds them (their ids are PackNos now).
  const crafted = seeds.slice(generated.length);
  if (options.minting) {
    const server = startSandboxServer(sandbox.handlers);
    const connector = createQoo10Connector({ ...sandbox.mintingOptions(), clock, logger: silentLogger, retry: FAST_RETRY, ...options.connector });
    return { clock, sandbox, seeds, crafted, connector, captured: [] as string[], close: () => server.close() };
  }
  const connection = connectSandbox<Qoo10SandboxConnection, Qoo10Sandbox, MallConnector<Qoo10Pack, Qoo10Pack>>(sandbox, (base) => createQoo10Connector({ ...base, ...options.connector }), { retry: FAST_RETRY });
  return { clock, sandbox, seeds, crafted, connector: connection.connector, captured: connection.captured, close: () => connection.close() };
}

/**
 * A seed made into the case a test needs, whatever the generator drew: `status`, and `lines` items
 * (distinct products) in one delivery, ordered `hoursAgo` before {@link NOW}.
 */
export function cartSeed(base: SeedOrder, id: string, status: OrderStatus, lines: number, hoursAgo = 24): SeedOrder {
  const [delivery] = base.deliveries;
  const [item] = delivery!.items;
  const items = Array.from({ length: lines }, (_, index) => ({ ...item!, productId: `${id}-P${index + 1}`, sku: `${id}-SKU${index + 1}`, quantity: 1, unitPrice: 1000 * (index + 1) }));
  const orderedAt = new Date(Date.parse(NOW) - hoursAgo * 3_600_000).toISOString();
  return {
    ...base,
    id,
    status,
    orderedAt,
    paidAt: status === 'awaiting_payment' ? null : orderedAt,
    deliveries: [{ ...delivery!, items, shipments: [] }],
  };
}

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}
