import type { Hint, Hooks, MallConnector, StoredToken } from '@mallkit/core';
import { CliError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { inBoth } from '../lang.js';
import { ADMIN_PREFIX, type SandboxConnection } from '../sandbox/connection.js';
import { resolveCredentials } from './credentials.js';
import type { ShopConfig } from './load.js';
import { CONFIG_MESSAGES, type ConfigMessages } from './messages.js';

const both = (make: (m: ConfigMessages) => string): Hint => inBoth(CONFIG_MESSAGES, make);

/** What a command may add to a shop's connector. */
export interface ConnectorExtras {
  /** Observers of its HTTP pipeline (the progress line counts requests). */
  readonly hooks?: Hooks;
  /** Its fetch: the ship dry run gives one that refuses every request. */
  readonly fetch?: typeof fetch;
}

/** Reads the connection a running `mallkit sandbox` hands out (GET /__mallkit/connection). */
async function sandboxOptions(shop: ShopConfig, url: string, ctx: CommandContext): Promise<Record<string, unknown>> {
  const address = `${url.replace(/\/+$/, '')}${ADMIN_PREFIX}/connection`;
  let connection: SandboxConnection;
  try {
    const answer = await fetch(address, { signal: AbortSignal.any([AbortSignal.timeout(5000), ctx.io.signal]) });
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    connection = (await answer.json()) as SandboxConnection;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(both((m) => m.sandboxUnreachable(shop.name, url, reason)), EXIT.FAILED);
  }
  if (connection.mall !== shop.entry.mall) throw new CliError(both((m) => m.sandboxMallMismatch(shop.name, url, shop.entry.mall, connection.mall)));
  // The sandbox's credentials are secrets like any other: never printed.
  for (const field of shop.entry.credentials) {
    const value = connection.options[field.option];
    if (field.secret && typeof value === 'string') ctx.guard.add(value);
  }
  return { ...connection.options };
}

/**
 * Builds the connector of one shop from the config file: credentials from the environment, files
 * or a served sandbox, the shop's connector options, the CLI's logger, and the config name as the
 * connector's `shopId` (unless the mall uses `shopId` as a credential, as au PAY and makeshop do).
 */
export async function openShop(shop: ShopConfig, ctx: CommandContext, extras: ConnectorExtras = {}): Promise<MallConnector> {
  const { entry } = shop;
  const options: Record<string, unknown> = { ...shop.options, logger: ctx.logger };
  if (shop.sandbox !== null) {
    Object.assign(options, await sandboxOptions(shop, shop.sandbox, ctx), shop.options);
  } else {
    const credentials = await resolveCredentials(shop, ctx.io, ctx.guard);
    Object.assign(options, credentials.values);
    const rotating = entry.rotatingCredential;
    if (rotating !== undefined) {
      const source = credentials.sources[rotating];
      options['onRefresh'] = async (token: StoredToken): Promise<void> => {
        if (token.refreshToken === undefined) return;
        ctx.guard.add(token.refreshToken);
        if (source?.kind === 'file') {
          await ctx.io.writeFile(source.path, `${token.refreshToken}\n`);
          ctx.err(CONFIG_MESSAGES[ctx.lang].rotated(shop.name, rotating, source.path));
        } else {
          ctx.err(CONFIG_MESSAGES[ctx.lang].rotatedNotSaved(shop.name, rotating));
        }
      };
    }
  }
  if (!entry.credentials.some((field) => field.option === 'shopId')) options['shopId'] = shop.name;
  if (extras.hooks) options['hooks'] = extras.hooks;
  if (extras.fetch) options['fetch'] = extras.fetch;
  return entry.createConnector(options);
}
