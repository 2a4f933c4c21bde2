import { ValidationError } from '../errors/classes.js';
import type { Mapped } from '../model/mapped.js';

/** One row of a mapping table: the string a mall or cart writes, and the code it stands for. */
export type ValueEntry<Code extends string> = readonly [raw: string, code: Code];

/** A mapping table, as a list of rows or as an object keyed by the raw string. */
export type ValueTable<Code extends string> = ReadonlyArray<ValueEntry<Code>> | Readonly<Record<string, Code>>;

/** How to build a {@link ValueMapper}. */
export interface ValueMapperOptions<Code extends string> {
  /** What the mapper maps, e.g. `paymentMethod`; used in error messages and warnings. */
  readonly name: string;
  /** The built-in rows. Two rows whose keys normalize alike must agree on the code. */
  readonly table: ValueTable<Code>;
  /** Turns a raw string into the lookup key. Defaults to {@link defaultNormalizeKey}. */
  readonly normalizeKey?: (raw: string) => string;
  /**
   * Tried after the overrides and the table, for values a table cannot list (time ranges, say).
   * Gets the raw string as given and its normalized key; `undefined` means "not recognised".
   */
  readonly fallback?: (raw: string, key: string) => Code | undefined;
  /** User rows that win over the table, like an OMS's 変換設定. */
  readonly overrides?: Readonly<Record<string, Code>>;
  /**
   * Checks codes at run time. Overrides often come from a database or a settings file, where the
   * compiler cannot see a misspelt code; with this set, such a code throws instead of flowing on.
   */
  readonly isCode?: (value: string) => value is Code;
}

/** Maps the free-form strings malls and carts write onto a closed set of codes. */
export interface ValueMapper<Code extends string> {
  /** The name given at creation. */
  readonly name: string;
  /**
   * Maps one raw string. `null`, `undefined`, `''` and whitespace-only strings give `null` (no
   * value); a string nothing recognises gives `{ code: 'unmapped', raw }`, never a guessed code.
   * `raw` is always the string exactly as given.
   */
  map(raw: string | null | undefined): Mapped<Code> | null;
  /**
   * Returns a new mapper in which `overrides` win over the built-in table, the fallback, and any
   * earlier overrides. The mapper it is called on is left unchanged.
   */
  withOverrides(overrides: Readonly<Record<string, Code>>): ValueMapper<Code>;
  /** The rows in effect: built-in rows not overridden, then the overrides, each with its raw string as written. */
  entries(): ReadonlyArray<ValueEntry<Code>>;
}

/**
 * The default key normalization: NFKC (full-width ASCII and half-width katakana become their
 * ordinary forms, so `ｸﾚｼﾞｯﾄｶｰﾄﾞ` matches `クレジットカード`), trim, collapse runs of whitespace to
 * one space, and lower-case ASCII letters.
 */
export function defaultNormalizeKey(raw: string): string {
  const known = normalizedKeys.get(raw);
  if (known !== undefined) return known;
  const key = normalizeKeyOnce(raw);
  // Bounded: the raw values mappers meet repeat (a shop has a handful of payment method names), but
  // a free-text field must not make the cache grow without end. Full: start over.
  if (normalizedKeys.size >= NORMALIZED_KEYS_LIMIT) normalizedKeys.clear();
  normalizedKeys.set(raw, key);
  return key;
}

/**
 * Keys already computed: NFKC and three regular expressions per value and order were a visible
 * share of normalizing (issue 15), for values that repeat order after order.
 */
const normalizedKeys = new Map<string, string>();
const NORMALIZED_KEYS_LIMIT = 4096;

function normalizeKeyOnce(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .replace(/\s+/gu, ' ')
    // Only ASCII: toLowerCase() on the whole string would also fold letters such as Greek or
    // Cyrillic, which no mall table needs and which would make keys harder to predict.
    .replace(/[A-Z]+/gu, (letters) => letters.toLowerCase());
}

interface Row<Code extends string> {
  readonly raw: string;
  readonly code: Code;
}

type Index<Code extends string> = ReadonlyMap<string, Row<Code>>;

interface Config<Code extends string> {
  readonly name: string;
  readonly normalize: (raw: string) => string;
  readonly fallback: ((raw: string, key: string) => Code | undefined) | undefined;
  readonly isCode: ((value: string) => value is Code) | undefined;
  readonly builtIn: Index<Code>;
}

/**
 * Creates a {@link ValueMapper}. Lookup order: overrides, then the table, then `fallback`; the
 * first hit wins and anything left is `unmapped`. Throws a `ValidationError` when two rows
 * normalize to the same key with different codes, when a key normalizes to nothing, or when
 * `isCode` rejects a code.
 */
