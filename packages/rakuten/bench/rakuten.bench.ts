/**
 * Benchmark: syncing 10,000 orders from one sandbox shop over 90 days with the connector, at a
 * sandbox QPS scaled up from Rakuten's 1 request/s (connector throttle and sandbox gate at the same
 * rate q), measured by what the sandbox saw; an incremental sync of that shop after 100 changes
 * (incremental-sync.ts); and the cost of normalizing getOrder answers against bare JSON.parse of
 * the same bodies.
 */
import { createOrderReader, silentLogger } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import type { BenchReport, BenchRow } from '../../../bench/report.js';
import { RAKUTEN_LIMITS } from '../src/api/constants.js';
import { orderModelSchema, type RakutenOrderModel } from '../src/api/order-model.js';
import { createRakutenConnector } from '../src/connector.js';
import { mapOrder } from '../src/mapping/order.js';
import { adaptSeedsForRakuten } from '../src/testing/adapt-seeds.js';
import { createRakutenSandbox } from '../src/testing/index.js';
import { seedToWire } from '../src/testing/seed-to-wire.js';
import { incrementalSyncRows } from './incremental-sync.js';

const ORDER_COUNT = 10_000;
const SPAN_DAYS = 90;
/** Requests per second, connector and sandbox alike (Rakuten's real rate is 1). */
const Q = 10;
const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;

/** The fewest requests any client needs: every window's pages, and 100 orders per getOrder. */
function minimumRequests(windowCounts: readonly number[]): number {
  const searches = windowCounts.reduce((n, count) => n + Math.max(1, Math.ceil(count / RAKUTEN_LIMITS.pageSize)), 0);
  const details = Math.ceil(windowCounts.reduce((a, b) => a + b, 0) / RAKUTEN_LIMITS.batchSize);
  return searches + details;
}

async function syncRows(): Promise<BenchRow[]> {
  const now = Date.parse(NOW);
  const from = new Date(now - SPAN_DAYS * DAY);
  const clock = createSandboxClock(NOW);
  // The sandbox's gate and the connector's throttle both at q requests/s.
  const sandbox = createRakutenSandbox({ clock, rateScale: Q });
  const seeds = sandbox.seed(generateSeedOrders({ count: ORDER_COUNT, seed: 42, from, to: new Date(now - 3_600_000) }));
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = createRakutenConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger });
    // Warm up (module JIT, msw's interceptor) outside the measurement, then start from an empty window.
    await connector.checkCredentials();
    await clock.sleep(1_100);
    sandbox.kit.reset();
    const started = performance.now();
    let count = 0;
    for await (const order of connector.listOrders({ from, to: NOW })) if (order.id) count += 1;
    const wallMs = performance.now() - started;
    const requests = sandbox.kit.log.count();
    // The windows the connector must use: 63 days, then the rest.
    const cut = from.getTime() + RAKUTEN_LIMITS.searchWindowDays * DAY - 1000;
    const inFirst = seeds.filter((s) => Date.parse(s.orderedAt) <= cut).length;
    const minimum = minimumRequests([inFirst, seeds.length - inFirst]);
    const ideal = (requests / Q) * 1000;
    return [
      {
        name: `sync ${ORDER_COUNT.toLocaleString('en')} orders: requests used / minimum`,
        value: Number((requests / minimum).toFixed(3)),
        unit: 'ratio',
        detail: `${requests} requests (${sandbox.kit.log.count({ operation: 'searchOrder' })} searchOrder + ${sandbox.kit.log.count({ operation: 'getOrder' })} getOrder) for ${count} orders; minimum ${minimum} (pages of 1,000 per 63-day window + ⌈N/100⌉ getOrder)`,
        goal: '≤ 1.05',
      },
      {
        name: `sync wall time / (requests ÷ q), q = ${Q}/s`,
        value: Number((wallMs / ideal).toFixed(3)),
        unit: 'ratio',
        detail: `${(wallMs / 1000).toFixed(2)} s wall for ${requests} requests; ${(ideal / 1000).toFixed(2)} s is what the rate allows (the throttle keeps a 10% margin)`,
        goal: '≤ 1.2',
      },
      {
        name: 'sync QPS errors seen (GA0003)',
        value: sandbox.qpsViolations(),
        unit: 'count',
        detail: `sandbox gate and connector throttle both at ${Q} requests/s per licenseKey`,
        goal: '0',
      },
    ];
  } finally {
    server.close();
  }
}

function normalizationRows(): BenchRow[] {
  const now = Date.parse(NOW);
  const seeds = adaptSeedsForRakuten(generateSeedOrders({ count: 1_000, seed: 7, from: new Date(now - 30 * DAY), to: new Date(now - 3_600_000) }));
  const counters = { basketId: 1, itemDetailId: 1, shippingDetailId: 1 };
  // getOrder answers of 100 orders each, as text, the way they come off the wire.
  const bodies: string[] = [];
  for (let i = 0; i < seeds.length; i += 100) {
    bodies.push(JSON.stringify({ MessageModelList: [], OrderModelList: seeds.slice(i, i + 100).map((s) => seedToWire(s, counters)), version: 10 }));
  }
  const rounds = 5;
  const time = (work: () => void): number => {
    work(); // warm-up
    const started = performance.now();
    for (let r = 0; r < rounds; r += 1) work();
    return (performance.now() - started) / 1000;
  };
  const orders = seeds.length * rounds;
  const bare = time(() => {
    for (const body of bodies) JSON.parse(body);
  });
  // The connector's own reader: each order of an answer checked with the order schema and normalized on its own.
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
  const full = time(() => {
    for (const body of bodies) {
      const parsed = JSON.parse(body) as { OrderModelList: unknown[] };
      for (const order of parsed.OrderModelList) reader.toOrder(order);
    }
  });
  const normalizedPerSecond = orders / full;
  const barePerSecond = orders / bare;
  return [
    {
      name: 'normalization: orders/s (JSON.parse + per-order zod schema + mapOrder)',
      value: Math.round(normalizedPerSecond),
      unit: 'orders/s',
      detail: `bare JSON.parse of the same getOrder bodies: ${Math.round(barePerSecond)} orders/s`,
    },
    {
      name: 'normalization: bare JSON.parse speed / full normalization speed',
      value: Number((barePerSecond / normalizedPerSecond).toFixed(2)),
      unit: 'ratio',
      detail: 'how many times slower normalizing is than only parsing; against ≥ 1 s per request to Rakuten it is negligible either way',
    },
  ];
}

/** Runs the Rakuten benchmark. */
export default async function run(): Promise<BenchReport> {
  const rows = [...(await syncRows()), ...(await incrementalSyncRows()), ...normalizationRows()];
  return { suite: '@mallkit/rakuten', rows };
}
