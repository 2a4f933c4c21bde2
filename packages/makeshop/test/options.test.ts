import { ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMakeshopConnector, type MakeshopConnectorOptions } from '../src/index.js';
import { rejection, setUp, type Harness } from './harness.js';

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
    // Review M5 (fails before: every one of these was accepted).
    ['a string for searchPerDeliveryStatus', { searchPerDeliveryStatus: 'no' }, 'options.searchPerDeliveryStatus'],
    ['a string for sendShippingMail', { sendShippingMail: 'no' }, 'options.sendShippingMail'],
    ['a document query that is not text', { documents: { searchOrder: { query: 123 } } }, 'options.documents.searchOrder.query'],
    ['variables that are not a function', { documents: { getOrder: { variables: 'x' } } }, 'options.documents.getOrder.variables'],
    ['a document this package does not send', { documents: { updateOrder: { query: 'mutation x { y }' } } }, 'options.documents'],
    ['a misspelt option', { sendShipingMail: true }, 'options'],
    ['a negative expiryWarningDays', { expiryWarningDays: -5 }, 'options.expiryWarningDays'],
    ['a carrier mallkit does not have', { carrierCodes: { not_a_carrier: '002' } }, 'options.carrierCodes.not_a_carrier'],
    ['an http endpoint (the token in clear text)', { endpoint: 'http://api.example.test/graphql' }, 'options.endpoint'],
    ['an endpoint with a password', { endpoint: 'https://user:pw@api.example.test/graphql' }, 'options.endpoint'],
    ['a negative timeout', { timeoutMs: -1 }, 'options.timeoutMs'],
    ['a timeout that is not a number', { timeoutMs: Number.NaN }, 'options.timeoutMs'],
    ['a string for readyWhenPaymentUnknown', { readyWhenPaymentUnknown: 'yes' }, 'options.readyWhenPaymentUnknown'],
  ] as const)('%s', (_what, options, field) => {
    const error = refused(options as Partial<MakeshopConnectorOptions>);
    expect(error.field).toBe(field);
    expect(error.hint?.ja).toContain(field);
  });

  it('never repeats a secret in the error', () => {
    const error = refused({ accessToken: 'PAT.secret value with spaces' });
    expect(JSON.stringify(error.toJSON())).not.toContain('secret value');
  });

  it('accepts good options, and baseUrl in place of the endpoint (http only for this machine)', () => {
    expect(createMakeshopConnector(good).shopId).toBe('shop-1');
    expect(createMakeshopConnector({ ...good, endpoint: '', baseUrl: 'http://localhost:4000/graphql' }).mall).toBe('makeshop');
    expect(createMakeshopConnector({ ...good, baseUrl: 'http://127.0.0.1:4000/graphql' }).mall).toBe('makeshop');
    expect(refused({ baseUrl: 'http://proxy.example.test/graphql' }).field).toBe('options.baseUrl');
  });
});

describe('a replaced document whose variables fail', () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.close());

  // Review M5 (fails before: a raw `Error: boom` reached the user).
  it('is a ValidationError naming documents.<operation>.variables, and nothing is sent', async () => {
    harness = setUp({
      connector: {
        documents: {
          getOrder: {
            variables: () => {
              throw new Error('boom');
            },
          },
        },
      },
    });
    const error = await rejection(harness.connector.getOrders([harness.seeds[0]!.id]));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'documents.getOrder.variables' });
    expect((error as ValidationError).message).toContain('boom');
    expect(harness.sandbox.kit.log.count()).toBe(0);
  });
});
