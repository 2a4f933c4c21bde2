// One worker process of the bench's 4-worker sync: a Rakuten connector on the shared sandbox
// (over HTTP), throttled by the shared Redis limiter or by its own in-process throttle, lists the
// orders of its days one day at a time, as an incremental sync does, when the parent says start.
import { silentLogger, type RateLimit } from '@mallkit/core';
import { createRakutenConnector } from '@mallkit/rakuten';
import { Redis } from 'ioredis';
import { createRedisLimiter } from '../src/index.js';

/** What the parent sends first. */
export interface SyncWorkerConfig {
  readonly redisPort: number;
  readonly baseUrl: string;
  readonly serviceSecret: string;
  readonly licenseKey: string;
  readonly rate: RateLimit;
  /** `redis`: one budget for all workers; `local`: each worker its own throttle at the full rate. */
  readonly limiter: 'redis' | 'local';
  /** Consecutive windows (a day each) to list, in order. */
  readonly windows: readonly { readonly from: string; readonly to: string }[];
}

/** What the worker reports. */
export interface SyncWorkerResult {
  readonly orders: number;
  /** Epoch ms when its last order arrived. */
  readonly finishedAt: number;
}

type Message = { readonly type: 'config'; readonly config: SyncWorkerConfig } | { readonly type: 'start'; readonly at: number };

const now = (): number => performance.timeOrigin + performance.now();
let config: SyncWorkerConfig | undefined;
let redis: Redis | undefined;

process.on('message', (message: Message) => {
  if (message.type === 'config') {
    config = message.config;
    redis = new Redis({ port: config.redisPort, host: '127.0.0.1' });
    process.send?.({ type: 'ready' });
    return;
  }
  const { windows, rate, limiter } = config!;
  const connector = createRakutenConnector({
    serviceSecret: config!.serviceSecret,
    licenseKey: config!.licenseKey,
    baseUrl: config!.baseUrl,
    logger: silentLogger,
    rateLimit: limiter === 'redis' ? createRedisLimiter({ redis: redis!, prefix: 'bench-sync', rate }) : rate,
  });
  setTimeout(async () => {
    let orders = 0;
    for (const window of windows) for await (const order of connector.listOrders(window)) if (order.id) orders += 1;
    const result: SyncWorkerResult = { orders, finishedAt: now() };
    redis?.disconnect();
    process.send?.({ type: 'result', result }, () => process.exit(0));
  }, Math.max(0, message.at - now()));
});
