/**
 * @mallkit/redis benchmarks: what one acquisition costs on Redis next to core's in-process
 * limiter (and that it is one round trip), and a sync by 4 worker processes on one Rakuten
 * credential against one sandbox whose QPS gate they share, with the shared limiter and, for
 * contrast, with each process's own throttle. The workers take days from one shared queue, as an
 * OMS's workers take jobs from BullMQ: a fixed share each leaves the rate unused once some finish.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTokenBucketLimiter, type Limiter } from '@mallkit/core';
import { generateSeedOrders, serveHandlers, type HandlerServer } from '@mallkit/core/testing';
import { adaptSeedsForRakuten, createRakutenSandbox, type RakutenSandbox } from '@mallkit/rakuten/testing';
import { Redis } from 'ioredis';
import type { BenchReport, BenchRow } from '../../../bench/report.js';
import { createRedisLimiter } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';
import { describeTimeline, syncTimeline, type SyncTimeline } from './sync-timeline.js';
import type { FromSyncWorker, SyncWindow, SyncWorkerConfig, SyncWorkerResult, ToSyncWorker } from './sync-worker.js';
import { atMost, below, exactly } from '../../../bench/lib/goals.js';

/** Requests per second of the sandbox's gate and of the limiter (Rakuten's real rate is 1). */
const Q = 20;
const WORKERS = 4;
/** Orders over the synced days: a few per day, so that each request is cheap and the rate, not the CPU, sets the pace. */
const ORDER_COUNT = 300;
const DAYS = 60;
const DAY = 86_400_000;
/** The shared limiter's spacing at {@link Q}/s: Q slots per second plus its default 25 ms margin. */
const SLOT_MS = (1000 + 25) / Q;

async function timePerAcquire(limiter: Limiter, calls: number): Promise<number> {
  for (let i = 0; i < 200; i += 1) await limiter.acquire('bench'); // warm-up
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) await limiter.acquire('bench');
  return ((performance.now() - started) / calls) * 1000;
}

