import { resolve } from 'node:path';
import { MallkitError, type BatchItemResult, type Hint, type ShipmentUpdate } from '@mallkit/core';
import { missingFlag, parseFlags } from '../args.js';
import { CliError } from '../cli-error.js';
import { configPath, findShop, loadConfig } from '../config/load.js';
import { openShop } from '../config/open-shop.js';
import type { CommandContext } from '../context.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { inBoth, pick } from '../lang.js';
import { mallCheck, refuseEveryRequest } from '../ship/mall-check.js';
import { SHIP_MESSAGES, type ShipMessages } from '../ship/messages.js';
import { renderPlan, renderResults } from '../ship/render.js';
import { defaultRetryPath, retryFileText } from '../ship/retry-file.js';
import { readShipCsv, type ShipRow } from '../ship/rows.js';

/** The flags of `mallkit ship`. */
export const SHIP_FLAGS = {
  config: { type: 'string' },
  shop: { type: 'string' },
  csv: { type: 'string' },
  yes: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  failed: { type: 'string' },
} as const;

/** What became of one row: its kind (for the counts and the retry file) and the text shown. */
type Outcome = { readonly row: ShipRow; readonly kind: 'sent' | 'already' | 'failed' | 'not_sent' | 'invalid'; readonly result: string };

/** Hands each row its result: by position when the connector answered for every update, else by order id in order. */
function matchResults(rows: readonly ShipRow[], results: readonly BatchItemResult[]): Map<ShipRow, BatchItemResult> {
  const matched = new Map<ShipRow, BatchItemResult>();
  if (results.length === rows.length) {
    rows.forEach((row, i) => matched.set(row, results[i] as BatchItemResult));
    return matched;
  }
  const byId = new Map<string, BatchItemResult[]>();
  for (const result of results) byId.set(result.id, [...(byId.get(result.id) ?? []), result]);
  for (const row of rows) {
    const result = byId.get((row.update as ShipmentUpdate).orderId)?.shift();
    if (result !== undefined) matched.set(row, result);
  }
  return matched;
}

function outcomeOf(row: ShipRow, result: BatchItemResult | undefined, m: ShipMessages, lang: 'ja' | 'en'): Outcome {
  if (result === undefined) return { row, kind: 'not_sent', result: m.notSent };
  if (result.ok) {
    // The mall's notes on a success (Qoo10: "the ship date is not sent, the mall records today") are worth reading.
    const notes = result.warnings.length > 0 ? ` (${result.warnings.join('; ')})` : '';
    return result.alreadyDone ? { row, kind: 'already', result: `${m.alreadyDone}${notes}` } : { row, kind: 'sent', result: `${m.sent}${notes}` };
  }
  const why = result.error.hint ? pick(result.error.hint, lang) : result.error.message;
  return { row, kind: 'failed', result: m.failed(`${result.error.code}: ${why}`) };
}

/** Runs the mall's own checks (nothing sent) and marks the rows they refuse. */
async function checkWithMallRules(rows: readonly ShipRow[], dry: Parameters<typeof mallCheck>[0]): Promise<void> {
  const candidates = rows.filter((row) => row.update !== null && row.problem === null);
  const problems = await mallCheck(dry, candidates.map((row) => row.update as ShipmentUpdate));
  const whole = problems.get(-1);
  if (whole) throw new CliError({ ja: whole.join('; '), en: whole.join('; ') });
  candidates.forEach((row, index) => {
    const found = problems.get(index);
    if (found) row.problem = { ja: found.join('; '), en: found.join('; ') } satisfies Hint;
  });
}

/**
 * `mallkit ship --shop NAME --csv FILE [--yes] [--skip-invalid] [--failed FILE]`: checks every row
 * (columns, carriers, dates, then the mall's own rules — nothing sent), prints what would be sent,
 * and with `--yes` sends and prints each row's result. Rows not sent (refused, failed, or left
 * when a connector-wide error stopped the run: `error.batch.notSent`) go to the retry file.
 * Exit 0 all done; 3 some rows need a person; 1 the run was stopped by a connector-wide error.
 */
