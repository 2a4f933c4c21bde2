import { InvalidRequestError, type MallkitError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { rejection, startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

const shipment = (orderId: string, trackingNumber = '491234567890') => ({ orderId, carrier: 'yamato' as const, trackingNumber, shippedAt: '2026-11-18' });

/*
 * Review H2: the status-update request is a guess, and a lenient API that ignores a field it does
 * not know answers 200 and changes nothing. Every write is therefore read back: a write that did not
 * take effect fails with a hint to correct `wire`, and the batch stops (every further order would be
 * the same no-op).
 */
describe('every write is read back while the update request is unverified', () => {
  it('confirms: one status update and one read-back search per order', async () => {
    rig = startRig({ seedCount: 30 });
    const [a, b] = rig.seeds.filter((s) => s.status === 'pending_confirmation');
    rig.sandbox.kit.log.clear();
    const result = await rig.connector.confirmOrders([a!.id, b!.id]);
    expect(result).toMatchObject({ succeeded: 2, failed: 0 });
    expect(rig.sandbox.kit.log.entries.map((entry) => entry.operation)).toEqual(['searchOrders', 'updateOrderStatus', 'searchOrders', 'updateOrderStatus', 'searchOrders']);
  });

  it('a lenient API that ignores the misspelled value: the confirm fails with a wire hint, and the batch stops', async () => {
    // The sandbox takes `Confirmed`; this connector sends `確認済`, which a lenient API ignores with 200.
    rig = startRig({ seedCount: 30, sandbox: { lenientWrites: true } });
    const misspelled = rig.connect({ wire: { values: { confirmed: '確認済' } } });
    const [a, b] = rig.seeds.filter((s) => s.status === 'pending_confirmation');
    const error = (await rejection(misspelled.confirmOrders([a!.id, b!.id]))) as MallkitError;
    expect(InvalidRequestError.isInstance(error), String(error)).toBe(true);
    expect(error.message).toContain('reads back unchanged');
    expect(error.hint?.en).toContain('wire.statusUpdate');
    expect(error.batch?.results).toEqual([expect.objectContaining({ id: a!.id, ok: false })]);
    expect(error.batch?.notSent).toEqual([b!.id]);
    expect(rig.sandbox.kit.log.count({ operation: 'updateOrderStatus' })).toBe(1);
    expect(rig.sandbox.orders.get(a!.id)?.order.basic.confirmation_status).toBe('Unconfirmed');
  });

  it('a lenient API that ignores a misnamed field: the shipment fails the same way', async () => {
    rig = startRig({ seedCount: 30, sandbox: { lenientWrites: true } });
    const target = rig.seeds.find((s) => s.status === 'confirmed')!;
    const misnamed = rig.connect({ wire: { values: { shipped: 'SHIPPED' } } });
    const error = (await rejection(misnamed.exportShipments([shipment(target.id)]))) as MallkitError;
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.batch?.results[0]).toMatchObject({ id: target.id, ok: false });
  });

  it('an HTTP 200 that changed nothing (a fault) is caught the same way, and with readBackWrites off it is trusted', async () => {
    rig = startRig({ seedCount: 30 });
    const [a, b] = rig.seeds.filter((s) => s.status === 'pending_confirmation');
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: '{}', headers: { 'content-type': 'application/json' } }, { operation: 'updateOrderStatus' });
    expect(InvalidRequestError.isInstance(await rejection(rig.connector.confirmOrders([a!.id])))).toBe(true);

    const trusting = rig.connect({ readBackWrites: false });
    rig.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: '{}', headers: { 'content-type': 'application/json' } }, { operation: 'updateOrderStatus' });
    rig.sandbox.kit.log.clear();
    expect(await trusting.confirmOrders([b!.id])).toMatchObject({ succeeded: 1 });
    expect(rig.sandbox.kit.log.entries.map((entry) => entry.operation)).toEqual(['searchOrders', 'updateOrderStatus']);
  });

  it('a shipment stored without the hyphens still reads back as landed', async () => {
    rig = startRig({ seedCount: 30 });
    const target = rig.seeds.find((s) => s.status === 'confirmed')!;
    const result = await rig.connector.exportShipments([shipment(target.id, '4912-3456-7890')]);
    expect(result).toMatchObject({ succeeded: 1 });
    const record = rig.sandbox.orders.get(target.id)!;
    rig.sandbox.putOrder({ ...record.order, basic: { ...record.order.basic, tracking_number: '491234567890' } });
    expect((await rig.connector.exportShipments([shipment(target.id, '4912-3456-7890')])).alreadyDone).toBe(1);
  });
});
