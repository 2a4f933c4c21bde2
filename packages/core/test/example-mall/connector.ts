import { credentialKey } from '../../src/auth/credential-key.js';
import type { Capabilities } from '../../src/contract/capabilities.js';
import type { ConnectorOptions } from '../../src/contract/connector-options.js';
import type { MallConnector } from '../../src/contract/connector.js';
import { credentialReport, describeCredential } from '../../src/contract/credential-status.js';
import { CredentialError, UnreadableOrderError } from '../../src/errors/classes.js';
import { runBatchWrite } from '../../src/kit/batch-write.js';
import { createMallClient } from '../../src/kit/client.js';
import { defineConnector } from '../../src/kit/connector.js';
import { createOrderLister } from '../../src/kit/order-lister.js';
import { createOrderReader } from '../../src/kit/order-reader.js';
import { carrierCodeOf, shipDayOf } from '../../src/kit/shipments.js';
import { confirmEndpoint, exampleOrderSchema, getEndpoint, keyEndpoint, searchEndpoint, shipEndpoint } from './api.js';
import { classifyExample, RENEW_KEY } from './errors.js';
import { toOrder, writeOutcome } from './mapping.js';
import { DETAIL_BATCH, EXAMPLE_BASE, EXAMPLE_MALL, EXAMPLE_RATE_PER_SECOND, EXAMPLE_UPDATE_LAG_MS, MAX_WINDOW_DAYS, PAGE_SIZE, type ExampleWireOrder } from './sandbox.js';

/** Options of the example connector. */
export interface ExampleConnectorOptions extends ConnectorOptions {
  readonly apiKey: string;
}

/** What the example mall supports. */
export const EXAMPLE_CAPABILITIES: Capabilities = {
  listOrders: { dateTypes: ['ordered', 'updated'], maxWindowDays: MAX_WINDOW_DAYS, maxLookbackDays: null, pageSize: PAGE_SIZE, detailBatchSize: DETAIL_BATCH },
  confirmOrders: { batchSize: 50 },
  exportShipments: { batchSize: 50 },
  getPayments: null,
  defaultRatePerSecond: EXAMPLE_RATE_PER_SECOND,
  changes: {
    searches: [{ dateType: 'updated', mode: 'since' }],
    visibilityLagMs: EXAMPLE_UPDATE_LAG_MS,
    lookbackDays: 30,
    blindSpots: { ja: 'なし。', en: 'None.' },
  },
};

/** The raw client and order reader of the example mall (the suite's own tests build broken variants from them). */
export function createExampleParts(options: ExampleConnectorOptions) {
  const shopId = options.shopId ?? 'example-shop';
  const client = createMallClient({
    mall: EXAMPLE_MALL,
    options,
    baseUrl: EXAMPLE_BASE,
    secrets: [options.apiKey],
    limiterKey: credentialKey('example', options.apiKey),
    defaultRate: { limit: EXAMPLE_RATE_PER_SECOND, intervalMs: 1000 },
    classify: classifyExample,
    headers: { 'X-Api-Key': options.apiKey },
    retry: { minDelayMs: 5, maxDelayMs: 50 },
  });
  const { logger } = client;

  const reader = createOrderReader<ExampleWireOrder>({
    mall: EXAMPLE_MALL,
    operation: 'get',
    orderSchema: exampleOrderSchema,
    idOf: (wire) => ((wire as { id?: unknown }).id as string | undefined) ?? null,
    normalize: (raw, warnings) => toOrder(raw, shopId, warnings),
    batchSize: DETAIL_BATCH,
    fetch: async (ids, call) => ({ orders: (await client.call(getEndpoint, ids, call)).orders }),
    redact: client.redactor.text,
    logger,
  });

  return { shopId, client, reader };
}

/** A complete, honest connector for the example mall, built on the kit: what every real connector does, in small. */
export function createExampleConnector(options: ExampleConnectorOptions): MallConnector<ExampleWireOrder> {
  const { shopId, client, reader } = createExampleParts(options);
  const { clock, logger } = client;
  const readStates = async (ids: readonly string[], call: Parameters<typeof reader.readByIds>[1]) => {
    const { found } = await reader.readByIds(ids, call);
    return new Map([...found].flatMap(([id, outcome]) => (UnreadableOrderError.isInstance(outcome) ? [] : [[id, outcome.raw.status] as const])));
  };

  return defineConnector<ExampleWireOrder>({
    mall: EXAMPLE_MALL,
    shopId,
    capabilities: EXAMPLE_CAPABILITIES,
    clock,
    reader,
    listOrders: createOrderLister<ExampleWireOrder, string, number>({
      mall: EXAMPLE_MALL,
      operation: 'search',
      capabilities: EXAMPLE_CAPABILITIES.listOrders,
      clock,
      logger,
      inline: false,
      reader,
      entryId: (id) => id,
      fetchPage: async ({ window, cursor, query }, call) => {
        const page = cursor ?? 1;
        const dateType = query.dateType === 'updated' ? 'updated' : 'ordered';
        const answer = await client.call(searchEndpoint, { from: window.from, to: window.to, page, dateType }, call);
        return { entries: answer.ids, total: answer.total, next: answer.page * PAGE_SIZE < answer.total ? page + 1 : undefined };
      },
    }),
    confirmOrders: (ids, call) =>
      runBatchWrite({
        mall: EXAMPLE_MALL,
        operation: 'confirm',
        items: ids,
        idOf: (id) => id,
        batchSize: 50,
        call,
        write: async (batch) => {
          const byId = new Map((await client.call(confirmEndpoint, batch, call)).results.map((r) => [r.id, r.result]));
          return batch.map((id) => writeOutcome(id, byId.get(id) ?? 'missing'));
        },
        readStates,
        stateBatchSize: DETAIL_BATCH,
        resolve: (_id, state, doubt) => (state !== undefined && state !== 'new' && state !== 'cancelled' ? { kind: 'done' } : { kind: 'failed', error: doubt }),
      }),
    exportShipments: (updates, call) =>
      runBatchWrite({
        mall: EXAMPLE_MALL,
        operation: 'ship',
        items: updates,
        idOf: (update) => update.orderId,
        batchSize: 50,
        call,
        write: async (batch) => {
          const shipments = batch.map((u) => ({
            id: u.orderId,
            tracking: u.trackingNumber,
            carrier: typeof u.carrier === 'string' ? carrierCodeOf(u) : u.carrier.name,
            date: shipDayOf(u),
          }));
          const results = (await client.call(shipEndpoint, shipments, call)).results;
          return batch.map((u, index) => writeOutcome(u.orderId, results[index]?.result ?? 'missing'));
        },
      }),
    async checkCredentials(call) {
      const now = clock.now();
      let expiresAt: Date | null = null;
      let state: 'invalid' | undefined;
      try {
        expiresAt = new Date((await client.call(keyEndpoint, undefined, call)).expiresAt);
      } catch (error) {
        if (!CredentialError.isInstance(error)) throw error;
        state = 'invalid';
      }
      const apiKey = describeCredential({
        name: 'apiKey',
        label: { ja: 'APIキー', en: 'API key' },
        expiresAt,
        source: 'api',
        now,
        warningDays: options.expiryWarningDays ?? 14,
        renew: RENEW_KEY,
        ...(state ? { state } : {}),
      });
      return credentialReport(EXAMPLE_MALL, shopId, now, [apiKey]);
    },
  });
}
