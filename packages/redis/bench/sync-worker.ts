// One worker process of the bench's 4-worker sync: a Rakuten connector on the shared sandbox
// (over HTTP), throttled by the shared Redis limiter or by its own in-process throttle. Once told
// to start, it takes one day at a time from the parent's queue and lists its orders, as an OMS
// worker takes sync jobs from a shared queue (BullMQ, examples/bullmq), until the queue is empty.
import { silentLogger, type Limiter, type RateLimit } from '@mallkit/core';
import { createRakutenConnector } from '@mallkit/rakuten';
import { Redis } from 'ioredis';
import { createRedisLimiter, RedisUnavailableError } from '../src/index.js';

/** What the parent sends first. */
export interface SyncWorkerConfig {
  readonly redisPort: number;
  readonly baseUrl: string;
  readonly serviceSecret: string;
  readonly licenseKey: string;
  readonly rate: RateLimit;
  /** `redis`: one budget for all workers; `local`: each worker its own throttle at the full rate. */
  readonly limiter: 'redis' | 'local';
  /** Key prefix of the shared limiter. */
  readonly prefix: string;
}

/** A day to list. */
export interface SyncWindow {
  readonly from: string;
  readonly to: string;
}

/** One acquisition of the rate limiter: when it was asked for and when it was granted (epoch ms). */
export interface GrantEvent {
  readonly calledAt: number;
  readonly grantedAt: number;
}

/** What the worker reports. */
export interface SyncWorkerResult {
  readonly orders: number;
  /** Epoch ms when its last order arrived. */
  readonly finishedAt: number;
  /** Its acquisitions, in order. */
  readonly grants: readonly GrantEvent[];
  /**
   * How long the warm-up acquisition waited (ms): on a fresh Redis the first grant of a prefix is
   * held back past every slot that could still be promised (decision 0102), once per Redis lifetime.
   */
  readonly warmUpMs: number;
}

/** Parent → worker. */
export type ToSyncWorker =
  | { readonly type: 'config'; readonly config: SyncWorkerConfig }
  | { readonly type: 'start'; readonly at: number }
  | { readonly type: 'window'; readonly window: SyncWindow | null };

/** Worker → parent. */
export type FromSyncWorker = { readonly type: 'ready' } | { readonly type: 'take' } | { readonly type: 'result'; readonly result: SyncWorkerResult };

const now = (): number => performance.timeOrigin + performance.now();
const send = (message: FromSyncWorker): void => void process.send?.(message);

let config: SyncWorkerConfig | undefined;
let redis: Redis | undefined;
let limiter: Limiter | RateLimit | undefined;
let warmUpMs = 0;
let handOut: ((window: SyncWindow | null) => void) | undefined;
const grants: GrantEvent[] = [];

/** Records when each acquisition was asked for and granted. */
function traced(inner: Limiter): Limiter {
  return {
    async acquire(key, signal) {
      const calledAt = now();
      const waited = await inner.acquire(key, signal);
      grants.push({ calledAt, grantedAt: now() });
      return waited;
    },
  };
}

/** Asks the parent for the next day; `null` when the queue is empty. */
function take(): Promise<SyncWindow | null> {
  return new Promise((resolve) => {
    handOut = resolve;
    send({ type: 'take' });
  });
}

async function prepare(given: SyncWorkerConfig): Promise<void> {
  config = given;
  if (given.limiter === 'local') {
    limiter = given.rate;
    return;
  }
  redis = new Redis({ port: given.redisPort, host: '127.0.0.1' });
  const shared = createRedisLimiter({ redis, prefix: given.prefix, rate: given.rate });
  // A long-running worker's prefix has been used before; a fresh redis-server's has not. One
  // acquisition of another key takes the first-use hold-back outside the measured sync.
  const started = performance.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await shared.acquire('bench-warm-up');
      break;
    } catch (error) {
      // A starved machine can miss the 1 s deadline; the sync's own pipeline retries the same way.
      if (!RedisUnavailableError.isInstance(error) || attempt === 5) throw error;
    }
  }
  warmUpMs = performance.now() - started;
  limiter = traced(shared);
}

async function run(): Promise<void> {
  const connector = createRakutenConnector({
    serviceSecret: config!.serviceSecret,
    licenseKey: config!.licenseKey,
    baseUrl: config!.baseUrl,
    logger: silentLogger,
    rateLimit: limiter!,
  });
  let orders = 0;
  for (let window = await take(); window !== null; window = await take()) {
    for await (const order of connector.listOrders(window)) if (order.id) orders += 1;
  }
  const result: SyncWorkerResult = { orders, finishedAt: now(), grants, warmUpMs };
  redis?.disconnect();
  process.send?.({ type: 'result', result }, () => process.exit(0));
}

process.on('message', (message: ToSyncWorker) => {
  if (message.type === 'config') void prepare(message.config).then(() => send({ type: 'ready' }));
  else if (message.type === 'window') handOut?.(message.window);
  else setTimeout(() => void run(), Math.max(0, message.at - now()));
});
