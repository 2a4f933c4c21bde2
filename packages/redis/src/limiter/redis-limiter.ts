import { realSleep, type Limiter } from '@mallkit/core';
import { callRedis } from '../call-redis.js';
import type { RedisClient } from '../redis-client.js';
import { runScript } from '../run-script.js';
import { createLatenessAllowance } from './lateness.js';
import { giveBackSlot, reserveSlot } from './reservation-scripts.js';
import { DEFAULT_MARGIN_MS, slotSchedule, type SharedRate, type SlotSchedule } from './shared-rate.js';

/** Options of {@link createRedisLimiter}. Every process sharing a budget must pass the same values. */
export interface RedisLimiterOptions {
  /** The ioredis client; the limiter neither connects nor closes it. */
  readonly redis: RedisClient;
  /**
   * The rate to keep per limiter key: one rate, or a function of the key (read on every
   * acquisition), e.g. Amazon's usage plan of the operation the key names.
   */
  readonly rate: SharedRate | ((key: string) => SharedRate);
  /** Prefix of every Redis key the limiter writes (default `mallkit`). Processes that share a budget share the prefix. */
  readonly prefix?: string;
  /**
   * Time kept in hand per interval of the rate, in ms (per second for a token bucket; default 25,
   * core's limiters' default): requests reach the mall a few ms after they are granted, and that
   * delay varies. `limit` requests take `intervalMs + marginMs`.
   */
  readonly marginMs?: number;
  /**
   * How far ahead a slot may be reserved, in ms (default 2,000). A caller whose slot would be
   * further away waits without a reservation and asks again; this bounds how long a slot can stay
   * promised, which is what lets the limiter start safely after Redis lost its data (decision 0102).
   */
  readonly maxQueueMs?: number;
  /** Longest wait for Redis's answer to one reservation (default 1,000 ms); then RedisUnavailableError. */
  readonly commandTimeoutMs?: number;
}

/** How many late slots one acquisition gives up before it uses one anyway. */
const MAX_LATE_SLOTS = 5;
/**
 * The least lateness that counts as late, in µs: a round trip plus a timer tick. At high rates the
 * slack shrinks below it (1 ms at 100/s), and giving up every slot would cost more than it saves.
 */
const LATE_FLOOR_US = 3_000;

interface Reservation {
  readonly granted: true;
  readonly waitMs: number;
  /** The bucket's TAT after this reservation, exactly as Redis stored it: the token to give it back. */
  readonly tat: string;
}

interface Refusal {
  readonly granted: false;
  readonly retryMs: number;
}

function parseReply(reply: unknown): Reservation | Refusal {
  if (!Array.isArray(reply)) throw new TypeError('unexpected answer from the reservation script');
  const [granted, wait, tat] = reply as [unknown, unknown, unknown];
  if (Number(granted) === 1) return { granted: true, waitMs: Number(wait) / 1000, tat: String(tat) };
  return { granted: false, retryMs: Number(wait) / 1000 };
}

/**
 * A core `Limiter` shared by every process that uses the same Redis and prefix: one rate budget per
 * mall credential across workers and machines.
 *
 * Each acquisition is one round trip: a Lua script reserves the next slot of the key's GCRA
 * schedule on Redis's own clock and answers how long to wait; the caller then sleeps locally until
 * its slot. Requests are spaced evenly at the rate (with the burst of a token bucket), in the order
 * Redis received them. A process that usually enters its slots late reserves them that much longer;
 * a caller later than that and the margin (a stall) gives its slot up and queues again, so a stall
 * never releases a bunch of requests at once. An aborted caller rejects with the signal's reason and gives its slot back
 * when no later slot was reserved meanwhile; otherwise that slot goes unused. When Redis does not
 * answer, `acquire` rejects with {@link RedisUnavailableError} and nothing is granted (decision 0102).
 */
export function createRedisLimiter(options: RedisLimiterOptions): Limiter {
  return createObservedRedisLimiter(options);
}

/**
 * A slot a caller entered, for the package's own tests (not exported from the package): where the
 * slot is on the key's schedule, in µs of Redis's clock. This is what the limiter guarantees — the
 * slots it grants are an interval apart on Redis's clock and nobody enters one before it starts —
 * whereas when a loaded worker process notices its grant is up to the machine's scheduler.
 */
