import { syncOrders, type MallConnector, type SyncCheckpoint } from '@mallkit/core';
import type { CommandContext } from '../context.js';
import { readCursorFile } from './cursor-file.js';
import type { OrdersMessages } from './messages.js';
import type { OrderOutput } from './output.js';

/**
 * `--since-cursor FILE`: an incremental sync (core's syncOrders) from the cursor in FILE — every
 * order new or changed since, each once — written to the output as events. Returns the checkpoint,
 * whose cursor the caller stores once the output is complete (never before: see ordersCommand).
 * `start` (`--from`) sets where the first sync begins; once a cursor exists it is not used.
 */
export async function runIncrementalSync(
  connector: MallConnector,
  cursorPath: string,
  start: Date | undefined,
  output: OrderOutput,
  ctx: CommandContext,
  m: OrdersMessages,
): Promise<SyncCheckpoint | null> {
  const cursor = await readCursorFile(cursorPath, ctx.io);
  if (cursor !== null && start !== undefined) ctx.err(m.fromIgnored);
  let checkpoint: SyncCheckpoint | null = null;
  const events = syncOrders(connector, { cursor, ...(cursor === null && start ? { start } : {}), signal: ctx.io.signal });
  for await (const event of events) {
    if (event.type === 'checkpoint') checkpoint = event;
    else if (event.type === 'removed') await output.removed(event.orderId, event.key);
    else if (event.type === 'unreadable') output.unreadableOrder(event.error);
    else await output.order(event.order, { type: event.type, key: event.key, changedFields: event.changedFields });
  }
  return checkpoint;
}
