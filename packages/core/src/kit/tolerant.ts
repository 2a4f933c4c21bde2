import type { z } from 'zod';
import { passesUnchanged } from './wire-check.js';

/*
 * Malls' answers drift from their documents: XML sends one element where the list has one entry
 * (and a list where the document promised one value — one of Yahoo's own published orderInfo
 * samples repeats a scalar), and JSON grows new keys. Rather than lose an order to that, an answer
 * that fails its schema is bent towards the schema once — singletons wrapped into arrays, repeated
 * scalars cut to their first value — and parsed again. Every repeated scalar is reported, so the
 * order carries a warning; unknown keys are never touched (schemas are loose).
 */

/** Something the tolerant reader had to bend to read an answer. */
export interface ShapeNote {
  /** Dotted path of the value in the wire object, e.g. `OrderInfo.Pay.PayMethodName`. */
  readonly path: string;
  /** `repeated`: several values where one was expected, the first was kept. */
  readonly kind: 'repeated';
  /** The values as sent, as JSON (cut to 200 characters). */
  readonly raw: string;
}

/** The result of {@link parseTolerant}. */
export type TolerantResult<T> =
  | { readonly success: true; readonly data: T; readonly notes: readonly ShapeNote[] }
  | { readonly success: false; readonly error: z.ZodError; readonly notes: readonly ShapeNote[] };

interface ZodInternals {
  readonly _zod: { readonly def: Record<string, unknown> & { readonly type: string } };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);
const SCALARS = new Set(['string', 'number', 'boolean', 'bigint', 'enum', 'literal', 'date', 'template_literal', 'int', 'nan']);

function defOf(schema: unknown): (Record<string, unknown> & { readonly type: string }) | null {
  const internals = (schema as Partial<ZodInternals> | null)?._zod;
  return internals?.def ?? null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cut(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Bends `value` towards `schema` (see the file comment); returns a new value, the input is left untouched. */
function conform(schema: unknown, value: unknown, path: string, notes: ShapeNote[], depth: number): unknown {
  const def = defOf(schema);
  if (def === null || depth > 64) return value;
  if (WRAPPERS.has(def.type)) return value === undefined || value === null ? value : conform(def['innerType'], value, path, notes, depth + 1);
  if (def.type === 'pipe') {
    // z.preprocess(fn, schema) is a pipe whose input is a transform: the shape to bend towards is the output schema.
    const input = defOf(def['in']);
    return conform(input?.type === 'transform' ? def['out'] : def['in'], value, path, notes, depth + 1);
  }
  if (def.type === 'lazy') return conform((def['getter'] as () => unknown)(), value, path, notes, depth + 1);
  if (def.type === 'array') {
    if (value === undefined || value === null) return value;
    const items = Array.isArray(value) ? value : [value];
    return items.map((item: unknown, index) => conform(def['element'], item, `${path}[${index}]`, notes, depth + 1));
  }
  if (SCALARS.has(def.type)) {
    if (!Array.isArray(value)) return value;
    notes.push({ path, kind: 'repeated', raw: cut(value) });
    return conform(schema, value[0], path, notes, depth + 1);
  }
  if (def.type === 'object') {
    if (!isPlainObject(value)) return value;
    const shape = def['shape'] as Record<string, unknown>;
    const out: Record<string, unknown> = { ...value };
    for (const key of Object.keys(shape)) {
      if (key in value) out[key] = conform(shape[key], value[key], path === '' ? key : `${path}.${key}`, notes, depth + 1);
    }
    return out;
  }
  if (def.type === 'union') {
    // The first option the bent value fits wins; a value that already fits one is left as it is.
    for (const option of def['options'] as unknown[]) {
      if ((option as z.ZodType).safeParse(value).success) return value;
    }
    for (const option of def['options'] as unknown[]) {
      const trial: ShapeNote[] = [];
      const bent = conform(option, value, path, trial, depth + 1);
      if ((option as z.ZodType).safeParse(bent).success) {
        notes.push(...trial);
        return bent;
      }
    }
  }
  return value;
}

/**
 * Parses `value` with `schema`; when that fails, bends the value towards the schema once (a single
 * element where an array is expected becomes an array; several values where one is expected keep
 * the first, noted) and parses again. The notes say what was bent; the error is the second parse's.
 * A value the schema accepts as it is (no transform, default or strip would change it) is returned
 * itself rather than as zod's copy (wire-check.ts): equal content, the mall's key order, no copy.
 */
export function parseTolerant<S extends z.ZodType>(schema: S, value: unknown): TolerantResult<z.output<S>> {
  if (passesUnchanged(schema, value)) return { success: true, data: value as z.output<S>, notes: [] };
  const first = schema.safeParse(value);
  if (first.success) return { success: true, data: first.data, notes: [] };
  const notes: ShapeNote[] = [];
  const bent = conform(schema, value, '', notes, 0);
  const second = schema.safeParse(bent);
  return second.success ? { success: true, data: second.data, notes } : { success: false, error: second.error, notes };
}

/** Wraps a value in an array: `undefined`/`null` → `[]`, an array as it is, anything else → `[value]`. */
export function asArray<T>(value: T | readonly T[] | null | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

/** Describes the first issue of a zod error as `path: message`, for ResponseFormatError messages. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