export function createValueMapper<Code extends string>(options: ValueMapperOptions<Code>): ValueMapper<Code> {
  const normalize = options.normalizeKey ?? defaultNormalizeKey;
  const config: Config<Code> = {
    name: options.name,
    normalize,
    fallback: options.fallback,
    isCode: options.isCode,
    builtIn: buildIndex(toRows(options.table), normalize, options.isCode, `${options.name}.table`),
  };
  const overrides = options.overrides
    ? buildIndex(toRows(options.overrides), normalize, options.isCode, `${options.name}.overrides`)
    : new Map<string, Row<Code>>();
  return makeMapper(config, overrides);
}

function makeMapper<Code extends string>(config: Config<Code>, overrides: Index<Code>): ValueMapper<Code> {
  return Object.freeze({
    name: config.name,
    map(raw: string | null | undefined): Mapped<Code> | null {
      if (raw === null || raw === undefined) return null;
      const key = config.normalize(raw);
      if (key === '') return null;
      const row = overrides.get(key) ?? config.builtIn.get(key);
      if (row !== undefined) return { code: row.code, raw };
      const code = config.fallback?.(raw, key);
      if (code !== undefined) return { code, raw };
      return { code: 'unmapped', raw };
    },
    withOverrides(added: Readonly<Record<string, Code>>): ValueMapper<Code> {
      const fresh = buildIndex(toRows(added), config.normalize, config.isCode, `${config.name}.overrides`);
      // A new Map, so the mapper this was called on keeps seeing its own overrides only.
      const merged = new Map(overrides);
      for (const [key, row] of fresh) merged.set(key, row);
      return makeMapper(config, merged);
    },
    entries(): ReadonlyArray<ValueEntry<Code>> {
      const rows: Array<ValueEntry<Code>> = [];
      for (const [key, row] of config.builtIn) {
        if (!overrides.has(key)) rows.push(Object.freeze([row.raw, row.code] as const));
      }
      for (const row of overrides.values()) rows.push(Object.freeze([row.raw, row.code] as const));
      return Object.freeze(rows);
    },
  });
}

function isRowList<Code extends string>(table: ValueTable<Code>): table is ReadonlyArray<ValueEntry<Code>> {
  return Array.isArray(table);
}

function toRows<Code extends string>(table: ValueTable<Code>): ReadonlyArray<ValueEntry<Code>> {
  // Object.entries copies, so a caller mutating its object later cannot change a built mapper.
  return isRowList(table) ? table : (Object.entries(table) as Array<ValueEntry<Code>>);
}

function buildIndex<Code extends string>(
  rows: ReadonlyArray<ValueEntry<Code>>,
  normalize: (raw: string) => string,
  isCode: ((value: string) => value is Code) | undefined,
  field: string,
): Map<string, Row<Code>> {
  const index = new Map<string, Row<Code>>();
  for (const [raw, code] of rows) {
    const where = `${field}[${JSON.stringify(raw)}]`;
    if (isCode !== undefined && !isCode(code)) {
      throw new ValidationError([{ field: where, message: `unknown code ${JSON.stringify(code)}` }]);
    }
    const key = normalize(raw);
    // An empty key could never be looked up (map() answers null first), so the row is a mistake.
    if (key === '') throw new ValidationError([{ field: where, message: 'the key is empty after normalization' }]);
    const earlier = index.get(key);
    // Same key, same code is harmless (a table may list both spellings); different codes mean
    // the result would depend on row order, which nobody reading the table could predict.
    if (earlier !== undefined && earlier.code !== code) {
      throw new ValidationError([
        {
          field: where,
          message: `normalizes to the same key as ${JSON.stringify(earlier.raw)} but maps to ${JSON.stringify(code)}, not ${JSON.stringify(earlier.code)}`,
        },
      ]);
    }
    if (earlier === undefined) index.set(key, Object.freeze({ raw, code }));
  }
  return index;
}

/**
 * Builds a mapper table from a display name and a list of aliases per code, in the order of
 * `codes`; the Record types make a new code without names a compile error.
 */
export function rowsFromNames<Code extends string>(
  codes: readonly Code[],
  names: Readonly<Record<Code, string>>,
  aliases: Readonly<Record<Code, readonly string[]>>,
): Array<ValueEntry<Code>> {
  const rows: Array<ValueEntry<Code>> = [];
  for (const code of codes) {
    rows.push([names[code], code]);
    for (const alias of aliases[code]) rows.push([alias, code]);
  }
  return rows;
}

/** A type guard for membership in a list of codes, for the `isCode` option. */
export function oneOf<Code extends string>(codes: readonly Code[]): (value: string) => value is Code {
  const set = new Set<string>(codes);
  return (value): value is Code => set.has(value);
}
