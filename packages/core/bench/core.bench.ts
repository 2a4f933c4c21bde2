/**
 * Core benchmarks: how exactly the throttle keeps its rate, what the pipeline costs on top of a bare
 * fetch, and how fast the value mappers are compared with a plain Map lookup.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import ky from 'ky';
import { Bench, type Task } from 'tinybench';
import type { BenchReport, BenchRow } from '../../../bench/report.js';
import { createHttpPipeline, createRedactor, createThrottleLimiter, unlimited, carrierMapper, paymentMethodMapper, timeSlotMapper } from '../src/index.js';
import { atMost, below, between } from '../../../bench/lib/goals.js';

/** A finished task's statistic, NaN when the task did not complete. */
function stat(task: Task | undefined, pick: 'latency' | 'throughput'): number {
  const result = task?.result;
  return result && result.state === 'completed' ? result[pick].mean : Number.NaN;
}

async function throttleAccuracy(): Promise<BenchRow[]> {
  const rate = { limit: 100, intervalMs: 1000 };
  const limiter = createThrottleLimiter(rate);
  const calls = 300;
  const granted: number[] = [];
  await Promise.all(Array.from({ length: calls }, () => limiter.acquire('bench').then(() => granted.push(performance.now()))));
  granted.sort((a, b) => a - b);
  const seconds = (granted.at(-1)! - granted[0]!) / 1000;
  const configured = rate.limit / (rate.intervalMs / 1000);
  // The busiest interval anywhere in the run: the mall counts over sliding windows, so this must stay <= limit.
  let peak = 0;
  for (let start = 0, end = 0; start < granted.length; start += 1) {
    while (end < granted.length && granted[end]! - granted[start]! < rate.intervalMs) end += 1;
    peak = Math.max(peak, end - start);
  }
  return [
    {
      name: 'throttle accuracy (achieved / configured rate)',
      value: (calls - 1) / seconds / configured,
      unit: 'ratio',
      goal: between(0.9, 1),
      detail: `${calls} concurrent acquisitions at ${configured}/s, default 5% safety margin`,
    },
    {
      name: 'throttle peak (busiest 1 s window / limit)',
      value: peak / rate.limit,
      unit: 'ratio',
      goal: atMost(1),
      detail: 'most grants in any sliding interval, as the mall would count them',
    },
  ];
}

async function pipelineOverhead(): Promise<BenchRow[]> {
  const url = 'https://bench.mall.test/api/orders';
  const server = setupServer(http.post(url, () => HttpResponse.json({ orders: [{ id: '1' }] })));
  server.listen({ onUnhandledRequest: 'error' });
  const pipeline = createHttpPipeline({
    mall: 'rakuten',
    baseUrl: 'https://bench.mall.test/api',
    limiter: unlimited,
    limiterKey: 'bench',
    redactor: createRedactor(['bench-secret-value']),
    classify: () => undefined,
    headers: { Authorization: 'ESA YmVuY2g=' },
  });
  const bareKy = ky.create({ retry: 0, throwHttpErrors: false, timeout: 30_000 });
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  bench
    .add('bare fetch', async () => {
      const response = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      await response.json();
    })
    .add('bare ky', async () => {
      const response = await bareKy(url, { method: 'POST', json: {} });
      await response.json();
    })
    .add('pipeline.send', async () => {
      const response = await pipeline.send({ operation: 'orders', method: 'POST', path: 'orders', json: {}, idempotent: true });
      response.json();
    });
  await bench.run();
  server.close();
  const [bare = Number.NaN, withKy = Number.NaN, piped = Number.NaN] = bench.tasks.map((t) => stat(t, 'latency'));
  return [
    {
      name: 'pipeline overhead per request (pipeline / bare fetch, msw)',
      value: piped / bare,
      unit: 'ratio',
      goal: below(1.5),
      detail: 'mean latency of pipeline.send (throttle, auth headers, hooks, error table, retry wrapper, ky) over a bare fetch to the same msw handler',
    },
    {
      name: 'pipeline overhead beyond ky (pipeline / bare ky)',
      value: piped / withKy,
      unit: 'ratio',
      goal: below(1.2),
      detail: 'what mallkit adds on top of the HTTP client it is built on; the rest of the first ratio is ky itself',
    },
  ];
}

async function mapperThroughput(): Promise<BenchRow[]> {
  const slots = ['午前中', '14時～16時', '14:00-16:00', '1416', '１４－１６時', '指定なし', '19-21'];
  const payments = ['クレジットカード', '代金引換', '銀行振込', 'コンビニ決済', '楽天ペイ', 'PayPay', 'Amazon Pay'];
  const carriers = ['ヤマト運輸', '佐川急便', '日本郵便', '西濃運輸', '福山通運'];
  const plain = new Map(payments.map((p, i) => [p, i]));
  const bench = new Bench({ time: 800, warmupTime: 200 });
  let i = 0;
  bench
    .add('Map.get (baseline)', () => void plain.get(payments[i++ % payments.length]!))
    .add('paymentMethodMapper.map', () => void paymentMethodMapper.map(payments[i++ % payments.length]!))
    .add('carrierMapper.map', () => void carrierMapper.map(carriers[i++ % carriers.length]!))
    .add('timeSlotMapper.map', () => void timeSlotMapper.map(slots[i++ % slots.length]!));
  await bench.run();
  const hz = bench.tasks.map((t) => stat(t, 'throughput'));
  const baseline = hz[0] ?? Number.NaN;
  return bench.tasks.slice(1).map((task, index) => ({
    name: `${task.name} throughput`,
    value: hz[index + 1] ?? Number.NaN,
    unit: 'maps/s',
    detail: `${((hz[index + 1] ?? 0) / baseline).toPrecision(2)}× a bare Map.get; normalization (NFKC, dashes, full-width digits) is the cost`,
  }));
}

/** Runs the core benchmarks. */
export default async function run(): Promise<BenchReport> {
  return { suite: 'core', rows: [...(await throttleAccuracy()), ...(await pipelineOverhead()), ...(await mapperThroughput())] };
}
