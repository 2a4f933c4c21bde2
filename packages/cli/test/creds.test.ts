import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedSandbox } from '../src/sandbox/serve.js';
import { runCli, serve, tempDir, writeText } from './helpers.js';

/*
 * Two shops: Qoo10 through a served sandbox's connection, Shopserve the way a real shop runs it —
 * credentials from environment variables, the API root from the config file's options.
 */

let qoo10: ServedSandbox;
let shopserve: ServedSandbox;
let dir: string;
let config: string;
let env: Record<string, string>;

beforeAll(async () => {
  [qoo10, shopserve] = await Promise.all([serve('qoo10', 5), serve('shopserve', 5)]);
  dir = tempDir();
  const options = shopserve.connection.options as { shopserveId: string; managerKey: string; baseUrl: string; rateLimit: { limit: number; intervalMs: number } };
  env = { SHOPSERVE_ID: options.shopserveId, SHOPSERVE_MANAGER_KEY: options.managerKey };
  config = writeText(
    dir,
    'mallkit.toml',
    `# two shops
[shops.qoo10-main]
mall = "qoo10"
sandbox = "${qoo10.server.url}"

[shops.serve]
mall = "shopserve"
managerKeyIssuedOn = "2026-09-01"

[shops.serve.options]
baseUrl = "${options.baseUrl}"
rateLimit = { limit = ${options.rateLimit.limit}, intervalMs = ${options.rateLimit.intervalMs} }
`,
  );
});
afterAll(async () => {
  await Promise.all([qoo10.close(), shopserve.close()]);
});

const rowOf = (stdout: string, shop: string): string => stdout.split('\n').find((line) => line.startsWith(`${shop} `)) ?? '';

