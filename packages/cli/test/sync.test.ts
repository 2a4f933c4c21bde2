import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeField, Order } from '@mallkit/core';
import type { Qoo10Sandbox } from '@mallkit/qoo10/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedSandbox } from '../src/sandbox/serve.js';
import { readText, runCli, sandboxConfig, serve, tempDir, writeText } from './helpers.js';

/*
 * `mallkit orders --since-cursor FILE`, the way cron runs it every few minutes: the first run
 * delivers everything since --from, later runs only what changed, and the cursor file moves only
 * when a run succeeded.
 */

type Event = { type: 'new' | 'changed' | 'cancelled'; key: string; changedFields: ChangeField[] | null; order: Order } | { type: 'removed'; orderId: string; key: string };

let served: ServedSandbox;
let dir: string;
let config: string;
let cursor: string;

beforeAll(async () => {
  served = await serve('qoo10', 12, 4);
  dir = tempDir();
  config = sandboxConfig(dir, { q: served });
  cursor = join(dir, 'q.cursor');
});
afterAll(async () => {
  await served.close();
});

const sync = (...flags: string[]) => runCli(['orders', '--config', config, '--shop', 'q', '--since-cursor', cursor, '--format', 'ndjson', '--lang', 'en', ...flags]);
const events = (stdout: string): Event[] => stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Event);

describe('mallkit orders --since-cursor', () => {
  it('delivers every order on the first run, nothing on the next, then only the order that changed', async () => {
    const first = await sync('--from', '25d');
    expect(first.code, first.stderr).toBe(0);
    const delivered = events(first.stdout);
    expect(delivered.map((event) => event.type)).toEqual(delivered.map(() => 'new'));
    expect(delivered).toHaveLength(served.seeded.length);
    expect(first.stderr).toContain(`changes: new ${served.seeded.length} / changed 0`);
    expect(first.stderr).toContain(`saved the next cursor to ${cursor}.`);
    const stored = readText(cursor);

    const second = await sync('--from', '25d');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain('a cursor exists, so --from is not used');
    expect(second.stderr).toMatch(/changes: new 0 \/ changed 0 \/ cancelled 0 \/ removed 0 \/ unreadable 0 \/ unchanged \d+/);

    // The buyer asks to cancel a line of a recent order (within the look-back a mall without update times re-reads).
    const recent = delivered.flatMap((event) => ('order' in event ? [event.order] : [])).filter((order) => Date.parse(order.orderedAt) > Date.now() - 7 * 86_400_000 && order.status.code !== 'cancelled' && order.status.code !== 'cancel_requested');
    const target = recent[0] as Order;
    (served.sandbox as Qoo10Sandbox).cancelLine(target.deliveries[0]?.items[0]?.lineId as string);
    const third = await sync();
    expect(third.code).toBe(0);
    const [changed, ...rest] = events(third.stdout);
    expect(rest).toEqual([]);
    expect(changed).toMatchObject({ type: 'changed', order: { id: target.id, status: { code: 'cancel_requested' } } });
    expect(changed && 'changedFields' in changed ? changed.changedFields : []).toContain('status');
    expect(readText(cursor)).not.toBe(stored);
  });

  it("refuses another shop's cursor, and flags a window sync would not honour", async () => {
    const other = await serve('qoo10', 1);
    const otherConfig = writeText(dir, 'other.toml', `[shops.other]\nmall = "qoo10"\nsandbox = "${other.server.url}"\n`);
    try {
      const refused = await runCli(['orders', '--config', otherConfig, '--shop', 'other', '--since-cursor', cursor, '--lang', 'en']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^error: .*cursor/m);
      const conflict = await sync('--status', 'shipped');
      expect(conflict.code).toBe(2);
      expect(conflict.stderr).toContain('--status cannot be used with --since-cursor');
    } finally {
      await other.close();
    }
  });

  it('writes orders without the events in CSV, for a spreadsheet of what is new', async () => {
    const fresh = join(dir, 'csv.cursor');
    const { code, stdout } = await runCli(['orders', '--config', config, '--shop', 'q', '--since-cursor', fresh, '--from', '25d', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toMatch(/^mall,shop,order_id,/);
    expect(existsSync(fresh)).toBe(true);
  });
  it('leaves the cursor as it was when the run fails, so the next run delivers those changes again', async () => {
    const before = readText(cursor);
    // The last test on this sandbox: its key stays expired.
    await fetch(`${served.server.url}/__mallkit/expire-credential`, { method: 'POST' });
    const failed = await sync();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: qoo10 credential_\w+ \(certificationKey\)/m);
    expect(readText(cursor)).toBe(before);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
