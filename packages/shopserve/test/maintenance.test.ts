import { MaintenanceError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { maintenanceEndsAt, SHOPSERVE_MAINTENANCE } from '../src/api/maintenance.js';
import { collect, rejection, startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

const at = (iso: string): number => Date.parse(iso);
/** A sandbox that keeps Shopserve's window (sandboxes keep none unless told), and hands it to the connector. */
const closing = { sandbox: { maintenanceWindow: SHOPSERVE_MAINTENANCE } } as const;

describe('the weekly maintenance window (Wednesday 02:00–08:00 JST)', () => {
  it.each([
    ['2026-11-18T02:00:00+09:00', true],
    ['2026-11-18T07:59:59+09:00', true],
    ['2026-11-18T08:00:00+09:00', false],
    ['2026-11-18T01:59:59+09:00', false],
    ['2026-11-17T17:30:00Z', true], // Wednesday 02:30 in Tokyo, Tuesday in UTC
    ['2026-11-17T03:00:00+09:00', false], // a Tuesday
    ['2026-11-25T05:00:00+09:00', true], // every Wednesday
  ])('%s closed: %s', (instant, closed) => {
    expect(maintenanceEndsAt(at(instant), SHOPSERVE_MAINTENANCE) !== null).toBe(closed);
  });

  it('fails every call fast with MaintenanceError pointing at 08:00, and sends nothing', async () => {
    rig = startRig({ now: '2026-11-18T03:30:00+09:00', seedCount: 6, ...closing });
    const id = rig.seeds[0]!.id;
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['getOrders', () => rig.connector.getOrders([id])],
      ['listOrders', () => collect(rig.connector.listOrders({ from: '2026-11-10T00:00:00+09:00' }))],
      ['getPayments', () => collect(rig.connector.getPayments({ orderIds: [id] }))],
      ['confirmOrders', () => rig.connector.confirmOrders([id])],
      ['exportShipments', () => rig.connector.exportShipments([{ orderId: id, carrier: 'yamato', trackingNumber: '491234567890', shippedAt: '2026-11-17' }])],
    ];
    for (const [name, call] of calls) {
      const error = await rejection(call());
      expect(MaintenanceError.isInstance(error), `${name}: ${String(error)}`).toBe(true);
      const retryAfter = (error as MaintenanceError).retryAfterMs ?? 0;
      expect(retryAfter, name).toBeGreaterThan(4.5 * 3_600_000 - 60_000);
      expect(retryAfter, name).toBeLessThanOrEqual(4.5 * 3_600_000);
      expect((error as MaintenanceError).hint?.ja).toContain('08:00');
    }
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  // Review M7: checkCredentials threw MaintenanceError instead of reporting.
  it('checkCredentials reports the key as unknown with the maintenance note, instead of throwing', async () => {
    rig = startRig({ now: '2026-11-18T03:30:00+09:00', seedCount: 0, ...closing });
    const report = await rig.connector.checkCredentials();
    expect(report).toMatchObject({ ok: true, credentials: [{ name: 'managerKey', state: 'unknown' }] });
    expect(report.credentials[0]?.notes[0]?.ja).toContain('メインテナンス');
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  it('stops a batch write at once, with every order reported as not sent', async () => {
    rig = startRig({ now: '2026-11-18T02:00:00+09:00', seedCount: 6, ...closing });
    const ids = rig.seeds.slice(0, 3).map((s) => s.id);
    const error = (await rejection(rig.connector.confirmOrders(ids))) as MaintenanceError;
    expect(error.batch).toEqual({ results: [], notSent: ids });
  });

  it('works again at 08:00 on the same clock', async () => {
    rig = startRig({ now: '2026-11-18T07:59:00+09:00', seedCount: 2, ...closing });
    await expect(rig.connector.getOrders([rig.seeds[0]!.id])).rejects.toThrow(/maintenance/);
    rig.sandbox.clock.set('2026-11-18T08:00:00+09:00');
    expect((await rig.connector.getOrders([rig.seeds[0]!.id]))[0]?.id).toBe(rig.seeds[0]!.id);
  });

  it("with the window turned off, the request goes out and the mall's own maintenance answer is mapped", async () => {
    rig = startRig({ now: '2026-11-18T03:00:00+09:00', seedCount: 2, ...closing, connector: { maintenanceWindow: null } });
    const error = await rejection(rig.connector.getOrders([rig.seeds[0]!.id], { retries: 0 }));
    expect(MaintenanceError.isInstance(error)).toBe(true);
    expect((error as MaintenanceError).httpStatus).toBe(503);
    expect((error as MaintenanceError).message).toContain('メンテナンス期間中のためAPIは使用できません');
    expect(rig.sandbox.kit.log.count()).toBe(1);
  });

  it('takes another window when Shopserve announces one', async () => {
    const window = { weekday: 2, startHour: 1, endHour: 3 };
    rig = startRig({ now: '2026-11-17T01:30:00+09:00', seedCount: 2, sandbox: { maintenanceWindow: window } });
    const error = await rejection(rig.connector.getOrders([rig.seeds[0]!.id]));
    expect((error as MaintenanceError).retryAfterMs).toBeGreaterThan(89 * 60_000);
    expect(() => rig.connect({ maintenanceWindow: { weekday: 7, startHour: 2, endHour: 8 } })).toThrow(/options\.maintenanceWindow/);
  });

  // Review M7: the sandbox closed users' tests every Wednesday 02:00–08:00 JST on the real clock.
  it('a sandbox keeps no window unless told, and its connector options say so', async () => {
    rig = startRig({ now: '2026-11-18T03:30:00+09:00', seedCount: 2 });
    expect(rig.sandbox.connectorOptions().maintenanceWindow).toBeNull();
    expect((await rig.connector.getOrders([rig.seeds[0]!.id]))[0]?.id).toBe(rig.seeds[0]!.id);
  });

  it('a connector created without a sandbox keeps the weekly window by default', async () => {
    rig = startRig({ now: '2026-11-18T03:30:00+09:00', seedCount: 1 });
    const { maintenanceWindow: _none, ...options } = rig.sandbox.connectorOptions();
    const plain = rig.connect({ ...options, maintenanceWindow: undefined });
    expect(MaintenanceError.isInstance(await rejection(plain.getOrders([rig.seeds[0]!.id])))).toBe(true);
  });
});
