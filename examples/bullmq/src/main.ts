// The recipe, end to end and offline: a private redis-server, three Rakuten sandboxes served over
// HTTP (one per shop, each enforcing its licenseKey's QPS), two worker processes, and a BullMQ job
// scheduler per shop that asks for a sync every 1.5 s. Runs for a few seconds, prints what each
// worker synced, then checks what the malls saw: no QPS error, no shop synced by two workers at once.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateSeedOrders, serveHandlers } from '@mallkit/core/testing';
import { adaptSeedsForRakuten, createRakutenSandbox, type RakutenSandbox } from '@mallkit/rakuten/testing';
import { startRedisServer } from '@mallkit/redis/testing';
import { Queue } from 'bullmq';
import { QUEUE_NAME, REQUESTS_PER_SECOND, SHOPS, type SyncJobData, type SyncOutcome, type WorkerSetup } from './shops.js';

const RUN_MS = 10_000;
const SYNC_EVERY_MS = 1_500;
const DAY = 86_400_000;
/** The sandboxes answer for the mall's host, each shop under its own path; the local server forwards there. */
const MALL_ORIGIN = 'https://api.rms.rakuten.co.jp';

const redis = await startRedisServer();
const sandboxes = new Map<string, RakutenSandbox>();
for (const [index, shop] of SHOPS.entries()) {
  const sandbox = createRakutenSandbox({ baseUrl: `${MALL_ORIGIN}/${shop.id}`, credentials: shop.credentials, rateScale: REQUESTS_PER_SECOND });
  const now = Date.now();
  sandbox.seed(adaptSeedsForRakuten(generateSeedOrders({ count: 250, seed: shop.id.length + index, from: new Date(now - 20 * DAY), to: new Date(now - 60_000) })));
  sandboxes.set(shop.id, sandbox);
}
const http = await serveHandlers(
  [...sandboxes.values()].flatMap((sandbox) => sandbox.handlers),
  { upstream: MALL_ORIGIN },
);
console.log(`redis-server on port ${redis.port}; sandboxes of ${SHOPS.map((s) => s.id).join(', ')} at ${http.url}`);

const setupFor = (name: string): WorkerSetup => ({
  name,
  redisPort: redis.port,
  baseUrls: Object.fromEntries(SHOPS.map((shop) => [shop.id, `${http.url}/${shop.id}`])),
});
const workers: ChildProcess[] = ['worker-1', 'worker-2'].map((name) =>
  fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], { execArgv: process.execArgv, env: { ...process.env, WORKER_SETUP: JSON.stringify(setupFor(name)) } }),
);
await Promise.all(workers.map((child) => new Promise((resolve) => child.once('message', resolve))));

const queue = new Queue<SyncJobData, SyncOutcome>(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
for (const shop of SHOPS) {
  // One scheduler per shop: BullMQ keeps one pending job per scheduler and adds the next when it runs.
  await queue.upsertJobScheduler(`sync:${shop.id}`, { every: SYNC_EVERY_MS }, { name: 'sync', data: { shopId: shop.id }, opts: { removeOnComplete: 100, removeOnFail: 100 } });
}

// New orders keep arriving while the workers run, as in a real shop.
const arrivals = setInterval(() => {
  for (const sandbox of sandboxes.values()) {
    const now = Date.now();
    sandbox.seed(adaptSeedsForRakuten(generateSeedOrders({ count: 3, seed: now % 100_000, from: new Date(now - 30_000), to: new Date(now - 1_000) })));
  }
}, 1_000);

await new Promise((resolve) => setTimeout(resolve, RUN_MS));
clearInterval(arrivals);
for (const shop of SHOPS) await queue.removeJobScheduler(`sync:${shop.id}`);
await Promise.all(
  workers.map(
    (child) =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.send({ type: 'stop' });
      }),
  ),
);
// By id: a listing of completed jobs may return one job twice.
const completed = [...new Map((await queue.getJobs(['completed'])).map((job) => [job.id, job])).values()];
await queue.close();
await http.close();
await redis.stop();

// What happened, as the malls and the queue saw it.
const synced = completed.map((job) => job.returnvalue).filter((outcome) => outcome?.status === 'synced');
const skipped = completed.length - synced.length;
console.log('\nper shop:');
for (const shop of SHOPS) {
  const sandbox = sandboxes.get(shop.id)!;
  const runs = completed.flatMap((job) => (job.data.shopId === shop.id && job.returnvalue?.status === 'synced' ? [job.returnvalue] : []));
  const byWorker = new Map<string, number>();
  for (const run of runs) byWorker.set(run.worker, (byWorker.get(run.worker) ?? 0) + 1);
  const orders = runs.reduce((sum, run) => sum + run.orders, 0);
  const overlaps = runs.some((a) => runs.some((b) => a !== b && a.startedAt < b.finishedAt && b.startedAt < a.finishedAt));
  console.log(
    `  ${shop.id}: ${runs.length} syncs (${[...byWorker].map(([w, n]) => `${w} ×${n}`).join(', ')}), ${orders} orders read, ${sandbox.kit.log.count()} requests, QPS errors ${sandbox.qpsViolations()}, two syncs at once: ${overlaps ? 'YES' : 'no'}`,
  );
}
console.log(`${synced.length} syncs, ${skipped} skipped because the shop was already syncing`);
