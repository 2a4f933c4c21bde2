import { IncompleteResultError, type UnreadableOrderError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, NOW, rejection, seeds } from './fixtures.js';
import { startRig, type TestRig } from './harness.js';

const DAY = 86_400_000;

describe('one order Rakuten sends incomplete never costs the others', () => {
  let rig: TestRig;
  afterEach(() => rig.close());

  /** Makes getOrder send this order without its OrdererModel, a model the docs mark Not Null. */
  function dropOrderer(id: string): void {
    const order = rig.sandbox.order(id)!;
    const { OrdererModel: _dropped, ...rest } = order;
    rig.sandbox.store.put(rest as typeof order);
  }

  it('a getOrder batch of 100 with one order lacking a required model delivers the other 99 from the same answer, and names the bad one', async () => {
    const data = seeds(100, 10);
    rig = startRig(data);
    const ids = data.map((s) => s.id);
    const bad = ids[37]!;
    dropOrderer(bad);

    const error = await rejection(rig.connector.getOrders(ids));
    expect(IncompleteResultError.isInstance(error), String(error)).toBe(true);
    const incomplete = error as IncompleteResultError;
    expect(incomplete.orders.map((o) => o.id)).toEqual(ids.filter((id) => id !== bad));
    expect(incomplete.failures.map((f) => f.orderId)).toEqual([bad]);
    expect(incomplete.failures[0]?.message).toContain('OrdererModel');
    // One request for all 100: the answer was read order by order, not retried or split.
    expect(rig.sandbox.kit.log.count({ operation: 'getOrder' })).toBe(1);

    const reported: UnreadableOrderError[] = [];
    const listed = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 11 * DAY), to: NOW }, { onOrderError: (e) => reported.push(e) }));
    expect(listed).toHaveLength(99);
    expect(reported.map((e) => e.orderId)).toEqual([bad]);
  });

  it('an order the full schema cannot read can still be confirmed: the writes read only its state', async () => {
    const data = seeds(40);
    rig = startRig(data);
    const target = data.find((s) => s.status === 'pending_confirmation' && !s.postageUnset)!;
    dropOrderer(target.id);
    const result = await rig.connector.confirmOrders([target.id]);
    expect(result.results[0]).toMatchObject({ id: target.id, ok: true, alreadyDone: false });
    const again = await rig.connector.confirmOrders([target.id]);
    expect(again.results[0]).toMatchObject({ id: target.id, ok: true, alreadyDone: true });
  });

  it('an order listed with an empty order number is reported, not yielded with id ""; the others are delivered', async () => {
    const data = seeds(20, 5);
    rig = startRig(data);
    rig.sandbox.adversary.addOrderWithId(data[0]!.id, '');
    const reported: UnreadableOrderError[] = [];
    const orders = await collect(rig.connector.listOrders({ from: new Date(Date.parse(NOW) - 6 * DAY), to: NOW }, { onOrderError: (e) => reported.push(e) }));
    expect(orders.map((o) => o.id).sort()).toEqual(data.map((s) => s.id).sort());
    expect(reported.map((e) => e.orderId)).toEqual(['']);
    expect(reported[0]?.message).toContain('no id');
  });
});
