import { formatJst, type Order } from '@mallkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedSandbox } from '../src/sandbox/serve.js';
import { runChild } from './child.js';
import { expectNoSecret, ndjsonOrders, runCli, serve, tempDir, writeText } from './helpers.js';

/*
 * Every in-process run of the CLI in these tests is checked for secrets (helpers.runCli): every
 * command, success and failure, --debug included. This file checks the real thing on top: the CLI
 * as cron runs it — a separate process, secrets in its environment, its own stdout and stderr — on
 * the paths that print the most: a report over three shops with a refused credential and token
 * refreshes, and a failed sync with --debug (stack traces, inspected errors); then a write in-process.
 */

let good: ServedSandbox;
let expired: ServedSandbox;
let yahoo: ServedSandbox;
let dir: string;
let config: string;
let env: Record<string, string>;

const FAST = 'rateLimit = { limit = 100, intervalMs = 1000 }';

beforeAll(async () => {
  [good, expired, yahoo] = await Promise.all([serve('rakuten', 24, 21), serve('rakuten', 2, 22), serve('yahoo', 4, 21)]);
  dir = tempDir();
  const r = good.connection.options as { serviceSecret: string; licenseKey: string; baseUrl: string };
  const x = expired.connection.options as { serviceSecret: string; licenseKey: string; baseUrl: string };
  const y = yahoo.connection.options as { sellerId: string; clientId: string; clientSecret: string; refreshToken: string; publicKey: string; publicKeyVersion: string; baseUrl: string; tokenUrl: string };
  env = {
    RAKUTEN_SERVICE_SECRET: r.serviceSecret,
    RAKUTEN_LICENSE_KEY: r.licenseKey,
    OLD_RAKUTEN_SERVICE_SECRET: x.serviceSecret,
    OLD_RAKUTEN_LICENSE_KEY: x.licenseKey,
    YAHOO_SELLER_ID: y.sellerId,
    YAHOO_CLIENT_ID: y.clientId,
    YAHOO_CLIENT_SECRET: y.clientSecret,
    YAHOO_REFRESH_TOKEN: y.refreshToken,
    YAHOO_PUBLIC_KEY: y.publicKey,
    YAHOO_PUBLIC_KEY_VERSION: String(y.publicKeyVersion),
  };
  config = writeText(
    dir,
    'mallkit.toml',
    `[shops.r]\nmall = "rakuten"\noptions = { baseUrl = "${r.baseUrl}", ${FAST} }\n\n` +
      `[shops.old]\nmall = "rakuten"\nenvPrefix = "OLD_"\noptions = { baseUrl = "${x.baseUrl}", ${FAST} }\n\n` +
      `[shops.y]\nmall = "yahoo"\noptions = { baseUrl = "${y.baseUrl}", tokenUrl = "${y.tokenUrl}", ${FAST} }\n`,
  );
  await fetch(`${expired.server.url}/__mallkit/expire-credential`, { method: 'POST' });
});
afterAll(async () => {
  await Promise.all([good.close(), expired.close(), yahoo.close()]);
});

describe('no secret is ever printed by the CLI process', () => {
  it('in a report with a refused credential and in a failed sync with --debug', async () => {
    const cli = (...argv: string[]) => runChild([...argv, '--config', config, '--debug'], env);
    const [creds, failed] = await Promise.all([cli('creds'), cli('orders', '--shop', 'old', '--from', '25d')]);
    expect([creds.code, failed.code]).toEqual([3, 1]);
    // Each printed what it had to: the refused key beside the valid ones, the inspected error with its stack.
    expect(creds.stdout).toMatch(/^old\s+rakuten\s+ライセンスキー \(licenseKey\)\s+無効/m);
    expect(creds.stdout).toMatch(/^y\s+yahoo\s+/m);
    expect(failed.stderr).toMatch(/credential_invalid \(licenseKey\)/);
    expect(failed.stderr).toMatch(/^\s+at /m);
    for (const [name, run] of Object.entries({ creds, failed })) {
      expectNoSecret(run.stdout, `${name} stdout`);
      expectNoSecret(run.stderr, `${name} stderr`);
    }
  }, 60_000);

  it('nor by a write with --debug (in-process: runCli checks every run)', async () => {
    const listed = await runCli(['orders', '--config', config, '--shop', 'r', '--from', '25d', '--format', 'ndjson', '--raw', '--debug'], { env });
    // Seeded orders move through their statuses with the real clock: 24 of them always leave one ready to ship.
    const ready = ndjsonOrders(listed.stdout).find((order: Order) => order.status.code === 'ready_to_ship');
    if (ready === undefined) throw new Error(`no order ready to ship among the listed ones (exit ${listed.code}): ${listed.stderr.slice(0, 300)}`);
    const today = formatJst(Date.now(), 'date');
    const rows = ready.deliveries.map((delivery, i) => `${ready.id},${delivery.deliveryId},yamato,49120000123${i},${today}`);
    const csv = writeText(dir, 'ship.csv', `order_id,delivery_id,carrier,tracking_number,shipped_at\n${rows.join('\n')}\n`);
    const shipped = await runCli(['ship', '--config', config, '--shop', 'r', '--csv', csv, '--yes', '--debug'], { env });
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toContain('成功');
  });
});
