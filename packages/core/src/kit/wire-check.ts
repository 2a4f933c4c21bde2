import type { z } from 'zod';

/*
 * zod copies every object and array it parses and allocates a result per field; for a wire order
 * that is as much work as JSON.parse itself (issue 15). Yet most wire schemas only check: no
 * transform, default or strip changes a single value, so zod's output is the input again, rebuilt.
 * This file compiles such a schema once into a plain checker that reads the value without
 * allocating, and answers whether zod would accept it AND give back an equal value. When it says
 * yes, the input itself is the parse result; when it says no (a bad value, or a value zod would
 * change), zod parses as before. So the checker may refuse what zod accepts, never the other way.
 *
 * It knows the schema kinds wire models use (objects loose or not, arrays, strings, numbers,
 * booleans, null, unknown, optional, nullable, unions, literals, enums) and runs zod's own check
 * functions (min/max, int, regex, refine), so checks keep their exact meaning. A schema with
 * anything else (a transform, a default, a pipe, a lazy…) gets no checker: zod parses it, always.
 * Equal means deep-equal: the input keeps the mall's key order, where zod puts declared keys first.
 */

/** Says whether a value passes unchanged. */
type Checker = (value: unknown) => boolean;

/** A zod check or schema as seen from inside: its def, traits, and (for checks) the check function. */
interface Internals {
  readonly def: Record<string, unknown> & { readonly type: string; readonly checks?: readonly unknown[] };
  readonly traits: ReadonlySet<string>;
  readonly optin?: 'optional' | 'defaulted';
  readonly optout?: 'optional';
  /** The accepted values of literals and enums, as zod computed them. */
  readonly values?: ReadonlySet<unknown>;
  readonly check?: (payload: { value: unknown; issues: unknown[] }) => unknown;
}

function internalsOf(schema: unknown): Internals | null {
  return (schema as { _zod?: Internals } | null)?._zod ?? null;
}

const compiled = new WeakMap<object, Checker | null>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * zod's own checks of a node (length, int, regex, refine…), run as zod runs them on a value of the
 * right type: undefined when there are none, null when one of them changes the value.
 */
function compileChecks(zod: Internals): Checker | null | undefined {
  // A format schema such as z.int() is its own check, as zod's $ZodType.init treats it.
  const checks = [...(zod.traits.has('$ZodCheck') ? [{ _zod: zod }] : []), ...(zod.def.checks ?? [])].map(internalsOf);
  if (checks.length === 0) return undefined;
  const runs: Array<{ readonly when: ((payload: unknown) => boolean) | undefined; readonly check: NonNullable<Internals['check']> }> = [];
  for (const check of checks) {
    // An overwrite (trim, toLowerCase…) changes the value: zod's output would differ from the input.
    if (check === null || check.def['check'] === 'overwrite' || typeof check.check !== 'function') return null;
    runs.push({ when: check.def['when'] as ((payload: unknown) => boolean) | undefined, check: check.check });
  }
  return (value) => {
    for (const { when, check } of runs) {
      const payload = { value, issues: [] as unknown[] };
      if (when !== undefined && !when(payload)) continue;
      // An async refine cannot be answered here; zod then says what it says.
      if (check(payload) instanceof Promise || payload.issues.length > 0) return false;
      // A raw .check() may replace the value: zod's output would then differ from the input.
      if (payload.value !== value) return false;
    }
    return true;
  };
}

/** One declared key of an object: how to check it present, and whether it may be absent. */
interface KeyRule {
  readonly key: string;
  readonly check: Checker;
  /** zod accepts the key absent and adds nothing for it. */
  readonly mayBeAbsent: boolean;
  /** A name Object.prototype has (toString…): `in` finds it on every object, zod reads the inherited value. */
  readonly inherited: boolean;
  /** The kinds a leaf key accepts (see kindsOf), 0 when `check` must run. Saves three calls per field. */
  readonly kinds: number;
}

