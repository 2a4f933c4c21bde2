/**
 * au PAY's benchmark: what is au PAY's own — its sandbox and connector, the fewest requests its
 * API allows (pages of 1,000 whole orders per window of ≤ 31 order days, minimum.ts), its 1
 * request/s per API key, how it reads a searchTradeInfoListProc answer — and its incremental-sync
 * rows. bench/lib makes the standard rows.
 */
import { parseTolerant, timeSlotMapper } from '@mallkit/core';
import { generateSeedOrders } from '@mallkit/core/testing';
import { mallBench } from '../../../bench/lib/mall-bench.js';
import type { MallBench, NormalizeSpec } from '../../../bench/lib/mall.js';
import { BENCH_NOW, DAY_MS } from '../../../bench/lib/shop.js';
import { AUPAY_PAGE_SIZE, AUPAY_SEARCH_WINDOW_DAYS } from '../src/api/limits.js';
import { aupayOrderSchema } from '../src/api/order-info.js';
import { AUPAY_XML } from '../src/api/wire.js';
import { createAupayConnector } from '../src/connector.js';
import { createCarrierTable } from '../src/mapping/carrier.js';
import { toOrder } from '../src/mapping/order.js';
import { createPaymentMethodTable } from '../src/mapping/payment.js';
import { createStatusTable } from '../src/mapping/status.js';
import { createAupaySandbox, type AupaySandbox } from '../src/testing/index.js';
import { renderOrder } from '../src/testing/render.js';
import { seedToRecord } from '../src/testing/seed-records.js';
import { incrementalSyncRows } from './incremental-sync.js';
import { minimumRequests } from './minimum.js';

/** Orders per search answer of the normalize rows (the connector asks for pages of 1,000; 100 keeps the rows quick). */
const ANSWER_ORDERS = 100;

/** Search answers of 100 orders each, as text, the way they come off the wire. */
function searchAnswers(): { bodies: string[]; orders: number; what: string } {
  const now = Date.parse(BENCH_NOW);
  const seeds = generateSeedOrders({ count: 500, seed: 7, from: new Date(now - 30 * DAY_MS), to: new Date(now - 3_600_000) });
  const bodies: string[] = [];
  for (let i = 0; i < seeds.length; i += ANSWER_ORDERS) {
    const orders = seeds.slice(i, i + ANSWER_ORDERS).map((seed, j) => renderOrder(seedToRecord(seed, String(352_700_001 + i + j)).record, false));
    bodies.push(`<?xml version="1.0" encoding="UTF-8"?><response><result><status>0</status></result><resultCount>${orders.length}</resultCount>${orders.join('')}</response>`);
  }
  return { bodies, orders: seeds.length, what: `${bodies.length} searchTradeInfoListProc answers of ${ANSWER_ORDERS} orders` };
}

const context = { shopId: 'bench', statuses: createStatusTable({}), paymentMethods: createPaymentMethodTable(), carriers: createCarrierTable(), timeSlots: timeSlotMapper };

const normalize: NormalizeSpec = {
  baseline: 'XMLParser',
  path: 'AUPAY_XML (forced arrays) + zod order schema + toOrder',
  answers: searchAnswers,
  read(body) {
    const parsed = AUPAY_XML.read(body) as { response: { orderInfo: unknown[] } };
    for (const wire of parsed.response.orderInfo) {
      const order = parseTolerant(aupayOrderSchema, wire);
      if (order.success) toOrder(order.data, context, []);
    }
  },
};

/** au PAY as its benchmark declares it. */
export const bench: MallBench<AupaySandbox> = {
  mall: 'aupay',
  suite: '@mallkit/aupay',
  createSandbox: (init) => createAupaySandbox(init),
  connect: (sandbox, extras) => createAupayConnector({ ...sandbox.connectorOptions(), ...extras }),
  minimum(sandbox, window) {
    const { minimum, windows } = minimumRequests(
      sandbox.orders.values().map((record) => record.orderedAt),
      window.from,
      window.to,
    );
    return { requests: minimum, how: `pages of ${AUPAY_PAGE_SIZE} whole orders over ${windows} windows of ≤ ${AUPAY_SEARCH_WINDOW_DAYS} order days, no detail calls` };
  },
  // A year of a small shop: 12 windows of ≤ 31 order days, one small page each (pages of 1,000 are
  // ~2.4 MB of XML, whose parse would measure the CPU, not the throttle).
  realRate: { orders: 600, spanDays: 360, rule: { limit: 1, intervalMs: 1000 } },
  normalize,
  extraRows: incrementalSyncRows,
};

export default mallBench(bench, import.meta.url);
