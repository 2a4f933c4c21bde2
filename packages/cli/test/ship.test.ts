import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatJst, type Order } from '@mallkit/core';
import { encodeShiftJis } from '@mallkit/aupay/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedSandbox } from '../src/sandbox/serve.js';
import { ndjsonOrders, readText, runCli, sandboxConfig, serve, tempDir, writeText } from './helpers.js';

/* Shipments into the Shopserve sandbox: 注文状態更新 is its write. */

let served: ServedSandbox;
let dir: string;
let config: string;
let ready: Order[];
let cancelled: Order;
const today = formatJst(Date.now(), 'date');
const tomorrow = formatJst(Date.now() + 86_400_000, 'date');

const writes = (): number => served.sandbox.kit.log.count({ operation: 'updateOrderStatus' });

beforeAll(async () => {
  served = await serve('shopserve', 30, 5);
  dir = tempDir();
  config = sandboxConfig(dir, { serve: served });
  const all = ndjsonOrders((await runCli(['orders', '--config', config, '--shop', 'serve', '--from', '25d', '--format', 'ndjson'])).stdout);
  ready = all.filter((order) => order.status.code === 'confirmed' || order.status.code === 'ready_to_ship');
  cancelled = all.find((order) => order.status.code === 'cancelled') as Order;
  expect(ready.length).toBeGreaterThanOrEqual(3);
  expect(cancelled).toBeDefined();
});
afterAll(async () => {
  await served.close();
});

const ship = (csv: string, ...flags: string[]) => runCli(['ship', '--config', config, '--shop', 'serve', '--csv', csv, ...flags], { cwd: dir });
const HEADER = 'order_id,carrier,tracking_number,shipped_at';