/* The kinds of JSON values, as bits: a leaf schema such as z.string().nullish() accepts a set of them. */
const STRING = 1;
const NUMBER = 2;
const BOOLEAN = 4;
const NULL = 8;
const UNDEFINED = 16;
const OTHER = 32;
const ANY_KIND = STRING | NUMBER | BOOLEAN | NULL | UNDEFINED | OTHER;

/** The kind bit of a value (a NaN or infinite number is no number to zod). */
function kindOf(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return STRING;
    case 'number':
      return Number.isFinite(value) ? NUMBER : OTHER;
    case 'boolean':
      return BOOLEAN;
    case 'undefined':
      return UNDEFINED;
    case 'object':
      return value === null ? NULL : OTHER;
    default:
      return OTHER;
  }
}

/**
 * The kinds a schema accepts when it accepts every value of them unchanged (a string, number,
 * boolean, null or unknown, optional, nullable, a union of such, and no checks); 0 otherwise.
 */
function kindsOf(schema: unknown): number {
  const zod = internalsOf(schema);
  if (zod === null || (zod.def.checks?.length ?? 0) > 0 || zod.traits.has('$ZodCheck') || zod.def['coerce'] === true) return 0;
  switch (zod.def.type) {
    case 'string':
      return STRING;
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOLEAN;
    case 'null':
      return NULL;
    case 'unknown':
    case 'any':
      return ANY_KIND;
    case 'optional': {
      if (zod.traits.has('$ZodExactOptional') || zod.optin !== 'optional') return 0;
      const inner = kindsOf(zod.def['innerType']);
      return inner === 0 ? 0 : inner | UNDEFINED;
    }
    case 'nullable': {
      const inner = kindsOf(zod.def['innerType']);
      return inner === 0 ? 0 : inner | NULL;
    }
    case 'union': {
      if (zod.traits.has('$ZodDiscriminatedUnion') || zod.traits.has('$ZodXor') || zod.def['discriminator'] !== undefined) return 0;
      let kinds = 0;
      for (const option of zod.def['options'] as readonly unknown[]) {
        const optionKinds = kindsOf(option);
        if (optionKinds === 0) return 0;
        kinds |= optionKinds;
      }
      return kinds;
    }
    default:
      return 0;
  }
}

function compileObject(def: Internals['def']): Checker | null {
  const shape = def['shape'] as Record<string, unknown>;
  const rules: KeyRule[] = [];
  for (const key of Object.keys(shape)) {
    const child = internalsOf(shape[key]);
    const check = compileSchema(shape[key]);
    if (child === null || check === null || key === '__proto__') return null;
    // Absent and optional in and out: zod skips the key. Absent and required: zod refuses the order.
    rules.push({ key, check, mayBeAbsent: child.optin === 'optional' && child.optout === 'optional', inherited: key in Object.prototype, kinds: kindsOf(shape[key]) });
  }
  const catchall = internalsOf(def['catchall']);
  // Loose (unknown/any catch-all): extra keys are copied as they are. No catch-all: zod strips them,
  // so an object with extra keys would come out different. Any other catch-all: left to zod.
  const loose = catchall !== null && (catchall.def.type === 'unknown' || catchall.def.type === 'any') && (catchall.def.checks?.length ?? 0) === 0;
  if (catchall !== null && !loose) return null;
  const declared = new Set(rules.map((rule) => rule.key));
  const keysChecker = generatedKeysChecker(rules);
  if (keysChecker !== null) {
    return (value) => {
      if (!isPlainObject(value) || Object.hasOwn(value, '__proto__') || !keysChecker(value)) return false;
      if (!loose) {
        for (const key in value) if (!declared.has(key)) return false;
      }
      return true;
    };
  }
  return (value) => {
    if (!isPlainObject(value)) return false;
    // JSON.parse makes `__proto__` an own key; zod leaves it out of its output.
    if (Object.hasOwn(value, '__proto__')) return false;
    for (const rule of rules) {
      // One lookup per key: `in` only for undefined, to tell an absent key from one set to undefined.
      const field = value[rule.key];
      if (field === undefined && !(rule.key in value)) {
        if (rule.mayBeAbsent) continue;
        return false;
      }
      // Not the order's own key but Object.prototype's: what zod makes of that is left to zod.
      if (rule.inherited && !Object.hasOwn(value, rule.key)) return false;
      if (rule.kinds !== 0 ? (kindOf(field) & rule.kinds) === 0 : !rule.check(field)) return false;
    }
    if (!loose) {
      for (const key in value) if (!declared.has(key)) return false;
    }
    return true;
  };
}

