import { HttpResponse } from 'msw';
import type { MallId } from '../../src/model/mall-id.js';
import { createSandboxKit, type SandboxKit } from '../../src/testing/sandbox-kit.js';
import type { SandboxClock } from '../../src/testing/clock.js';
import type { SeedOrder } from '../../src/testing/generator.js';

export const EXAMPLE_BASE = 'https://api.example-mall.test/v1';
export const EXAMPLE_MALL = 'example' as MallId; // not a real mall: the suite's own test subject
export const MAX_WINDOW_DAYS = 30;
export const PAGE_SIZE = 25;
export const DETAIL_BATCH = 10;

/** An order as the example mall stores and sends it. */
export interface ExampleWireOrder {
  readonly id: string;
  status: 'new' | 'accepted' | 'packing' | 'sent' | 'done' | 'cancelled' | 'held';
  readonly seed: SeedOrder;
  shipments: Array<{ tracking: string; carrier: string; date: string }>;
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

const error = (status: number, code: string): Response => HttpResponse.json({ error: code }, { status });

/** The example mall's sandbox: its store, its rules, its kit. */
export function createExampleSandbox(options: { clock: SandboxClock; apiKey: string; keyExpiresAt: Date; qpsPerSecond: number }) {
  const orders = new Map<string, ExampleWireOrder>();
  let keyExpiresAt = options.keyExpiresAt.getTime();
  const kit: SandboxKit = createSandboxKit({
    mall: EXAMPLE_MALL,
    clock: options.clock,
    qps: { limit: options.qpsPerSecond, intervalMs: 1000 },
    qpsKey: (request) => request.headers.get('x-api-key') ?? '',
    renderQpsError: () => error(429, 'too_many_requests'),
    renderMaintenance: () => error(503, 'maintenance'),
  });

  /** Answers with the auth error, or null when the key is good and current. */
  const auth = (request: Request): Response | null => {
    if (request.headers.get('x-api-key') !== options.apiKey) return error(401, 'invalid_key');
    if (options.clock.now() >= keyExpiresAt) return error(401, 'key_expired');
    return null;
  };

  kit.route('POST', `${EXAMPLE_BASE}/orders/search`, 'search', ({ request, bodyText }) => {
    const denied = auth(request);
    if (denied) return denied;
    const body = JSON.parse(bodyText) as { from: string; to: string; page: number };
    const from = Date.parse(body.from);
    const to = Date.parse(body.to);
    if (!(to >= from) || to - from > MAX_WINDOW_DAYS * 86_400_000) return error(400, 'window_too_long');
    const ids = [...orders.values()]
      .filter((o) => Date.parse(o.seed.orderedAt) >= from && Date.parse(o.seed.orderedAt) <= to)
      .map((o) => o.id)
      .sort();
    const page = body.page ?? 1;
    return HttpResponse.json({ ids: ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: ids.length, page });
  });

  kit.route('POST', `${EXAMPLE_BASE}/orders/get`, 'get', ({ request, bodyText }) => {
    const denied = auth(request);
    if (denied) return denied;
    const { ids } = JSON.parse(bodyText) as { ids: string[] };
    if (ids.length > DETAIL_BATCH) return error(400, 'too_many_ids');
    return HttpResponse.json({ orders: ids.map((id) => orders.get(id)).filter((o) => o !== undefined) });
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
      order.status = 'accepted';
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
      order.shipments.push({ tracking: s.tracking, carrier: s.carrier, date: s.date });
      order.status = 'sent';
      return { id: s.id, result: 'ok' };
    });
    return HttpResponse.json({ results });
  });

  kit.route('GET', `${EXAMPLE_BASE}/key`, 'key', ({ request }) => {
    if (request.headers.get('x-api-key') !== options.apiKey) return error(401, 'invalid_key');
    return HttpResponse.json({ expiresAt: new Date(keyExpiresAt).toISOString() });
  });

  return {
    kit,
    orders,
    seed(seeds: readonly SeedOrder[]): void {
      for (const seed of seeds) orders.set(seed.id, { id: seed.id, status: STATUS_OF[seed.status], seed, shipments: [] });
    },
    expireKey(): void {
      keyExpiresAt = options.clock.now() - 1000;
    },
  };
}
