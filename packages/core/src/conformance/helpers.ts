import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { BatchResult } from '../contract/results.js';
import { MallkitError } from '../errors/mallkit-error.js';
import type { SeedOrder } from '../testing/seed-types.js';

/** One day in ms. */
export const DAY = 86_400_000;

/** Drains an async iterable. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** Drains an async iterable, keeping what it yielded before it threw. */
export async function collectUntilError<T>(source: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of source) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

/** The error a promise rejects with; fails the check when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A search window holding every seed. */
export function windowOf(seeds: readonly SeedOrder[]): { from: string; to: string } {
  const times = seeds.map((s) => Date.parse(s.orderedAt));
  return { from: new Date(Math.min(...times) - 60_000).toISOString(), to: new Date(Math.max(...times) + 60_000).toISOString() };
}

/** Seeds the connector can confirm. */
export function confirmable(seeds: readonly SeedOrder[]): SeedOrder[] {
  return seeds.filter((s) => s.status === 'pending_confirmation' && !s.flags.fraudReview && !s.postageUnset);
}

/** Seeds the connector can ship. */
export function shippable(seeds: readonly SeedOrder[]): SeedOrder[] {
  return seeds.filter((s) => (s.status === 'confirmed' || s.status === 'ready_to_ship') && !s.flags.fraudReview && !s.postageUnset);
}

/** Fails unless every result is ok and they are in the given order. */
export function expectAllOk(result: BatchResult, ids: readonly string[]): void {
  expect(result.results.map((r) => r.id)).toEqual([...ids]);
  for (const r of result.results) {
    if (!r.ok) throw new Error(`order ${r.id} failed: ${r.error.message}`);
  }
}

/** Auth header values as they travel, whoever issued them: none may ever be printed. */
const TOKEN_SHAPES: readonly RegExp[] = [/\bESA\s+[A-Za-z0-9+/=]{8,}/, /\bBearer\s+(?!\[REDACTED\])[A-Za-z0-9._~+/=-]{8,}/i, /\bBasic\s+(?!\[REDACTED\])[A-Za-z0-9+/=]{8,}/, /\bAtz[ar]\|[A-Za-z0-9_|.-]{8,}/];

/** Every way a user can print an error or a result: util.inspect at any depth, JSON, toJSON, the stack, String(). */
export function everyPrintedForm(value: unknown): string {
  const forms: string[] = [inspect(value, { depth: Infinity, showHidden: false }), inspect(value)];
  try {
    forms.push(JSON.stringify(value) ?? '');
  } catch {
    // circular: inspect covers it
  }
  if (MallkitError.isInstance(value)) {
    forms.push(JSON.stringify(value.toJSON()), String(value.stack), String(value));
    let cause: unknown = value.cause;
    for (let depth = 0; cause !== undefined && depth < 10; depth += 1) {
      forms.push(inspect(cause, { depth: Infinity }), String(cause));
      cause = (cause as { cause?: unknown }).cause;
    }
  }
  return forms.join('\n');
}

/** Fails when a secret, or any auth header value, appears in the text. */
export function expectNoSecret(text: string, secrets: readonly string[], what: string): void {
  for (const secret of secrets) expect(text.includes(secret), `a secret leaked in ${what}`).toBe(false);
  for (const shape of TOKEN_SHAPES) expect(shape.test(text), `an auth header value (${shape.source}) leaked in ${what}`).toBe(false);
}
