import { MALL_IDS, formatJst, type Order } from '@mallkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServedSandbox } from '../src/sandbox/serve.js';
import { ndjsonOrders, runCli, sandboxConfig, serve, tempDir, writeText } from './helpers.js';

/*
 * Every mall of the registry, end to end through the CLI: its sandbox served over HTTP, its
 * connector built from a config file, creds, orders and ship against it.
 */

const opened: ServedSandbox[] = [];
afterAll(async () => {
  await Promise.all(opened.map((served) => served.close()));
});

/** An order the mall takes a shipment for: ready to ship first (a "confirmed" one may still be in the mall's own checks). */
function shippable(orders: readonly Order[]): Order | undefined {
  const candidates = orders.filter((order) => !order.flags.fraudReview && order.deliveries.length > 0);
  return candidates.find((order) => order.status.code === 'ready_to_ship') ?? candidates.find((order) => order.status.code === 'confirmed');
}

describe.each(MALL_IDS.map((mall) => [mall]))('%s through the CLI', (mall) => {
  it('reports credentials, streams every order, and ships from a CSV', async () => {
    const served = await serve(mall);
    opened.push(served);
    const dir = tempDir();
    const config = sandboxConfig(dir, { shop: served });

    const creds = await runCli(['creds', '--config', config, '--lang', 'en']);
    expect(creds.stderr).toBe('');
    expect(creds.code).toBe(0);
    expect(creds.stdout).toContain('all valid');

    const listed = await runCli(['orders', '--config', config, '--shop', 'shop', '--from', '25d', '--format', 'ndjson']);
    expect(listed.code, listed.stderr).toBe(0);
    const orders = ndjsonOrders(listed.stdout);
    expect(orders).toHaveLength(served.seeded.length);
    expect(new Set(orders.map((order) => order.mall))).toEqual(new Set([mall]));

    const order = shippable(orders);
    expect(order, 'a seed order ready to ship').toBeDefined();
    if (order === undefined) return;
    const today = formatJst(Date.now(), 'date');
    const rows = order.deliveries.map((delivery, i) => `${order.id},${order.deliveries.length > 1 ? delivery.deliveryId : ''},yamato,49120000${1000 + i},${today}`);
    const csv = writeText(dir, 'ship.csv', `order_id,delivery_id,carrier,tracking_number,shipped_at\n${rows.join('\n')}\n`);
    const before = served.sandbox.kit.log.entries.length;

    const dry = await runCli(['ship', '--config', config, '--shop', 'shop', '--csv', csv, '--lang', 'en']);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stderr).toContain('dry run: nothing was sent');
    // The dry run reads the served sandbox's connection (an admin call, not logged) and nothing else.
    expect(served.sandbox.kit.log.entries.length).toBe(before);

    const sent = await runCli(['ship', '--config', config, '--shop', 'shop', '--csv', csv, '--yes', '--lang', 'en']);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/sent \d+ \/ already recorded \d+ \/ failed 0/);
    // Read back through the CLI: the mall now holds the shipment.
    const after = ndjsonOrders((await runCli(['orders', '--config', config, '--shop', 'shop', '--from', '25d', '--format', 'ndjson'])).stdout).find((o) => o.id === order.id);
    const tracking = after?.deliveries.flatMap((delivery) => delivery.shipments.map((shipment) => shipment.trackingNumber)) ?? [];
    // Malls that keep one tracking number per order (Shopserve) show the last one sent for every
    // destination: what is read back must be numbers from the CSV, whichever the mall kept.
    const sentNumbers = order.deliveries.map((_, i) => `49120000${1000 + i}`);
    if (tracking.length === 0) expect(after?.status.code).toBe('shipped');
    else expect(tracking.filter((number) => !sentNumbers.includes(number ?? ''))).toEqual([]);
  });
});
