import { CARRIER_NAMES_JA, parseInput, ValidationError, type CarrierCode } from '@mallkit/core';
import { z } from 'zod';

/*
 * THE ONE MODULE OF UNVERIFIED WIRE DETAILS.
 *
 * Shopserve documents its order API (注文情報検索 V2-M-0024, 注文状態更新 V2-M-0012) only inside the
 * shop's admin screen (サーバー → ショップサーブAPI). Public material confirms the host, JSON, HTTP
 * Basic auth, the search path `POST /v2/orders/_retrieve/{composite_requests}` with `basic` as one
 * block and blocks joined by `;`, a `since` in the body, and `serial_code` as the order key. Every
 * other detail below is mallkit's assumption, modelled on the Shopserve endpoints that ARE public
 * (`/v2/items/_search`: `from`/`size` paging, `total_count`, `sort {type, order}`, PascalCase enum
 * values such as `Yes`/`No`). Each one can be overridden with the connector option `wire`, and the
 * sandbox (`@mallkit/shopserve/testing`) speaks exactly the resolved profile, so a pilot shop that
 * reads the real specification can correct a detail in one place. See the README's table.
 */

/** How `since`/`until` are written: JST wall-clock time in one of these shapes (mallkit's JstFormat names). */
export type ShopserveDateFormat = 'iso' | 'space' | 'compact' | 'iso-compact-offset';

/** How calendar days (発送予定日) are written: `2026-11-22` or `20261122`. */
export type ShopserveDayFormat = 'date' | 'date-compact';

/** Enum spellings the connector sends, and recognises first when reading (Japanese labels are always recognised too). */
export interface ShopserveWireValues {
  /** 発送ステータス 発送済. UNVERIFIED (assumed PascalCase like `EnoughInStock`). */
  readonly shipped: string;
  /** 発送ステータス 未発送. UNVERIFIED. */
  readonly notShipped: string;
  /** 確認ステータス 確認済. UNVERIFIED. */
  readonly confirmed: string;
  /** 確認ステータス 未確認. UNVERIFIED. */
  readonly unconfirmed: string;
  /** 入金ステータス 入金済. UNVERIFIED. */
  readonly deposited: string;
  /** 入金ステータス 未入金. UNVERIFIED. */
  readonly notDeposited: string;
  /** 注文ステータス 完了 (help.shopserve.jp/manual/201 names the state; its API spelling is UNVERIFIED). */
  readonly completed: string;
  /** Boolean flags such as `cancelled`. CONFIRMED style on other endpoints (`is_open: "Yes"`). */
  readonly yes: string;
  /** The negative of {@link ShopserveWireValues.yes}. */
  readonly no: string;
  /** `date_type` value for searching by 注文日時. UNVERIFIED. */
  readonly orderedDateType: string;
  /** `date_type` value for searching by 受注更新日時. UNVERIFIED (the field exists: GoQ filters on it). */
  readonly updatedDateType: string;
  /** `sort.order` for oldest first. CONFIRMED on `/v2/items/_search` (`Asc`/`Desc`). */
  readonly ascending: string;
}

/** Where and how 注文状態更新 (V2-M-0012) is sent. */
export interface ShopserveStatusUpdateRoute {
  /** UNVERIFIED; PUT by analogy with the public stock update `PUT /v2/items/{item_code}/stock`. */
  readonly method: 'PUT' | 'POST' | 'PATCH';
  /** Path under the base URL; `{serial_code}` is replaced by the order's serial code. UNVERIFIED. */
  readonly path: string;
}

/**
 * Every key the connector sends or reads, in mallkit's canonical spelling. The profile maps each to
 * the mall's spelling; the defaults are the same words (an assumption except where marked).
 */
