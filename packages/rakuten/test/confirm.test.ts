import { NetworkError, OrderStateError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyOf, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

function pendingIds(rig: TestRig): string[] {
  return rig.sandbox.orders().filter((o) => o.orderProgress === 100 && o.postagePrice !== -9999).map((o) => o.orderNumber);
}

describe('confirmOrders', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('sends 100 order numbers per request and reports each order in input order', async () => {
    rig = startRig(seeds(1_000, 30, 11), undefined, { rateLimit: { limit: 200, intervalMs: 1000 } });
    const ids = pendingIds(rig).slice(0, 150);
    expect(ids.length).toBe(150);
    const result = await rig.connector.confirmOrders(ids);
    expect(result.succeeded).toBe(150);
    expect(result.results.map((r) => r.id)).toEqual(ids);
    expect(rig.sandbox.kit.log.forOperation('confirmOrder').map((e) => (bodyOf(e) as { orderNumberList: string[] }).orderNumberList.length)).toEqual([100, 50]);
    // 注文確認 moves the order to 200 楽天処理中; Rakuten's processing then moves it to 300 発送待ち.
    expect(rig.sandbox.order(ids[0]!)).toMatchObject({ orderProgress: 200, shopOrderCfmDatetime: expect.stringMatching(/\+0900$/) as unknown });
    rig.sandbox.clock.advance(60_000);
    expect(rig.sandbox.order(ids[0]!)?.orderProgress).toBe(300);
  });

  it('103 is alreadyDone only with proof of an earlier confirmation: an order at 400 never confirmed is an OrderStateError naming 400', async () => {
    rig = startRig(seeds(40));
    const [never, before, processing] = pendingIds(rig);
    rig.sandbox.store.change(never!, (o) => void (o.orderProgress = 400));
    rig.sandbox.store.change(before!, (o) => {
      o.orderProgress = 400;
      o.shopOrderCfmDatetime = '2026-11-20T09:00:00+0900';
    });
    // Confirmed in RMS and still in Rakuten's processing.
    rig.sandbox.store.change(processing!, (o) => {
      o.orderProgress = 200;
      o.shopOrderCfmDatetime = '2026-11-22T09:00:00+0900';
    });
    const result = await rig.connector.confirmOrders([never!, before!, processing!]);
    const [first, second, third] = result.results;
    expect(first?.ok).toBe(false);
    if (first && !first.ok) {
      expect(OrderStateError.isInstance(first.error)).toBe(true);
      expect(first.error.message).toContain('orderProgress 400 (変更確定待ち)');
      expect(first.error.mallCode).toBe('ORDER_EXT_API_CONFIRM_ORDER_ERROR_103');
      expect(first.error.hint?.ja).toContain('変更を確定してから');
    }
    expect(second).toMatchObject({ ok: true, alreadyDone: true });
    if (second?.ok) expect(second.warnings[0]).toContain('orderProgress 400');
    expect(third).toEqual({ id: processing, ok: true, alreadyDone: true, warnings: [] });
  });

  it('103 (already confirmed) is alreadyDone after reading the status back; 102 and 105 are OrderStateErrors', async () => {
    rig = startRig(seeds(40));
    const [pending] = pendingIds(rig);
    const cancelled = rig.sandbox.orders().find((o) => o.orderProgress === 900)!.orderNumber;
    const unsetPostage = rig.sandbox.orders().find((o) => o.postagePrice === -9999)!.orderNumber;
    await rig.connector.confirmOrders([pending!]);
    rig.sandbox.kit.log.clear();
    const result = await rig.connector.confirmOrders([pending!, cancelled, unsetPostage]);
    expect(result.results[0]).toEqual({ id: pending, ok: true, alreadyDone: true, warnings: [] });
    // The 103 was checked against the order's state.
    expect(rig.sandbox.kit.log.entries.map((e) => e.operation)).toEqual(['confirmOrder', 'getOrder']);
    const [, second, third] = result.results;
    expect(second?.ok).toBe(false);
    if (second && !second.ok) {
      expect(OrderStateError.isInstance(second.error)).toBe(true);
      expect(second.error.mallCode).toBe('ORDER_EXT_API_CONFIRM_ORDER_ERROR_102');
    }
    expect(third?.ok).toBe(false);
    if (third && !third.ok) {
      expect(OrderStateError.isInstance(third.error)).toBe(true);
      expect(third.error.mallCode).toBe('ORDER_EXT_API_CONFIRM_ORDER_ERROR_105');
      expect((third.error as OrderStateError).orderId).toBe(unsetPostage);
      expect(third.error.hint?.ja).toContain('送料を設定してから');
    }
    expect(result).toMatchObject({ succeeded: 0, alreadyDone: 1, failed: 2 });
  });

  it('a confirm that timed out after sending is resolved by getOrder, never re-sent', async () => {
    rig = startRig(seeds(40), undefined, { timeoutMs: 150 });
    const [id] = pendingIds(rig);
    // The answer is held past the timeout; the sandbox (like Rakuten) still processes the request.
    rig.sandbox.kit.faults.inject({ kind: 'delay', ms: 400 }, { operation: 'confirmOrder' });
    const result = await rig.connector.confirmOrders([id!]);
    expect(rig.sandbox.kit.log.count({ operation: 'confirmOrder' })).toBe(1);
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);
    expect(result.results[0]).toMatchObject({ id, ok: true, alreadyDone: false });
    const first = result.results[0];
    if (first?.ok) expect(first.warnings[0]).toContain('timeout');
  });

  it('a confirm lost before Rakuten saw it is reported as failed (state read back: still 100); the next call confirms it', async () => {
    rig = startRig(seeds(40));
    const [id] = pendingIds(rig);
    rig.sandbox.kit.faults.inject({ kind: 'reset' }, { operation: 'confirmOrder' });
    const result = await rig.connector.confirmOrders([id!]);
    expect(rig.sandbox.kit.log.count({ operation: 'confirmOrder' })).toBe(1);
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);
    const outcome = result.results[0];
    expect(outcome?.ok).toBe(false);
    if (outcome && !outcome.ok) {
      expect(NetworkError.isInstance(outcome.error)).toBe(true);
      expect(outcome.error.retryable).toBe(true);
    }
    expect(rig.sandbox.order(id!)?.orderProgress).toBe(100);
    const again = await rig.connector.confirmOrders([id!]);
    expect(again.results[0]).toMatchObject({ ok: true, alreadyDone: false });
  });

  it('a confirm whose answer was cut off is resolved by getOrder: confirmed, with a warning', async () => {
    rig = startRig(seeds(40));
    const [id] = pendingIds(rig);
    rig.sandbox.kit.faults.inject({ kind: 'truncated' }, { operation: 'confirmOrder' });
    const result = await rig.connector.confirmOrders([id!]);
    expect(rig.sandbox.kit.log.count({ operation: 'confirmOrder' })).toBe(1);
    expect(result.results[0]).toMatchObject({ id, ok: true, alreadyDone: false });
    const first = result.results[0];
    if (first?.ok) expect(first.warnings[0]).toContain('reading the order back');
  });
});
