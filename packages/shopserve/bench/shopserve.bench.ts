/**
 * Shopserve's benchmark: what is Shopserve's own — its sandbox and connector, the fewest requests
 * its API allows (pages of 100 per one-week window, orders inline), its assumed 1 request/s, how it
 * reads a search answer, what a sync sends during the Wednesday maintenance window — and its
 * incremental-sync rows (incremental-sync.ts). bench/lib makes the standard rows.
 */
import { carrierMapper, paymentMethodMapper, silentLogger, splitWindow, timeSlotMapper } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import { exactly } from '../../../bench/lib/goals.js';
import { mallBench } from '../../../bench/lib/mall-bench.js';
import type { MallBench } from '../../../bench/lib/mall.js';
import { BENCH_NOW, DAY_MS } from '../../../bench/lib/shop.js';
import type { BenchRow } from '../../../bench/report.js';
import { SHOPSERVE_MAINTENANCE } from '../src/api/maintenance.js';
import { shopserveOrderSchema } from '../src/api/order-record.js';
import { DEFAULT_WIRE_PROFILE } from '../src/api/wire-profile.js';
import { createShopserveConnector } from '../src/connector.js';
import { toOrder } from '../src/mapping/order.js';
import { createShopserveSandbox, seedToWire, type ShopserveSandbox } from '../src/testing/index.js';
import { incrementalSyncRows } from './incremental-sync.js';

const PAGE = DEFAULT_WIRE_PROFILE.pageSize;
/** Shopserve's search windows: one week. */
const WINDOW_DAYS = 7;
/** Wednesday 03:00 JST: inside the 02:00–08:00 maintenance window. */
const IN_MAINTENANCE = '2026-11-18T03:00:00+09:00';

/** Search answers of 100 orders each, as text, the way they come off the wire. */
function searchAnswers(): { bodies: string[]; orders: number; what: string } {
  const now = Date.parse(BENCH_NOW);
  const seeds = generateSeedOrders({ count: 1_000, seed: 7, from: new Date(now - 30 * DAY_MS), to: new Date(now - 3_600_000) });
  const bodies: string[] = [];
  for (let i = 0; i < seeds.length; i += PAGE) {
    const orders = seeds.slice(i, i + PAGE).map((seed, j) => seedToWire(seed, { serialCode: String(300_000_000_000 + i + j), orderCode: String(10_000_001 + i + j) }, DEFAULT_WIRE_PROFILE));
    bodies.push(JSON.stringify({ total_count: seeds.length, orders }));
  }
  return { bodies, orders: seeds.length, what: `${bodies.length} search answers of ${PAGE} orders` };
}

const context = { shopId: 'bench', mappers: { carrier: carrierMapper, paymentMethod: paymentMethodMapper, timeSlot: timeSlotMapper }, wire: DEFAULT_WIRE_PROFILE };

/** A 30-day sync started inside the maintenance window: nothing may be sent. */
async function maintenanceRow(): Promise<BenchRow[]> {
  const clock = createSandboxClock(IN_MAINTENANCE);
  // The sandbox keeps no maintenance window unless told.
  const sandbox = createShopserveSandbox({ clock, rateScale: 1_000, maintenanceWindow: SHOPSERVE_MAINTENANCE });
  sandbox.seed(generateSeedOrders({ count: 100, seed: 42, from: new Date(Date.parse(IN_MAINTENANCE) - 30 * DAY_MS), to: new Date(Date.parse(IN_MAINTENANCE) - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = createShopserveConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger });
    let ended = 'no error';
    try {
      for await (const order of connector.listOrders({ from: new Date(Date.parse(IN_MAINTENANCE) - 30 * DAY_MS) })) void order;
    } catch (error) {
      ended = error instanceof Error ? error.name : String(error);
    }
    return [
      {
        name: 'requests sent during the Wednesday 02:00–08:00 maintenance window',
        value: sandbox.kit.log.count(),
        unit: 'req',
        detail: `a 30-day sync started Wednesday 03:00 JST ended with ${ended} before sending`,
        goal: exactly(0),
      },
    ];
  } finally {
    server.close();
  }
}

/** Shopserve as its benchmark declares it. */
export const bench: MallBench<ShopserveSandbox> = {
  mall: 'shopserve',
  suite: '@mallkit/shopserve',
  createSandbox: (init) => createShopserveSandbox(init),
  connect: (sandbox, extras) => createShopserveConnector({ ...sandbox.connectorOptions(), ...extras }),
  minimum(sandbox, window) {
    const times = sandbox.orders.values().map((record) => record.orderedAt);
    const windows = splitWindow(window.from, window.to, WINDOW_DAYS);
    const requests = windows.reduce((n, part) => n + Math.max(1, Math.ceil(times.filter((at) => at >= part.from.getTime() && at <= part.to.getTime()).length / PAGE)), 0);
    return { requests, how: `pages of ${PAGE} per window of ${WINDOW_DAYS} days (${windows.length} windows, an empty one still costs one), orders inline: no detail requests` };
  },
  realRate: { orders: 300, spanDays: 70, rule: { limit: 1, intervalMs: 1000 } },
  normalize: {
    baseline: 'JSON.parse',
    path: 'JSON.parse + zod order schema + toOrder',
    answers: searchAnswers,
    read(body) {
      for (const wire of (JSON.parse(body) as { orders: unknown[] }).orders) toOrder(shopserveOrderSchema.parse(wire), context, []);
    },
  },
  extraRows: async () => [...(await maintenanceRow()), ...(await incrementalSyncRows())],
};

export default mallBench(bench, import.meta.url);
