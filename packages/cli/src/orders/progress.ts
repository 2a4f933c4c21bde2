import type { Hooks } from '@mallkit/core';
import type { CommandContext } from '../context.js';
import type { OrdersMessages } from './messages.js';

const TTY_REDRAW_MS = 250;

/**
 * The progress of a sync on standard error. Throttled requests make long syncs (a Rakuten shop
 * with 20,000 orders takes minutes at 1 request/s), and silence looks like a hang: on a terminal
 * one line is redrawn in place; in a log (cron) a line is written every `progressIntervalMs`.
 * It counts what the connector's hooks report: requests, time held by the throttle, retries.
 */
export class SyncProgress {
  #orders = 0;
  #requests = 0;
  #waitedMs = 0;
  #retries = 0;
  #timer: ReturnType<typeof setInterval> | null = null;
  /** True while the progress line stands on the terminal and must be cleared before other output. */
  #shown = false;
  readonly #started = Date.now();
  readonly #ctx: CommandContext;
  readonly #m: OrdersMessages;

  /** Creates the reporter; nothing is shown before {@link SyncProgress.start}. */
  constructor(ctx: CommandContext, messages: OrdersMessages) {
    this.#ctx = ctx;
    this.#m = messages;
  }

  /** The connector hooks that feed the counters. */
  readonly hooks: Hooks = {
    onRequest: () => {
      this.#requests += 1;
    },
    onThrottle: (event) => {
      this.#waitedMs += event.waitedMs;
    },
    onRetry: () => {
      this.#retries += 1;
    },
  };

  get orders(): number {
    return this.#orders;
  }

  /** Starts the periodic line. */
  start(): void {
    const tty = this.#ctx.io.stderrIsTty;
    this.#timer = setInterval(() => this.#show(), tty ? TTY_REDRAW_MS : this.#ctx.io.progressIntervalMs);
    this.#timer.unref?.();
  }

  /** Counts one order written. */
  order(): void {
    this.#orders += 1;
  }

  /**
   * Clears the progress line before data is written: when standard output is the same terminal, a
   * table row would otherwise be appended to it. It is redrawn at the next tick.
   */
  beforeOutput(): void {
    if (!this.#shown) return;
    this.#ctx.io.stderr('\r\x1b[2K');
    this.#shown = false;
  }

  /** Stops the periodic line and writes the final one (`done`, or how far it got when it stopped early). */
  finish(completed: boolean): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.beforeOutput();
    this.#ctx.err(completed ? this.#m.done(this.#orders, this.#requests, this.#seconds()) : this.#m.stoppedEarly(this.#orders));
  }

  /** Writes a line that must not be overwritten by the progress line (an unreadable order). */
  interrupt(line: string): void {
    this.beforeOutput();
    this.#ctx.err(line);
  }

  #seconds(): number {
    return Math.round((Date.now() - this.#started) / 1000);
  }

  #show(): void {
    const line = this.#m.progress(this.#orders, this.#requests, this.#seconds(), Math.round(this.#waitedMs / 1000), this.#retries);
    if (this.#ctx.io.stderrIsTty) {
      this.#ctx.io.stderr(`\r\x1b[2K${this.#ctx.guard.mask(line)}`);
      this.#shown = true;
    } else {
      this.#ctx.err(line);
    }
  }
}
