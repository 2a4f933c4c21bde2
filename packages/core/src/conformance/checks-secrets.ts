import { expect } from 'vitest';
import { MallkitError } from '../errors/mallkit-error.js';
import type { ConformanceCheck, ConformanceContext } from './context.js';
import { collect, confirmable, DAY, everyPrintedForm, expectNoSecret, rejection, shippable, windowOf } from './helpers.js';

/** Collects what a failing call produced: its error, or its result when it did not throw. */
async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    return error;
  }
}

async function writeSomething(ctx: ConformanceContext, seeds: Parameters<ConformanceCheck['run']>[1]): Promise<unknown> {
  const { connector, sandbox } = ctx;
  const cancelled = seeds.find((s) => s.status === 'cancelled') ?? seeds[0]!;
  if (connector.capabilities.confirmOrders !== null) {
    return outcome(connector.confirmOrders([cancelled.id, ...(confirmable(seeds)[0] ? [confirmable(seeds)[0]!.id] : [])]));
  }
  if (connector.capabilities.exportShipments !== null) {
    const target = shippable(seeds)[0] ?? seeds[0]!;
    const shippedAt = new Date(sandbox.clock.now() - DAY).toISOString();
    return outcome(
      connector.exportShipments([
        { orderId: cancelled.id, carrier: 'yamato', trackingNumber: '4912-0000-0001', shippedAt },
        { orderId: target.id, carrier: 'yamato', trackingNumber: '4912-0000-0002', shippedAt },
      ]),
    );
  }
  return undefined;
}

/** The checks that no secret ever leaves a connector, whatever the user prints. */
export const secretChecks: readonly ConformanceCheck[] = [
  {
    name: 'no secret appears in any error, log line or hook payload',
    async run(ctx, seeds) {
      const errors: unknown[] = [];
      ctx.sandbox.kit.faults.inject({ kind: 'status', status: 400, body: ctx.secrets.join(' ') }, { times: 3 });
      errors.push(await rejection(ctx.connector.getOrders([seeds[0]!.id], { retries: 0 })).catch((e: unknown) => e));
      ctx.sandbox.expireCredential();
      errors.push(await rejection(ctx.connector.getOrders([seeds[0]!.id])).catch((e: unknown) => e));
      errors.push(await ctx.connector.checkCredentials().catch((e: unknown) => e));
      const text = JSON.stringify([
        ...errors.map((e) => (MallkitError.isInstance(e) ? [e.message, e.toJSON(), String(e.stack)] : e)),
        ctx.captured,
      ]);
      for (const secret of ctx.secrets) expect(text.includes(secret), 'a secret leaked').toBe(false);
    },
  },
  {
    name: 'no secret or auth header in inspected errors (any depth, every cause) or batch results, for every failure path',
    async run(ctx, seeds) {
      const { connector, sandbox } = ctx;
      const id = seeds[0]!.id;
      const printed: Array<[string, unknown]> = [];
      // Warm up: tokens issued, so that the faults below hit the order APIs.
      await connector.getOrders([id]);

      sandbox.kit.faults.inject({ kind: 'delay', ms: 1_500 }, { times: 2 });
      printed.push(['a timeout', await outcome(connector.getOrders([id], { timeoutMs: 100, retries: 0 }))]);
      sandbox.kit.faults.clear();
      sandbox.kit.faults.inject({ kind: 'reset' }, { times: 5 });
      printed.push(['a connection reset', await outcome(connector.getOrders([id], { retries: 0 }))]);
      sandbox.kit.faults.clear();
      sandbox.kit.faults.inject({ kind: 'status', status: 500, body: `upstream saw ${ctx.secrets.join(' ')}` }, { times: 5 });
      printed.push(['an HTTP error echoing the secrets', await outcome(connector.getOrders([id], { retries: 0 }))]);
      sandbox.kit.faults.clear();
      sandbox.kit.faults.inject({ kind: 'malformed' }, { times: 5 });
      printed.push(['an unreadable body', await outcome(connector.getOrders([id], { retries: 0 }))]);
      sandbox.kit.faults.clear();
      printed.push(['per-order write results', await writeSomething(ctx, seeds)]);
      printed.push(['a listing', await outcome(collect(connector.listOrders(windowOf(seeds))).then((orders) => orders.length))]);

      sandbox.expireCredential();
      printed.push(['a rejected credential (token endpoint included)', await outcome(connector.getOrders([id]))]);
      printed.push(['a batch stopped by the credential', await writeSomething(ctx, seeds)]);
      printed.push(['the credential report', await outcome(connector.checkCredentials())]);

      expect(printed.some(([, value]) => MallkitError.isInstance(value)), 'no failure path produced an error').toBe(true);
      for (const [what, value] of printed) expectNoSecret(everyPrintedForm(value), ctx.secrets, what);
      expectNoSecret(ctx.captured.join('\n'), ctx.secrets, 'logs and hook payloads');
    },
  },
];
