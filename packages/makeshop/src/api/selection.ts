/*
 * A GraphQL selection set as data, so that the fields nobody has confirmed can be told apart from
 * the confirmed ones and dropped one by one when makeshop says it does not know them, without a
 * GraphQL library: the documents this package sends are only ever built from these trees.
 */

/** One field of a selection set. */
export interface SelectionField {
  readonly name: string;
  /** True when public material shows makeshop sends this field; false for a name inferred from the legacy API. */
  readonly confirmed: boolean;
  /** The sub-selection of an object field. */
  readonly fields?: readonly SelectionField[];
}

/** A confirmed field (seen in a working client or makeshop's release notes). */
export function confirmed(name: string, fields?: readonly SelectionField[]): SelectionField {
  return fields ? { name, confirmed: true, fields } : { name, confirmed: true };
}

/** A field whose name is inferred (legacy API → GraphQL naming); makeshop may not have it. */
export function inferred(name: string, fields?: readonly SelectionField[]): SelectionField {
  return fields ? { name, confirmed: false, fields } : { name, confirmed: false };
}

/** The selection as GraphQL text: `a b c { d e }`. */
export function renderSelection(fields: readonly SelectionField[]): string {
  return fields.map((field) => (field.fields ? `${field.name} { ${renderSelection(field.fields)} }` : field.name)).join(' ');
}

/** The inferred fields of a selection, by name, at any depth. */
export function inferredNames(fields: readonly SelectionField[]): string[] {
  return fields.flatMap((field) => [...(field.confirmed ? [] : [field.name]), ...inferredNames(field.fields ?? [])]);
}

/**
 * The selection without the inferred fields named (at any depth); confirmed fields are never
 * dropped. An object field left with no sub-field is dropped too, since GraphQL forbids `x { }`.
 */
export function withoutInferred(fields: readonly SelectionField[], names: ReadonlySet<string>): SelectionField[] {
  const kept: SelectionField[] = [];
  for (const field of fields) {
    if (!field.confirmed && names.has(field.name)) continue;
    if (!field.fields) {
      kept.push(field);
      continue;
    }
    const inner = withoutInferred(field.fields, names);
    if (inner.length > 0) kept.push({ ...field, fields: inner });
  }
  return kept;
}
