import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../src/contract/capabilities.js';
import { UnsupportedOperationError, ValidationError } from '../../src/errors/classes.js';
import { defineConnector } from '../../src/kit/connector.js';
import { createOrderLister } from '../../src/kit/order-lister.js';
import { createOrderReader } from '../../src/kit/order-reader.js';
import { checkShipments, shipDayOf } from '../../src/kit/shipments.js';
import { createSandboxClock } from '../../src/testing/clock.js';
import { readerBase, type TinyOrder } from './fixtures.js';

const clock = createSandboxClock('2026-11-22T10:00:00+09:00');
const good = { orderId: 'o1', carrier: 'yamato', trackingNumber: '4912-3456-7890', shippedAt: '2026-11-21' } as const;

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues.map((issue) => issue.field);
    throw error;
  }
  return [];
}

describe('checkShipments', () => {
  it('applies the mall\'s rules and reports every problem at once', () => {
    const rules = {
      trackingNumberMaxLength: 14,
      trackingNumberProblem: (carrier: string, number: string) => (carrier === 'yamato' && !/^\d{4}-?\d{4}-?\d{4}$/.test(number) ? 'Yamato numbers have 12 digits' : null),
      shippingMethodMaxLength: 5,
    };
    const fields = fieldsOf(() =>
      checkShipments(
        [
          good,
          { ...good, trackingNumber: '123456789012345' },
          { ...good, trackingNumber: 'ABC' },
          { ...good, shippingMethod: 'ゆうパケットプラス' },
          { ...good, shippedAt: '2026-11-23' },
        ],
        rules,
        clock,
        { mall: 'yahoo' },
      ),
    );
    expect(fields).toEqual(['updates[1].trackingNumber', 'updates[2].trackingNumber', 'updates[3].shippingMethod', 'updates[4].shippedAt']);
  });

  it('reads full-width tracking numbers as half-width, and takes planned ship dates where the mall allows them', () => {
    const [update] = checkShipments([{ ...good, trackingNumber: '４９１２－３４５６－７８９０' }], {}, clock, { mall: 'yahoo' });
    expect(update?.trackingNumber).toBe('4912-3456-7890');
    expect(checkShipments([{ ...good, shippedAt: '2026-12-01' }], { futureShipDates: true }, clock, { mall: 'shopserve' })).toHaveLength(1);
  });

  it('gives the JST day of an instant', () => {
    const [update] = checkShipments([{ ...good, shippedAt: '2026-11-20T16:00:00Z' }], {}, clock, { mall: 'yahoo' });
    expect(shipDayOf(update!)).toBe('2026-11-21');
  });
});

describe('defineConnector', () => {
  const capabilities: Capabilities = {
    listOrders: { dateTypes: ['ordered'], maxWindowDays: null, maxLookbackDays: null, pageSize: 10, detailBatchSize: 1 },
    confirmOrders: null,
    exportShipments: null,
    getPayments: null,
    defaultRatePerSecond: 1,
  };
  let fetched = 0;
  const reader = createOrderReader<TinyOrder>({ ...readerBase, batchSize: 1, fetch: async () => (fetched += 1, { orders: [] }) });
  const parts = {
    mall: 'amazon' as const,
    shopId: 's',
    capabilities,
    clock,
    reader,
    listOrders: createOrderLister<TinyOrder, string, number>({ mall: 'amazon', operation: 'search', capabilities: capabilities.listOrders, clock, logger: readerBase.logger, inline: false, reader, entryId: (id) => id, fetchPage: async () => ({ entries: [], next: undefined }) }),
    checkCredentials: async () => ({ mall: 'amazon' as const, shopId: 's', checkedAt: '', ok: true, credentials: [] }),
    unsupported: { confirmOrders: { ja: '注文確認はありません', en: 'No confirm step' } },
  };

  it('refuses what capabilities mark null, with the mall\'s hint, and checks input before anything is sent', async () => {
    const connector = defineConnector(parts);
    const refused = await connector.confirmOrders(['a']).catch((e: unknown) => e);
    expect(UnsupportedOperationError.isInstance(refused) && refused.hint?.en).toBe('No confirm step');
    const payments = connector.getPayments({ orderIds: ['a'] })[Symbol.asyncIterator]().next();
    await expect(payments).rejects.toThrow(UnsupportedOperationError);
    await expect(connector.getOrders(['a\u0000'])).rejects.toThrow(ValidationError);
    await expect(connector.checkCredentials({ retries: 99 })).rejects.toThrow(/options.retries/);
    expect(await connector.getOrders([])).toEqual([]);
    expect(fetched).toBe(0);
  });

  it('throws at once when capabilities and implementations disagree', () => {
    expect(() => defineConnector({ ...parts, confirmOrders: async () => ({ results: [], succeeded: 0, alreadyDone: 0, failed: 0 }) })).toThrow(/disagree/);
  });
});