describe('mallkit creds', () => {
  it('lists every credential of every shop in Japanese and exits 0 when all are valid', async () => {
    const { code, stdout, stderr } = await runCli(['creds', '--config', config], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ショップ\s+モール\s+認証情報\s+状態\s+期限\s+残り\s+対処$/);
    expect(rowOf(stdout, 'qoo10-main')).toMatch(/qoo10\s+販売者認証キー\s+有効\s+\d{4}-\d{2}-\d{2}\s+\d+日/);
    expect(rowOf(stdout, 'serve')).toMatch(/shopserve\s+マネージャー認証キー\s+有効/);
    expect(stdout).toContain('すべて有効です (2店舗、2件)。');
  });

  it('puts an expired credential first, says what to do, and exits 3 (for cron)', async () => {
    await fetch(`${qoo10.server.url}/__mallkit/expire-credential`, { method: 'POST' });
    try {
      const { code, stdout } = await runCli(['creds', '--config', config, '--lang', 'en'], { env });
      expect(code).toBe(3);
      const [, , first] = stdout.split('\n');
      expect(first).toMatch(/^qoo10-main\s+qoo10\s+\S.*\s(EXPIRED|INVALID)\s/);
      expect(first).not.toMatch(/\s+$/);
      expect(stdout).toMatch(/needs action: 1 \(of 2 credentials of 2 shops\)\./);

      const json = await runCli(['creds', '--config', config, '--json'], { env });
      expect(json.code).toBe(3);
      const report = JSON.parse(json.stdout) as { ok: boolean; needsAction: number; credentials: Array<{ shop: string; state: string; renew: { ja: string; en: string } | null }> };
      expect(report.ok).toBe(false);
      expect(report.needsAction).toBe(1);
      expect(report.credentials[0]).toMatchObject({ shop: 'qoo10-main' });
      expect(['expired', 'invalid']).toContain(report.credentials[0]?.state);
      expect(report.credentials[0]?.renew?.ja).toBeTruthy();
    } finally {
      qoo10.sandbox.reset();
    }
  });

  it('reports a shop whose secret is not set as a row naming the variable, and still checks the others', async () => {
    // A fresh Qoo10 sandbox: the one above has its key expired for good.
    const fresh = await serve('qoo10', 1);
    const other = writeText(dir, 'missing.toml', `[shops.a]\nmall = "qoo10"\nsandbox = "${fresh.server.url}"\n\n[shops.b]\nmall = "shopserve"\n`);
    try {
      const { code, stdout } = await runCli(['creds', '--config', other, '--lang', 'en'], { env: { SHOPSERVE_ID: 'x.ss' } });
      expect(code).toBe(3);
      expect(rowOf(stdout, 'b')).toMatch(/shopserve\s+\(shop not checked\)\s+NOT CHECKED\s+-\s+-\s+shop "b", managerKey: the environment variable SHOPSERVE_MANAGER_KEY is not set\./);
      expect(rowOf(stdout, 'a')).toMatch(/valid/);
    } finally {
      await fresh.close();
    }
  });

  it('reads secrets from a file and from prefixed variables', async () => {
    const key = writeText(dir, 'manager-key', `${env.SHOPSERVE_MANAGER_KEY}\n`);
    const options = shopserve.connection.options as { baseUrl: string };
    const both = writeText(
      dir,
      'sources.toml',
      `[shops.file]\nmall = "shopserve"\nshopserveId = "${env.SHOPSERVE_ID}"\nmanagerKey = { file = "manager-key" }\noptions = { baseUrl = "${options.baseUrl}" }\n\n` +
        `[shops.prefixed]\nmall = "shopserve"\nenvPrefix = "SHOP2_"\noptions = { baseUrl = "${options.baseUrl}" }\n`,
    );
    const { code, stdout } = await runCli(['creds', '--config', both], { env: { SHOP2_SHOPSERVE_ID: env.SHOPSERVE_ID as string, SHOP2_SHOPSERVE_MANAGER_KEY: env.SHOPSERVE_MANAGER_KEY as string } });
    expect(code).toBe(0);
    expect(rowOf(stdout, 'file')).toMatch(/有効/);
    expect(rowOf(stdout, 'prefixed')).toMatch(/有効/);
    expect(key).toMatch(/manager-key$/);
  });

  it('checks only the shops named with --shop, and refuses a shop the file does not have', async () => {
    const only = await runCli(['creds', '--config', config, '--shop', 'serve'], { env });
    expect(only.code).toBe(0);
    expect(only.stdout).not.toContain('qoo10-main');
    const unknown = await runCli(['creds', '--config', config, '--shop', 'nope', '--lang', 'en'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('error: there is no shop "nope" in the config file (there are: qoo10-main, serve).\n');
  });
});

describe('the config file', () => {
  const check = async (name: string, text: string, lang = 'en') => runCli(['creds', '--config', writeText(dir, name, text), '--lang', lang]);

  it('refuses a secret written in it, without echoing the value', async () => {
    const { code, stdout, stderr } = await check('literal.toml', '[shops.main]\nmall = "rakuten"\nserviceSecret = { env = "S" }\nlicenseKey = "SL-very-secret-1234"\n');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('shops.main.licenseKey: a secret cannot be written in the config file: give { env = "RAKUTEN_LICENSE_KEY" }');
    expect(stderr).not.toContain('SL-very-secret-1234');
  });

  it('names an option that is not a credential of the mall', async () => {
    const { code, stderr } = await check('unknown.toml', '[shops.main]\nmall = "rakuten"\nlicenceKey = { env = "X" }\n', 'ja');
    expect(code).toBe(2);
    expect(stderr).toContain('shops.main.licenceKey: rakuten の認証情報ではありません。使えるのは: serviceSecret, licenseKey。');
  });

  it('names the line of a TOML syntax error without printing the text, and an unknown mall', async () => {
    const broken = await check('broken.toml', '[shops.main]\nmall = "rakuten\nlicenseKey = "secret-on-a-broken-line"\n');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/cannot read the config file .*broken\.toml: line \d+, column \d+/);
    expect(broken.stderr).not.toContain('secret-on-a-broken-line');
    const mall = await check('mall.toml', '[shops.main]\nmall = "rakuen"\n');
    expect(mall.stderr).toMatch(/shops\.main\.mall: /);
  });

  it('accepts JSON too, and says when the file is missing', async () => {
    const json = await check('shops.json', JSON.stringify({ shops: { main: { mall: 'qoo10', sandbox: qoo10.server.url } } }));
    expect(json.stdout).toContain('main');
    const missing = await runCli(['creds', '--config', `${dir}/nope.toml`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.toml がありません');
  });
});