/** How many times Redis ran each command since the last CONFIG RESETSTAT. */
async function commandCalls(redis: Redis): Promise<Map<string, number>> {
  const stats = String(await redis.info('commandstats'));
  return new Map([...stats.matchAll(/cmdstat_([a-z|]+):calls=(\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
}

async function acquireRows(server: RedisServer): Promise<BenchRow[]> {
  const redis = new Redis({ port: server.port, host: '127.0.0.1' });
  try {
    // A rate no acquisition waits for: what is measured is the acquisition itself.
    const rate = { ratePerSecond: 1_000_000, burst: 1_000_000 };
    const count = 3_000;
    const local = await timePerAcquire(createTokenBucketLimiter(rate), count);
    const shared = createRedisLimiter({ redis, prefix: 'bench-acquire', rate });
    const remote = await timePerAcquire(shared, count);
    await redis.config('RESETSTAT');
    for (let i = 0; i < 1_000; i += 1) await shared.acquire('bench');
    const calls = await commandCalls(redis);
    const scripts = (calls.get('evalsha') ?? 0) + (calls.get('eval') ?? 0);
    return [
      {
        name: 'acquire overhead: Redis limiter (µs per acquisition)',
        value: Math.round(remote),
        unit: 'µs',
        goal: below(1000, 'one local round trip'),
        detail: `${count} sequential acquisitions that never wait, redis-server on 127.0.0.1; core's in-process token bucket: ${local.toFixed(1)} µs, ${(remote / local).toFixed(0)}× less than the shared one`,
      },
      {
        name: 'Redis round trips per acquisition',
        value: scripts / 1_000,
        unit: 'count',
        goal: exactly(1),
        detail: `INFO commandstats over 1,000 acquisitions: ${scripts} EVALSHA/EVAL calls (the TIME, GET and SET inside the script run in the same call); more than 1 only when a slot was entered late (busy CPU) and reserved again`,
      },
    ];
  } finally {
    redis.disconnect();
  }
}

interface SyncRun {
  readonly requests: number;
  readonly qpsErrors: number;
  readonly wallMs: number;
  readonly orders: number;
  readonly timeline: SyncTimeline;
  /** Longest first-use hold-back a worker's warm-up met (ms). */
  readonly warmUpMs: number;
}

/**
 * How the days reach the workers: `shared`, one queue all workers take from (what an OMS does with
 * BullMQ); `fixed`, each worker a quarter of the days decided up front.
 */
export type Partition = 'shared' | 'fixed';

/** One sync of every day by {@link WORKERS} processes; the sandbox's gate and log start empty. */
export async function syncWith(limiter: SyncWorkerConfig['limiter'], partition: Partition, sandbox: RakutenSandbox, baseUrl: string, redisPort: number, from: number): Promise<SyncRun> {
  const { serviceSecret, licenseKey } = sandbox.credentials;
  const days: SyncWindow[] = Array.from({ length: DAYS }, (_, day) => {
    const start = from + day * DAY;
    return { from: new Date(start).toISOString(), to: new Date(start + DAY - 1).toISOString() };
  });
  const daysEach = DAYS / WORKERS;
  const fixed = Array.from({ length: WORKERS }, (_, index) => days.slice(index * daysEach, (index + 1) * daysEach));
  const nextDay = (index: number): SyncWindow | null => (partition === 'shared' ? days.shift() : fixed[index]!.shift()) ?? null;
  // The workers load code the way this process does (tsx; sources or built packages alike).
  const workers = Array.from({ length: WORKERS }, () =>
    fork(fileURLToPath(new URL('./sync-worker.ts', import.meta.url)), [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const next = (child: (typeof workers)[number], type: FromSyncWorker['type']): Promise<FromSyncWorker> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FromSyncWorker): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => code !== 0 && reject(new Error(`sync worker exited with ${code}`)));
    });
  const send = (child: (typeof workers)[number], message: ToSyncWorker): void => void child.send(message);
  try {
    const ready = workers.map((child) => next(child, 'ready'));
    const config: SyncWorkerConfig = { redisPort, baseUrl, serviceSecret, licenseKey, rate: { limit: Q, intervalMs: 1000 }, limiter, prefix: `bench-sync-${limiter}-${partition}` };
    for (const child of workers) send(child, { type: 'config', config });
    await Promise.all(ready);
    workers.forEach((child, index) =>
      child.on('message', (message: FromSyncWorker) => {
        if (message.type === 'take') send(child, { type: 'window', window: nextDay(index) });
      }),
    );
    // A quiet second first: the gate's window starts empty, as the mall's would.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    sandbox.reset();
    const results = workers.map((child) => next(child, 'result').then((m) => (m as { result: SyncWorkerResult }).result));
    const startAt = performance.timeOrigin + performance.now() + 200;
    for (const child of workers) send(child, { type: 'start', at: startAt });
    const done = await Promise.all(results);
    return {
      requests: sandbox.kit.log.count(),
      qpsErrors: sandbox.qpsViolations(),
      wallMs: Math.max(...done.map((r) => r.finishedAt)) - startAt,
      orders: done.reduce((sum, r) => sum + r.orders, 0),
      timeline: syncTimeline(done, startAt, SLOT_MS),
      warmUpMs: Math.max(...done.map((r) => r.warmUpMs)),
    };
  } finally {
    for (const child of workers) if (child.exitCode === null) child.kill();
  }
}

/** A sandbox with the bench's orders, served over HTTP for the worker processes. */
export async function servedSandbox(from: number, to: number): Promise<{ sandbox: RakutenSandbox; http: HandlerServer; baseUrl: string }> {
  const sandbox = createRakutenSandbox({ rateScale: Q });
  sandbox.seed(adaptSeedsForRakuten(generateSeedOrders({ count: ORDER_COUNT, seed: 11, from: new Date(from), to: new Date(to) })));
  // The handlers answer for the mall's own URL; the server moves every local request onto it.
  const http = await serveHandlers(sandbox.handlers, { upstream: sandbox.connectorOptions().baseUrl });
  return { sandbox, http, baseUrl: http.url };
}

async function syncRows(server: RedisServer): Promise<BenchRow[]> {
  const to = Date.now() - 3_600_000;
  const from = to - DAYS * DAY;
  const { sandbox, http, baseUrl } = await servedSandbox(from, to);
  try {
    const shared = await syncWith('redis', 'shared', sandbox, baseUrl, server.port, from);
    const local = await syncWith('local', 'shared', sandbox, baseUrl, server.port, from);
    const ideal = (shared.requests / Q) * 1000;
    return [
      {
        name: `${WORKERS}-worker sync, shared Redis limiter: QPS errors (GA0003)`,
        value: shared.qpsErrors,
        unit: 'count',
        goal: exactly(0),
        detail: `${WORKERS} processes on one licenseKey taking ${DAYS} days one at a time from one shared queue (as an OMS's workers take sync jobs from BullMQ), against one sandbox over HTTP whose gate admits ${Q} requests/s per licenseKey; ${shared.orders} orders, ${shared.requests} requests`,
      },
      {
        name: `${WORKERS}-worker sync, shared Redis limiter: wall / (requests ÷ rate)`,
        value: Number((shared.wallMs / ideal).toFixed(3)),
        unit: 'ratio',
        goal: atMost(1.05),
        detail:
          `${(shared.wallMs / 1000).toFixed(2)} s for ${shared.requests} requests; ${(ideal / 1000).toFixed(2)} s is what ${Q}/s allows, and the limiter's 25 ms margin per second alone makes it ×${(SLOT_MS / (1000 / Q)).toFixed(3)}. ` +
          `${describeTimeline(shared.timeline, SLOT_MS)}. Workers warmed up first: on a fresh Redis the first grant of a prefix waits ${Math.round(shared.warmUpMs)} ms (decision 0102), once per Redis lifetime`,
      },
      {
        name: `${WORKERS}-worker sync, each process its own throttle (no Redis): QPS errors`,
        value: local.qpsErrors,
        unit: 'count',
        detail: `the same sync with core's in-process throttle at ${Q}/s in each process: ${WORKERS}× the budget reaches the gate; ${local.requests} requests (retries included), ${(local.wallMs / 1000).toFixed(2)} s`,
      },
    ];
  } finally {
    await http.close();
  }
}

/** Runs the @mallkit/redis benchmarks on a private redis-server. */
export default async function run(): Promise<BenchReport> {
  const server = await startRedisServer();
  try {
    return { suite: 'redis', rows: [...(await acquireRows(server)), ...(await syncRows(server))] };
  } finally {
    await server.stop();
  }
}
