import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseTolerant } from '../../src/kit/tolerant.js';
import { passesUnchanged } from '../../src/kit/wire-check.js';

/*
 * passesUnchanged lets parseTolerant hand back the input itself instead of zod's copy. It may refuse
 * what zod accepts (zod then parses as before), never the other way: every value it accepts must be
 * one zod accepts AND gives back equal. The cases below are schema/value pairs where zod refuses or
 * rewrites the value; a checker that accepted any of them would change what connectors read.
 */

/** zod's output compared with the input, key order aside (the fast path keeps the mall's order). */
function zodKeepsAsIs(schema: z.ZodType, value: unknown): boolean {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return false;
  try {
    expect(parsed.data).toStrictEqual(value);
    return true;
  } catch {
    return false;
  }
}

const item = z.looseObject({ id: z.string(), quantity: z.number().int().min(1) });

/** [what, schema, value]: zod refuses the value or gives back something else. */
const changedOrRefused: ReadonlyArray<readonly [string, z.ZodType, unknown]> = [
  ['a transform', z.looseObject({ total: z.string().transform(Number) }), { total: '10' }],
  ['a transform on the whole object', z.looseObject({ a: z.string() }).transform((o) => ({ ...o, b: 1 })), { a: 'x' }],
  ['a default for an absent key', z.looseObject({ a: z.string().default('d') }), {}],
  ['a default, optional outside', z.looseObject({ a: z.string().default('d').optional() }), {}],
  ['a prefault', z.looseObject({ a: z.string().prefault('d') }), {}],
  ['a catch', z.looseObject({ a: z.string().catch('c') }), { a: 1 }],
  ['a coerced number', z.looseObject({ a: z.coerce.number() }), { a: '1' }],
  ['a trimmed string (an overwrite check)', z.looseObject({ a: z.string().trim() }), { a: ' x ' }],
  ['a lower-cased string', z.looseObject({ a: z.string().toLowerCase() }), { a: 'X' }],
  ['an extra key a plain object strips', z.object({ a: z.string() }), { a: 'x', b: 1 }],
  ['an extra key a nested plain object strips', z.looseObject({ inner: z.object({ a: z.string() }) }), { inner: { a: 'x', b: 1 } }],
  ['an extra key a strict object refuses', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
  ['a catch-all that parses extra keys', z.object({ a: z.string() }).catchall(z.string().transform(Number)), { a: 'x', b: '2' }],
  ['a missing required key', item, { quantity: 1 }],
  ['a wrong type', item, { id: 1, quantity: 1 }],
  ['a failed int check', item, { id: 'x', quantity: 1.5 }],
  ['a failed min check', item, { id: 'x', quantity: 0 }],
  ['a failed refine', z.looseObject({ a: z.string().refine((s) => s.startsWith('A')) }), { a: 'b' }],
  ['a failed array length', z.array(z.string()).min(2), ['a']],
  ['a failed regex', z.looseObject({ a: z.string().regex(/^\d+$/) }), { a: 'x1' }],
  ['a literal not listed', z.looseObject({ s: z.union([z.literal('1'), z.literal('2')]) }), { s: '3' }],
  ['an enum value not listed', z.looseObject({ s: z.enum(['a', 'b']) }), { s: 'c' }],
  ['null where not nullable', z.looseObject({ a: z.string().optional() }), { a: null }],
  ['undefined where exactOptional', z.looseObject({ a: z.string().exactOptional() }), { a: undefined }],
  ['a lazy schema', z.lazy(() => z.looseObject({ a: z.string().transform((s) => s + '!') })), { a: 'x' }],
  ['a record (keys parsed)', z.record(z.string(), z.string().transform((s) => s.length)), { a: 'xy' }],
  ['a union whose first option strips', z.union([z.object({ a: z.string() }), z.looseObject({ a: z.string() })]), { a: 'x', b: 1 }],
  ['a union whose first option transforms', z.union([z.string().transform((s) => s.length), z.string()]), 'xyz'],
  [
    'a discriminated union option that strips',
    z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), n: z.number() }), z.looseObject({ kind: z.literal('b') })]),
    { kind: 'a', n: 1, extra: true },
  ],
  ['an own __proto__ key (zod drops it)', z.looseObject({ a: z.string() }), JSON.parse('{"a":"x","__proto__":{"b":1}}')],
  ['a key Object.prototype has, absent', z.looseObject({ toString: z.unknown() }), {}],
  ['NaN as a number', z.looseObject({ a: z.number() }), { a: Number.NaN }],
  ['Infinity as a number', z.looseObject({ a: z.number() }), { a: Number.POSITIVE_INFINITY }],
  ['a union whose first option is a union cut short', z.union([z.union([z.number(), z.string().trim()]), z.looseObject({})]), ' x '],
  ['a union cut short before the option that fits', z.union([z.string().trim(), z.string()]), ' x '],
  ['a transform that adds an issue', z.looseObject({ a: z.string().transform((s, ctx) => (ctx.issues.push({ code: 'custom', message: 'no', input: s }), s)) }), { a: 'x' }],
  ['a nullish-to-null transform on an absent key (zod adds the key)', z.looseObject({ a: z.string().nullish().transform((v) => v ?? null) }), {}],
  ['a nullish-to-empty transform on null', z.looseObject({ a: z.array(z.string()).nullish().transform((v) => v ?? []) }), { a: null }],
  ['a number read as text', z.union([z.string(), z.number().transform(String)]), 5],
  ['a pipe whose second schema refuses', z.union([z.number(), z.string()]).pipe(z.number().int()), 1.5],
  ['a raw check that replaces the value', z.string().check((payload) => void (payload.value = 'changed')), 'x'],
];

