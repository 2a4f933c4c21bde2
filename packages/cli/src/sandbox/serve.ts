import { generateSeedOrders, serveHandlers, type HandlerServer, type MallSandbox, type SeedOrder } from '@mallkit/core/testing';
import type { MallId } from '@mallkit/core';
import { findMall, type MallEntry } from '../registry.js';
import { createAdminApi } from './admin.js';
import { sandboxConnection, type SandboxConnection } from './connection.js';
import { createOriginMap, handlerOrigins } from './origins.js';

/** Options of {@link serveSandbox}. */
export interface ServeSandboxOptions {
  readonly entry: MallEntry;
  /** 0 picks a free port. */
  readonly port: number;
  /** Seed orders generated at start (0 for an empty shop). */
  readonly orders: number;
  /** The generator's seed: the same seed gives the same orders on every machine. */
  readonly seed: number;
  /** Days before now the seed orders are spread over. */
  readonly days: number;
  /** Runs the mall's rate limits this many times faster (1: the mall's real limits). */
  readonly rateScale: number;
  readonly hostname?: string;
}

/** A mall sandbox served over HTTP. */
export interface ServedSandbox {
  readonly sandbox: MallSandbox;
  readonly server: HandlerServer;
  readonly connection: SandboxConnection;
  /** The seed orders as the mall holds them (its ids and statuses). */
  readonly seeded: readonly SeedOrder[];
  close(): Promise<void>;
}

/**
 * Creates the mall's sandbox, seeds it, and serves its handlers on a local port with the admin
 * API beside them: the mall's API root at `/`, its other hosts under `/__mallkit/hosts/<host>/`.
 */
export async function serveSandbox(options: ServeSandboxOptions): Promise<ServedSandbox> {
  const { entry } = options;
  const sandbox = await entry.createSandbox({ rateScale: options.rateScale });
  const now = sandbox.clock.now();
  const seeded =
    options.orders > 0
      ? sandbox.seed(generateSeedOrders({ count: options.orders, seed: options.seed, from: new Date(now - options.days * 86_400_000), to: new Date(now - 60_000) }))
      : [];
  const baseUrl = (sandbox.connectorOptions() as Record<string, unknown>)[entry.baseUrlOption];
  if (typeof baseUrl !== 'string') throw new TypeError(`${entry.mall} sandbox: connectorOptions().${entry.baseUrlOption} is not a URL`);
  const map = createOriginMap(baseUrl, handlerOrigins(sandbox.handlers));
  let root = '';
  const connection = (): SandboxConnection => sandboxConnection(entry.mall, sandbox.connectorOptions(), entry.baseUrlOption, map, root);
  const server = await serveHandlers(sandbox.handlers, {
    port: options.port,
    ...(options.hostname ? { hostname: options.hostname } : {}),
    upstream: (local) => map.toUpstream(local),
    intercept: createAdminApi({ sandbox, connection }),
  });
  root = server.url;
  return { sandbox, server, connection: connection(), seeded, close: () => server.close() };
}

/** Options of {@link serveMallSandbox}. */
export interface ServeMallSandboxOptions {
  readonly mall: MallId;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Seed orders at start; default 50. */
  readonly orders?: number;
  /** The generator's seed; default 1. */
  readonly seed?: number;
  /** Days before now the seed orders are spread over; default 30. */
  readonly days?: number;
  /** Runs the mall's rate limits this many times faster; default 1 (the mall's real limits). */
  readonly rateScale?: number;
  /** Default 127.0.0.1. */
  readonly hostname?: string;
}

/**
 * What `mallkit sandbox` runs, for programs: the mall's sandbox served over HTTP with its admin
 * API (`/__mallkit/…`), e.g. to start sandboxes from a test harness of an OMS written in another
 * language. `connection` is what `GET /__mallkit/connection` answers; `close()` stops it.
 */
export async function serveMallSandbox(options: ServeMallSandboxOptions): Promise<ServedSandbox> {
  const entry = findMall(options.mall);
  if (entry === undefined) throw new RangeError(`serveMallSandbox: unknown mall ${String(options.mall)}`);
  return serveSandbox({
    entry,
    port: options.port ?? 0,
    orders: options.orders ?? 50,
    seed: options.seed ?? 1,
    days: options.days ?? 30,
    rateScale: options.rateScale ?? 1,
    ...(options.hostname ? { hostname: options.hostname } : {}),
  });
}
