import { ValidationError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createAmazonClient } from '../src/client.js';
import { createAmazonConnector } from '../src/connector.js';
import type { AmazonConnectorOptions } from '../src/options.js';
import { AMAZON_SANDBOX_CREDENTIALS } from '../src/testing/index.js';
import { createRig, NOW, seedOrders, type TestRig } from './helpers.js';

/*
 * Amazon's own options are checked before anything is built or sent (review M1): before, a bad
 * usage plan threw core's raw RangeError at the first call, a bad token URL a raw TypeError, and
 * the rest went to Amazon as given.
 */

let rig: TestRig | undefined;
afterEach(() => rig?.close());

const base: AmazonConnectorOptions = { ...AMAZON_SANDBOX_CREDENTIALS };

function refusal(make: () => unknown): ValidationError {
  try {
    make();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw new Error(`expected ValidationError, got ${String(error)}`);
  }
  throw new Error('expected ValidationError, nothing was thrown');
}

const cases: ReadonlyArray<[string, Record<string, unknown>, string]> = [
  ['a usage plan with rate 0', { usagePlans: { searchOrders: { rate: 0, burst: 20 } } }, 'options.usagePlans.searchOrders.rate'],
  ['a usage plan with rate -1', { usagePlans: { getOrder: { rate: -1, burst: 30 } } }, 'options.usagePlans.getOrder.rate'],
  ['a usage plan with rate NaN', { usagePlans: { getOrder: { rate: Number.NaN, burst: 30 } } }, 'options.usagePlans.getOrder.rate'],
  ['a usage plan with burst 0.5', { usagePlans: { confirmShipment: { rate: 2, burst: 0.5 } } }, 'options.usagePlans.confirmShipment.burst'],
  ['a usage plan for an operation that does not exist', { usagePlans: { serchOrders: { rate: 1, burst: 1 } } }, 'options.usagePlans'],
  ['a token URL that is not a URL', { lwaTokenUrl: 'not a url' }, 'options.lwaTokenUrl'],
  ['a marketplace id with a line break', { marketplaceId: 'A1VC38T7YXB528\n' }, 'options.marketplaceId'],
  ['a seller id with a space', { sellerId: 'A2 XXXX' }, 'options.sellerId'],
  ['a fulfilledBy Amazon does not have', { fulfilledBy: ['X'] }, 'options.fulfilledBy[0]'],
  ['an empty fulfilledBy', { fulfilledBy: [] }, 'options.fulfilledBy'],
  ['an includedData Amazon does not have', { includedData: ['NOPE'] }, 'options.includedData[0]'],
  ['a client secret with a line break', { clientSecret: 'abc\ndef' }, 'options.clientSecret'],
  ['an empty refresh token', { refreshToken: '' }, 'options.refreshToken'],
  ['a carrier code of 300 characters', { mappers: { carrierCodes: { yamato: 'Y'.repeat(300) } } }, 'options.mappers.carrierCodes.yamato'],
  ['a carrier code with a line break', { mappers: { carrierCodes: { sagawa: 'Sagawa\nExpress' } } }, 'options.mappers.carrierCodes.sagawa'],
  ['a payment override to a code that does not exist', { mappers: { paymentMethod: { Foo: 'cash' } } }, 'options.mappers.paymentMethod.Foo'],
  ['a shipDespite status that is not refused', { shipDespite: ['cancelled'] }, 'options.shipDespite[0]'],
  ['an authorizedAt that is no date', { authorizedAt: '2026-02-30' }, 'options.authorizedAt'],
];

describe('options are checked before anything is sent', () => {
  it.each(cases)('%s → ValidationError naming the option, from createAmazonConnector and createAmazonClient', (_name, change, field) => {
    for (const make of [createAmazonConnector, createAmazonClient]) {
      const error = refusal(() => make({ ...base, ...change } as AmazonConnectorOptions));
      expect(error.field).toBe(field);
      expect(error.mall).toBe('amazon');
    }
  });

  it('nothing reaches the sandbox when an option is refused', () => {
    rig = createRig(seedOrders(2), NOW);
    refusal(() => createAmazonConnector({ ...rig!.sandbox.connectorOptions(), usagePlans: { searchOrders: { rate: 0, burst: 1 } } }));
    expect(rig.sandbox.kit.log.count()).toBe(0);
  });

  it('the options as documented pass', () => {
    const connector = createAmazonConnector({
      ...base,
      marketplaceId: 'A1VC38T7YXB528',
      lwaTokenUrl: 'https://api.amazon.com/auth/o2/token',
      fulfilledBy: ['MERCHANT', 'AMAZON'],
      includedData: ['BUYER', 'RECIPIENT'],
      usagePlans: { searchOrders: { rate: 0.0112, burst: 40 } },
      shipDespite: ['cancel_requested'],
      mappers: { carrierCodes: { yamato: 'Yamato Transport' }, paymentMethod: { NewPay: 'credit_card' }, timeSlot: { '14-16時': '14-16' } },
    });
    expect(connector.mall).toBe('amazon');
  });
});

describe('shopId', () => {
  it('without sellerId or shopId, two sellers get two shopIds, never a constant shared by every seller', () => {
    const a = createAmazonConnector({ ...base, sellerId: undefined });
    const b = createAmazonConnector({ ...base, sellerId: undefined, refreshToken: 'Atzr|another-seller-refresh-token' });
    expect(a.shopId).not.toBe('amazon');
    expect(a.shopId).not.toBe(b.shopId);
    expect(a.shopId).toBe(createAmazonConnector({ ...base, sellerId: undefined }).shopId);
    // The secret never shows in it.
    expect(a.shopId).not.toContain(base.refreshToken);
  });

  it('sellerId, then shopId, win', () => {
    expect(createAmazonConnector({ ...base, sellerId: 'A2SELLER' }).shopId).toBe('A2SELLER');
    expect(createAmazonConnector({ ...base, sellerId: 'A2SELLER', shopId: 'my-shop' }).shopId).toBe('my-shop');
  });
});
