import { HttpResponse } from 'msw';
import type { MallId } from '../../src/model/mall-id.js';
import type { SandboxClock } from '../../src/testing/clock.js';
import { createSandboxClock } from '../../src/testing/clock.js';
import type { SeedOrder } from '../../src/testing/seed-types.js';
import type { MallSandbox, SandboxInit } from '../../src/testing/mall-sandbox.js';
import { createSandboxKit } from '../../src/testing/sandbox-kit.js';
import { createSandboxStore, storeAdversary } from '../../src/testing/store.js';

export const EXAMPLE_BASE = 'https://api.example-mall.test/v1';
export const EXAMPLE_MALL = 'example' as MallId; // not a real mall: the suite's own test subject
export const MAX_WINDOW_DAYS = 30;
export const PAGE_SIZE = 25;
export const DETAIL_BATCH = 10;
export const EXAMPLE_RATE_PER_SECOND = 5;
/** The example mall's search by update time shows a change only this long after it (like Amazon's two minutes). */
export const EXAMPLE_UPDATE_LAG_MS = 60_000;

/** An order as the example mall stores and sends it. */
export interface ExampleWireOrder {
  readonly id: string;
  status: 'new' | 'accepted' | 'packing' | 'sent' | 'done' | 'cancelled' | 'held';
  seed: SeedOrder;
  shipments: Array<{ tracking: string; carrier: string; date: string }>;
  /** ISO time of the last change. */
  updatedAt: string;
}

/** What a connector needs to reach the example sandbox. */
export interface ExampleSandboxConnection {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly rateLimit: { readonly limit: number; readonly intervalMs: number };
}

/** The example mall's sandbox. */
export interface ExampleSandbox extends MallSandbox<ExampleSandboxConnection> {
  /** The store, for tests that change orders directly. */
  readonly orders: ReturnType<typeof createSandboxStore<ExampleWireOrder>>;
  /** When the API key expires. */
  keyExpiresAt: number;
}

const STATUS_OF: Record<SeedOrder['status'], ExampleWireOrder['status']> = {
  pending_confirmation: 'new',
  confirmed: 'accepted',
  awaiting_payment: 'accepted',
  ready_to_ship: 'packing',
  shipped: 'sent',
  delivered: 'sent',
  completed: 'done',
  cancel_requested: 'cancelled',
  cancelled: 'cancelled',
  on_hold: 'held',
};

const API_KEY = 'exk_live_5f2d8c1e9a7b4e3f';
const error = (status: number, code: string): Response => HttpResponse.json({ error: code }, { status });

