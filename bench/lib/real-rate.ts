/**
 * The sync at the mall's real rate (decision 0340): a small shop synced with the sandbox's gate and
 * the connector's throttle both at the mall's own pace, its wall time against the fastest the
 * mall's budget allows for the requests it sent.
 */
import type { BenchRow } from '../report.js';
import { atMost, exactly } from './goals.js';
import type { BudgetUse, MallBench, RealRateSpec } from './mall.js';
import { createSandboxClock, silentLogger, startSandboxServer } from './runtime.js';
import { BENCH_NOW, shopSeeds, shopWindow } from './shop.js';
import { fixed } from './stats.js';

/**
 * The least wall time a budget allows for its requests: the first `limit` go at once, each further
 * `limit` one interval later (a sliding window of `limit` per `intervalMs`).
 */
export function fastestMs(use: BudgetUse): number {
  return Math.max(0, Math.ceil(use.requests / use.rule.limit) - 1) * use.rule.intervalMs;
}

/** The least wall time of a sync drawing on several budgets at once: the slowest budget's. */
export function fastestOfAll(uses: readonly BudgetUse[]): number {
  return Math.max(0, ...uses.map(fastestMs));
}

/** Requests per operation in a sandbox's log, leaving out those that draw on no budget. */
export function requestsByOperation(operations: readonly string[], unbudgeted: readonly string[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const operation of operations) if (!unbudgeted.includes(operation)) tally.set(operation, (tally.get(operation) ?? 0) + 1);
  return tally;
}

/** `12 requests (2 searchOrder + 10 getOrder)`. */
export function describeRequests(byOperation: ReadonlyMap<string, number>): string {
  const total = [...byOperation.values()].reduce((a, b) => a + b, 0);
  return `${total.toLocaleString('en-US')} requests (${[...byOperation].map(([operation, n]) => `${n.toLocaleString('en-US')} ${operation}`).join(' + ')})`;
}

/** The requests of each budget, by the spec's grouping of operations. */
export function budgetUses(spec: RealRateSpec, byOperation: ReadonlyMap<string, number>): BudgetUse[] {
  const perBudget = new Map<string, number>();
  for (const [operation, requests] of byOperation) {
    const budget = spec.budgetOf ? spec.budgetOf(operation) : '*';
    perBudget.set(budget, (perBudget.get(budget) ?? 0) + requests);
  }
  return [...perBudget.values()].map((requests) => ({ requests, rule: spec.rule }));
}

/** The real-rate rows of a mall: wall ÷ the fastest its budget allows (goal ≤ 1.05), and QPS errors (goal 0). */
export async function realRateRows(bench: MallBench, spec: RealRateSpec): Promise<BenchRow[]> {
  const unbudgeted = bench.unbudgeted ?? [];
  const clock = createSandboxClock(BENCH_NOW);
  const sandbox = bench.createSandbox({ clock, rateScale: 1 });
  sandbox.seed(shopSeeds(bench, { orders: spec.orders, spanDays: spec.spanDays, seed: 7 }));
  const server = startSandboxServer(sandbox.handlers);
  try {
    const connector = bench.connect(sandbox, { clock, logger: silentLogger });
    // Warm up (module JIT, msw's interceptor, a token) outside the measurement, then wait until
    // every budget is whole again and start from an empty log and gate.
    await connector.checkCredentials();
    await clock.sleep(spec.rule.intervalMs * 1.5);
    sandbox.reset();
    const window = shopWindow(spec);
    const started = performance.now();
    let orders = 0;
    for await (const order of connector.listOrders({ from: window.from, to: window.to })) if (order.id) orders += 1;
    const wallMs = performance.now() - started;
    const byOperation = requestsByOperation(sandbox.kit.log.entries.map((entry) => entry.operation), unbudgeted);
    const uses = budgetUses(spec, byOperation);
    const fastest = fastestOfAll(uses);
    const budgets = uses.length === 1 ? 'one budget' : `${uses.length} budgets`;
    return [
      {
        name: 'sync at the real rate: wall ÷ the fastest the rate allows',
        value: fixed(wallMs / fastest, 3),
        unit: 'ratio',
        detail:
          `${orders} orders, ${describeRequests(byOperation)} from ${budgets} of ${spec.rule.limit} per ${spec.rule.intervalMs / 1000} s ` +
          `(the mall's own rate, sandbox gate and connector throttle alike): ${(wallMs / 1000).toFixed(2)} s wall; ` +
          `${(fastest / 1000).toFixed(2)} s is the fastest the budget allows (the first request at once, then one interval each)`,
        goal: atMost(1.05, 'issue 15'),
      },
      {
        name: 'sync at the real rate: QPS errors',
        value: sandbox.qpsViolations(),
        unit: 'count',
        detail: "requests the sandbox refused with the mall's own QPS error",
        goal: exactly(0),
      },
    ];
  } finally {
    server.close();
  }
}
