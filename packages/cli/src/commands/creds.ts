import { formatJst } from '@mallkit/core';
import { parseFlags } from '../args.js';
import { configPath, findShop, loadConfig, type ShopConfig } from '../config/load.js';
import { openShop } from '../config/open-shop.js';
import type { CommandContext } from '../context.js';
import { renderCredsJson, renderCredsTable } from '../creds/render.js';
import { byUrgency, needsAction, rowOfFailure, rowsOfReport, type CredentialRow } from '../creds/rows.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

/** The flags of `mallkit creds`. */
export const CREDS_FLAGS = {
  config: { type: 'string' },
  shop: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

/** One shop's rows; a shop that cannot be checked is a row, never the end of the report. */
async function checkShop(shop: ShopConfig, ctx: CommandContext): Promise<CredentialRow[]> {
  try {
    const connector = await openShop(shop, ctx);
    return rowsOfReport(shop.name, await connector.checkCredentials({ signal: ctx.io.signal }));
  } catch (error) {
    return [rowOfFailure(shop.name, shop.entry.mall, error)];
  }
}

/**
 * `mallkit creds [--config FILE] [--shop NAME]… [--json]`: every credential of every shop, most
 * urgent first. Exit 0 when all are valid, 3 when any is expiring, expired, invalid or could not
 * be checked — so that cron mails someone.
 */
export async function credsCommand(argv: readonly string[], ctx: CommandContext): Promise<ExitCode> {
  const { values } = parseFlags(argv, CREDS_FLAGS);
  const config = await loadConfig(configPath(values.config, ctx.io), ctx.io);
  const shops = values.shop === undefined ? config.shops : values.shop.map((name) => findShop(config, name));
  // Shops are independent (own credentials, own rate budget): checked side by side.
  const rows = (await Promise.all(shops.map((shop) => checkShop(shop, ctx)))).flat().sort(byUrgency);
  ctx.out(values.json ? renderCredsJson(rows, formatJst(Date.now(), 'iso')) : renderCredsTable(rows, ctx.lang));
  return rows.some(needsAction) ? EXIT.ATTENTION : EXIT.OK;
}
