/**
 * Qoo10's benchmark: what is Qoo10's own — its sandbox and connector, the fewest requests its API
 * allows (no paging: six order-date searches per window, windows below the row cap), its default
 * pace of 1 request/s, how it reads GetShippingInfo_v3 answers — and its incremental-sync rows
 * (incremental-sync.ts). bench/lib makes the standard rows.
 */
import { paymentMethodMapper } from '@mallkit/core';
import { createSandboxClock, generateSeedOrders } from '@mallkit/core/testing';
import { atMost } from '../../../bench/lib/goals.js';
import { mallBench } from '../../../bench/lib/mall-bench.js';
import type { MallBench, NormalizeSpec } from '../../../bench/lib/mall.js';
import { BENCH_NOW, DAY_MS } from '../../../bench/lib/shop.js';
import { QOO10_LIST_RESULT_CAP } from '../src/api/common.js';
import { createQoo10Connector } from '../src/connector.js';
import { toOrder } from '../src/mapping/order.js';
import { groupIntoPacks, packSchema } from '../src/mapping/pack.js';
import { createQoo10Sandbox, type Qoo10Sandbox } from '../src/testing/sandbox.js';
import { shippingRow } from '../src/testing/wire.js';
import { incrementalSyncRows } from './incremental-sync.js';

/** One window costs five ShippingStatus searches and one claim search. */
const SEARCHES_PER_WINDOW = 6;
/** Rows per GetShippingInfo_v3 answer of the normalize rows. */
const ANSWER_ROWS = 500;

/** GetShippingInfo_v3 answers of up to 500 rows, as text, the way they come off the wire. */
function shippingAnswers(): { bodies: string[]; orders: number; what: string } {
  const now = Date.parse(BENCH_NOW);
  const sandbox = createQoo10Sandbox({ clock: createSandboxClock(BENCH_NOW) });
  sandbox.seed(generateSeedOrders({ count: 1_000, seed: 7, from: new Date(now - 30 * DAY_MS), to: new Date(now - 3_600_000) }));
  const rows = sandbox.store.values().flatMap((pack) => pack.lines.map((line) => shippingRow(pack, line, false)));
  const bodies: string[] = [];
  for (let i = 0; i < rows.length; i += ANSWER_ROWS) bodies.push(JSON.stringify({ ResultObject: rows.slice(i, i + ANSWER_ROWS), ResultCode: 0, ResultMsg: 'SUCCESS' }));
  return { bodies, orders: sandbox.store.size, what: `${bodies.length} GetShippingInfo_v3 answers of up to ${ANSWER_ROWS} rows` };
}

const context = { shopId: 'bench', paymentMapper: paymentMethodMapper };

const normalize: NormalizeSpec = {
  baseline: 'JSON.parse',
  path: 'JSON.parse + grouping by PackNo + zod row schema + toOrder',
  answers: shippingAnswers,
  read(body) {
    const parsed = JSON.parse(body) as { ResultObject: unknown[] };
    for (const wire of groupIntoPacks(parsed.ResultObject, [])) toOrder(packSchema.parse(wire), context, []);
  },
};

/** Qoo10 as its benchmark declares it. */
export const bench: MallBench<Qoo10Sandbox> = {
  mall: 'qoo10',
  suite: '@mallkit/qoo10',
  createSandbox: (init) => createQoo10Sandbox(init),
  connect: (sandbox, extras) => createQoo10Connector({ ...sandbox.connectorOptions(), ...extras }),
  minimum(sandbox) {
    // Without paging, every window's answers must stay below the cap, for the status holding the most lines.
    const byStatus = new Map<number, number>();
    for (const pack of sandbox.store.values()) for (const line of pack.lines) byStatus.set(line.status, (byStatus.get(line.status) ?? 0) + 1);
    const largest = Math.max(0, ...byStatus.values());
    const windows = Math.max(1, Math.ceil(largest / (QOO10_LIST_RESULT_CAP - 1)));
    return { requests: SEARCHES_PER_WINDOW * windows, how: `${SEARCHES_PER_WINDOW} searches per window × ${windows} windows below the ${QOO10_LIST_RESULT_CAP}-row cap for the largest status (${largest} lines)` };
  },
  // The minimum is a lower bound no client reaches: without paging, a capped window is halved and its six searches re-sent.
  minimumGoal: atMost(2.5, 'no paging: a capped window is halved and re-sent'),
  // Two windows of six searches.
  realRate: { orders: 100, spanDays: 120, rule: { limit: 1, intervalMs: 1000 } },
  normalize,
  extraRows: incrementalSyncRows,
};

export default mallBench(bench, import.meta.url);
