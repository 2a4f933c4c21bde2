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
});