/** Whether this runtime compiles code from strings (Cloudflare Workers and strict CSPs do not). */
const canGenerateCode = ((): boolean => {
  try {
    return (new Function('return true') as () => boolean)();
  } catch {
    return false;
  }
})();

/**
 * The key rules of an object as one generated function reading each key by its literal name, as
 * zod's own JIT does: property reads by a name known in advance use V8's inline caches, reads by a
 * name held in a variable look the key up each time (the walk cost two thirds of JSON.parse).
 * Same logic as the loop in compileObject; null where code cannot be generated (the loop is used).
 */
function generatedKeysChecker(rules: readonly KeyRule[]): ((value: Record<string, unknown>) => boolean) | null {
  if (!canGenerateCode) return null;
  const lines = rules.map((rule, index) => {
    // JSON.stringify gives a valid JS string literal for any key.
    const name = JSON.stringify(rule.key);
    const inherited = rule.inherited ? `if (!hasOwn(value, ${name})) return false;` : '';
    const check = rule.kinds !== 0 ? `if ((kindOf(field) & ${rule.kinds}) === 0) return false;` : `if (!checks[${index}](field)) return false;`;
    const absent = rule.mayBeAbsent ? '' : 'return false;';
    return `field = value[${name}]; if (field === undefined && !(${name} in value)) { ${absent} } else { ${inherited} ${check} }`;
  });
  const body = `return function checkKeys(value) { let field; ${lines.join('\n')} return true; };`;
  try {
    const make = new Function('checks', 'kindOf', 'hasOwn', body) as (
      checks: readonly Checker[],
      kinds: typeof kindOf,
      hasOwn: typeof Object.hasOwn,
    ) => (value: Record<string, unknown>) => boolean;
    return make(
      rules.map((rule) => rule.check),
      kindOf,
      Object.hasOwn,
    );
  } catch {
    return null;
  }
}

/**
 * True when the checker of `schema` refuses only what zod refuses too. Primitives, literals, enums,
 * their optional/nullable forms, arrays and unions of them are; objects are not (the checker refuses
 * extra keys zod would strip, and objects zod would accept only as a copy).
 */
function refusesOnlyWhatZodRefuses(schema: unknown): boolean {
  const zod = internalsOf(schema);
  // No checker (a trim, a coerce, a union cut short…): it refuses values zod accepts.
  if (zod === null || compileSchema(schema) === null) return false;
  switch (zod.def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
    case 'any':
    case 'literal':
    case 'enum':
      return true;
    case 'optional':
    case 'nullable':
      return refusesOnlyWhatZodRefuses(zod.def['innerType']);
    case 'array':
      return refusesOnlyWhatZodRefuses(zod.def['element']);
    case 'union':
      return (zod.def['options'] as readonly unknown[]).every(refusesOnlyWhatZodRefuses);
    default:
      return false;
  }
}

function compileUnion(def: Internals['def'], traits: ReadonlySet<string>): Checker | null {
  // Discriminated and exclusive unions choose differently from "the first option that fits".
  if (traits.has('$ZodDiscriminatedUnion') || traits.has('$ZodXor') || def['discriminator'] !== undefined) return null;
  const options: Array<{ readonly check: Checker; readonly exact: boolean }> = [];
  for (const option of def['options'] as readonly unknown[]) {
    const check = compileSchema(option);
    // An option without a checker (a trim, a default…) ends the options the checker can vouch for.
    if (check === null) break;
    options.push({ check, exact: refusesOnlyWhatZodRefuses(option) });
  }
  if (options.length === 0) return null;
  // zod returns the FIRST option that accepts. An option the checker refuses may still be one zod
  // accepts with a change (an object it strips): past such an option, zod's choice is unknown here.
  return (value) => {
    for (const { check, exact } of options) {
      if (check(value)) return true;
      if (!exact) return false;
    }
    return false;
  };
}

