import { CredentialError, ValidationError } from '@mallkit/core';
import { captureOutput } from '@mallkit/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createShopserveConnector, RENEW_MANAGER_KEY } from '../src/index.js';
import { bodyOf, rejection, startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

describe('checkCredentials', () => {
  it('probes the order API live and reports the key as valid, never expiring, with the 2026 incident advice', async () => {
    rig = startRig({ seedCount: 1 });
    const report = await rig.connector.checkCredentials();
    expect(rig.sandbox.kit.log.count({ operation: 'searchOrders' })).toBe(1);
    expect(bodyOf(rig.sandbox.kit.log.last('searchOrders'))).toMatchObject({ since: '2026-11-19T09:00:00+09:00', date_type: 'OrderedAt' });
    expect(report).toMatchObject({ mall: 'shopserve', shopId: 'sandbox.ss', ok: true });
    expect(report.credentials).toEqual([
      {
        name: 'managerKey',
        label: { ja: 'マネージャー認証キー', en: 'Manager key (マネージャー認証キー)' },
        state: 'valid',
        expiresAt: null,
        daysLeft: null,
        source: 'live_check',
        renew: null,
        notes: [{ ja: expect.stringContaining('再発行'), en: expect.stringContaining('Re-issue') }],
      },
    ]);
  });

  it('drops the advice for a key issued after the incident was disclosed', async () => {
    rig = startRig({ seedCount: 0, connector: { managerKeyIssuedOn: '2026-08-05' } });
    expect((await rig.connector.checkCredentials()).credentials[0]?.notes).toEqual([]);
  });

  it('after the key is re-issued in the admin screen, the old key is refused: invalid, with the re-issue hint', async () => {
    rig = startRig({ seedCount: 1 });
    rig.sandbox.reissueManagerKey();
    const error = await rejection(rig.connector.getOrders([rig.seeds[0]!.id]));
    expect(CredentialError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ credential: 'managerKey', hint: RENEW_MANAGER_KEY });
    const report = await rig.connector.checkCredentials();
    expect(report.ok).toBe(false);
    expect(report.credentials[0]).toMatchObject({ state: 'invalid', renew: RENEW_MANAGER_KEY });
    // A connector given the new key works.
    expect((await rig.connect({ managerKey: rig.sandbox.managerKey }).getOrders([rig.seeds[0]!.id])).length).toBe(1);
  });
});

describe('connector options are checked before anything is sent', () => {
  const good = { shopserveId: 'example.ss', managerKey: '0123456789abcdef0123456789abcdef01234567' };
  it.each([
    ['a missing key', { ...good, managerKey: '' }, 'options.managerKey'],
    ['a key with a line break', { ...good, managerKey: `${good.managerKey}\n` }, 'options.managerKey'],
    ['a missing shop ID', { ...good, shopserveId: undefined as unknown as string }, 'options.shopserveId'],
    ['a shop ID with a colon', { ...good, shopserveId: 'example:ss' }, 'options.shopserveId'],
    ['a lookahead of 30 days', { ...good, shipDateLookaheadDays: 30 }, 'options.shipDateLookaheadDays'],
    ['a key date in another format', { ...good, managerKeyIssuedOn: '2026/08/05' }, 'options.managerKeyIssuedOn'],
    ['a key date not on the calendar', { ...good, managerKeyIssuedOn: '2026-02-30' }, 'options.managerKeyIssuedOn'],
    ['a flag that is not a boolean', { ...good, readBackWrites: 'no' as unknown as boolean }, 'options.readBackWrites'],
  ])('%s', (_name, options, field) => {
    let error: unknown;
    try {
      createShopserveConnector(options);
    } catch (caught) {
      error = caught;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).field).toBe(field);
    expect(String(error)).not.toContain(good.managerKey);
  });

  it('warns about a key that is not 40 hexadecimal characters, without refusing it', () => {
    const { logger, lines } = captureOutput();
    createShopserveConnector({ ...good, managerKey: '0123456789abcdef', logger });
    expect(lines.some((line) => line.startsWith('warn') && line.includes('40 hexadecimal'))).toBe(true);
  });

  it('uses the shop ID as shopId unless told otherwise', () => {
    expect(createShopserveConnector(good).shopId).toBe('example.ss');
    expect(createShopserveConnector({ ...good, shopId: 'ギフト本店' }).shopId).toBe('ギフト本店');
  });
});
