import { ValidationError } from '@mallkit/core';
import { describe, expect, it } from 'vitest';
import { createMakeshopConnector, type MakeshopConnectorOptions } from '../src/index.js';

const good: MakeshopConnectorOptions = {
  shopId: 'shop-1',
  accessToken: 'PAT.0123456789abcdef0123456789abcdef',
  apiKey: '0123456789abcdef0123456789abcdef',
  endpoint: 'https://api.example.test/graphql',
};

function refused(options: Partial<MakeshopConnectorOptions>): ValidationError {
  try {
    createMakeshopConnector({ ...good, ...options } as MakeshopConnectorOptions);
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('connector options are checked when the connector is made, before any request', () => {
  it.each([
    ['accessToken', { accessToken: '' }, 'options.accessToken'],
    ['a token pasted with a line break', { accessToken: 'PAT.abc\n' }, 'options.accessToken'],
    ['apiKey', { apiKey: ' ' }, 'options.apiKey'],
    ['shopId', { shopId: '' }, 'options.shopId'],
    ['endpoint', { endpoint: 'not a url' }, 'options.endpoint'],
    ['baseUrl in place of the endpoint', { baseUrl: 'ftp://example.test' }, 'options.baseUrl'],
    ['a carrier code', { carrierCodes: { yamato: '2' } }, 'options.carrierCodes.yamato'],
  ] as const)('%s', (_what, options, field) => {
    const error = refused(options);
    expect(error.field).toBe(field);
    expect(error.hint?.ja).toContain(field);
  });

  it('never repeats a secret in the error', () => {
    const error = refused({ accessToken: 'PAT.secret value with spaces' });
    expect(JSON.stringify(error.toJSON())).not.toContain('secret value');
  });

  it('accepts good options, and baseUrl in place of the endpoint', () => {
    expect(createMakeshopConnector(good).shopId).toBe('shop-1');
    expect(createMakeshopConnector({ ...good, endpoint: '', baseUrl: 'http://localhost:4000/graphql' }).mall).toBe('makeshop');
  });
});
