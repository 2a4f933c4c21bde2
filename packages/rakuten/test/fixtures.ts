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
