/**
 * Benchmark: syncing 10,000 orders from one sandbox shop over 90 days at makeshop's own assumed
 * rate, 1 request/s (connector throttle and sandbox gate alike), measured by what the sandbox saw —
 * once with one search per delivery status (the default) and once with one search for all; the
 * cost of a shipment (read, then write) at 10 requests/s; and normalizing searchOrder answers
 * against bare JSON.parse of the same bodies. A page holds 1,000 orders, so a sync needs few
 * requests: at a rate scaled up, the time to build and read 1,000-order pages would hide the
 * throttle; at 1/s it is what a shop sees. Last, the requests of an incremental sync (core's
 * syncOrders) of the same shop after 100 changes: makeshop has no update-time search, so every sync
 * re-reads the orders placed within the look-back. bench/lib adds the standard scale and normalize
 * rows from the declaration at the end.
 */
import { carrierMapper, parseJst, paymentMethodMapper, silentLogger, syncOrders, timeSlotMapper, type SyncEvent } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer, type SeedOrder } from '@mallkit/core/testing';
import type { BenchRow } from '../../../bench/report.js';
import { makeshopOrderSchema } from '../src/api/order-schema.js';
import { createMakeshopConnector, MAKESHOP_LOOKBACK_DAYS, MAKESHOP_PAGE_LIMIT } from '../src/index.js';
import { carrierCodeMapper } from '../src/mapping/carrier.js';
import { toOrder } from '../src/mapping/order.js';
import { createMakeshopSandbox, type MakeshopSandbox, type SandboxOrder } from '../src/testing/index.js';
import { atMost, exactly } from '../../../bench/lib/goals.js';
import { mallBench } from '../../../bench/lib/mall-bench.js';
import type { MallBench, NormalizeSpec } from '../../../bench/lib/mall.js';

const ORDER_COUNT = 10_000;
const SPAN_DAYS = 90;
/** Requests per second of the sync, connector and sandbox alike: makeshop's assumed rate. */
const Q = 1;
/** Requests per second of the shipment run (10 times makeshop's, to keep the bench short). */
const SHIP_Q = 10;
const NOW = '2026-11-22T10:00:00+09:00';
/** Changes made between the two syncs of the incremental-sync rows. */
const CHANGES = 100;
/** Requests per second of the incremental-sync rows, connector and sandbox alike: they count requests, not time. */
const SYNC_Q = 20;
const DAY = 86_400_000;

function seeds(count: number, seed: number, days: number): SeedOrder[] {
  const now = Date.parse(NOW);
  return generateSeedOrders({ count, seed, from: new Date(now - days * DAY), to: new Date(now - 3_600_000) });
}

/** A seeded sandbox on its own server, and a connector throttled to q. */
function connect(generated: readonly SeedOrder[], perStatus: boolean, rate: number) {
  const clock = createSandboxClock(NOW);
  const sandbox: MakeshopSandbox = createMakeshopSandbox({ clock, rateScale: rate });
  const held = sandbox.seed(generated);
  const server = startSandboxServer(sandbox.handlers);
  const connector = createMakeshopConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger, searchPerDeliveryStatus: perStatus });
  return { sandbox, held, server, connector, clock };
}

async function syncRows(perStatus: boolean): Promise<BenchRow[]> {
  const generated = seeds(ORDER_COUNT, 42, SPAN_DAYS);
  const { sandbox, server, connector, clock } = connect(generated, perStatus, Q);
  try {
    // Warm up (module JIT, msw's interceptor) outside the measurement.
    await connector.checkCredentials();
    await clock.sleep(1_100);
    sandbox.kit.reset();
    const started = performance.now();
    let count = 0;
    for await (const order of connector.listOrders({ from: new Date(Date.parse(NOW) - SPAN_DAYS * DAY), to: NOW })) if (order.id) count += 1;
    const wallMs = performance.now() - started;
    const requests = sandbox.kit.log.count();
    // The fewest pages any client needs: per delivery status when it must search each, else overall.
    const byStatus = new Map<string, number>();
    for (const order of sandbox.orders.values()) byStatus.set(order.deliveryStatus, (byStatus.get(order.deliveryStatus) ?? 0) + 1);
    const minimum = perStatus
      ? ['N', 'Y', 'R', 'C'].reduce((sum, status) => sum + Math.max(1, Math.ceil((byStatus.get(status) ?? 0) / MAKESHOP_PAGE_LIMIT)), 0)
      : Math.ceil(ORDER_COUNT / MAKESHOP_PAGE_LIMIT);
    const ideal = (requests / Q) * 1000;
    const mode = perStatus ? 'one search per delivery status (default)' : 'one search for all statuses';
    return [
      {
        name: `sync ${ORDER_COUNT.toLocaleString('en')} orders, ${mode}: requests used / minimum`,
        value: Number((requests / minimum).toFixed(3)),
        unit: 'ratio',
        detail:
          `${requests} searchOrder requests for ${count} orders; minimum ${minimum} (pages of ${MAKESHOP_PAGE_LIMIT}${perStatus ? ' per status N/Y/R/C' : ''}, no window limit). ` +
          'Each page after the first starts at the last order date of the one before and reads that second again, so that orders changing status ' +
          'while the search pages are never skipped: one page more than the minimum when a search holds about an exact multiple of 1,000 orders',
        goal: atMost(1.05),
      },
      {
        name: `sync wall time / (requests ÷ q), q = ${Q}/s, ${mode}`,
        value: Number((wallMs / ideal).toFixed(3)),
        unit: 'ratio',
        detail: `${(wallMs / 1000).toFixed(2)} s wall for ${requests} requests; ${(ideal / 1000).toFixed(2)} s is what the rate allows (the throttle keeps a 15% margin; reading and normalizing each 1,000-order page overlaps the wait)`,
        goal: atMost(1.2),
      },
      {
        name: `sync QPS errors seen (429 TOO_MANY_REQUESTS), ${mode}`,
        value: sandbox.qpsViolations(),
        unit: 'count',
        detail: `sandbox gate and connector throttle both at ${Q} requests/s per token`,
        goal: exactly(0),
      },
    ];
  } finally {
    server.close();
  }
}

