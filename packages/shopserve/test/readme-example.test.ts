import { afterEach, expect, it } from 'vitest';
import { shopserveOrderSchema } from '../src/api/order-record.js';
import { orderNumberOf, type ShopserveConnector } from '../src/index.js';
import { SAMPLE_ORDER } from './fixtures.js';
import { startRig, type Rig } from './harness.js';

let rig: Rig;
afterEach(() => rig?.close());

/** The README's example, word for word after the connector is created. */
async function readmeExample(shopserve: ShopserveConnector, log: (...values: unknown[]) => void) {
  const pending: string[] = [];
  for await (const order of shopserve.listOrders({ from: '2026-11-15T00:00:00+09:00', statuses: ['pending_confirmation'] })) {
    log(order.id, orderNumberOf(order), order.buyer.name, order.amounts.total);
    pending.push(order.id);
  }
  await shopserve.confirmOrders(pending);

  const result = await shopserve.exportShipments([
    { orderId: '300000004711', carrier: 'yamato', trackingNumber: '4912-3456-7890', shippedAt: '2026-11-19' },
  ]);
  log(result.succeeded, result.alreadyDone, result.failed);
  return { pending, result };
}

it("the README's example runs against the sandbox", async () => {
  rig = startRig({ seedCount: 30, spanDays: 5 });
  rig.sandbox.putOrder(shopserveOrderSchema.parse(SAMPLE_ORDER));
  const lines: unknown[][] = [];
  const { pending, result } = await readmeExample(rig.connector, (...values) => lines.push(values));
  expect(pending.length).toBeGreaterThan(0);
  expect(lines[0]).toEqual([pending[0], expect.stringMatching(/^1\d{7}$/), expect.any(String), expect.any(Number)]);
  expect(result).toMatchObject({ succeeded: 1, alreadyDone: 0, failed: 0 });
  expect((await rig.connector.getOrders(pending)).every((order) => order.status.code !== 'pending_confirmation')).toBe(true);
});