describe('mallkit ship', () => {
  it('checks every row and prints what would be sent, sending nothing by default', async () => {
    const [a, b] = ready;
    const csv = writeText(dir, 'ok.csv', `${HEADER}\n${a?.id},yamato,491200001111,${today}\n${b?.id},佐川急便,3601-2345-6789,${today.replaceAll('-', '/')}\n`);
    const before = served.sandbox.kit.log.entries.length;
    const { code, stdout, stderr } = await ship(csv);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^行\s+注文番号\s+送付先\s+配送会社\s+伝票番号\s+出荷日\s+確認$/);
    expect(lines[2]).toMatch(new RegExp(`^2\\s+${a?.id}\\s+yamato\\s+491200001111\\s+${today}\\s+OK$`));
    expect(lines[3]).toMatch(new RegExp(`^3\\s+${b?.id}\\s+sagawa\\s+3601-2345-6789\\s+${today}\\s+OK$`));
    expect(stdout).toContain('送信できる行: 2 / 問題のある行: 0');
    expect(stderr).toBe('ドライラン: 何も送信していません。送信するには --yes を付けて再実行してください。\n');
    expect(served.sandbox.kit.log.entries.length).toBe(before);
  });

  it("names each row's problem — ours and the mall's own rules — and sends nothing, even with --yes", async () => {
    const [a, b, c] = ready;
    const csv = writeText(
      dir,
      'bad.csv',
      [HEADER, `${a?.id},kuroneko,491200001111,${today}`, `${b?.id},yamato,4.912E+11,${today}`, `${c?.id},yamato,,${today}`, `${a?.id},yamato,491200002222,${tomorrow}`, `${b?.id},yamato,4912 0000 3333,${today}`].join('\n'),
    );
    const before = writes();
    for (const flags of [[], ['--yes']]) {
      const { code, stdout, stderr } = await ship(csv, '--lang', 'en', ...flags);
      expect(code).toBe(3);
      const line = (n: number): string => stdout.split('\n').find((row) => row.startsWith(`${n} `)) ?? '';
      expect(line(2)).toContain('unknown carrier "kuroneko"');
      expect(line(3)).toContain('scientific notation');
      expect(line(4)).toContain('tracking_number is empty');
      expect(line(5)).toMatch(/shippedAt: .*is in the future/);
      expect(line(6)).toMatch(/trackingNumber: .*letters, digits and hyphens/);
      expect(stdout).toContain('rows ready: 0 / rows with problems: 5');
      if (flags.length > 0) expect(stderr).toContain('some rows have problems, so nothing was sent.');
    }
    expect(writes()).toBe(before);
  });

  it('sends with --yes, reports each row, and writes the rows that failed to a retry file', async () => {
    const [a, b] = ready;
    const csv = writeText(
      dir,
      'send.csv',
      [`${HEADER},memo`, `${a?.id},yamato,491200005555,${today},first`, `${cancelled.id},yamato,491200006666,${today},cancelled`, `${b?.id},nope,491200007777,${today},typo`, `999999999,yamato,491200008888,${today},unknown`].join('\n'),
    );
    const { code, stdout, stderr } = await ship(csv, '--yes', '--skip-invalid', '--lang', 'en');
    expect(code).toBe(3);
    const result = (n: number): string => stdout.split('\n').reverse().find((row) => row.startsWith(`${n} `)) ?? '';
    expect(result(2)).toMatch(/491200005555\s+sent$/);
    expect(result(3)).toMatch(/failed: order_state: /);
    expect(result(4)).toMatch(/not sent \(problem: unknown carrier "nope"/);
    expect(result(5)).toMatch(/failed: not_found: /);
    expect(stdout).toContain('sent 1 / already recorded 0 / failed 2 / not sent 1');
    const retry = join(dir, 'send.failed.csv');
    expect(stderr).toContain(`wrote the 3 row(s) not sent to ${retry}`);
    const lines = readText(retry).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe(`${HEADER},memo,error`);
    expect(lines.slice(1, 4).map((line) => line.split(',')[4])).toEqual(['cancelled', 'typo', 'unknown']);
    expect(lines[1]).toMatch(/,"?failed: order_state: /);

    // The retry file is the next run's input: its error column is ignored.
    const again = await ship(retry, '--lang', 'en');
    expect(again.stderr).not.toContain('ignoring unknown columns: error');
    expect(again.stdout).toContain('rows with problems: 1');

    // The shop fixes the typo and sends the retry file: it is rewritten with what still fails.
    writeText(dir, 'send.failed.csv', readText(retry).replace(',nope,', ',yamato,'));
    const resent = await ship(retry, '--yes', '--lang', 'en');
    expect(resent.code).toBe(3);
    expect(resent.stdout).toContain('sent 1 / already recorded 0 / failed 2');
    expect(existsSync(join(dir, 'send.failed.failed.csv'))).toBe(false);
    const left = readText(retry).replace('\uFEFF', '').split('\r\n').filter((line) => line !== '');
    expect(left.map((line) => line.split(',')[4])).toEqual(['memo', 'cancelled', 'unknown']);
  });

  it('is idempotent: the same shipment sent again is "already recorded"', async () => {
    const c = ready[2] as Order;
    const csv = writeText(dir, 'twice.csv', `${HEADER}\n${c.id},yamato,491200009999,${today}\n`);
    expect((await ship(csv, '--yes')).code).toBe(0);
    const second = await ship(csv, '--yes', '--lang', 'en');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('sent 0 / already recorded 1 / failed 0');
    expect(existsSync(join(dir, 'twice.failed.csv'))).toBe(false);
  });

  it('reads a Shift_JIS CSV saved by Excel, with Japanese headers and company names', async () => {
    const a = ready[0] as Order;
    const text = `注文番号,配送会社,お問い合わせ番号,出荷日\r\n${a.id},ヤマト運輸,491200004444,${today.replaceAll('-', '/')}\r\n`;
    const csv = writeText(dir, 'sjis.csv', encodeShiftJis(text));
    const { code, stdout, stderr } = await ship(csv);
    expect(code).toBe(0);
    expect(stderr).toContain('CSV を Shift_JIS として読みました。');
    expect(stdout).toMatch(new RegExp(`${a.id}\\s+yamato\\s+491200004444\\s+${today}\\s+OK`));
  });

  it('refuses a CSV without the required columns, naming them', async () => {
    const csv = writeText(dir, 'cols.csv', 'order,tracking\n1,2\n');
    const { code, stderr } = await ship(csv, '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr).toContain('the CSV lacks required columns: order_id, carrier, tracking_number, shipped_at (found: order, tracking)');
  });
});

describe('mallkit ship stopped by a connector-wide error', () => {
  it('exits 1 with the hint, and every row not sent (error.batch.notSent) goes to the retry file', async () => {
    const fresh = await serve('shopserve', 30, 5);
    const freshDir = tempDir();
    // Credentials from the environment, as a real shop has them: they stay the old ones after the re-issue.
    const { shopserveId, managerKey, baseUrl } = fresh.connection.options as { shopserveId: string; managerKey: string; baseUrl: string };
    const freshConfig = writeText(freshDir, 'mallkit.toml', `[shops.serve]\nmall = "shopserve"\noptions = { baseUrl = "${baseUrl}", rateLimit = { limit = 100, intervalMs = 1000 } }\n`);
    const env = { SHOPSERVE_ID: shopserveId, SHOPSERVE_MANAGER_KEY: managerKey };
    const listed = ndjsonOrders((await runCli(['orders', '--config', freshConfig, '--shop', 'serve', '--from', '25d', '--format', 'ndjson'], { env })).stdout);
    const targets = listed.filter((order) => order.status.code === 'confirmed' || order.status.code === 'ready_to_ship').slice(0, 3);
    const csv = writeText(freshDir, 'stop.csv', `${HEADER}\n${targets.map((order, i) => `${order.id},yamato,49120000100${i},${today}`).join('\n')}\n`);
    // The shop re-issues its manager key in the admin screen: the old one is refused from now on.
    await fetch(`${fresh.server.url}/__mallkit/expire-credential`, { method: 'POST' });
    try {
      const { code, stdout, stderr } = await runCli(['ship', '--config', freshConfig, '--shop', 'serve', '--csv', csv, '--yes', '--lang', 'en'], { cwd: freshDir, env });
      expect(code).toBe(1);
      expect(stdout).toContain(`not sent ${targets.length}`);
      expect(stderr).toMatch(/^error: shopserve credential_\w+ \(managerKey\): /m);
      expect(stderr).toMatch(/^what to do: /m);
      const retry = readText(join(freshDir, 'stop.failed.csv')).split('\r\n').filter((line) => line !== '');
      expect(retry).toHaveLength(1 + targets.length);
      for (const line of retry.slice(1)) expect(line).toMatch(/,not sent \(the run was stopped\)$/);
    } finally {
      await fresh.close();
    }
  });
});