async function shipmentRows(): Promise<BenchRow[]> {
  const { sandbox, held, server, connector, clock } = connect(seeds(200, 9, 30), true, SHIP_Q);
  try {
    const targets = held.filter((seed) => seed.status === 'ready_to_ship' && seed.deliveries.length === 1).slice(0, 20);
    await connector.checkCredentials();
    await clock.sleep(1_100);
    sandbox.kit.reset();
    const started = performance.now();
    const result = await connector.exportShipments(
      targets.map((seed, index) => ({ orderId: seed.id, carrier: 'yamato' as const, trackingNumber: `4912-0000-${String(index).padStart(4, '0')}`, shippedAt: '2026-11-21' })),
    );
    const wallMs = performance.now() - started;
    const requests = sandbox.kit.log.count();
    return [
      {
        name: `exportShipments of ${targets.length}: requests per shipment`,
        value: Number((requests / targets.length).toFixed(2)),
        unit: 'req',
        detail: `${requests} requests (a getOrder read, then updateOrderDelivery, per shipment; ${result.succeeded} succeeded); wall ${(wallMs / 1000).toFixed(2)} s at q = ${SHIP_Q}/s`,
        goal: exactly(2),
      },
    ];
  } finally {
    server.close();
  }
}

/** searchOrder answers of 100 orders, read as the connector does, against bare JSON.parse (bench/lib/normalize.ts). */
function searchAnswers(): { bodies: string[]; orders: number; what: string } {
  const sandbox = createMakeshopSandbox({ clock: createSandboxClock(NOW) });
  sandbox.seed(seeds(1_000, 7, 30));
  const orders = sandbox.orders.values();
  // searchOrder answers of 100 orders each, as text, the way they come off the wire.
  const bodies: string[] = [];
  for (let i = 0; i < orders.length; i += 100) bodies.push(JSON.stringify({ data: { searchOrder: { searchedCount: orders.length, page: 1, orders: orders.slice(i, i + 100) } } }));
  return { bodies, orders: orders.length, what: `${bodies.length} searchOrder answers of 100 orders` };
}

const context = { shopId: 'bench', mappers: { carrier: carrierMapper, paymentMethod: paymentMethodMapper, timeSlot: timeSlotMapper }, carrierCodes: carrierCodeMapper() };

const normalizeSpec: NormalizeSpec = {
  baseline: 'JSON.parse',
  path: 'JSON.parse + zod wire schema + toOrder',
  answers: searchAnswers,
  read(body) {
    const answer = JSON.parse(body) as { data: { searchOrder: { orders: unknown[] } } };
    for (const wire of answer.data.searchOrder.orders) toOrder(makeshopOrderSchema.parse(wire), context, []);
  },
};

/** When an order of the sandbox was placed, in epoch ms. */
const placedAt = (order: SandboxOrder): number => parseJst(order.orderDate).getTime();

/**
 * `count` changes spread evenly over the orders placed since `from` (the orders a sync can see):
 * every `stride`-th order first, then the ones between. Each gets the first of pay, ship, address,
 * cancel — starting at a different one per order — that applies to its state; an order to which
 * none applies (a cancelled one) is passed over. Returns the orders changed.
 */
function spreadChanges(sandbox: MakeshopSandbox, from: number, count: number): string[] {
  const visible = sandbox.orders.values().filter((order) => placedAt(order) >= from);
  const kinds = ['pay', 'ship', 'address', 'cancel'] as const;
  const stride = Math.max(1, Math.floor(visible.length / count));
  const changed: string[] = [];
  for (let offset = 0; offset < stride && changed.length < count; offset += 1) {
    for (let at = offset; at < visible.length && changed.length < count; at += stride) {
      const id = (visible[at] as SandboxOrder).displayOrderNumber;
      if (kinds.some((_, k) => sandbox.simulator.change(id, kinds[(at + k) % kinds.length] as (typeof kinds)[number]))) changed.push(id);
    }
  }
  return changed;
}

