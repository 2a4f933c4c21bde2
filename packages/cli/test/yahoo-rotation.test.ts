import type { YahooSandbox } from '@mallkit/yahoo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedSandbox } from '../src/sandbox/serve.js';
import { readText, runCli, serve, tempDir, writeText } from './helpers.js';

/* Yahoo replaces the refresh token now and then: the CLI must keep the new one, and never print it. */

let served: ServedSandbox;
let dir: string;
let options: { sellerId: string; clientId: string; clientSecret: string; refreshToken: string; baseUrl: string; tokenUrl: string };

beforeAll(async () => {
  served = await serve('yahoo', 3);
  dir = tempDir();
  options = served.connection.options as typeof options;
});
afterAll(async () => {
  await served.close();
});

const config = (refreshToken: string): string =>
  writeText(
    dir,
    'mallkit.toml',
    `[shops.y]\nmall = "yahoo"\nsellerId = "${options.sellerId}"\nclientId = "${options.clientId}"\nclientSecret = { env = "YS" }\nrefreshToken = ${refreshToken}\n` +
      `options = { baseUrl = "${options.baseUrl}", tokenUrl = "${options.tokenUrl}", rateLimit = { limit = 100, intervalMs = 1000 } }\n`,
  );

describe('a rotated refresh token', () => {
  it('is written back to the file it came from, and the next run uses it', async () => {
    const file = writeText(dir, 'refresh-token', `${options.refreshToken}\n`);
    (served.sandbox as YahooSandbox).rotateRefreshTokenOnNextRefresh();
    const path = config('{ file = "refresh-token" }');
    const first = await runCli(['orders', '--config', path, '--shop', 'y', '--from', '25d', '--format', 'ndjson', '--lang', 'en'], { env: { YS: options.clientSecret } });
    expect(first.code, first.stderr).toBe(0);
    const rotated = readText(file).trim();
    expect(rotated).not.toBe(options.refreshToken);
    expect(first.stderr).toContain(`shop "y": the mall issued a new refreshToken; it was written back to ${file}.`);
    expect(first.stdout + first.stderr).not.toContain(rotated);
    expect((await runCli(['creds', '--config', path], { env: { YS: options.clientSecret } })).code).toBe(0);
  });

  it('read from the environment, cannot be kept: the CLI says so, without the value', async () => {
    const rotation = await serve('yahoo', 1);
    const o = rotation.connection.options as typeof options;
    (rotation.sandbox as YahooSandbox).rotateRefreshTokenOnNextRefresh();
    const path = writeText(
      dir,
      'env.toml',
      `[shops.y]\nmall = "yahoo"\nsellerId = "${o.sellerId}"\nclientId = "${o.clientId}"\noptions = { baseUrl = "${o.baseUrl}", tokenUrl = "${o.tokenUrl}", rateLimit = { limit = 100, intervalMs = 1000 } }\n`,
    );
    try {
      const run = await runCli(['orders', '--config', path, '--shop', 'y', '--from', '25d', '--format', 'ndjson', '--lang', 'en'], {
        env: { YAHOO_CLIENT_SECRET: o.clientSecret, YAHOO_REFRESH_TOKEN: o.refreshToken },
      });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('the mall issued a new refreshToken, which cannot be saved because it was read from the environment');
    } finally {
      await rotation.close();
    }
  });
});
