/**
 * The CLI part of the repository's demo (`bash scripts/run demo`): every mall's sandbox served over
 * HTTP on 127.0.0.1 — as `mallkit sandbox` serves it to an OMS in any language —, a config file
 * naming them, and the `mallkit` commands run against it the way a shop's cron job or its staff
 * would: `creds` across all seven shops (with the exit code cron sees), `orders` as CSV, and a
 * `ship` dry run whose second row the mall's own rules refuse.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatJst, MALL_IDS } from '@mallkit/core';
import { processIo, run, serveMallSandbox } from 'mallkit';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const io = processIo(new AbortController().signal);
const dir = mkdtempSync(join(tmpdir(), 'mallkit-demo-'));

// 25 times the malls' real rates, so that the demo takes seconds.
const served = await Promise.all(MALL_IDS.map((mall) => serveMallSandbox({ mall, orders: 24, seed: 7, rateScale: 25 })));
try {
  // Something for the report to flag: Rakuten's license key has expired, Yahoo's session is inside a 30-day warning.
  const rakuten = served.find((s) => s.sandbox.mall === 'rakuten');
  if (rakuten) await fetch(`${rakuten.server.url}/__mallkit/expire-credential`, { method: 'POST' });
  const config = join(dir, 'mallkit.toml');
  writeFileSync(
    config,
    served
      .map((s) => `[shops.demo-${s.sandbox.mall}]\nmall = "${s.sandbox.mall}"\nsandbox = "${s.server.url}"\n${s.sandbox.mall === 'yahoo' ? 'options = { expiryWarningDays = 30 }\n' : ''}`)
      .join('\n'),
  );

  print('\n━━ mallkit CLI, against the seven sandboxes served over HTTP ━━');
  for (const s of served) print(`  ${s.sandbox.mall.padEnd(10)} ${s.connection.baseUrl}`);

  print(`\n$ mallkit creds --config ${config}`);
  const code = await run(['creds', '--config', config], io);
  print(`(exit code ${code}: 0 = all valid, 3 = something needs a person — what cron alerts on)`);

  print('\n$ mallkit orders --shop demo-qoo10 --from 3d --format csv --lang en');
  await run(['orders', '--config', config, '--shop', 'demo-qoo10', '--from', '3d', '--format', 'csv', '--lang', 'en'], io);

  const shopserve = served.find((s) => s.sandbox.mall === 'shopserve');
  const ready = shopserve?.seeded.find((order) => order.status === 'confirmed' || order.status === 'ready_to_ship');
  if (ready) {
    const today = formatJst(Date.now(), 'date');
    const tomorrow = formatJst(Date.now() + 86_400_000, 'date');
    const csv = join(dir, 'shipments.csv');
    writeFileSync(csv, `注文番号,配送会社,伝票番号,出荷日\n${ready.id},ヤマト運輸,491200001234,${today}\n${ready.id},yamato,491200005678,${tomorrow}\n`);
    print(`\n$ mallkit ship --shop demo-shopserve --csv ${csv}`);
    await run(['ship', '--config', config, '--shop', 'demo-shopserve', '--csv', csv], io);
  }
  print('\nAn OMS in PHP, Java or Python: `npx mallkit sandbox --mall rakuten --port 8787`, then point its base URL there (see packages/cli/README.md).');
} finally {
  await Promise.all(served.map((s) => s.close()));
}