export const CANONICAL_FIELDS = [
  // search request (since: CONFIRMED; the rest UNVERIFIED, modelled on /v2/items/_search)
  'since', 'until', 'date_type', 'serial_codes', 'from', 'size', 'sort', 'type', 'order',
  // search answer (total_count: CONFIRMED on /v2/items/_search and /v2/client/_search)
  'total_count', 'orders',
  // one order (serial_code: CONFIRMED; basic: CONFIRMED as a block name)
  'serial_code', 'basic', 'detail',
  'order_code', 'ordered_at', 'updated_at', 'order_status', 'confirmation_status', 'payment_status', 'deposit_status',
  'shipping_status', 'cancelled', 'payment_method', 'deposited_at', 'delivery_company', 'tracking_number',
  'scheduled_shipping_date', 'shipped_date', 'orderer', 'amounts', 'comment', 'memo',
  'item_total', 'postage', 'cod_fee', 'other_fee', 'discount', 'used_point', 'coupon_discount', 'tax', 'total', 'billing_amount',
  'deliveries', 'delivery_no', 'recipient', 'delivery_method', 'desired_date', 'desired_time', 'items',
  'line_no', 'item_code', 'variation_code', 'item_name', 'quantity', 'unit_price', 'tax_rate', 'options', 'name', 'value',
  'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'company_name', 'zip_code', 'prefecture', 'city',
  'address1', 'address2', 'tel', 'mail_address',
  // error body (UNKNOWN: public clients only log the body as text)
  'code', 'message',
] as const;

/** A key in mallkit's canonical spelling of the Shopserve wire. */
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** The resolved description of Shopserve's order API that the connector and the sandbox both follow. */
export interface ShopserveWireProfile {
  /** The search path with `{composite_requests}` for the blocks. CONFIRMED: `orders/_retrieve/{composite_requests}`. */
  readonly searchPath: string;
  /** Blocks asked for, joined by `;` (matrix URL). `basic` CONFIRMED; `detail` (注文詳細情報) UNVERIFIED. */
  readonly blocks: readonly string[];
  /** Shape of `since`/`until`. UNVERIFIED: the one public sample was cut off after `'201`. */
  readonly dateFormat: ShopserveDateFormat;
  /** Shape of calendar days sent (発送予定日). UNVERIFIED. */
  readonly dayFormat: ShopserveDayFormat;
  /** Orders per search page (`size`). UNVERIFIED: 100 is what public item-search code asks for. */
  readonly pageSize: number;
  /** Whether searches send `sort {type, order}` (oldest first) so that offset paging is stable. UNVERIFIED. */
  readonly sortResults: boolean;
  /** 注文状態更新 V2-M-0012. Path and method UNVERIFIED. */
  readonly statusUpdate: ShopserveStatusUpdateRoute;
  /** Enum spellings. UNVERIFIED except `ascending` and the `yes`/`no` style. */
  readonly values: ShopserveWireValues;
  /** 配送会社 values sent per normalized carrier. UNVERIFIED: Shopserve's carrier list is not public. */
  readonly carrierNames: Readonly<Record<CarrierCode, string>>;
  /** The mall's spelling of each canonical key (identity unless overridden). UNVERIFIED except where marked. */
  readonly fieldNames: Readonly<Record<CanonicalField, string>>;
}

/** What a user may override, field by field; anything left out keeps the default. */
export interface ShopserveWireOverrides {
  /** See {@link ShopserveWireProfile.searchPath}. */
  readonly searchPath?: string;
  /** See {@link ShopserveWireProfile.blocks}. */
  readonly blocks?: readonly string[];
  /** See {@link ShopserveWireProfile.dateFormat}. */
  readonly dateFormat?: ShopserveDateFormat;
  /** See {@link ShopserveWireProfile.dayFormat}. */
  readonly dayFormat?: ShopserveDayFormat;
  /** See {@link ShopserveWireProfile.pageSize}. */
  readonly pageSize?: number;
  /** See {@link ShopserveWireProfile.sortResults}. */
  readonly sortResults?: boolean;
  /** See {@link ShopserveWireProfile.statusUpdate}. */
  readonly statusUpdate?: Partial<ShopserveStatusUpdateRoute>;
  /** See {@link ShopserveWireProfile.values}. */
  readonly values?: Partial<ShopserveWireValues>;
  /** See {@link ShopserveWireProfile.carrierNames}. */
  readonly carrierNames?: Partial<Record<CarrierCode, string>>;
  /** See {@link ShopserveWireProfile.fieldNames}. */
  readonly fieldNames?: Partial<Record<CanonicalField, string>>;
}