async function incrementalSyncRows(): Promise<BenchRow[]> {
  const { sandbox, server, connector, clock } = connect(seeds(ORDER_COUNT, 42, SPAN_DAYS), true, SYNC_Q);
  try {
    let cursor: string | null = null;
    for await (const event of syncOrders(connector, { clock })) if (event.type === 'checkpoint') cursor = event.cursor;
    clock.advance(5 * 60_000);
    const changed = spreadChanges(sandbox, clock.now() - MAKESHOP_LOOKBACK_DAYS * DAY, CHANGES);
    clock.advance(5 * 60_000);
    await clock.sleep(1_100);
    sandbox.kit.reset();
    const events: SyncEvent[] = [];
    for await (const event of syncOrders(connector, { cursor, clock })) events.push(event);
    const requests = sandbox.kit.log.count();
    const delivered = new Set(events.flatMap((event) => ('order' in event ? [event.order.id] : event.type === 'removed' ? [event.orderId] : [])));
    const missed = changed.filter((id) => !delivered.has(id)).length;

    // Nothing tells which orders changed, so every order placed within the look-back must be read again:
    // one search per delivery status (whether makeshop may search them all at once is unverified), a page per 1,000 of each.
    const lookbackFrom = clock.now() - MAKESHOP_LOOKBACK_DAYS * DAY;
    const byStatus = new Map<string, number>();
    let inLookback = 0;
    for (const order of sandbox.orders.values()) {
      if (placedAt(order) < lookbackFrom) continue;
      inLookback += 1;
      byStatus.set(order.deliveryStatus, (byStatus.get(order.deliveryStatus) ?? 0) + 1);
    }
    const minimum = ['N', 'Y', 'R', 'C'].reduce((sum, status) => sum + Math.max(1, Math.ceil((byStatus.get(status) ?? 0) / MAKESHOP_PAGE_LIMIT)), 0);
    const oneSearch = Math.max(1, Math.ceil(inLookback / MAKESHOP_PAGE_LIMIT));
    const name = `incremental sync of ${ORDER_COUNT.toLocaleString('en')} orders with ${CHANGES} changes since the last cursor`;
    const statuses = ['N', 'Y', 'R', 'C'].map((status) => `${status} ${byStatus.get(status) ?? 0}`).join(', ');
    const lookback = `the ${inLookback.toLocaleString('en')} orders placed within the ${MAKESHOP_LOOKBACK_DAYS}-day look-back (${statuses})`;
    return [
      {
        name: `${name}: requests used`,
        value: requests,
        unit: 'req',
        detail:
          `${requests} searchOrder requests re-reading ${lookback}; ${delivered.size} orders delivered, ${missed} of the ${changed.length} changed ` +
          `(pay, ship, address, cancel, spread over the look-back) missed. A sync with no change costs the same: makeshop has no update-time search`,
        goal: exactly(minimum, 'the minimum, next row; 0 missed'),
      },
      {
        name: `${name}: requests used / minimum the mall allows`,
        value: Number((requests / minimum).toFixed(3)),
        unit: 'ratio',
        detail:
          `minimum ${minimum}: every one of ${lookback} read again, one searchOrder per delivery status, ${MAKESHOP_PAGE_LIMIT} a page; ` +
          `${oneSearch} if makeshop may search every status at once (unverified; searchPerDeliveryStatus: false). Changes to older orders are not seen (注文更新通知 webhook)`,
        goal: atMost(1.05),
      },
    ];
  } finally {
    server.close();
  }
}

/**
 * makeshop as the standard rows see it (scale, normalize): the default search per delivery status.
 * Its real-rate rows are its own (syncRows above: 10,000 orders at 1 request/s, both search modes),
 * since a page holds 1,000 orders and a short sync at the real rate would be a single page.
 */
export const bench: MallBench<MakeshopSandbox> = {
  mall: 'makeshop',
  suite: '@mallkit/makeshop',
  createSandbox: (init) => createMakeshopSandbox(init),
  connect: (sandbox, extras) => createMakeshopConnector({ ...sandbox.connectorOptions(), ...extras }),
  minimum(sandbox) {
    const byStatus = new Map<string, number>();
    for (const order of sandbox.orders.values()) byStatus.set(order.deliveryStatus, (byStatus.get(order.deliveryStatus) ?? 0) + 1);
    const requests = ['N', 'Y', 'R', 'C'].reduce((sum, status) => sum + Math.max(1, Math.ceil((byStatus.get(status) ?? 0) / MAKESHOP_PAGE_LIMIT)), 0);
    return { requests, how: `pages of ${MAKESHOP_PAGE_LIMIT} per delivery status N/Y/R/C (one search each, the default), no window limit` };
  },
  // Each page after the first re-reads the last order date of the one before (so that orders changing status while the search pages are never skipped).
  minimumGoal: atMost(1.05, 'a page re-reads the second it starts at'),
  normalize: normalizeSpec,
  extraRows: async () => [...(await syncRows(true)), ...(await syncRows(false)), ...(await incrementalSyncRows()), ...(await shipmentRows())],
};

export default mallBench(bench, import.meta.url);
