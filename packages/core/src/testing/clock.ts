import { systemClock, type Clock } from '../time/clock.js';
import { formatJst, parseJst } from '../time/jst.js';

/**
 * A fixed instant tests may start a sandbox clock at: a Sunday morning in the お歳暮 season. The
 * conformance suite uses it; a sandbox clock created without a start begins at the real current time.
 */
export const DEFAULT_SANDBOX_START = '2026-11-22T10:00:00+09:00';

/**
 * The clock a sandbox and the connectors under test share. Its calendar can be moved by hand so
 * that expiry dates, "ship date in the future" and date-window rules are testable, while it keeps
 * ticking in real time between moves so that durations (QPS, timeouts, retry waits) stay real.
 */
export interface SandboxClock extends Clock {
  /** Start + real time elapsed since the last `set` (or creation) + every `advance` since. */
  now(): number;
  /** A real sleep: manual moves never shorten or lengthen a wait. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Moves the calendar forward by `ms` milliseconds (a finite number, not negative: use `set` to go back). */
  advance(ms: number): void;
  /** Jumps to an instant. A string without an offset is read as JST, like every mall date. */
  set(instant: string | Date): void;
  /** `now()` as `YYYY-MM-DDTHH:mm:ss+09:00`, seconds precision as the malls write it. */
  iso(): string;
}

/** Reads a start or `set` argument: a Date, or any string {@link parseJst} accepts. */
function toEpochMs(instant: string | Date, what: string): number {
  const ms = typeof instant === 'string' ? parseJst(instant).getTime() : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what}: invalid date`);
  return ms;
}

/**
 * Creates a sandbox clock starting at `start` — by default the real current time, so that seeds
 * made for "the last 7 days" fall where a user expects them. Real time is then read from
 * `performance.now()`, which is monotonic: a machine clock adjustment during a test run cannot
 * make the sandbox go backwards.
 */
export function createSandboxClock(start: string | Date = new Date()): SandboxClock {
  let base = toEpochMs(start, 'createSandboxClock');
  let anchor = performance.now();

  const now = (): number => base + Math.floor(performance.now() - anchor);

  return {
    now,
    sleep: (ms, signal) => systemClock.sleep(ms, signal),
    advance(ms: number): void {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`SandboxClock.advance: ms must be a finite number ≥ 0, got ${ms}; use set() to go back`);
      }
      base += ms;
    },
    set(instant: string | Date): void {
      base = toEpochMs(instant, 'SandboxClock.set');
      anchor = performance.now();
    },
    iso: () => formatJst(now(), 'iso'),
  };
}