/** [what, schema, value]: kinds the checker does not know, left to zod even where its output is equal. */
const leftToZod: ReadonlyArray<readonly [string, z.ZodType, unknown]> = [
  ['a transform that gives a new (equal) object', z.looseObject({ a: z.looseObject({}).transform((o) => ({ ...o })) }), { a: {} }],
  ['a readonly schema (zod freezes its output)', z.looseObject({ a: z.string() }).readonly(), { a: 'x' }],
  ['a tuple', z.tuple([z.string()]), ['x']],
];

describe('passesUnchanged', () => {
  it.each(leftToZod)('leaves %s to zod', (_what, schema, value) => {
    expect(passesUnchanged(schema, value)).toBe(false);
  });

  it.each(changedOrRefused)('refuses %s (zod would refuse it or give back something else)', (_what, schema, value) => {
    expect(zodKeepsAsIs(schema, value)).toBe(false);
    expect(passesUnchanged(schema, value)).toBe(false);
  });

  /** [what, schema, value]: zod accepts the value and gives back an equal one. */
  const keptAsIs: ReadonlyArray<readonly [string, z.ZodType, unknown]> = [
    ['a loose order with nested lists and extra keys', z.looseObject({ id: z.string(), items: z.array(item) }), { id: 'o', items: [{ id: 'x', quantity: 2, extra: 'kept' }], more: [1] }],
    ['optional keys absent', z.looseObject({ a: z.string().optional(), b: z.number().nullish() }), {}],
    ['nullable and nullish values', z.looseObject({ a: z.string().nullable(), b: z.number().nullish() }), { a: null, b: null }],
    ['a plain object with only declared keys', z.object({ a: z.string(), b: z.boolean() }), { a: 'x', b: true }],
    ['a union of primitives', z.looseObject({ code: z.union([z.string(), z.number()]).nullish() }), { code: 7 }],
    ['literals and enums', z.looseObject({ s: z.union([z.literal('1'), z.literal('2')]), e: z.enum(['a', 'b']) }), { s: '2', e: 'b' }],
    ['a union whose first option refuses exactly as zod does', z.union([z.number(), z.looseObject({ a: z.string() })]), { a: 'x', b: 1 }],
    ['passing checks', z.looseObject({ n: z.int().min(1), s: z.string().min(1).regex(/^\d+$/) }), { n: 3, s: '12' }],
    ['transforms that give back the same value', z.looseObject({ a: z.string().nullish().transform((v) => v ?? null), l: z.array(z.string()).nullish().transform((v) => v ?? []) }), { a: 'x', l: ['y'] }],
    ['a string read as text', z.union([z.string(), z.number().transform(String)]), '5'],
    ['a pipe', z.looseObject({ a: z.string().pipe(z.string()) }), { a: 'x' }],
    ['a pipe into a check', z.union([z.number(), z.string()]).pipe(z.number().int()), 2],
    ['unknown values', z.looseObject({ raw: z.unknown() }), { raw: { anything: [1, 'two'] } }],
  ];

  it.each(keptAsIs)('accepts %s, which zod gives back equal', (_what, schema, value) => {
    expect(zodKeepsAsIs(schema, value)).toBe(true);
    expect(passesUnchanged(schema, value)).toBe(true);
  });
});

describe('parseTolerant with a schema that changes values', () => {
  it('still applies transforms, defaults and stripping (zod parses, not the fast path)', () => {
    const schema = z.looseObject({
      total: z.string().transform(Number),
      currency: z.string().default('JPY'),
      buyer: z.object({ name: z.string() }),
    });
    const result = parseTolerant(schema, { total: '1200', buyer: { name: '山田', secret: 'x' } });
    expect(result).toEqual({ success: true, notes: [], data: { total: 1200, currency: 'JPY', buyer: { name: '山田' } } });
  });

  it('refuses what zod refuses, and bends it as before', () => {
    const schema = z.looseObject({ id: z.string(), lines: z.array(z.looseObject({ sku: z.string() })) });
    expect(parseTolerant(schema, { lines: [] }).success).toBe(false);
    const bent = parseTolerant(schema, { id: 'o', lines: { sku: 'x' } });
    expect(bent.success && bent.data.lines).toEqual([{ sku: 'x' }]);
  });

  it('hands back the input itself when the schema only checks', () => {
    const value = { id: 'o', lines: [{ sku: 'x', note: 'kept' }] };
    const result = parseTolerant(z.looseObject({ id: z.string(), lines: z.array(z.looseObject({ sku: z.string() })) }), value);
    expect(result.success && result.data).toBe(value);
  });
});

describe('passesUnchanged where code cannot be generated (Cloudflare Workers, strict CSP)', () => {
  let checkerWithoutCodegen: typeof passesUnchanged;
  beforeAll(async () => {
    // The module decides at load whether `new Function` works: load a fresh copy where it throws.
    vi.stubGlobal(
      'Function',
      function refused(): never {
        throw new EvalError('Code generation from strings disallowed for this context');
      },
    );
    vi.resetModules();
    checkerWithoutCodegen = (await import('../../src/kit/wire-check.js')).passesUnchanged;
    vi.unstubAllGlobals();
  });
  afterAll(() => {
    vi.resetModules();
  });

  it.each(changedOrRefused)('refuses %s', (_what, schema, value) => {
    expect(checkerWithoutCodegen(schema, value)).toBe(false);
  });

  it('accepts a loose order with optional, nullable and nested values', () => {
    const schema = z.looseObject({ id: z.string(), note: z.string().nullish(), items: z.array(item) });
    expect(checkerWithoutCodegen(schema, { id: 'o', note: null, items: [{ id: 'x', quantity: 2 }], extra: 1 })).toBe(true);
    expect(checkerWithoutCodegen(schema, { note: null, items: [] })).toBe(false);
  });
});
