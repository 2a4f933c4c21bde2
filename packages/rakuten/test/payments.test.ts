import { IncompleteResultError, OrderStateError, type UnreadableOrderError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, rejection, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

describe('getPayments', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  it('reads getPayment per order: method, state, amount and 決済確定日時', async () => {
    const data = seeds(20);
    rig = startRig(data);
    const paid = data.find((s) => s.paidAt !== null && s.paymentMethod === 'credit_card' && !s.postageUnset && s.status !== 'cancelled')!;
    const [record] = await collect(rig.connector.getPayments({ orderIds: [paid.id] }));
    expect(record).toMatchObject({ mall: 'rakuten', orderId: paid.id, state: 'paid', rawState: '30600', amount: paid.amounts.billed });
    expect(record?.method).toEqual({ code: 'credit_card', raw: 'クレジットカード' });
    expect(Date.parse(record!.paidAt!)).toBe(Date.parse(paid.paidAt!));
  });

  it('one order whose payments cannot be read never ends the stream: the others are delivered, then it is named', async () => {
    const data = seeds(5, 3);
    rig = startRig(data);
    const unknown = '398765-20261120-9999999999';
    const ids = [data[0]!.id, unknown, data[1]!.id];
    const yielded: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const record of rig.connector.getPayments({ orderIds: ids })) yielded.push(record.orderId);
      })(),
    );
    expect(yielded).toEqual([data[0]!.id, data[1]!.id]);
    expect(IncompleteResultError.isInstance(error), String(error)).toBe(true);
    const failure = (error as IncompleteResultError).failures[0];
    expect(failure?.orderId).toBe(unknown);
    expect(OrderStateError.isInstance(failure?.cause)).toBe(true);
    // With onOrderError the stream ends normally.
    const reported: UnreadableOrderError[] = [];
    const records = await collect(rig.connector.getPayments({ orderIds: ids }, { onOrderError: (e) => reported.push(e) }));
    expect(records.map((r) => r.orderId)).toEqual([data[0]!.id, data[1]!.id]);
    expect(reported.map((e) => e.orderId)).toEqual([unknown]);
  });

  it('by window: the orders placed in it, one getPayment each', async () => {
    const data = seeds(5, 3);
    rig = startRig(data);
    const records = await collect(rig.connector.getPayments({ from: '2026-11-18T00:00:00+09:00', to: '2026-11-22T10:00:00+09:00' }));
    expect(records.map((r) => r.orderId).sort()).toEqual(data.map((s) => s.id).sort());
    expect(rig.sandbox.kit.log.count({ operation: 'getPayment' })).toBe(5);
  });
});
