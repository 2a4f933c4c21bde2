import { CredentialError, MallkitError, type Order } from '@mallkit/core';
import { attentionLines, batchLines, credentialTable, ordersTable } from './report.js';
import { formatTable } from './table.js';
import type { DemoTarget } from './target.js';

const DAY = 86_400_000;

/** Runs one mall: list, attention, confirm, ship, credentials. Mall errors are printed with their hint, not thrown. */
export async function runTarget(target: DemoTarget, now: Date, print: (line: string) => void): Promise<void> {
  const session = await target.open(now);
  const { connector } = session;
  print(`\n━━ ${connector.mall} (${session.mode === 'real' ? 'real mall' : 'sandbox'}, shop ${connector.shopId}) ━━`);
  try {
    const orders: Order[] = [];
    for await (const order of connector.listOrders({ from: new Date(now.getTime() - 30 * DAY), to: now })) orders.push(order);
    print(`orders in the last 30 days: ${orders.length}`);
    print(formatTable(ordersTable(orders.slice(0, 12))));

    const attention = attentionLines(orders);
    print(`needs attention: ${attention.length}`);
    for (const line of attention.slice(0, 12)) print(`  ⚠ ${line}`);

    if (session.writesAllowed && connector.capabilities.confirmOrders) {
      const pending = orders.filter((o) => o.status.code === 'pending_confirmation' && !o.flags.fraudReview).slice(0, 5).map((o) => o.id);
      if (pending.length > 0) {
        print('confirmOrders:');
        for (const line of batchLines(await connector.confirmOrders(pending))) print(`  ${line}`);
        print('confirmOrders again (idempotent):');
        for (const line of batchLines(await connector.confirmOrders(pending.slice(0, 2)))) print(`  ${line}`);
      }
    } else if (!connector.capabilities.confirmOrders) {
      print(`confirmOrders: ${connector.mall} has no confirm step (capabilities.confirmOrders is null)`);
    }
    if (session.writesAllowed && connector.capabilities.exportShipments) {
      const ready = orders.filter((o) => (o.status.code === 'confirmed' || o.status.code === 'ready_to_ship') && !o.flags.fraudReview).slice(0, 3);
      if (ready.length > 0) {
        print('exportShipments:');
        const shippedAt = new Date(now.getTime() - 2 * 3_600_000).toISOString();
        // One shipment per destination: an order sent to several addresses has a parcel for each.
        const updates = ready.flatMap((o, i) =>
          o.deliveries.map((d, j) => ({
            orderId: o.id,
            ...(o.deliveries.length > 1 ? { deliveryId: d.deliveryId } : {}),
            carrier: 'yamato' as const,
            trackingNumber: `4912-0000-${String(1000 + i * 10 + j)}`,
            shippedAt,
          })),
        );
        for (const line of batchLines(await connector.exportShipments(updates))) print(`  ${line}`);
      }
    }

    const report = await connector.checkCredentials();
    print(`credentials: ${report.ok ? 'ok' : 'ACTION NEEDED'}`);
    print(formatTable(credentialTable(report)));
  } catch (error) {
    if (CredentialError.isInstance(error)) print(`  ✖ ${error.credential}: ${error.hint?.ja} / ${error.hint?.en}`);
    else if (MallkitError.isInstance(error)) print(`  ✖ ${error.name} ${error.code}: ${error.message} — ${error.hint?.en ?? ''}`);
    else throw error;
  } finally {
    await session.close();
  }
}

/** Runs every target in turn. */
export async function runDemo(targets: readonly DemoTarget[], now: Date, print: (line: string) => void): Promise<void> {
  if (targets.length === 0) print('no mall connector is registered in examples/src/targets yet');
  for (const target of targets) await runTarget(target, now, print);
}
