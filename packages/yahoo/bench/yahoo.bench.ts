import { parseTolerant, parseXml, silentLogger } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders, startSandboxServer } from '@mallkit/core/testing';
import type { BenchReport, BenchRow } from '../../../bench/report.js';
import { ORDER_INFO_FIELD_LIST } from '../src/api/fields.js';
import { orderInfoEndpoint, orderInfoSchema } from '../src/api/order-info.js';
import { YAHOO_XML } from '../src/api/wire.js';
import { createYahooConnector } from '../src/index.js';
import { createYahooMappers } from '../src/mapping/codes.js';
import { toOrder } from '../src/mapping/order.js';
import { createYahooSandbox } from '../src/testing/index.js';
import { orderInfoResponse } from '../src/testing/render.js';
import { incrementalSyncRows } from './incremental-sync.js';

/*
 * Sync of 2,000 orders against the sandbox at a scaled rate (the sandbox and the connector both at
 * RATE per second per API path, so the run takes seconds instead of Yahoo's 35 minutes), then the
 * cost of normalizing orderInfo XML against a bare XML parse of the same text.
 */

const ORDERS = 2000;
const RATE = 60;

async function syncRows(): Promise<BenchRow[]> {
  const clock = createSandboxClock('2026-11-22T10:00:00+09:00');
  // Yahoo's 1 request/s per path, RATE times faster: the sandbox enforces it, connectorOptions() paces the connector.
  const sandbox = createYahooSandbox({ clock, rateScale: RATE });
  const server = startSandboxServer(sandbox.handlers);
  try {
    const seeds = sandbox.seed(
      generateSeedOrders({ count: ORDERS, seed: 42, from: '2026-10-01T00:00:00+09:00', to: '2026-11-21T00:00:00+09:00' }).map((s) => ({
        ...s,
        flags: { ...s.flags, fraudReview: false },
      })),
    );
    const connector = createYahooConnector({ ...sandbox.connectorOptions(), clock, logger: silentLogger });
    const started = performance.now();
    let count = 0;
    for await (const order of connector.listOrders({ from: '2026-09-30T00:00:00+09:00', to: '2026-11-21T12:00:00+09:00' })) {
      if (order.id) count += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const apiRequests = sandbox.kit.log.count((entry) => entry.operation !== 'token');
    // Two searches (OrderTime and PublicationTime), each ⌈N / 2000⌉ pages, plus one orderInfo per order.
    const minimum = 2 * Math.ceil(ORDERS / 2000) + seeds.length;
    // orderInfo calls dominate and share one path budget: N / RATE seconds is the floor.
    const bound = seeds.length / RATE;
    return [
      {
        name: `sync ${ORDERS} orders: requests / minimum`,
        value: Number((apiRequests / minimum).toFixed(3)),
        unit: 'ratio',
        detail: `${apiRequests} order-API requests for ${count} orders; minimum ${minimum} (2 searches × pages + 1 orderInfo per order), plus 1 token refresh`,
        goal: '1.000',
      },
      {
        name: `sync ${ORDERS} orders: wall time / rate bound`,
        value: Number((seconds / bound).toFixed(3)),
        unit: 'ratio',
        detail: `${seconds.toFixed(1)} s vs ${bound.toFixed(1)} s = ${seeds.length} orderInfo at ${RATE} req/s (sandbox and connector scaled together; Yahoo's real rate is 1 req/s per API)`,
        goal: '≤ 1.25',
      },
      {
        name: `sync ${ORDERS} orders: QPS errors`,
        value: sandbox.qpsViolations(),
        unit: 'count',
        detail: 'requests the sandbox refused with its 403 for exceeding the per-path rate',
        goal: '0',
      },
    ];
  } finally {
    server.close();
  }
}

async function normalizationRows(): Promise<BenchRow[]> {
  const sandbox = createYahooSandbox();
  const [seed] = sandbox.seed(generateSeedOrders({ count: 1, seed: 7, from: '2026-11-01T00:00:00+09:00', to: '2026-11-02T00:00:00+09:00' }));
  const record = sandbox.orders.get(seed?.id ?? '');
  if (!record) throw new Error('no record');
  const xml = await orderInfoResponse(record, new Set(ORDER_INFO_FIELD_LIST.split(','))).text();
  const mappers = createYahooMappers();
  const iterations = 1000;
  const time = (run: () => void): number => {
    for (let i = 0; i < 100; i += 1) run();
    const started = performance.now();
    for (let i = 0; i < iterations; i += 1) run();
    return iterations / ((performance.now() - started) / 1000);
  };
  const bare = time(() => {
    parseXml(xml);
  });
  const full = time(() => {
    // What the connector does per order: parse with forced arrays, check the envelope, check the order, map it.
    const envelope = orderInfoEndpoint.answer.schema.parse(parseXml(xml, YAHOO_XML));
    const parsed = parseTolerant(orderInfoSchema, envelope.ResultSet.Result?.OrderInfo?.[0]);
    if (parsed.success) toOrder(parsed.data, { shopId: 'bench', mappers });
  });
  return [
    {
      name: 'orderInfo XML → normalized order: orders/s',
      value: Math.round(full),
      unit: 'orders/s',
      detail: `parse (forced arrays) + envelope and order schemas + mapping, ${xml.length} bytes of XML per order`,
    },
    {
      name: 'normalization / bare XML parse',
      value: Number((full / bare).toFixed(3)),
      unit: 'ratio',
      detail: `${Math.round(full)} vs ${Math.round(bare)} orders/s for parseXml alone (1.0 = schema and mapping cost nothing beyond parsing)`,
      goal: '≥ 0.5',
    },
  ];
}

/** Runs the Yahoo benchmark. */
export default async function run(): Promise<BenchReport> {
  return { suite: '@mallkit/yahoo', rows: [...(await syncRows()), ...(await incrementalSyncRows()), ...(await normalizationRows())] };
}
