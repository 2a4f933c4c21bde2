import { CARRIER_NAMES_JA, type CarrierCode, type PaymentMethodCode } from '@mallkit/core';

/*
 * THE ONE MODULE OF UNVERIFIED DETAILS.
 *
 * Shopserve documents its order API (注文情報検索 V2-M-0024, 注文状態更新 V2-M-0012) only inside the
 * shop's admin screen (サーバー → ショップサーブAPI). Public material confirms the host, JSON, HTTP
 * Basic auth, the search path `POST /v2/orders/_retrieve/{composite_requests}` with `basic` as one
 * block and blocks joined by `;`, a `since` in the body, and `serial_code` as the order key. Every
 * other detail below is mallkit's assumption, modelled on the Shopserve endpoints whose calls are
 * seen in public client code (`/v2/items/_search`: `from`/`size` paging, `total_count`,
 * `sort {type, order}`, PascalCase enum values such as `Yes`/`No`). Each wire detail can be
 * overridden with the connector option `wire` (checked in wire-overrides.ts), and the sandbox
 * (`@mallkit/shopserve/testing`) speaks exactly the resolved profile, so a pilot shop that reads the
 * real specification corrects a detail in one place. The rules below the profile (prepaid methods,
 * the one-year write-back limit) are guesses too; they live here so that every guess is in one file.
 * The README's "verified / unverified" table and `capabilities.verification` list the same.
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
  /** 決済ステータス of a payment that failed (card authorization refused). UNVERIFIED: no value of this axis is public. */
  readonly paymentFailed: string;
  /** 注文ステータス 完了 (the state exists on the admin screen; its API spelling is UNVERIFIED). */
  readonly completed: string;
  /** Boolean flags such as `cancelled`. CONFIRMED style on other endpoints (`is_open: "Yes"`). */
  readonly yes: string;
  /** The negative of {@link ShopserveWireValues.yes}. */
  readonly no: string;
  /** `date_type` value for searching by 注文日時. UNVERIFIED. */
  readonly orderedDateType: string;
  /** `date_type` value for searching by 受注更新日時. UNVERIFIED, and so is the search itself (see {@link ShopserveWireProfile.updatedSearch}). */
  readonly updatedDateType: string;
  /** `sort.order` for oldest first. CONFIRMED on `/v2/items/_search` (`Asc`/`Desc`). */
  readonly ascending: string;
}

