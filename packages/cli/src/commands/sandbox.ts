import { MALL_IDS } from '@mallkit/core';
import { badValue, intFlag, missingFlag, parseFlags } from '../args.js';
import { CliError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { inBoth, pick } from '../lang.js';
import { findMall } from '../registry.js';
import { ADMIN_PREFIX } from '../sandbox/connection.js';
import { SANDBOX_MESSAGES } from '../sandbox/messages.js';
import { serveSandbox } from '../sandbox/serve.js';
import { padCells } from '../text/width.js';

/** The flags of `mallkit sandbox`. */
export const SANDBOX_FLAGS = {
  mall: { type: 'string' },
  port: { type: 'string' },
  orders: { type: 'string' },
  seed: { type: 'string' },
  days: { type: 'string' },
  'rate-scale': { type: 'string' },
} as const;

function rateScale(value: string | undefined): number {
  if (value === undefined) return 1;
  const scale = Number(value);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1000)) throw badValue('--rate-scale', value, () => '0 < N ≤ 1000');
  return scale;
}

/**
 * `mallkit sandbox --mall M --port N [--orders N --seed S --days D --rate-scale X]`: serves the
 * mall's sandbox on 127.0.0.1 until Ctrl+C (or the io's signal), printing where everything is.
 */
export async function sandboxCommand(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseFlags(argv, SANDBOX_FLAGS);
  const m = SANDBOX_MESSAGES[ctx.lang];
  if (values.mall === undefined) throw missingFlag('--mall');
  const entry = findMall(values.mall);
  if (entry === undefined) throw badValue('--mall', values.mall, (common) => common.badMall(MALL_IDS.join(', ')));
  const port = intFlag('--port', values.port, 0, 65_535);
  const orders = intFlag('--orders', values.orders, 50, 10_000);
  const seed = intFlag('--seed', values.seed, 1);
  const days = Math.max(1, intFlag('--days', values.days, 30, 3650));
  let served;
  try {
    served = await serveSandbox({ entry, port, orders, seed, days, rateScale: rateScale(values['rate-scale']) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(inBoth(SANDBOX_MESSAGES, (m) => m.portInUse(port)), EXIT.FAILED);
    throw error;
  }
  const { connection } = served;
  const row = (label: string, value: string): string => `  ${padCells(label, 26)} ${value}\n`;
  ctx.out(`${m.started(pick(entry.name, ctx.lang), entry.mall, served.server.url)}\n`);
  ctx.out(row(m.baseUrl, connection.baseUrl));
  for (const [origin, local] of Object.entries(connection.hosts)) if (local !== served.server.url) ctx.out(row(m.otherHost, `${local}  (${origin})`));
  ctx.out(row(m.connection, `GET ${connection.admin}/connection`));
  ctx.out(row(m.admin, `${served.server.url}${ADMIN_PREFIX}`));
  ctx.out(row(m.ordersLabel, m.orders(served.seeded.length, seed, days)));
  ctx.out(row(m.rateLabel, m.rate(rateScale(values['rate-scale']))));
  ctx.out(`${m.stop}\n`);

  await new Promise<void>((resolve) => {
    if (ctx.io.signal.aborted) resolve();
    else ctx.io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await served.close();
  ctx.err(m.stopped);
  return EXIT.OK;
}