/** The example mall's sandbox: its store, its rules, its kit. */
export function createExampleSandbox(init: SandboxInit = {}): ExampleSandbox {
  const clock: SandboxClock = init.clock ?? createSandboxClock();
  const rate = { limit: EXAMPLE_RATE_PER_SECOND * (init.rateScale ?? 1), intervalMs: 1000 };
  const orders = createSandboxStore<ExampleWireOrder>({
    id: (order) => order.id,
    compare: (a, b) => a.seed.orderedAt.localeCompare(b.seed.orderedAt) || a.id.localeCompare(b.id),
  });
  const kit = createSandboxKit({
    mall: EXAMPLE_MALL,
    clock,
    qps: rate,
    qpsKey: (request) => request.headers.get('x-api-key') ?? '',
    renderQpsError: () => error(429, 'too_many_requests'),
    renderMaintenance: () => error(503, 'maintenance'),
  });

  /** An order as sent: a corrupted one lacks its status, as a broken mall would send it. */
  const render = (order: ExampleWireOrder): unknown => {
    if (!orders.corrupted.has(order.id)) return order;
    const { status: _dropped, ...broken } = order;
    return broken;
  };

  const sandbox: ExampleSandbox = {
    mall: EXAMPLE_MALL,
    kit,
    clock,
    orders,
    keyExpiresAt: clock.now() + 60 * 86_400_000,
    get handlers() {
      return kit.handlers;
    },
    seed(seeds) {
      for (const seed of seeds) orders.put({ id: seed.id, status: STATUS_OF[seed.status], seed, shipments: [], updatedAt: seed.confirmedAt ?? seed.orderedAt });
      return [...seeds];
    },
    simulator: {
      place(seeds) {
        return sandbox.seed(seeds);
      },
      change(id, change) {
        const order = orders.get(id);
        if (!order || order.status === 'cancelled') return false;
        // A change that would not change anything is not made (a mall records no change).
        if (change === 'ship' && (order.status === 'new' || order.status === 'sent' || order.status === 'done')) return false;
        if (change === 'pay' && order.status !== 'new' && order.status !== 'held') return false;
        orders.update(id, (o) => {
          if (change === 'cancel') o.status = 'cancelled';
          else if (change === 'pay') o.status = 'accepted';
          else if (change === 'ship') {
            o.status = 'sent';
            o.shipments.push({ tracking: '491200000000', carrier: 'yamato', date: clock.iso().slice(0, 10) });
          } else {
            const [first, ...rest] = o.seed.deliveries;
            if (first) o.seed = { ...o.seed, deliveries: [{ ...first, recipient: { ...first.recipient, addressLines: [...first.recipient.addressLines, '（転居先）'] } }, ...rest] };
          }
          o.updatedAt = clock.iso();
        });
        return true;
      },
    },
    connectorOptions: () => ({ apiKey: API_KEY, baseUrl: EXAMPLE_BASE, rateLimit: rate }),
    secrets: [API_KEY],
    expiringCredential: 'apiKey',
    expireCredential() {
      sandbox.keyExpiresAt = clock.now() - 1000;
    },
    qpsViolations: () => kit.qps.violations,
    adversary: storeAdversary(orders, (order, id) => ({ ...order, id })),
    reset() {
      kit.reset();
      orders.pagingLie = null;
      orders.corrupted.clear();
    },
    orderCount: () => orders.size,
    close() {
      kit.close();
      orders.clear();
    },
  };

  /** Answers with the auth error, or null when the key is good and current. */
  const auth = (request: Request): Response | null => {
    if (request.headers.get('x-api-key') !== API_KEY) return error(401, 'invalid_key');
    if (clock.now() >= sandbox.keyExpiresAt) return error(401, 'key_expired');
    return null;
  };

  kit.route('POST', `${EXAMPLE_BASE}/orders/search`, 'search', ({ request, bodyText }) => {
    const denied = auth(request);
    if (denied) return denied;
    const body = JSON.parse(bodyText) as { from: string; to: string; page: number; dateType?: 'ordered' | 'updated' };
    const from = Date.parse(body.from);
    const to = Date.parse(body.to);
    if (!(to >= from) || to - from > MAX_WINDOW_DAYS * 86_400_000) return error(400, 'window_too_long');
    const page = body.page ?? 1;
    const byUpdate = body.dateType === 'updated';
    // A change shows in the update-time search only after the mall's lag.
    const visibleUntil = clock.now() - EXAMPLE_UPDATE_LAG_MS;
    const timeOf = (o: ExampleWireOrder): number => Date.parse(byUpdate ? o.updatedAt : o.seed.orderedAt);
    const found = orders.page(
      { signature: `${body.dateType ?? 'ordered'}:${from}-${to}:${byUpdate ? Math.floor(visibleUntil / 1000) : ''}`, where: (o) => timeOf(o) >= from && timeOf(o) <= to && (!byUpdate || Date.parse(o.updatedAt) <= visibleUntil) },
      (page - 1) * PAGE_SIZE,
      PAGE_SIZE,
    );
    return HttpResponse.json({ ids: found.items.map((o) => o.id), total: found.total, page });
  });

  kit.route('POST', `${EXAMPLE_BASE}/orders/get`, 'get', ({ request, bodyText }) => {
    const denied = auth(request);
    if (denied) return denied;
    const { ids } = JSON.parse(bodyText) as { ids: string[] };
    if (ids.length > DETAIL_BATCH) return error(400, 'too_many_ids');
    return HttpResponse.json({ orders: ids.flatMap((id) => (orders.has(id) ? [render(orders.get(id)!)] : [])) });
  });

  kit.route('POST', `${EXAMPLE_BASE}/orders/confirm`, 'confirm', ({ request, bodyText }) => {
    const denied = auth(request);
    if (denied) return denied;
    const { ids } = JSON.parse(bodyText) as { ids: string[] };
    const results = ids.map((id) => {
      const order = orders.get(id);
      if (!order) return { id, result: 'not_found' };
      if (order.status === 'cancelled') return { id, result: 'cancelled' };
      if (order.status !== 'new') return { id, result: 'already_confirmed' };
      orders.update(id, (o) => {
        o.status = 'accepted';
        o.updatedAt = clock.iso();
      });
      return { id, result: 'ok' };
    });
    return HttpResponse.json({ results });
  });

  kit.route('POST', `${EXAMPLE_BASE}/shipments`, 'ship', ({ request, bodyText }) => {
    const denied = auth(request);
    if (denied) return denied;
    const { shipments } = JSON.parse(bodyText) as { shipments: Array<{ id: string; tracking: string; carrier: string; date: string }> };
    const results = shipments.map((s) => {
      const order = orders.get(s.id);
      if (!order) return { id: s.id, result: 'not_found' };
      if (order.status === 'cancelled' || order.status === 'new') return { id: s.id, result: 'wrong_status' };
      if (order.shipments.some((x) => x.tracking === s.tracking)) return { id: s.id, result: 'already_registered' };
      orders.update(s.id, (o) => {
        o.shipments.push({ tracking: s.tracking, carrier: s.carrier, date: s.date });
        o.status = 'sent';
        o.updatedAt = clock.iso();
      });
      return { id: s.id, result: 'ok' };
    });
    return HttpResponse.json({ results });
  });

  kit.route('GET', `${EXAMPLE_BASE}/key`, 'key', ({ request }) => {
    if (request.headers.get('x-api-key') !== API_KEY) return error(401, 'invalid_key');
    return HttpResponse.json({ expiresAt: new Date(sandbox.keyExpiresAt).toISOString() });
  });

  return sandbox;
}
