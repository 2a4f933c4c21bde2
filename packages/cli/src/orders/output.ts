import type { Order, UnreadableOrderError } from '@mallkit/core';
import type { CommandContext } from '../context.js';
import type { OrdersMessages } from './messages.js';
import { SyncProgress } from './progress.js';
import { WarningTally } from './warnings.js';
import type { OrderChange, OrderWriter } from './writer.js';

/**
 * Where `mallkit orders` puts what it reads, whichever way it reads it (a window or an incremental
 * sync): data to standard output through the writer; progress, unreadable and removed orders and
 * the warnings summary to standard error.
 */
export class OrderOutput {
  readonly progress: SyncProgress;
  /** The orders that could not be read, in the order they were met. */
  readonly unreadable: UnreadableOrderError[] = [];
  readonly #ctx: CommandContext;
  readonly #writer: OrderWriter;
  readonly #m: OrdersMessages;
  readonly #tally = new WarningTally();
  #begun = false;
  #completed = false;

  /** Creates the output; call `start` before the first order and `close` in a `finally`. */
  constructor(ctx: CommandContext, writer: OrderWriter, messages: OrdersMessages) {
    this.#ctx = ctx;
    this.#writer = writer;
    this.#m = messages;
    this.progress = new SyncProgress(ctx, messages);
  }

  /** Starts the progress line. */
  start(): void {
    this.progress.start();
  }

  /** Writes one order (with what changed, in an incremental sync). Await it: standard output may ask to wait. */
  async order(order: Order, change?: OrderChange): Promise<void> {
    await this.#data(this.#writer.write(order, change));
    this.#tally.add(order);
    this.progress.order();
  }

  /** An order the mall no longer shows: a data line where the format has one, else a line on standard error. */
  async removed(orderId: string, key: string): Promise<void> {
    if (this.#writer.removed) await this.#data(this.#writer.removed(orderId, key));
    else this.progress.interrupt(this.#m.removed(orderId));
  }

  /** Reports an order that could not be read, as it happens; the others go on. */
  unreadableOrder(error: UnreadableOrderError): void {
    this.unreadable.push(error);
    this.progress.interrupt(this.#m.unreadable(error.orderId ?? '?', error.message));
  }

  /** Marks the reading as finished without error (a table or CSV with no order still gets its header). */
  async complete(): Promise<void> {
    await this.#data('');
    this.#completed = true;
  }

  /** Ends the output: the final progress line, the writer's end, the warnings summary, the unreadable count. */
  async close(): Promise<void> {
    this.progress.finish(this.#completed);
    if (this.#begun) await this.#ctx.out(this.#writer.end());
    for (const line of this.#tally.lines(this.#m)) this.#ctx.err(line);
    if (this.unreadable.length > 0) this.#ctx.err(this.#m.unreadableSummary(this.unreadable.length));
  }

  /** The header waits for the first data (or a good end): a sync that fails at once prints no half table. */
  async #data(text: string): Promise<void> {
    this.progress.beforeOutput();
    if (!this.#begun) await this.#ctx.out(this.#writer.begin());
    this.#begun = true;
    if (text !== '') await this.#ctx.out(text);
  }
}