/** What a transform receives as its context: zod's payload, where an issue it adds refuses the value. */
class TransformContext {
  value: unknown = undefined;
  readonly issues: unknown[] = [];
  addIssue(issue: unknown): void {
    this.issues.push(issue);
  }
}

/**
 * One context for every transform call: checkers run synchronously and one at a time, and a field
 * per order each allocating its own context showed up in profiles. Reset before each call.
 */
const transformContext = new TransformContext();

/**
 * A transform keeps the value when it gives back the very same value (`value ?? null` on a string,
 * `value ?? []` on an array): then zod's output is its input. Called as zod calls it (the value,
 * and a payload to add issues to: one refuses the value); anything thrown leaves the value to zod.
 * (Not through zod's own run: that costs more per call than all of zod's parse of the field.)
 */
function compileTransform(def: Internals['def']): Checker | null {
  const transform = def['transform'];
  if (typeof transform !== 'function') return null;
  return (value) => {
    const context = transformContext;
    context.value = value;
    context.issues.length = 0;
    try {
      const output: unknown = transform(value, context);
      return context.issues.length === 0 && Object.is(output, value);
    } catch {
      return false;
    }
  };
}

/** The checker of one schema node, without its own checks; null when the node is not a pure check. */
function compileNode(zod: Internals): Checker | null {
  const { def } = zod;
  if (def['coerce'] === true) return null;
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'null':
      return (value) => value === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'literal':
    case 'enum': {
      const values = zod.values;
      return values === undefined ? null : (value) => values.has(value);
    }
    case 'optional': {
      // exactOptional refuses an explicit undefined; a defaulted inner substitutes a value.
      if (zod.traits.has('$ZodExactOptional') || zod.optin !== 'optional') return null;
      const inner = compileSchema(def['innerType']);
      return inner && ((value) => value === undefined || inner(value));
    }
    case 'nullable': {
      const inner = compileSchema(def['innerType']);
      return inner && ((value) => value === null || inner(value));
    }
    case 'array': {
      const element = compileSchema(def['element']);
      return (
        element &&
        ((value) => {
          if (!Array.isArray(value)) return false;
          for (const item of value) if (!element(item)) return false;
          return true;
        })
      );
    }
    case 'object':
      return compileObject(def);
    case 'pipe': {
      // A pipe hands its input's output to the next schema: when both keep the value, so does the pipe.
      const input = compileSchema(def['in']);
      const output = compileSchema(def['out']);
      return input && output && ((value) => input(value) && output(value));
    }
    case 'transform':
      return compileTransform(def);
    case 'union':
      return compileUnion(def, zod.traits);
    default:
      return null;
  }
}

function compileSchema(schema: unknown): Checker | null {
  if (typeof schema !== 'object' || schema === null) return null;
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  const zod = internalsOf(schema);
  const node = zod === null ? null : compileNode(zod);
  const checks = node === null || zod === null ? null : compileChecks(zod);
  const checker = node === null || checks === null ? null : checks === undefined ? node : (value: unknown) => node(value) && checks(value);
  compiled.set(schema, checker);
  return checker;
}

/**
 * True when `schema` accepts `value` and zod's output would equal it, so that the value itself can
 * stand for the parse result; false when zod must parse it (a value it refuses or rewrites, or a
 * schema kind the checker does not know). Compiled once per schema.
 */
export function passesUnchanged(schema: z.ZodType, value: unknown): boolean {
  const checker = compileSchema(schema);
  return checker !== null && checker(value);
}
