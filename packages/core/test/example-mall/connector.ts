import { z } from 'zod';
import { createRedactor } from '../../src/errors/redact.js';
import { credentialKey } from '../../src/auth/credential-key.js';
import type { MallConnector, CallOptions } from '../../src/contract/connector.js';
import { resolveLimiter, type ConnectorOptions } from '../../src/contract/connector-options.js';
import { orderIdsSchema, orderQuerySchema, shipmentUpdatesSchema } from '../../src/contract/inputs.js';
import { parseInput } from '../../src/contract/parse-input.js';
import { toBatchResult, type BatchItemResult } from '../../src/contract/results.js';
import { describeCredential } from '../../src/contract/credential-status.js';
import {
  CredentialError,
  InvalidRequestError,
  NotFoundError,
  OrderStateError,
  UnsupportedOperationError,
  ValidationError,
} from '../../src/errors/classes.js';
import { MallkitError } from '../../src/errors/mallkit-error.js';
import { createHttpPipeline } from '../../src/http/pipeline.js';
import { chunk } from '../../src/iter/batch.js';
import { paginate, uniqueBy } from '../../src/iter/paginate.js';
import { PAYMENT_METHOD_NAMES_JA, paymentMethodMapper } from '../../src/mappers/payment-method.js';
import { timeSlotMapper } from '../../src/mappers/time-slot.js';
import type { Order } from '../../src/model/order.js';
import type { OrderStatus } from '../../src/model/status.js';
import { systemClock } from '../../src/time/clock.js';
import { formatJst, toIsoJst } from '../../src/time/jst.js';
import { splitWindow } from '../../src/time/windows.js';
import { DETAIL_BATCH, EXAMPLE_BASE, EXAMPLE_MALL, MAX_WINDOW_DAYS, PAGE_SIZE, type ExampleWireOrder } from './sandbox.js';

const STATUS: Record<ExampleWireOrder['status'], OrderStatus> = {
  new: 'pending_confirmation',
  accepted: 'confirmed',
  packing: 'ready_to_ship',
  sent: 'shipped',
  done: 'completed',
  cancelled: 'cancelled',
  held: 'on_hold',
};

const searchAnswer = z.object({ ids: z.array(z.string()), total: z.number(), page: z.number() });
const resultsAnswer = z.object({ results: z.array(z.object({ id: z.string(), result: z.string() })) });

function toOrder(wire: ExampleWireOrder, shopId: string): Order<ExampleWireOrder> {
  const { seed } = wire;
  return {
    mall: EXAMPLE_MALL,
    shopId,
    id: wire.id,
    status: { code: STATUS[wire.status], raw: wire.status },
    orderedAt: toIsoJst(seed.orderedAt),
    updatedAt: null,
    confirmedAt: null,
    buyer: { ...seed.buyer, name: `${seed.buyer.familyName} ${seed.buyer.givenName}`, companyName: null, country: 'JP' },
    deliveries: seed.deliveries.map((d, i) => ({
      deliveryId: `${wire.id}-${i + 1}`,
      recipient: { ...d.recipient, name: `${d.recipient.familyName} ${d.recipient.givenName}`, companyName: null, country: 'JP' },
      items: d.items.map((item, j) => ({ lineId: `${i + 1}-${j + 1}`, productId: item.productId, sku: item.sku, name: item.name, quantity: item.quantity, unitPrice: item.unitPrice, taxRate: item.taxRate, options: item.options, notes: [] })),
      carrier: null,
      shippingMethod: null,
      requestedDate: d.requestedDate,
      timeSlot: timeSlotMapper.map(d.timeSlot),
      shipments: [],
    })),
    amounts: { ...seed.amounts, tax: null },
    payment: { method: paymentMethodMapper.map(PAYMENT_METHOD_NAMES_JA[seed.paymentMethod]) ?? { code: 'unmapped', raw: '' }, paidAt: null },
    flags: { fraudReview: false, suspect: false, provisional: false, buyerMayCancel: false, gift: seed.flags.gift, multipleDestinations: seed.deliveries.length > 1, preorder: false, deliveryPromise: false, business: false },
    notes: { buyerComment: seed.buyerComment, shopMemo: null },
    warnings: [],
    raw: wire,
  };
}

