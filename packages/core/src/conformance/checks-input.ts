import { expect } from 'vitest';
import { ValidationError } from '../errors/classes.js';
import type { ConformanceCheck, ConformanceContext } from './context.js';
import { collect, rejection, shippable } from './helpers.js';

/** Runs `call` and expects a ValidationError whose field matches; returns nothing. */
async function expectRefused(ctx: ConformanceContext, what: string, call: () => Promise<unknown>, field: RegExp): Promise<void> {
  const before = ctx.sandbox.kit.log.count();
  const error = await rejection(call());
  expect(ValidationError.isInstance(error), `${what}: expected ValidationError, got ${String(error)}`).toBe(true);
  expect((error as ValidationError).field, what).toMatch(field);
  expect((error as ValidationError).hint === null || typeof (error as ValidationError).hint?.en === 'string').toBe(true);
  expect(ctx.sandbox.kit.log.count(), `${what}: a request was sent`).toBe(before);
}

function shipmentFor(ctx: ConformanceContext, seeds: Parameters<ConformanceCheck['run']>[1]) {
  const target = shippable(seeds)[0] ?? seeds[0]!;
  return { orderId: target.id, carrier: 'yamato' as const, trackingNumber: '491234567890', shippedAt: new Date(ctx.sandbox.clock.now() - 86_400_000).toISOString() };
}

/** The checks of input rules: calendar dates, year range, control characters, sizes, call options. */
export const inputChecks: readonly ConformanceCheck[] = [
  {
    name: 'dates the calendar does not have, and absurd years, are refused before sending',
    async run(ctx, seeds) {
      const { connector } = ctx;
      await expectRefused(ctx, 'from on 30 February', () => collect(connector.listOrders({ from: '2026-02-30T00:00:00+09:00' })), /^query\.from$/);
      await expectRefused(ctx, 'to in month 13', () => collect(connector.listOrders({ from: '2026-01-01T00:00:00+09:00', to: '2026-13-01T00:00:00+09:00' })), /^query\.to$/);
      await expectRefused(ctx, 'year 275760', () => collect(connector.listOrders({ from: new Date(8.64e15) })), /^query\.from$/);
      await expectRefused(ctx, 'year 1970', () => collect(connector.listOrders({ from: new Date(0) })), /^query\.from$/);
      if (connector.capabilities.exportShipments === null) return;
      const good = shipmentFor(ctx, seeds);
      await expectRefused(ctx, 'shipped on 30 February', () => connector.exportShipments([{ ...good, shippedAt: '2026-02-30' }]), /^updates\[0\]\.shippedAt$/);
      await expectRefused(ctx, 'shipped in month 13', () => connector.exportShipments([{ ...good, shippedAt: '2026-13-01' }]), /^updates\[0\]\.shippedAt$/);
      await expectRefused(ctx, 'shipped at 25:00', () => connector.exportShipments([{ ...good, shippedAt: '2026-11-01T25:00:00+09:00' }]), /^updates\[0\]\.shippedAt$/);
      await expectRefused(ctx, 'shipped in year 1', () => connector.exportShipments([{ ...good, shippedAt: new Date(-62135596800000) }]), /^updates\[0\]\.shippedAt$/);
    },
  },
  {
    name: 'control characters, emoji and oversized values are refused before sending',
    async run(ctx, seeds) {
      const { connector } = ctx;
      await expectRefused(ctx, 'an id with NUL', () => connector.getOrders(['a\u0000b']), /^ids\[0\]$/);
      await expectRefused(ctx, 'an id of 10,000 characters', () => connector.getOrders(['1'.repeat(10_000)]), /^ids\[0\]$/);
      if (connector.capabilities.confirmOrders !== null) {
        await expectRefused(ctx, 'confirming an id with a line break', () => connector.confirmOrders(['a\nb']), /^ids\[0\]$/);
      }
      if (connector.capabilities.exportShipments === null) return;
      const good = shipmentFor(ctx, seeds);
      await expectRefused(ctx, 'a tracking number with a line break', () => connector.exportShipments([{ ...good, trackingNumber: '4912\n3456' }]), /^updates\[0\]\.trackingNumber$/);
      await expectRefused(ctx, 'a tracking number with NUL', () => connector.exportShipments([{ ...good, trackingNumber: '4912\u00003456' }]), /^updates\[0\]\.trackingNumber$/);
      await expectRefused(ctx, 'a tracking number of 10 MB', () => connector.exportShipments([{ ...good, trackingNumber: '1'.repeat(10_000_000) }]), /^updates\[0\]\.trackingNumber$/);
      await expectRefused(ctx, 'a shipping method with an emoji', () => connector.exportShipments([{ ...good, shippingMethod: '宅急便📦' }]), /^updates\[0\]\.shippingMethod$/);
      await expectRefused(ctx, 'a shipping method with a line break', () => connector.exportShipments([{ ...good, shippingMethod: '宅急便\nネコポス' }]), /^updates\[0\]\.shippingMethod$/);
      await expectRefused(ctx, 'a carrier name with NUL', () => connector.exportShipments([{ ...good, carrier: { code: 'other', name: '自社\u0000便' } }]), /^updates\[0\]\.carrier/);
    },
  },
  {
    name: 'call options are checked: retries, timeoutMs and signal of the wrong kind are refused before sending',
    async run(ctx, seeds) {
      const { connector } = ctx;
      const id = seeds[0]!.id;
      await expectRefused(ctx, 'retries -1', () => connector.getOrders([id], { retries: -1 }), /^options\.retries$/);
      await expectRefused(ctx, 'retries 1.5', () => connector.getOrders([id], { retries: 1.5 }), /^options\.retries$/);
      await expectRefused(ctx, 'timeoutMs NaN', () => connector.getOrders([id], { timeoutMs: Number.NaN }), /^options\.timeoutMs$/);
      await expectRefused(ctx, 'timeoutMs -1', () => collect(connector.listOrders({ from: '2026-11-01T00:00:00+09:00' }, { timeoutMs: -1 })), /^options\.timeoutMs$/);
      await expectRefused(ctx, "signal 'x'", () => connector.checkCredentials({ signal: 'x' as unknown as AbortSignal }), /^options\.signal$/);
    },
  },
  {
    name: 'connector options are checked when the connector is made: timeouts, retries and rates of the wrong kind are refused',
    async run(ctx) {
      const refused = (changes: Readonly<Record<string, unknown>>, field: RegExp): void => {
        let error: unknown;
        try {
          ctx.connectWith(changes);
        } catch (caught) {
          error = caught;
        }
        expect(ValidationError.isInstance(error), `${JSON.stringify(changes)}: expected ValidationError, got ${String(error)}`).toBe(true);
        expect((error as ValidationError).field).toMatch(field);
      };
      refused({ timeoutMs: -1 }, /^options\.timeoutMs$/);
      refused({ timeoutMs: Number.NaN }, /^options\.timeoutMs$/);
      refused({ retry: { retries: -1 } }, /^options\.retry\.retries$/);
      refused({ rateLimit: { limit: 0, intervalMs: 1000 } }, /^options\.rateLimit/);
      refused({ baseUrl: 'not a url' }, /^options\.baseUrl$/);
    },
  },
];
