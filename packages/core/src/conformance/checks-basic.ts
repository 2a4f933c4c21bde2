import { expect } from 'vitest';
import { CredentialError, NotFoundError, OrderStateError, UnsupportedOperationError, ValidationError } from '../errors/classes.js';
import { MallkitError } from '../errors/mallkit-error.js';
import type { Order } from '../model/order.js';
import type { ConformanceCheck } from './context.js';
import { collect, confirmable, DAY, expectAllOk, rejection, shippable, windowOf } from './helpers.js';

/** The checks of the contract's ordinary behaviour: listing, reading, writing, input, faults, credentials. */
export const basicChecks: readonly ConformanceCheck[] = [
  {
    name: 'listOrders yields every seeded order exactly once, across pages and date windows',
    async run({ connector, sandbox }, seeds) {
      const orders = await collect(connector.listOrders(windowOf(seeds)));
      const ids = orders.map((o) => o.id);
      expect(new Set(ids).size, 'an order was yielded twice').toBe(ids.length);
      expect([...ids].sort()).toEqual(seeds.map((s) => s.id).sort());
      expect(sandbox.qpsViolations(), 'the mall answered with its QPS error').toBe(0);
    },
  },
  {
    name: 'orders are normalized: buyer, destinations, items, integer yen, raw kept, mapped values keep their raw string',
    async run({ connector }, seeds) {
      const sample = seeds.slice(0, 5);
      const orders = await connector.getOrders(sample.map((s) => s.id));
      expect(orders.map((o) => o.id)).toEqual(sample.map((s) => s.id));
      orders.forEach((order: Order, index) => {
        const seed = sample[index]!;
        expect(order.mall).toBe(connector.mall);
        expect(order.shopId).toBe(connector.shopId);
        expect(order.orderedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+09:00|Z|[+-]\d{2}:\d{2})$/);
        expect(Date.parse(order.orderedAt)).toBe(Date.parse(seed.orderedAt));
        expect(order.buyer.familyName ?? order.buyer.name).toContain(seed.buyer.familyName);
        expect(order.deliveries.length).toBe(seed.deliveries.length);
        const items = order.deliveries.flatMap((d) => d.items);
        expect(items.reduce((n, i) => n + i.quantity, 0)).toBe(seed.deliveries.flatMap((d) => d.items).reduce((n, i) => n + i.quantity, 0));
        for (const value of Object.values(order.amounts)) {
          if (value !== null) expect(Number.isInteger(value), `amount ${value} is not integer yen`).toBe(true);
        }
        expect(order.amounts.goods).toBe(seed.amounts.goods);
        expect(order.payment.method.raw.length).toBeGreaterThan(0);
        expect(order.status.raw.length).toBeGreaterThan(0);
        expect(order.raw).toBeTruthy();
      });
    },
  },
  {
    name: 'getOrders names the ids the mall does not know with NotFoundError',
    async run({ connector }) {
      const error = await rejection(connector.getOrders(['no-such-order-000']));
      expect(NotFoundError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('no-such-order-000');
    },
  },
  {
    name: 'confirmOrders is idempotent and per order; unsupported where the mall has no confirm step',
    async run({ connector }, seeds) {
      if (connector.capabilities.confirmOrders === null) {
        const error = await rejection(connector.confirmOrders([seeds[0]!.id]));
        expect(UnsupportedOperationError.isInstance(error)).toBe(true);
        return;
      }
      const ids = confirmable(seeds).slice(0, 3).map((s) => s.id);
      expect(ids.length, 'the seeds hold no confirmable order').toBeGreaterThan(0);
      const first = await connector.confirmOrders(ids);
      expectAllOk(first, ids);
      expect(first.results.every((r) => r.ok && !r.alreadyDone)).toBe(true);
      const again = await connector.confirmOrders(ids);
      expectAllOk(again, ids);
      expect(again.alreadyDone).toBe(ids.length);

      const cancelled = seeds.find((s) => s.status === 'cancelled');
      const pending = confirmable(seeds)[3];
      if (cancelled && pending) {
        const mixed = await connector.confirmOrders([cancelled.id, pending.id]);
        expect(mixed.results[0]).toMatchObject({ id: cancelled.id, ok: false });
        const failure = mixed.results[0];
        if (failure && !failure.ok) expect(OrderStateError.isInstance(failure.error)).toBe(true);
        expect(mixed.results[1]).toMatchObject({ id: pending.id, ok: true, alreadyDone: false });
      }
    },
  },
  {
    name: 'exportShipments reports per order and is idempotent',
    async run({ connector, sandbox }, seeds) {
      if (connector.capabilities.exportShipments === null) return;
      const targets = shippable(seeds).slice(0, 2);
      expect(targets.length, 'the seeds hold no shippable order').toBeGreaterThan(0);
      const shippedAt = new Date(sandbox.clock.now() - DAY).toISOString();
      const updates = targets.map((s, i) => ({
        orderId: s.id,
        carrier: 'yamato' as const,
        trackingNumber: `4912-3456-78${String(i).padStart(2, '0')}`,
        shippedAt,
      }));
      const first = await connector.exportShipments(updates);
      expectAllOk(first, targets.map((s) => s.id));
      const again = await connector.exportShipments(updates);
      expectAllOk(again, targets.map((s) => s.id));
    },
  },
  {
    name: 'bad input throws ValidationError naming the field, and nothing is sent',
    async run({ connector, sandbox }, seeds) {
      const before = sandbox.kit.log.count();
      const badQuery = await rejection(collect(connector.listOrders({ from: 'yesterday' })));
      expect(ValidationError.isInstance(badQuery)).toBe(true);
      expect((badQuery as ValidationError).field).toBe('query.from');
      if (connector.capabilities.exportShipments !== null) {
        const target = shippable(seeds)[0] ?? seeds[0]!;
        const future = new Date(sandbox.clock.now() + 3 * DAY).toISOString();
        const bad = await rejection(
          connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: future }]),
        );
        expect(ValidationError.isInstance(bad)).toBe(true);
        expect((bad as ValidationError).field).toMatch(/shippedAt/);
        const empty = await rejection(
          connector.exportShipments([{ orderId: target.id, carrier: 'yamato', trackingNumber: ' ', shippedAt: '2026-01-01' }]),
        );
        expect((empty as ValidationError).field).toMatch(/trackingNumber/);
      }
      const emptyId = await rejection(connector.getOrders(['']));
      expect(ValidationError.isInstance(emptyId)).toBe(true);
      expect(sandbox.kit.log.count(), 'a request was sent for bad input').toBe(before);
    },
  },
  {
    name: 'transient faults (5xx, maintenance, connection reset) are retried',
    async run({ connector, sandbox }, seeds) {
      sandbox.kit.faults.inject({ kind: 'server_error' });
      sandbox.kit.faults.inject({ kind: 'reset' });
      sandbox.kit.faults.inject({ kind: 'maintenance' });
      const orders = await connector.getOrders([seeds[0]!.id]);
      expect(orders[0]?.id).toBe(seeds[0]!.id);
    },
  },
  {
    name: 'a malformed answer becomes ResponseFormatError, never a crash or a wrong order',
    async run({ connector, sandbox }, seeds) {
      sandbox.kit.faults.inject({ kind: 'malformed' }, { times: 20 });
      const error = await rejection(connector.getOrders([seeds[0]!.id], { retries: 0 }));
      sandbox.kit.faults.clear();
      expect(MallkitError.isInstance(error)).toBe(true);
      expect((error as MallkitError).code).toMatch(/response_format|mall_unavailable/);
    },
  },
  {
    name: 'an expired credential gives CredentialError with a hint, and checkCredentials reports it',
    async run({ connector, sandbox }, seeds) {
      const healthy = await connector.checkCredentials();
      expect(healthy.credentials.length).toBeGreaterThan(0);
      expect(healthy.credentials.some((c) => c.name === sandbox.expiringCredential)).toBe(true);
      sandbox.expireCredential();
      const error = await rejection(connector.getOrders([seeds[0]!.id]));
      expect(CredentialError.isInstance(error), String(error)).toBe(true);
      expect((error as CredentialError).credential).toBe(sandbox.expiringCredential);
      expect((error as CredentialError).hint?.ja.length).toBeGreaterThan(0);
      expect((error as CredentialError).hint?.en.length).toBeGreaterThan(0);
      const report = await connector.checkCredentials();
      const entry = report.credentials.find((c) => c.name === sandbox.expiringCredential);
      expect(entry?.state).toMatch(/expired|invalid/);
      expect(entry?.renew).not.toBeNull();
      expect(report.ok).toBe(false);
    },
  },
];
