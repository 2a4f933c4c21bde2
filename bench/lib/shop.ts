/**
 * The shop every mall's bench syncs: seed orders spread over the days before a fixed "now" (a
 * Sunday morning, outside every mall's maintenance window), the same on every machine.
 */
import type { ConnectorExtras, MallBench, SyncWindow } from './mall.js';
import { createSandboxClock, generateSeedOrders, silentLogger, startSandboxServer, type MallConnector, type MallSandbox, type SandboxClock, type SandboxInit, type SeedOrder } from './runtime.js';

/** The sandbox clock's start in every bench shop. */
export const BENCH_NOW = '2026-11-22T10:00:00+09:00';
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** A shop's size and spread. */
export interface ShopShape {
  readonly orders: number;
  readonly spanDays: number;
  /** The generator's seed (default 42). */
  readonly seed?: number;
}

/** The sync window of a shop: its whole span, up to now. */
export function shopWindow(shape: Pick<ShopShape, 'spanDays'>, now = BENCH_NOW): SyncWindow {
  const to = new Date(Date.parse(now));
  return { from: new Date(to.getTime() - shape.spanDays * DAY_MS), to };
}

/** The shop's seed orders, placed from the window's start to an hour before now, adapted to the mall. */
export function shopSeeds(mall: Pick<MallBench, 'adaptSeeds'>, shape: ShopShape, now = BENCH_NOW): SeedOrder[] {
  const window = shopWindow(shape, now);
  const seeds = generateSeedOrders({ count: shape.orders, seed: shape.seed ?? 42, from: window.from, to: new Date(window.to.getTime() - 3_600_000) });
  return mall.adaptSeeds ? mall.adaptSeeds(seeds) : seeds;
}

/** Options of {@link openShop}. */
export interface OpenShopOptions<Sandbox extends MallSandbox> extends ShopShape {
  /** The sandbox's rate scale, and so the connector's pace (1: the mall's own rate). */
  readonly rateScale: number;
  /** The sandbox clock's start (default {@link BENCH_NOW}). */
  readonly now?: string;
  /** A sandbox made otherwise than `bench.createSandbox` (the mall's own options). */
  createSandbox?(init: SandboxInit): Sandbox;
  /** A connector made otherwise than `bench.connect` (the mall's own options). */
  connect?(sandbox: Sandbox, extras: ConnectorExtras): MallConnector;
}

/** A seeded sandbox served by msw, and a connector to it. */
export interface OpenShop<Sandbox extends MallSandbox> {
  readonly sandbox: Sandbox;
  readonly connector: MallConnector;
  readonly clock: SandboxClock;
  /** The seeds as the mall holds them (its ids, statuses). */
  readonly held: readonly SeedOrder[];
  /** Stops the msw server. */
  close(): void;
}

/** Seeds a sandbox with a shop, serves it and connects a connector (silent logger, the sandbox's clock). */
export function openShop<Sandbox extends MallSandbox>(bench: MallBench<Sandbox>, options: OpenShopOptions<Sandbox>): OpenShop<Sandbox> {
  const now = options.now ?? BENCH_NOW;
  const clock = createSandboxClock(now);
  const sandbox = (options.createSandbox ?? bench.createSandbox)({ clock, rateScale: options.rateScale });
  const held = sandbox.seed(shopSeeds(bench, options, now));
  const server = startSandboxServer(sandbox.handlers);
  const connector = (options.connect ?? bench.connect)(sandbox, { clock, logger: silentLogger });
  return { sandbox, connector, clock, held, close: () => server.close() };
}
