// A worker process: takes sync jobs from the BullMQ queue. Every worker (2 here, any number on any
// machine) shares through Redis (1) each shop's rate budget — @mallkit/redis's limiter — and (2)
// "one running sync per shop" — a lock per shop, so a job whose shop is already syncing elsewhere
// is skipped instead of downloading the same orders twice.
import { createRedisLimiter, createRedisLock } from '@mallkit/redis';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { KEY_PREFIX, QUEUE_NAME, REQUESTS_PER_SECOND, SHOPS, type SyncJobData, type SyncOutcome, type WorkerSetup } from './shops.js';
import { syncShop } from './sync-shop.js';

const setup = JSON.parse(process.env['WORKER_SETUP'] ?? '{}') as WorkerSetup;
const redis = new Redis({ port: setup.redisPort, host: '127.0.0.1' });
const limiter = createRedisLimiter({ redis, prefix: KEY_PREFIX, rate: { limit: REQUESTS_PER_SECOND, intervalMs: 1000 } });
const locks = createRedisLock({ redis, prefix: KEY_PREFIX, ttlMs: 15_000 });

const worker = new Worker<SyncJobData, SyncOutcome>(
  QUEUE_NAME,
  async (job) => {
    const shop = SHOPS.find((s) => s.id === job.data.shopId);
    if (!shop) throw new Error(`unknown shop ${job.data.shopId}`);
    const held = await locks.tryAcquire(`sync:${shop.id}`);
    if (!held) return { status: 'skipped', worker: setup.name, reason: 'another worker is syncing this shop' };
    try {
      return await syncShop(shop, { redis, limiter, baseUrl: setup.baseUrls[shop.id]!, worker: setup.name });
    } finally {
      await held.release();
    }
  },
  // Two jobs at once per worker: different shops run side by side, each within its own budget.
  { connection: { host: '127.0.0.1', port: setup.redisPort, maxRetriesPerRequest: null }, concurrency: 2 },
);

const shortTime = (iso: string): string => iso.slice(5, 19).replace('T', ' ');
worker.on('completed', (job, outcome) => {
  const line =
    outcome.status === 'synced'
      ? `${outcome.orders} orders ordered ${shortTime(outcome.from)} → ${shortTime(outcome.to)} UTC, in ${outcome.finishedAt - outcome.startedAt} ms`
      : `skipped: ${outcome.reason}`;
  console.log(`[${setup.name}] ${job.data.shopId}: ${line}`);
});
worker.on('failed', (job, error) => console.error(`[${setup.name}] ${job?.data.shopId ?? '?'}: failed: ${error.message}`));

process.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  // Finish the running syncs, then leave.
  await worker.close();
  redis.disconnect();
  process.exit(0);
});
await worker.waitUntilReady();
process.send?.({ type: 'ready' });
