import type { CanonicalField } from './wire-profile.js';

/** Translates keys between mallkit's canonical spelling and the mall's, for whole JSON values. */
export interface FieldRenamer {
  /** A copy of a request value with canonical keys respelled as the mall spells them. */
  toMall(value: unknown): unknown;
  /** A copy of an answer value with the mall's keys respelled canonically; unknown keys are kept. */
  toCanonical(value: unknown): unknown;
}

function renameDeep(value: unknown, names: ReadonlyMap<string, string>, depth = 0): unknown {
  // A depth guard: answers are a few levels deep; anything deeper is left as it is.
  if (depth > 32) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => renameDeep(item, names, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[names.get(key) ?? key] = renameDeep(inner, names, depth + 1);
  return out;
}

/**
 * A renamer for the profile's field names. With the default (identity) spelling it returns values
 * untouched, so the common path costs nothing.
 */
export function createFieldRenamer(fieldNames: Readonly<Record<CanonicalField, string>>): FieldRenamer {
  const changed = Object.entries(fieldNames).filter(([canonical, mall]) => canonical !== mall);
  if (changed.length === 0) return { toMall: (value) => value, toCanonical: (value) => value };
  const toMall = new Map(changed);
  const toCanonical = new Map(changed.map(([canonical, mall]) => [mall, canonical]));
  return {
    toMall: (value) => renameDeep(value, toMall),
    toCanonical: (value) => renameDeep(value, toCanonical),
  };
}
