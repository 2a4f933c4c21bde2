import { formatJst } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { shopserveOrderSchema } from '../src/api/order-record.js';
import { SAMPLE_ORDER } from './fixtures.js';
import { bodyOf, DAY, NOW, startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

const now = Date.parse(NOW);
const HOUR = 3_600_000;

/** Six unconfirmed orders updated an hour apart, ten days ago. */
function putSix(target: Rig): string[] {
  return Array.from({ length: 6 }, (_, i) => {
    const serial = `80000000000${i}`;
    const basic = { ...SAMPLE_ORDER.basic, ordered_at: formatJst(now - (12 - i) * DAY), updated_at: formatJst(now - 10 * DAY + i * HOUR), confirmation_status: 'Unconfirmed' };
    target.sandbox.putOrder(shopserveOrderSchema.parse({ ...SAMPLE_ORDER, serial_code: serial, basic }));
    return serial;
  });
}

// Review H3: offset paging over a value that changes lost the order that moved into the gap.
describe('listing by updated time while orders change', () => {
  it('yields every order when one is updated between pages (pages start at the last updated time seen)', async () => {
    rig = startRig({ seedCount: 0, sandbox: { wire: { pageSize: 2 } } });
    const serials = putSix(rig);
    const seen: string[] = [];
    for await (const order of rig.connector.listOrders({ from: new Date(now - 11 * DAY), to: new Date(now - 9 * DAY), dateType: 'updated' })) {
      seen.push(order.id);
      if (seen.length === 1) {
        // Someone confirms the first order in the admin screen: its 受注更新日時 moves to now.
        const record = rig.sandbox.orders.get(order.id)!;
        rig.sandbox.putOrder({ ...record.order, basic: { ...record.order.basic, confirmation_status: 'Confirmed', updated_at: formatJst(now) } });
      }
    }
    expect([...seen].sort()).toEqual(serials);
    const bodies = rig.sandbox.kit.log.forOperation('searchOrders').map((entry) => bodyOf(entry) as { since: string; from: number });
    expect(bodies[1]).toMatchObject({ since: formatJst(now - 10 * DAY + HOUR), from: 0 });
  });

  it('pages by offset within one second when a whole page shares it, and by offset for order-time searches', async () => {
    rig = startRig({ seedCount: 0, sandbox: { wire: { pageSize: 2 } } });
    const at = formatJst(now - 10 * DAY);
    const serials = Array.from({ length: 5 }, (_, i) => {
      const serial = `81000000000${i}`;
      rig.sandbox.putOrder(shopserveOrderSchema.parse({ ...SAMPLE_ORDER, serial_code: serial, basic: { ...SAMPLE_ORDER.basic, ordered_at: formatJst(now - 11 * DAY + i * HOUR), updated_at: at } }));
      return serial;
    });
    const byUpdate: string[] = [];
    for await (const order of rig.connector.listOrders({ from: new Date(now - 11 * DAY), to: new Date(now - 9 * DAY), dateType: 'updated' })) byUpdate.push(order.id);
    expect(byUpdate).toEqual(serials);
    rig.sandbox.kit.log.clear();
    const byOrder: string[] = [];
    for await (const order of rig.connector.listOrders({ from: new Date(now - 11 * DAY), to: new Date(now - 9 * DAY) })) byOrder.push(order.id);
    expect(byOrder).toEqual(serials);
    expect(rig.sandbox.kit.log.forOperation('searchOrders').map((entry) => (bodyOf(entry) as { from: number }).from)).toEqual([0, 2, 4]);
  });
});
