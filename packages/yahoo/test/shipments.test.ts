import { OrderStateError, ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { seeds, setup, type Setup } from './harness.js';

/*
 * exportShipments against what Yahoo has recorded: ShipInvoiceNumber1/2, one carrier and one ship
 * date per order. Each test here failed before the state-based plan (review H1, L2, L3).
 */

function confirmedOrder(env: Setup): string {
  const [seed] = env.sandbox.seed(seeds(60, 41, (s) => s.status === 'confirmed' && !s.postageUnset).slice(0, 1));
  return seed?.id ?? '';
}

const shipCalls = (env: Setup) => env.sandbox.kit.log.filter({ operation: 'orderShipStatusChange' }).map((entry) => entry.bodyText);

describe('exportShipments keeps what Yahoo has recorded', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('a second parcel sent in a later call goes to ShipInvoiceNumber2; the first stays', async () => {
    env = setup();
    const id = confirmedOrder(env);
    await env.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '111122223333', shippedAt: '2026-11-21' }]);
    const later = await env.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '444455556666', shippedAt: '2026-11-21' }]);
    expect(later.results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(env.sandbox.orders.get(id)?.Ship).toMatchObject({ ShipInvoiceNumber1: '111122223333', ShipInvoiceNumber2: '444455556666', ShipStatus: '3' });
    expect(shipCalls(env)[1]).toContain('<ShipInvoiceNumber1>111122223333</ShipInvoiceNumber1><ShipInvoiceNumber2>444455556666</ShipInvoiceNumber2>');
  });

  it('a third number finds both slots taken: OrderStateError naming the update, nothing sent', async () => {
    env = setup();
    const id = confirmedOrder(env);
    await env.connector.exportShipments([
      { orderId: id, carrier: 'sagawa', trackingNumber: '111122223333', shippedAt: '2026-11-21' },
      { orderId: id, carrier: 'sagawa', trackingNumber: '444455556666', shippedAt: '2026-11-21' },
    ]);
    const third = await env.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '777788889999', shippedAt: '2026-11-22' }]);
    const row = third.results[0];
    expect(row && !row.ok && OrderStateError.isInstance(row.error)).toBe(true);
    expect(row && !row.ok && row.error.message).toContain('updates[0]');
    expect(shipCalls(env)).toHaveLength(1);
    expect(env.sandbox.orders.get(id)?.Ship).toMatchObject({ ShipInvoiceNumber1: '111122223333', ShipInvoiceNumber2: '444455556666' });
  });

  it('compares numbers without hyphens: the same number typed differently is alreadyDone, not sent again', async () => {
    env = setup();
    const id = confirmedOrder(env);
    await env.connector.exportShipments([{ orderId: id, carrier: 'yamato', trackingNumber: '4912-3456-7890', shippedAt: '2026-11-21' }]);
    const again = await env.connector.exportShipments([{ orderId: id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    expect(again.alreadyDone).toBe(1);
    expect(shipCalls(env)).toHaveLength(1);
  });

  it('a later parcel with another carrier would relabel the first: refused, nothing sent', async () => {
    env = setup();
    const id = confirmedOrder(env);
    await env.connector.exportShipments([{ orderId: id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-21' }]);
    const other = await env.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '444455556666', shippedAt: '2026-11-21' }]);
    const row = other.results[0];
    expect(row && !row.ok && OrderStateError.isInstance(row.error)).toBe(true);
    expect(row && !row.ok && row.error.hint?.en).toContain('1001');
    expect(shipCalls(env)).toHaveLength(1);
    expect(env.sandbox.orders.get(id)?.Ship.ShipCompanyCode).toBe('1001');
  });

  it('a delivered order keeps ShipStatus 4 and its ShipDate when a second parcel is added', async () => {
    env = setup();
    const id = confirmedOrder(env);
    await env.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '111122223333', shippedAt: '2026-11-20' }]);
    env.sandbox.orders.update(id, (record) => void (record.Ship.ShipStatus = '4'));
    const added = await env.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '444455556666', shippedAt: '2026-11-21' }]);
    expect(added.results[0]).toMatchObject({ ok: true, warnings: ["Yahoo keeps one ShipDate per order: 20261120 is recorded, this parcel's 20261121 is not"] });
    expect(shipCalls(env)[1]).toContain('<ShipStatus>4</ShipStatus>');
    expect(shipCalls(env)[1]).toContain('<ShipDate>20261120</ShipDate>');
    expect(env.sandbox.orders.get(id)?.Ship).toMatchObject({ ShipStatus: '4', ShipDate: '2026-11-20', ShipInvoiceNumber2: '444455556666' });
  });

  it('two parcels of one call with different days: the earliest day is sent, the other parcel says so', async () => {
    env = setup();
    const id = confirmedOrder(env);
    const result = await env.connector.exportShipments([
      { orderId: id, carrier: 'sagawa', trackingNumber: '111122223333', shippedAt: '2026-11-21' },
      { orderId: id, carrier: 'sagawa', trackingNumber: '444455556666', shippedAt: '2026-11-20' },
    ]);
    expect(result.results.map((r) => r.ok && r.warnings)).toEqual([["Yahoo keeps one ShipDate per order: 20261120 is recorded, this parcel's 20261121 is not"], []]);
    expect(shipCalls(env)).toHaveLength(1);
    expect(shipCalls(env)[0]).toContain('<ShipDate>20261120</ShipDate>');
  });

  it('a lost answer resolved by reading the order back is done, with a warning saying so', async () => {
    env = setup(undefined, { timeoutMs: 200 });
    const id = confirmedOrder(env);
    env.sandbox.kit.faults.inject({ kind: 'delay', ms: 500 }, { operation: 'orderShipStatusChange' });
    const result = await env.connector.exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '111122223333', shippedAt: '2026-11-21' }]);
    expect(result.results[0]).toMatchObject({ ok: true, alreadyDone: false });
    expect(result.results[0]?.ok && result.results[0].warnings[0]).toMatch(/answer was lost .*reading the order back/);
    // Read back, never sent again.
    expect(shipCalls(env)).toHaveLength(1);
  });

  it('refuses an update naming items: Yahoo records shipments per order, not per line', async () => {
    env = setup();
    const id = confirmedOrder(env);
    const error = await env.connector
      .exportShipments([{ orderId: id, carrier: 'sagawa', trackingNumber: '111122223333', shippedAt: '2026-11-21', items: [{ lineId: '1', quantity: 1 }] }])
      .catch((e: unknown) => e);
    expect(ValidationError.isInstance(error) && error.field).toBe('updates[0].items');
    expect(shipCalls(env)).toHaveLength(0);
  });
});
