import type { OrderStatus, PaymentMethodCode } from '@mallkit/core';
import { generateSeedOrders, type SeedOrder } from '@mallkit/core/testing';
import { adaptSeedsForRakuten } from '../src/testing/index.js';

/** The instant every unit test's sandbox clock starts at. */
export const NOW = '2026-11-22T10:00:00+09:00';
const DAY = 86_400_000;

/** Rakuten-shaped seed orders spread over `spanDays` before NOW. */
export function seeds(count: number, spanDays = 30, seed = 7): SeedOrder[] {
  const now = Date.parse(NOW);
  return adaptSeedsForRakuten(generateSeedOrders({ count, seed, from: new Date(now - spanDays * DAY), to: new Date(now - 3_600_000) }));
}

/** The parsed JSON body of a logged request. */
export function bodyOf(entry: { bodyText: string } | undefined): unknown {
  return entry ? (JSON.parse(entry.bodyText) as unknown) : undefined;
}

/** Collects an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * One Rakuten-shaped seed order placed `daysAgo` before NOW, in `status`, paid with `method`:
 * nothing shipped yet and not a reservation — an order whose next steps are all still open.
 */
export function orderSeed(n: number, daysAgo: number, status: OrderStatus, method: PaymentMethodCode = 'credit_card'): SeedOrder {
  const at = new Date(Date.parse(NOW) - daysAgo * DAY);
  const [seed] = generateSeedOrders({ count: 1, seed: 700 + n, from: at, to: at, paymentMethods: [method], idPrefix: `L${n}-` });
  if (seed === undefined) throw new Error('the generator made no order');
  const [adapted] = adaptSeedsForRakuten([{ ...seed, status, paymentMethod: method, postageUnset: false, flags: { ...seed.flags, preorder: false }, deliveries: seed.deliveries.map((d) => ({ ...d, shipments: [] })) }], '398765', 5_000 + n);
  return { ...adapted!, paidAt: status === 'awaiting_payment' ? null : adapted!.paidAt };
}