/** The assumed profile. Every entry not marked CONFIRMED above is a guess a pilot shop should check. */
export const DEFAULT_WIRE_PROFILE: ShopserveWireProfile = Object.freeze({
  searchPath: 'orders/_retrieve/{composite_requests}',
  blocks: Object.freeze(['basic', 'detail']),
  dateFormat: 'iso',
  dayFormat: 'date',
  pageSize: 100,
  sortResults: true,
  statusUpdate: Object.freeze({ method: 'PUT', path: 'orders/{serial_code}/status' }),
  values: Object.freeze({
    shipped: 'Shipped',
    notShipped: 'NotShipped',
    confirmed: 'Confirmed',
    unconfirmed: 'Unconfirmed',
    deposited: 'Deposited',
    notDeposited: 'NotDeposited',
    completed: 'Completed',
    yes: 'Yes',
    no: 'No',
    orderedDateType: 'OrderedAt',
    updatedDateType: 'UpdatedAt',
    ascending: 'Asc',
  }),
  carrierNames: CARRIER_NAMES_JA,
  fieldNames: Object.freeze(Object.fromEntries(CANONICAL_FIELDS.map((field) => [field, field])) as Record<CanonicalField, string>),
});

/** The details marked UNVERIFIED, for capabilities and the README: what a pilot shop must confirm. */
export const UNVERIFIED_WIRE_DETAILS: readonly string[] = Object.freeze([
  'search: blocks other than `basic`, `until`, `date_type`, `serial_codes`, `from`/`size` paging, `sort`, the `since` format',
  'search answer: the `orders` list key and every order field name except `serial_code`',
  'enum values of 確認/発送/入金/注文 statuses and the cancelled flag',
  '注文状態更新 (V2-M-0012): method, path and body fields',
  '配送会社 values',
  'the error body and the maintenance answer',
  'the rate limit (none is published)',
]);

const pathText = z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_\-./{};]+$/, 'use letters, digits and / _ - . ; { } only');
const enumText = z.string().trim().min(1).max(50);

const overridesSchema = z
  .object({
    searchPath: pathText.refine((path) => path.includes('{composite_requests}'), 'must contain {composite_requests}').optional(),
    blocks: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'block names are letters, digits, _ and -')).nonempty().max(20).optional(),
    dateFormat: z.enum(['iso', 'space', 'compact', 'iso-compact-offset']).optional(),
    dayFormat: z.enum(['date', 'date-compact']).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    sortResults: z.boolean().optional(),
    statusUpdate: z
      .object({
        method: z.enum(['PUT', 'POST', 'PATCH']).optional(),
        path: pathText.refine((path) => path.includes('{serial_code}'), 'must contain {serial_code}').optional(),
      })
      .strict()
      .optional(),
    values: z.record(z.string(), enumText).optional(),
    carrierNames: z.record(z.string(), enumText).optional(),
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
    statusUpdate: Object.freeze({ ...DEFAULT_WIRE_PROFILE.statusUpdate, ...parsed.statusUpdate }),
    values: Object.freeze({ ...DEFAULT_WIRE_PROFILE.values, ...(parsed.values as Partial<ShopserveWireValues>) }),
    carrierNames: Object.freeze({ ...DEFAULT_WIRE_PROFILE.carrierNames, ...(parsed.carrierNames as Partial<Record<CarrierCode, string>>) }),
    fieldNames: Object.freeze(fieldNames),
  });
}