/** Options of the example connector; `pageSize` lets the suite's tests make paging visible. */
export interface ExampleConnectorOptions extends ConnectorOptions {
  readonly apiKey: string;
}

/** A complete, honest connector for the example mall: what every real connector does, in small. */
export function createExampleConnector(options: ExampleConnectorOptions): MallConnector<ExampleWireOrder> {
  const shopId = options.shopId ?? 'example-shop';
  const clock = options.clock ?? systemClock;
  const redactor = createRedactor([options.apiKey]);
  const pipeline = createHttpPipeline({
    mall: EXAMPLE_MALL,
    baseUrl: options.baseUrl ?? EXAMPLE_BASE,
    limiter: resolveLimiter(options.rateLimit, { limit: 5, intervalMs: 1000 }),
    limiterKey: credentialKey('example', options.apiKey),
    redactor,
    clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
    retry: { minDelayMs: 5, maxDelayMs: 50, ...options.retry },
    headers: { 'X-Api-Key': options.apiKey },
    classify: (response) => {
      if (response.ok) return null;
      const body = response.text.startsWith('{') ? (response.json() as { error?: string }) : {};
      if (body.error === 'key_expired' || body.error === 'invalid_key') {
        return new CredentialError(`example mall: the API key was rejected (${body.error})`, {
          mall: EXAMPLE_MALL,
          mallCode: body.error,
          credential: 'apiKey',
          reason: body.error === 'key_expired' ? 'expired' : 'invalid',
          hint: { ja: '管理画面でAPIキーを再発行してください。', en: 'Issue a new API key in the admin screen.' },
        });
      }
      if (response.status === 400) return new InvalidRequestError(`example mall: ${body.error ?? 'bad request'}`, { mall: EXAMPLE_MALL, mallCode: body.error ?? null });
      return undefined;
    },
  });

  const post = async (operation: string, path: string, json: unknown, call: CallOptions, idempotent: boolean) =>
    (await pipeline.send({ operation, method: 'POST', path, json, idempotent }, call)).json();

  const fetchOrders = async (ids: readonly string[], call: CallOptions): Promise<Order<ExampleWireOrder>[]> => {
    const found = new Map<string, ExampleWireOrder>();
    for (const batch of chunk(ids, DETAIL_BATCH)) {
      const body = (await post('get', 'orders/get', { ids: batch }, call, true)) as { orders: ExampleWireOrder[] };
      for (const order of body.orders) found.set(order.id, order);
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw new NotFoundError(`example mall: no order ${missing.join(', ')}`, { mall: EXAMPLE_MALL });
    return ids.map((id) => toOrder(found.get(id)!, shopId));
  };

  const perOrder = (id: string, result: string): BatchItemResult => {
    if (result === 'ok') return { id, ok: true, alreadyDone: false, warnings: [] };
    if (result === 'already_confirmed' || result === 'already_registered') return { id, ok: true, alreadyDone: true, warnings: [] };
    if (result === 'not_found') return { id, ok: false, error: new NotFoundError(`example mall: no order ${id}`, { mall: EXAMPLE_MALL }) };
    return { id, ok: false, error: new OrderStateError(`example mall: order ${id} cannot change (${result})`, { mall: EXAMPLE_MALL, orderId: id, mallCode: result, hint: { ja: '注文のステータスを確認してください。', en: "Check the order's status." } }) };
  };

  return {
    mall: EXAMPLE_MALL,
    shopId,
    capabilities: {
      listOrders: { dateTypes: ['ordered'], maxWindowDays: MAX_WINDOW_DAYS, maxLookbackDays: null, pageSize: PAGE_SIZE, detailBatchSize: DETAIL_BATCH },
      confirmOrders: { batchSize: 50 },
      exportShipments: { batchSize: 50 },
      getPayments: null,
      defaultRatePerSecond: 5,
    },
    async *listOrders(query, call = {}) {
      const q = parseInput(orderQuerySchema, query, 'query', { mall: EXAMPLE_MALL, operation: 'listOrders' });
      const to = q.to ?? new Date(clock.now());
      const ids = (async function* () {
        for (const window of splitWindow(q.from, to, MAX_WINDOW_DAYS)) {
          yield* paginate<string, number>({
            fetchPage: async (page = 1) => {
              const body = searchAnswer.parse(await post('search', 'orders/search', { from: window.from.toISOString(), to: window.to.toISOString(), page }, call, true));
              return { items: body.ids, next: body.page * PAGE_SIZE < body.total ? body.page + 1 : undefined };
            },
          });
        }
      })();
      let batch: string[] = [];
      for await (const id of uniqueBy(ids, (x) => x)) {
        batch.push(id);
        if (batch.length === DETAIL_BATCH) {
          yield* await fetchOrders(batch, call);
          batch = [];
        }
      }
      if (batch.length > 0) yield* await fetchOrders(batch, call);
    },
    async getOrders(ids, call = {}) {
      const parsed = parseInput(orderIdsSchema, ids, 'ids', { mall: EXAMPLE_MALL, operation: 'getOrders' });
      return fetchOrders(parsed, call);
    },
    async confirmOrders(ids, call = {}) {
      const parsed = parseInput(orderIdsSchema, ids, 'ids', { mall: EXAMPLE_MALL, operation: 'confirmOrders' });
      const body = resultsAnswer.parse(await post('confirm', 'orders/confirm', { ids: parsed }, call, false));
      return toBatchResult(body.results.map((r) => perOrder(r.id, r.result)));
    },
    async exportShipments(updates, call = {}) {
      const parsed = parseInput(shipmentUpdatesSchema, updates, 'updates', { mall: EXAMPLE_MALL, operation: 'exportShipments' });
      parsed.forEach((u, i) => {
        const at = u.shippedAt instanceof Date ? u.shippedAt.getTime() : Date.parse(u.shippedAt.length === 10 ? `${u.shippedAt}T00:00:00+09:00` : u.shippedAt);
        if (at > clock.now()) throw new ValidationError([{ field: `updates[${i}].shippedAt`, message: 'is in the future' }], { mall: EXAMPLE_MALL });
      });
      const shipments = parsed.map((u) => ({
        id: u.orderId,
        tracking: u.trackingNumber,
        carrier: typeof u.carrier === 'string' ? u.carrier : u.carrier.name,
        date: formatJst(u.shippedAt instanceof Date ? u.shippedAt : Date.parse(u.shippedAt.length === 10 ? `${u.shippedAt}T00:00:00+09:00` : u.shippedAt), 'date'),
      }));
      const body = resultsAnswer.parse(await post('ship', 'shipments', { shipments }, call, false));
      return toBatchResult(body.results.map((r) => perOrder(r.id, r.result)));
    },
    getPayments() {
      throw new UnsupportedOperationError('example mall: no payment API', { mall: EXAMPLE_MALL });
    },
    async checkCredentials(call = {}) {
      const now = clock.now();
      let expiresAt: Date | null = null;
      let state: 'invalid' | undefined;
      try {
        const body = (await pipeline.send({ operation: 'key', method: 'GET', path: 'key' }, call)).json() as { expiresAt: string };
        expiresAt = new Date(body.expiresAt);
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
        renew: { ja: '管理画面でAPIキーを再発行してください。', en: 'Issue a new API key in the admin screen.' },
        ...(state ? { state } : {}),
      });
      return { mall: EXAMPLE_MALL, shopId, checkedAt: formatJst(now), ok: apiKey.state === 'valid', credentials: [apiKey] };
    },
  };
}

/** True when the value is any mallkit error: used by the broken variants below. */
export const isMallkitError = MallkitError.isInstance;
