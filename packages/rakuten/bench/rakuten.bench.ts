/**
 * Rakuten's benchmark: what is Rakuten's own — its sandbox and connector, the fewest requests its
 * API allows (searchOrder pages per 63-day window, getOrder batches of 100), its 1 request/s, how
 * it reads a getOrder answer — and its incremental-sync rows. bench/lib makes the standard rows.
 */
import { createOrderReader, silentLogger, splitWindow } from '@mallkit/core';
import { generateSeedOrders } from '@mallkit/core/testing';
import { mallBench } from '../../../bench/lib/mall-bench.js';
import type { MallBench } from '../../../bench/lib/mall.js';
import { BENCH_NOW, DAY_MS } from '../../../bench/lib/shop.js';
import { RAKUTEN_LIMITS } from '../src/api/constants.js';
import { orderModelSchema, type RakutenOrderModel } from '../src/api/order-model.js';
import { createRakutenConnector } from '../src/connector.js';
import { mapOrder } from '../src/mapping/order.js';
import { adaptSeedsForRakuten } from '../src/testing/adapt-seeds.js';
import { createRakutenSandbox, type RakutenSandbox } from '../src/testing/index.js';
import { seedToWire } from '../src/testing/seed-to-wire.js';
import { incrementalSyncRows } from './incremental-sync.js';

/** getOrder answers of 100 orders each, as text, the way they come off the wire. */
function getOrderAnswers(): { bodies: string[]; orders: number; what: string } {
  const now = Date.parse(BENCH_NOW);
  const seeds = adaptSeedsForRakuten(generateSeedOrders({ count: 1_000, seed: 7, from: new Date(now - 30 * DAY_MS), to: new Date(now - 3_600_000) }));
  const counters = { basketId: 1, itemDetailId: 1, shippingDetailId: 1 };
  const bodies: string[] = [];
  for (let i = 0; i < seeds.length; i += RAKUTEN_LIMITS.batchSize) {
    bodies.push(JSON.stringify({ MessageModelList: [], OrderModelList: seeds.slice(i, i + RAKUTEN_LIMITS.batchSize).map((s) => seedToWire(s, counters)), version: 10 }));
  }
  return { bodies, orders: seeds.length, what: `${bodies.length} getOrder answers of ${RAKUTEN_LIMITS.batchSize} orders` };
}

/** The connector's own reader: each order of an answer checked with the order schema and normalized on its own. */
const reader = createOrderReader<RakutenOrderModel>({
  mall: 'rakuten',
  operation: 'getOrder',
  orderSchema: orderModelSchema,
  idOf: (wire) => (wire as { orderNumber: string }).orderNumber,
  normalize: (raw, warnings) => mapOrder(raw, { shopId: 'bench', warnings }),
  batchSize: RAKUTEN_LIMITS.batchSize,
  fetch: async () => ({ orders: [] }),
  redact: (text) => text,
  logger: silentLogger,
});

/** Rakuten as its benchmark declares it. */
export const bench: MallBench<RakutenSandbox> = {
  mall: 'rakuten',
  suite: '@mallkit/rakuten',
  createSandbox: (init) => createRakutenSandbox(init),
  connect: (sandbox, extras) => createRakutenConnector({ ...sandbox.connectorOptions(), ...extras }),
  minimum(sandbox, window) {
    const times = sandbox.store.orders.values().map((record) => record.orderedAtMs);
    let searches = 0;
    for (const part of splitWindow(window.from, window.to, RAKUTEN_LIMITS.searchWindowDays)) {
      const inside = times.filter((at) => at >= part.from.getTime() && at <= part.to.getTime()).length;
      searches += Math.max(1, Math.ceil(inside / RAKUTEN_LIMITS.pageSize));
    }
    const details = Math.ceil(times.length / RAKUTEN_LIMITS.batchSize);
    return { requests: searches + details, how: `${searches} searchOrder (pages of 1,000 per window of ≤ 63 days) + ${details} getOrder (⌈N / 100⌉, batches shared across windows)` };
  },
  realRate: { orders: 1_000, spanDays: 30, rule: { limit: 1, intervalMs: 1000 } },
  normalize: {
    baseline: 'JSON.parse',
    path: "JSON.parse + the connector's order reader (per-order zod schema + mapOrder)",
    answers: getOrderAnswers,
    read(body) {
      const parsed = JSON.parse(body) as { OrderModelList: unknown[] };
      for (const order of parsed.OrderModelList) reader.toOrder(order);
    },
  },
  extraRows: () => incrementalSyncRows(bench),
};

export default mallBench(bench, import.meta.url);
