import type { ShopserveSandbox } from '@mallkit/shopserve/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_CSV_COLUMNS } from '../src/orders/write-csv.js';
import type { ServedSandbox } from '../src/sandbox/serve.js';
import { ndjsonOrders, runCli, sandboxConfig, serve, tempDir } from './helpers.js';

let served: ServedSandbox;
let config: string;

beforeAll(async () => {
  served = await serve('shopserve', 24, 11);
  config = sandboxConfig(tempDir(), { main: served });
});
afterAll(async () => {
  await served.close();
});

const orders = (...flags: string[]) => runCli(['orders', '--config', config, '--shop', 'main', '--from', '25d', ...flags]);

describe('mallkit orders', () => {
  it('streams every order as NDJSON, without the mall record unless --raw, and says so on standard error', async () => {
    const { code, stdout, stderr } = await orders('--format', 'ndjson', '--lang', 'en');
    expect(code).toBe(0);
    const listed = ndjsonOrders(stdout);
    expect(listed.map((order) => order.id).sort()).toEqual(served.seeded.map((seed) => seed.id).sort());
    expect(listed[0]).not.toHaveProperty('raw');
    expect(stderr).toMatch(/^done: 24 orders \(\d+ requests, \d+ s\)$/m);
    const raw = ndjsonOrders((await orders('--format', 'ndjson', '--raw')).stdout);
    expect(raw[0]?.raw).toHaveProperty('basic');
  });

  it('writes CSV with one row per order line, a stable header and CRLF; --bom for Excel', async () => {
    const { code, stdout } = await orders('--format', 'csv', '--bom');
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFmall,shop,order_id,status,')).toBe(true);
    const lines = stdout.slice(1).split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe(ORDER_CSV_COLUMNS.join(','));
    const lineCount = served.seeded.reduce((n, seed) => n + seed.deliveries.reduce((k, d) => k + d.items.length, 0), 0);
    expect(lines).toHaveLength(1 + lineCount);
    expect(lines[1]).toMatch(/^shopserve,main,\d+,/);
  });

  it('prints a table by default, one line per order, with the statuses in Japanese', async () => {
    const { code, stdout } = await orders('--status', 'pending_confirmation');
    expect(code).toBe(0);
    const [header, rule, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^注文番号\s+注文日時\s+状態\s+注文者\s+請求額\s+決済方法\s+点数\s+注意$/);
    expect(rule).toMatch(/^-+ {2}-+/);
    const pending = served.seeded.filter((seed) => seed.status === 'pending_confirmation');
    expect(rows).toHaveLength(pending.length);
    for (const row of rows) expect(row).toContain('注文確認待ち');
  });

  it('sums up the values no mapping table knew at the end, once per kind', async () => {
    const sandbox = served.sandbox as ShopserveSandbox;
    // The shop offers a payment method no built-in table knows.
    for (const record of sandbox.orders.values().slice(0, 2)) sandbox.putOrder({ ...record.order, basic: { ...record.order.basic, payment_method: 'ミライ後払い' } });
    const { code, stderr } = await orders('--format', 'ndjson', '--lang', 'en');
    expect(code).toBe(0);
    const lines = stderr.split('\n');
    const title = lines.findIndex((line) => line.startsWith('values not mapped and other warnings'));
    expect(title).toBeGreaterThan(-1);
    // Unmapped values first: they are what the shop's 変換設定 must fix.
    expect(lines[title + 1]).toMatch(/^ {2}unmapped_value payment\.method "ミライ後払い": 2 \(/);
    expect(stderr).toContain("Map unmapped values with the connector's mappers option");
  });

  it('names an order that cannot be read, delivers the others, and exits 3', async () => {
    const victim = served.seeded[3]?.id as string;
    served.sandbox.adversary.corruptOrder(victim);
    try {
      const { code, stdout, stderr } = await orders('--format', 'ndjson', '--lang', 'en');
      expect(code).toBe(3);
      expect(ndjsonOrders(stdout).map((order) => order.id)).not.toContain(victim);
      expect(ndjsonOrders(stdout)).toHaveLength(served.seeded.length - 1);
      expect(stderr).toContain(`unreadable order ${victim}: `);
      expect(stderr).toContain('1 order(s) could not be read (see above)');
    } finally {
      served.sandbox.reset();
    }
  });

  it('shows a progress line during a slow sync: a line now and then in a log, one line redrawn on a terminal', async () => {
    const slow = (): Promise<Response> => fetch(`${served.server.url}/__mallkit/faults`, { method: 'POST', body: JSON.stringify({ kind: 'delay', ms: 400, times: 2 }) });
    await slow();
    const log = await runCli(['orders', '--config', config, '--shop', 'main', '--from', '25d', '--format', 'ndjson'], { progressIntervalMs: 100 });
    expect(log.code).toBe(0);
    expect(log.stderr).toMatch(/^取得中: \d+件 \/ リクエスト \d+回 \/ \d+秒/m);
    await slow();
    const tty = await runCli(['orders', '--config', config, '--shop', 'main', '--from', '25d', '--format', 'ndjson'], { stderrIsTty: true });
    expect(tty.stderr).toMatch(/^\r\x1b\[2K取得中: /);
    // Cleared before the final line, which stays.
    expect(tty.stderr).toMatch(/\r\x1b\[2K完了: 24件 \(リクエスト \d+回、\d+秒\)\n/);
  });

  it('reports a mall error with its hint in Japanese and no stack trace; --debug adds the details', async () => {
    const expired = await serve('qoo10', 2);
    const other = sandboxConfig(tempDir(), { main: expired });
    await fetch(`${expired.server.url}/__mallkit/expire-credential`, { method: 'POST' });
    try {
      const plain = await runCli(['orders', '--config', other, '--shop', 'main', '--from', '7d']);
      expect(plain.code).toBe(1);
      expect(plain.stdout).toBe('');
      expect(plain.stderr).toMatch(/^エラー: qoo10 credential_\w+ \(certificationKey\): /m);
      expect(plain.stderr).toMatch(/^対処: 販売者認証キー/m);
      expect(plain.stderr).not.toMatch(/^\s+at /m);
      const debug = await runCli(['orders', '--config', other, '--shop', 'main', '--from', '7d', '--debug', '--lang', 'en']);
      expect(debug.stderr).toMatch(/^what to do: .*Seller Authorization Key/m);
      expect(debug.stderr).toMatch(/^\s+at /m);
    } finally {
      await expired.close();
    }
  });
});

describe('mallkit orders refuses before sending anything', () => {
  it('a date it cannot read, an unknown status, a missing --shop or --from, an unknown flag', async () => {
    const before = served.sandbox.kit.log.entries.length;
    const badDate = await runCli(['orders', '--config', config, '--shop', 'main', '--from', '2026-02-30', '--lang', 'en']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--from cannot be "2026-02-30": use YYYY-MM-DD/);
    expect((await orders('--status', 'paid')).stderr).toContain('--status の値「paid」は使えません');
    expect((await runCli(['orders', '--config', config, '--from', '1d'])).stderr).toContain('--shop を指定してください。');
    expect((await runCli(['orders', '--config', config, '--shop', 'main'])).stderr).toContain('--from を指定してください。');
    const flag = await orders('--shpo', 'x');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--shpo'");
    expect(served.sandbox.kit.log.entries.length).toBe(before);
  });
});
