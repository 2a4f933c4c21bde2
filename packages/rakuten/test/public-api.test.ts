import { ValidationError } from '@mallkit/core';
import { describe, expect, it } from 'vitest';
import * as rakuten from '../src/index.js';
import * as testing from '../src/testing/index.js';

describe('the public surface', () => {
  it('exports what a user calls, not the internals (values; types are checked by tsc)', () => {
    expect(Object.keys(rakuten).sort()).toEqual([
      'RAKUTEN_CAPABILITIES',
      'RAKUTEN_DEFAULT_RATE',
      'RAKUTEN_THROTTLE_MARGIN',
      'createRakutenClient',
      'createRakutenConnector',
      'esaAuthorization',
    ]);
    expect(Object.keys(testing).sort()).toEqual(['SANDBOX_CODES', 'adaptSeedsForRakuten', 'createRakutenSandbox']);
  });

  it('refuses unusable credentials when the connector is made, naming the option and never echoing it', () => {
    const make = (options: Partial<rakuten.RakutenConnectorOptions>) => () =>
      rakuten.createRakutenConnector({ serviceSecret: 'SP_ok_service_secret', licenseKey: 'SL_ok_license_key', ...options });
    for (const [options, field] of [
      [{ licenseKey: 'SL_pasted_with_a_newline\n' }, 'options.licenseKey'],
      [{ serviceSecret: '' }, 'options.serviceSecret'],
      [{ licenseKey: 'SL key with spaces' }, 'options.licenseKey'],
      [{ getOrderVersion: 2 }, 'options.getOrderVersion'],
    ] as const) {
      let error: unknown;
      try {
        make(options)();
      } catch (caught) {
        error = caught;
      }
      expect(ValidationError.isInstance(error), String(error)).toBe(true);
      expect((error as ValidationError).field).toBe(field);
      expect(JSON.stringify((error as ValidationError).toJSON())).not.toContain('SL_pasted');
    }
    expect(make({})().mall).toBe('rakuten');
  });

  it('refuses unusable options when the connector is made: deliveryCompany overrides that are not 4-digit codes, unknown carrier codes, core options of the wrong kind', () => {
    const make = (options: Record<string, unknown>) => () =>
      rakuten.createRakutenConnector({ serviceSecret: 'SP_ok_service_secret', licenseKey: 'SL_ok_license_key', ...(options as Partial<rakuten.RakutenConnectorOptions>) });
    for (const [options, field] of [
      // Sent as deliveryCompany as they are: a line break or a name would reach Rakuten.
      [{ mappers: { deliveryCompany: { yamato: '1001\n' } } }, /^options\.mappers\.deliveryCompany\.yamato$/],
      [{ mappers: { deliveryCompany: { sagawa: '佐川急便' } } }, /^options\.mappers\.deliveryCompany\.sagawa$/],
      [{ mappers: { deliveryCompany: { kuroneko: '1001' } } }, /^options\.mappers\.deliveryCompany/],
      [{ mappers: { carrier: { '1099': 'kuroneko' } } }, /1099/],
      [{ expiryWarningDays: -5 }, /^options\.expiryWarningDays$/],
      [{ timeoutMs: Number.NaN }, /^options\.timeoutMs$/],
    ] as const) {
      let error: unknown;
      try {
        make(options)();
      } catch (caught) {
        error = caught;
      }
      expect(ValidationError.isInstance(error), `${JSON.stringify(options)}: ${String(error)}`).toBe(true);
      expect((error as ValidationError).field).toMatch(field);
    }
    expect(make({ mappers: { deliveryCompany: { store_pickup: '1028' }, carrier: { '1099': 'yamato' } } })().mall).toBe('rakuten');
  });
});