/** Where and how 注文状態更新 (V2-M-0012) is sent. */
export interface ShopserveStatusUpdateRoute {
  /** UNVERIFIED. POST, the spec's own guess: every public Shopserve action endpoint is a POST with a JSON body. */
  readonly method: 'PUT' | 'POST' | 'PATCH';
  /**
   * Path under the base URL. `{serial_code}` is replaced by the order's serial code; a path without
   * it (`orders/_update`) sends `serial_code` in the body instead. UNVERIFIED.
   */
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
  /**
   * Whether searches send `sort {type, order}` (oldest first). UNVERIFIED. Listings by updated time
   * page by the last updated time seen only when results are sorted; without it they page by offset
   * and may miss an order changed during the listing.
   */
  readonly sortResults: boolean;
  /**
   * Whether 注文情報検索 searches by 受注更新日時 (`date_type` = `values.updatedDateType`). UNVERIFIED:
   * no public source shows it. The admin screen's 受注台帳 offers no update-time period (only 注文日時,
   * 入金日, 発送予定日, 発送完了日, お届け希望日), and the 受注更新日時 GoQ filters on is GoQ's own.
   * When false, listOrders searches by order time only and incremental sync re-reads the orders placed
   * within its look-back instead (see change-visibility.ts).
   */
  readonly updatedSearch: boolean;
  /** 注文状態更新 V2-M-0012. Path and method UNVERIFIED. */
  readonly statusUpdate: ShopserveStatusUpdateRoute;
  /** Enum spellings. UNVERIFIED except `ascending` and the `yes`/`no` style. */
  readonly values: ShopserveWireValues;
  /**
   * 注文ステータス values of an order still in progress. UNVERIFIED and empty by default: only 完了 is
   * known. Any other value makes the status `unmapped` (it could mean a cancellation) until listed here.
   */
  readonly openOrderStatuses: readonly string[];
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
  /** See {@link ShopserveWireProfile.updatedSearch}. */
  readonly updatedSearch?: boolean;
  /** See {@link ShopserveWireProfile.statusUpdate}. */
  readonly statusUpdate?: Partial<ShopserveStatusUpdateRoute>;
  /** See {@link ShopserveWireProfile.values}. */
  readonly values?: Partial<ShopserveWireValues>;
  /** See {@link ShopserveWireProfile.openOrderStatuses}. */
  readonly openOrderStatuses?: readonly string[];
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
  updatedSearch: true,
  // specs: "status update via POST /v2/orders/{serial_code}/… or /v2/orders/_update" (INFERRED from
  // the `_search`/`_get`/`_operate`/`_retrieve` action style).
  statusUpdate: Object.freeze({ method: 'POST', path: 'orders/{serial_code}/_update' }),
  values: Object.freeze({
    shipped: 'Shipped',
    notShipped: 'NotShipped',
    confirmed: 'Confirmed',
    unconfirmed: 'Unconfirmed',
    deposited: 'Deposited',
    notDeposited: 'NotDeposited',
    paymentFailed: 'Failed',
    completed: 'Completed',
    yes: 'Yes',
    no: 'No',
    orderedDateType: 'OrderedAt',
    updatedDateType: 'UpdatedAt',
    ascending: 'Asc',
  }),
  openOrderStatuses: Object.freeze([]),
  carrierNames: CARRIER_NAMES_JA,
  fieldNames: Object.freeze(Object.fromEntries(CANONICAL_FIELDS.map((field) => [field, field])) as Record<CanonicalField, string>),
});

/**
 * Payment methods paid before shipping: an order in one of them that is not 入金済 is awaiting
 * payment. UNVERIFIED as a Shopserve rule: it is what the method names mean; the 入金ステータス of
 * a card or COD order says nothing about whether it may ship.
 */
export const PREPAID_METHODS: ReadonlySet<PaymentMethodCode> = new Set(['bank_transfer', 'postal_transfer', 'convenience_store', 'pay_easy']);

/**
 * How old an order may be for exportShipments, in days. GoQ writes back only orders placed within a
 * year (goqsystem.com/manual/1496); whether Shopserve itself refuses older ones is UNVERIFIED.
 */
export const SHIPMENT_MAX_ORDER_AGE_DAYS = 365;

/** Japanese labels of 決済ステータス meaning the payment failed. UNVERIFIED: guessed from the admin screen's wording. */
export const PAYMENT_FAILED_LABELS: readonly string[] = Object.freeze(['与信NG', '与信失敗', '決済失敗', '決済エラー']);

/** A 400 answer whose message says キャンセル is read as "the order's state forbids it" (OrderStateError). UNVERIFIED. */
export const CANCELLED_MESSAGE = /キャンセル|cancel/i;

/** The details marked UNVERIFIED, for `capabilities.verification` and the README: what a pilot shop must confirm. */
export const UNVERIFIED_WIRE_DETAILS: readonly string[] = Object.freeze([
  'search: blocks other than `basic`, `until`, `date_type`, `serial_codes`, `from`/`size` paging, `sort`, the `since` format',
  'search by 受注更新日時 (`updatedSearch`): whether it exists, and which changes move 受注更新日時 (incremental sync relies on it)',
  'search answer: the `orders` list key and every order field name except `serial_code`',
  'enum values of 確認/発送/入金/決済/注文 statuses and the cancelled flag; 注文ステータス values of open orders',
  '注文状態更新 (V2-M-0012): method (POST assumed), path and body fields; every write is read back until a pilot shop confirms them',
  '配送会社 values',
  'the error body, the maintenance answer, 404 on a search meaning a wrong path, 409 or a キャンセル message meaning a cancelled order',
  'which payment methods are prepaid (an unpaid order in one is awaiting_payment)',
  'the one-year limit on shipment write-back (GoQ refuses older orders; Shopserve may not)',
  'the rate limit (none is published)',
]);
