import { resolve } from 'node:path';
import type { CallOptions, MallConnector, OrderQuery, SyncCheckpoint } from '@mallkit/core';
import { badValue, missingFlag, parseFlags } from '../args.js';
import { CliError } from '../cli-error.js';
import { configPath, findShop, loadConfig } from '../config/load.js';
import { openShop } from '../config/open-shop.js';
import type { CommandContext } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { inBoth } from '../lang.js';
import { saveCursorFile } from '../orders/cursor-file.js';
import { ORDERS_MESSAGES, type OrdersMessages } from '../orders/messages.js';
import { OrderOutput } from '../orders/output.js';
import { orderQueryOf } from '../orders/query.js';
import { runIncrementalSync } from '../orders/sync.js';
import { csvWriter } from '../orders/write-csv.js';
import { ndjsonWriter } from '../orders/write-ndjson.js';
import { tableWriter } from '../orders/write-table.js';
import { ORDER_FORMATS, type OrderFormat, type OrderWriter } from '../orders/writer.js';
import { parseTimeFlag } from '../time-input.js';

/** The flags of `mallkit orders`. */
export const ORDERS_FLAGS = {
  config: { type: 'string' },
  shop: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  status: { type: 'string', multiple: true },
  'date-type': { type: 'string' },
  format: { type: 'string' },
  raw: { type: 'boolean' },
  bom: { type: 'boolean' },
  'since-cursor': { type: 'string' },
} as const;

function writerFor(format: OrderFormat, values: { raw?: boolean | undefined; bom?: boolean | undefined }, m: OrdersMessages): OrderWriter {
  if (format === 'ndjson') return ndjsonWriter(values.raw === true);
  if (format === 'csv') return csvWriter(values.bom === true);
  return tableWriter(m);
}

/** Every order of a window, once (listOrders); unreadable ones reported as they happen. */
async function listWindow(connector: MallConnector, query: OrderQuery, output: OrderOutput, ctx: CommandContext): Promise<void> {
  const call: CallOptions = { signal: ctx.io.signal, onOrderError: (error) => output.unreadableOrder(error) };
  for await (const order of connector.listOrders(query, call)) await output.order(order);
}

/**
 * `mallkit orders --shop NAME (--from … [--to …] [--status …] [--date-type …] | --since-cursor FILE [--from …]) [--format table|ndjson|csv]`:
 * streams the shop's orders to standard output — a window of them, or every order new or changed
 * since the cursor in FILE; progress, unreadable orders and the warnings summary go to standard
 * error. Exit 0, or 3 when some orders could not be read (each named), or 1 when it failed (what
 * was written stays valid; the cursor file is left as it was).
 */
export async function ordersCommand(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseFlags(argv, ORDERS_FLAGS);
  const m = ORDERS_MESSAGES[ctx.lang];
  if (values.shop === undefined) throw missingFlag('--shop');
  const format = values.format ?? 'table';
  if (!(ORDER_FORMATS as readonly string[]).includes(format)) throw badValue('--format', format, () => ORDER_FORMATS.join(', '));
  const cursorPath = values['since-cursor'] === undefined ? null : resolve(ctx.io.cwd, values['since-cursor']);
  // Every flag is checked before the config is read or anything is sent.
  if (cursorPath !== null) {
    const conflict = (['--to', '--status', '--date-type'] as const).find((flag) => values[flag.slice(2) as 'to' | 'status' | 'date-type'] !== undefined);
    if (conflict) throw new CliError(inBoth(ORDERS_MESSAGES, (messages) => messages.syncFlagConflict(conflict)));
  }
  const now = Date.now();
  const query = cursorPath === null ? orderQueryOf(values, now) : null;
  const start = cursorPath !== null && values.from !== undefined ? parseTimeFlag('--from', values.from, 'start', now) : undefined;
  const shop = findShop(await loadConfig(configPath(values.config, ctx.io), ctx.io), values.shop);

  const output = new OrderOutput(ctx, writerFor(format as OrderFormat, values, m), m);
  const connector = await openShop(shop, ctx, { hooks: output.progress.hooks });
  let checkpoint: SyncCheckpoint | null = null;
  output.start();
  try {
    if (cursorPath !== null) checkpoint = await runIncrementalSync(connector, cursorPath, start, output, ctx, m);
    else await listWindow(connector, query as OrderQuery, output, ctx);
    await output.complete();
  } finally {
    await output.close();
  }
  // The next cursor is stored only now, after every event reached standard output, in one step:
  // a run that failed or was stopped leaves the old one, and the next run delivers those changes again.
  if (cursorPath !== null && checkpoint !== null) {
    await saveCursorFile(cursorPath, checkpoint.cursor, ctx.io);
    ctx.err(m.syncSummary(checkpoint.counts));
    ctx.err(m.cursorSaved(cursorPath));
  }
  return output.unreadable.length > 0 ? EXIT.ATTENTION : EXIT.OK;
}
