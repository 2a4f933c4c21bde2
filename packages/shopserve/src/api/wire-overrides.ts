import { controlCharacterIn, parseInput, ValidationError, type CarrierCode } from '@mallkit/core';
import { z } from 'zod';
import { CANONICAL_FIELDS, DEFAULT_WIRE_PROFILE, type CanonicalField, type ShopserveWireOverrides, type ShopserveWireProfile, type ShopserveWireValues } from './wire-profile.js';

/*
 * The checks of the `wire` option. Values end up in request bodies, URLs and comparisons with what
 * Shopserve sends, so they are held to the rules of other input: one line, no control characters,
 * bounded length.
 */

const pathText = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_\-./{};]+$/, 'use letters, digits and / _ - . ; { } only');
/** An enum spelling or a carrier name: sent in bodies and compared with answers. */
const valueText = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((value) => controlCharacterIn(value) === null, 'contains a control character');

const overridesSchema = z
  .object({
    searchPath: pathText.refine((path) => path.includes('{composite_requests}'), 'must contain {composite_requests}').optional(),
    blocks: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'block names are letters, digits, _ and -')).nonempty().max(20).optional(),
    dateFormat: z.enum(['iso', 'space', 'compact', 'iso-compact-offset']).optional(),
    dayFormat: z.enum(['date', 'date-compact']).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    sortResults: z.boolean().optional(),
    updatedSearch: z.boolean().optional(),
    statusUpdate: z
      .object({
        method: z.enum(['PUT', 'POST', 'PATCH']).optional(),
        path: pathText.refine((path) => !/[{}]/.test(path.replace('{serial_code}', '')), 'may hold {serial_code} and no other placeholder').optional(),
      })
      .strict()
      .optional(),
    values: z.record(z.string(), valueText).optional(),
    openOrderStatuses: z.array(valueText).max(50).optional(),
    carrierNames: z.record(z.string(), valueText).optional(),
    fieldNames: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_]+$/, 'field names are letters, digits and _')).optional(),
  })
  .strict();

function unknownKeys(given: Readonly<Record<string, unknown>> | undefined, known: readonly string[], root: string): string[] {
  return Object.keys(given ?? {})
    .filter((key) => !known.includes(key))
    .map((key) => `${root}.${key}`);
}

/**
 * Merges user overrides onto {@link DEFAULT_WIRE_PROFILE}. Bad overrides throw ValidationError naming
 * the field (`options.wire.pageSize`), before any request; two canonical fields may not share one
 * mall spelling, since answers could then not be read back.
 */
export function resolveWireProfile(overrides: ShopserveWireOverrides | undefined, root = 'options.wire'): ShopserveWireProfile {
  if (overrides === undefined) return DEFAULT_WIRE_PROFILE;
  const parsed = parseInput(overridesSchema, overrides, root, { mall: 'shopserve' });
  const unknown = [
    ...unknownKeys(parsed.values, Object.keys(DEFAULT_WIRE_PROFILE.values), `${root}.values`),
    ...unknownKeys(parsed.carrierNames, Object.keys(DEFAULT_WIRE_PROFILE.carrierNames), `${root}.carrierNames`),
    ...unknownKeys(parsed.fieldNames, CANONICAL_FIELDS, `${root}.fieldNames`),
  ];
  const fieldNames = { ...DEFAULT_WIRE_PROFILE.fieldNames, ...(parsed.fieldNames as Partial<Record<CanonicalField, string>>) };
  const spellings = Object.values(fieldNames);
  const clash = spellings.find((name, index) => spellings.indexOf(name) !== index);
  const issues = [
    ...unknown.map((field) => ({ field, message: 'is not a field of the Shopserve wire profile' })),
    ...(clash ? [{ field: `${root}.fieldNames`, message: `two fields are spelled ${clash}: answers could not be read back` }] : []),
  ];
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'shopserve',
      hint: { ja: `wire の設定を確認してください: ${issues[0]?.field}。`, en: `Fix the wire profile: ${issues[0]?.field}.` },
    });
  }
  return Object.freeze({
    searchPath: parsed.searchPath ?? DEFAULT_WIRE_PROFILE.searchPath,
    blocks: Object.freeze([...(parsed.blocks ?? DEFAULT_WIRE_PROFILE.blocks)]),
    dateFormat: parsed.dateFormat ?? DEFAULT_WIRE_PROFILE.dateFormat,
    dayFormat: parsed.dayFormat ?? DEFAULT_WIRE_PROFILE.dayFormat,
    pageSize: parsed.pageSize ?? DEFAULT_WIRE_PROFILE.pageSize,
    sortResults: parsed.sortResults ?? DEFAULT_WIRE_PROFILE.sortResults,
    updatedSearch: parsed.updatedSearch ?? DEFAULT_WIRE_PROFILE.updatedSearch,
    statusUpdate: Object.freeze({ ...DEFAULT_WIRE_PROFILE.statusUpdate, ...parsed.statusUpdate }),
    values: Object.freeze({ ...DEFAULT_WIRE_PROFILE.values, ...(parsed.values as Partial<ShopserveWireValues>) }),
    openOrderStatuses: Object.freeze([...(parsed.openOrderStatuses ?? DEFAULT_WIRE_PROFILE.openOrderStatuses)]),
    carrierNames: Object.freeze({ ...DEFAULT_WIRE_PROFILE.carrierNames, ...(parsed.carrierNames as Partial<Record<CarrierCode, string>>) }),
    fieldNames: Object.freeze(fieldNames),
  });
}