export async function shipCommand(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseFlags(argv, SHIP_FLAGS);
  const m = SHIP_MESSAGES[ctx.lang];
  if (values.shop === undefined) throw missingFlag('--shop');
  if (values.csv === undefined) throw missingFlag('--csv');
  if (values.yes && values['dry-run']) {
    throw new CliError(inBoth(SHIP_MESSAGES, (m) => m.yesAndDryRun));
  }
  const send = values.yes === true;
  const csvPath = resolve(ctx.io.cwd, values.csv);
  const retryPath = resolve(ctx.io.cwd, values.failed ?? defaultRetryPath(values.csv));
  let bytes: Uint8Array;
  try {
    bytes = await ctx.io.readFile(csvPath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(inBoth(SHIP_MESSAGES, (m) => m.csvUnreadable(csvPath, reason)));
  }
  const csv = readShipCsv(bytes);
  if (csv.encoding === 'shift_jis') ctx.err(m.shiftJis);
  if (csv.columns.unknown.length > 0) ctx.err(m.unknownColumns(csv.columns.unknown.join(', ')));
  const shop = findShop(await loadConfig(configPath(values.config, ctx.io), ctx.io), values.shop);

  await checkWithMallRules(csv.rows, await openShop(shop, ctx, { fetch: refuseEveryRequest }));
  const ready = csv.rows.filter((row) => row.problem === null);
  const invalid = csv.rows.filter((row) => row.problem !== null);
  await ctx.out(`${renderPlan(csv.rows, ctx.lang)}\n\n${m.planSummary(ready.length, invalid.length)}\n`);

  if (!send) {
    ctx.err(m.dryRun);
    return invalid.length > 0 ? EXIT.ATTENTION : EXIT.OK;
  }
  if (invalid.length > 0 && !values['skip-invalid']) {
    ctx.err(m.invalidStop);
    return EXIT.ATTENTION;
  }
  const skipped: Outcome[] = invalid.map((row) => ({ row, kind: 'invalid', result: m.invalidRow(pick(row.problem as Hint, ctx.lang)) }));
  let outcomes: Outcome[] = [];
  let stop: unknown = null;
  if (ready.length === 0) {
    ctx.err(m.nothingToSend);
  } else {
    const connector = await openShop(shop, ctx);
    try {
      const result = await connector.exportShipments(ready.map((row) => row.update as ShipmentUpdate), { signal: ctx.io.signal });
      const matched = matchResults(ready, result.results);
      outcomes = ready.map((row) => outcomeOf(row, matched.get(row), m, ctx.lang));
    } catch (error) {
      // A connector-wide error (credentials, permission, maintenance) stops the run: the rows
      // handled before it have results, the rest (error.batch.notSent, or all without a batch) go to the retry file.
      stop = error;
      const handled = MallkitError.isInstance(error) && error.batch !== null ? error.batch.results : [];
      const matched = matchResults(ready, handled);
      outcomes = ready.map((row) => outcomeOf(row, matched.get(row), m, ctx.lang));
    }
  }
  const all = [...outcomes, ...skipped].sort((a, b) => a.row.line - b.row.line);
  if (all.length > 0) await ctx.out(`\n${renderResults(all, ctx.lang)}\n`);
  const count = (kind: Outcome['kind']): number => all.filter((o) => o.kind === kind).length;
  await ctx.out(`\n${m.resultSummary(count('sent'), count('already'), count('failed'), count('not_sent') + count('invalid'))}\n`);

  const retry = all.filter((o) => o.kind !== 'sent' && o.kind !== 'already');
  // Re-sending a retry file rewrites it with what is still not sent (nothing, at best): it never offers rows already done.
  if (retry.length > 0 || retryPath === csvPath) {
    await ctx.io.writeFile(retryPath, retryFileText(csv.header, csv.columns.errorIndex, retry.map((o) => ({ row: o.row, reason: o.result }))));
    ctx.err(retry.length > 0 ? m.retryWritten(retry.length, retryPath) : m.retryEmptied(retryPath));
  }
  if (stop !== null) throw stop;
  return retry.length > 0 ? EXIT.ATTENTION : EXIT.OK;
}