export interface EnteredSlot {
  /** The slot's place on the schedule (the TAT the reservation moved on from), µs of Redis's `TIME`. */
  readonly slotUs: number;
}

/** {@link createRedisLimiter}, telling `onEnter` of every slot entered, just before `acquire` resolves. */
export function createObservedRedisLimiter(options: RedisLimiterOptions, onEnter?: (slot: EnteredSlot) => void): Limiter {
  const { redis, rate } = options;
  const prefix = options.prefix ?? 'mallkit';
  const marginMs = options.marginMs ?? DEFAULT_MARGIN_MS;
  const maxQueueMs = options.maxQueueMs ?? 2_000;
  const timeoutMs = options.commandTimeoutMs ?? 1_000;
  if (!(marginMs >= 0 && marginMs < 1000)) throw new RangeError(`marginMs must be in [0, 1000), got ${marginMs}`);
  if (!(maxQueueMs > 0)) throw new RangeError(`maxQueueMs must be positive, got ${maxQueueMs}`);
  if (!(timeoutMs > 0)) throw new RangeError(`commandTimeoutMs must be positive, got ${timeoutMs}`);
  const epochKey = `${prefix}:limiter-epoch`;
  const lateness = createLatenessAllowance();

  const giveBack = (bucketKey: string, schedule: SlotSchedule, reservation: Reservation): void => {
    // Best effort: when Redis is gone too, the slot simply stays unused.
    runScript(redis, giveBackSlot, [bucketKey], [reservation.tat, schedule.intervalUs]).catch(() => undefined);
  };

  const reserve = (bucketKey: string, schedule: SlotSchedule, signal?: AbortSignal): Promise<Reservation | Refusal> =>
    callRedis(
      redis,
      'limiter',
      async () => parseReply(await runScript(redis, reserveSlot, [bucketKey, epochKey], [schedule.intervalUs, schedule.toleranceUs, maxQueueMs * 1000])),
      {
        timeoutMs,
        signal,
        // The caller gave up while the script ran: the slot it reserved would otherwise go unused.
        onLateResult: (late) => {
          if (late.granted) giveBack(bucketKey, schedule, late);
        },
      },
    );

  return {
    async acquire(key, signal) {
      const started = performance.now();
      const base = slotSchedule(typeof rate === 'function' ? rate(key) : rate, marginMs, key);
      const bucketKey = `${prefix}:limiter:${key}`;
      let lateSlots = 0;
      for (;;) {
        const extraUs = lateness.extraFor(base.intervalUs);
        const schedule: SlotSchedule = { ...base, intervalUs: base.intervalUs + extraUs };
        const sentAt = performance.now();
        const answer = await reserve(bucketKey, schedule, signal);
        if (!answer.granted) {
          await realSleep(answer.retryMs, signal);
          continue;
        }
        try {
          if (answer.waitMs > 0) await realSleep(answer.waitMs, signal);
        } catch (reason) {
          giveBack(bucketKey, schedule, answer);
          throw reason;
        }
        // Counted from the send: an upper bound of how late the slot is entered (a blocked event
        // loop, a busy CPU). Past the slack and this slot's extra length, the next slot — someone
        // else's — would follow too closely: leave this one and queue again. Not for a slot taken
        // from a bucket's burst at once: burst slots need no spacing. Bounded, so that a Redis whose
        // round trip alone exceeds the slack cannot starve a caller.
        const lateUs = (performance.now() - sentAt - answer.waitMs) * 1000;
        lateness.observe(lateUs);
        const fromBurst = answer.waitMs === 0 && base.toleranceUs > 0;
        if (!fromBurst && lateUs > Math.max(base.slackUs + extraUs, LATE_FLOOR_US) && lateSlots < MAX_LATE_SLOTS) {
          lateSlots += 1;
          // Unused, it can be given back when nobody queued behind it; the new reservation follows
          // on the same connection, so Redis sees the two in this order.
          giveBack(bucketKey, schedule, answer);
          continue;
        }
        onEnter?.({ slotUs: Number(answer.tat) - schedule.intervalUs });
        return Math.round(performance.now() - started);
      }
    },
  };
}
