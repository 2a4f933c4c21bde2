import {
  ORDER_STATUSES,
  INPUT_YEAR_RANGE,
  controlCharacterIn,
  parseInput,
  parseJst,
  secureUrlSchema,
  ValidationError,
  type ConnectorOptions,
  type MapperOverrides,
  type OrderStatus,
} from '@mallkit/core';
import { z } from 'zod';
import { AUPAY_KEY_LIFETIME_DAYS, AUPAY_PAGE_SIZE, AUPAY_PRODUCTION_BASE_URL, AUPAY_STAGING_BASE_URL } from './api/limits.js';
import { SHIPPING_DATE_FORMATS, type AupayShippingDateFormat } from './mapping/dates.js';
import { aupayStatusOf } from './mapping/status.js';

/** Options of {@link createAupayConnector}: the shop's credentials plus the common connector options. */
export interface AupayConnectorOptions extends Omit<ConnectorOptions, 'shopId'> {
  /**
   * The shop's ID (店舗ID, digits), sent as `shopId` in every request and used as the connector's
   * shopId. A wrong one is answered with `CME0022`.
   */
  readonly shopId: string;
  /**
   * The API key from Wow!manager → 各種お申し込み → API利用申請. Sent as `Authorization: Bearer …`.
   * A key with spaces around it (a copy-and-paste slip that makes every call fail) is refused.
   */
  readonly apiKey: string;
  /**
   * When the key was issued: it expires 90 days later. au PAY has no API that tells the expiry, so
   * without this or `keyExpiresAt` checkCredentials cannot say how many days are left.
   */
  readonly keyIssuedAt?: Date | string | number;
  /**
   * The key's 有効期限 as Wow!manager shows it (`2026/02/20`): a bare date means the key works
   * through the end of that day (JST). Wins over `keyIssuedAt` when both are given.
   */
  readonly keyExpiresAt?: Date | string | number;
  /** `staging` sends to `https://sg.manager.wowma.jp/wmshopapi/` (a test shop and key are needed). Default `production`. `baseUrl` wins over it. */
  readonly environment?: 'production' | 'staging';
  /** Orders per search page (`totalCount`), 1–1000; default 1000 (UNCERTAIN: see the README). */
  readonly pageSize?: number;
  /** How shippingDate is written: `YYYY/MM/DD` (default), `YYYYMMDD` or `YYYY-MM-DD` (UNCERTAIN: see the README). */
  readonly shippingDateFormat?: AupayShippingDateFormat;
  /**
   * The status exportShipments moves a shipped order to when it is paid before or at ordering;
   * default `完了`. `発送後入金待ち`, or a shop status given in `customStatuses` as shipped, delivered
   * or completed, is allowed too.
   */
  readonly shippedStatus?: string;
  /**
   * The status exportShipments moves a shipped cash-on-delivery or 後払い order to; default
   * `発送後入金待ち` (the buyer pays after delivery). Same choices as `shippedStatus`.
   */
  readonly shippedStatusPaidAfterDelivery?: string;
  /**
   * The shop's own statuses (貴店舗カスタムステータス), by name, and what they mean. Without an
   * entry, an order in a custom status is delivered with status `unmapped` and a warning. au PAY's
   * own status names cannot be redefined.
   */
  readonly customStatuses?: Readonly<Record<string, OrderStatus>>;
  /**
   * Overrides of the built-in tables (変換設定): `paymentMethod` by settlementName, `carrier` by
   * au PAY carrier code (`'1'`…`'9'`), `timeSlot` by deliveryRequestTime.
   */
  readonly mappers?: MapperOverrides;
}

/** The options after their checks: what the connector runs on (the API key stays out: it lives in the client's closures only). */
export interface AupaySettings {
  /** The shop ID, digits. */
  readonly shopId: string;
  /** When the key stops working, from keyExpiresAt or keyIssuedAt + 90 days; null when neither was given. */
  readonly keyExpiresAt: Date | null;
  /** Which option the expiry came from. */
  readonly keyExpirySource: 'keyExpiresAt' | 'keyIssuedAt' | null;
  /** The API root requests go to. */
  readonly baseUrl: string;
  /** Orders per search page. */
  readonly pageSize: number;
  /** How shippingDate is written. */
  readonly shippingDateFormat: AupayShippingDateFormat;
  /** The status a shipped order paid before or at ordering is moved to. */
  readonly shippedStatus: string;
  /** The status a shipped cash-on-delivery or 後払い order is moved to. */
  readonly shippedStatusPaidAfterDelivery: string;
  /** The shop's own statuses and their meaning. */
  readonly customStatuses: Readonly<Record<string, OrderStatus>>;
}

const DAY_MS = 86_400_000;
const BARE_DATE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/;

/** A date option as shops copy it from Wow!manager; a bare date is the whole of that JST day. */
function dateOption(endOfBareDay: boolean) {
  return z.union([z.date(), z.string(), z.number()]).transform((value, ctx) => {
    let ms: number;
    try {
      if (value instanceof Date) ms = value.getTime();
      else if (typeof value === 'number') ms = value;
      else {
        const text = value.trim();
        ms = parseJst(text).getTime() + (endOfBareDay && BARE_DATE.test(text) ? DAY_MS - 1000 : 0);
      }
    } catch {
      ms = Number.NaN;
    }
    const year = Number.isFinite(ms) ? new Date(ms).getUTCFullYear() : Number.NaN;
    if (!(year >= INPUT_YEAR_RANGE.min && year <= INPUT_YEAR_RANGE.max)) {
      ctx.addIssue({ code: 'custom', message: 'must be a date such as 2026/02/20 (as Wow!manager shows it), an ISO 8601 instant or a Date' });
      return z.NEVER;
    }
    return new Date(ms);
  });
}

/** A value with no surrounding or inner whitespace and no control character. */
function exactText(what: string) {
  return z.string(`must be the ${what} as a string`).superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: 'custom', message: `must not be empty: copy the ${what} from Wow!manager` });
    else if (value.trim() !== value) ctx.addIssue({ code: 'custom', message: `has spaces or line breaks around it, which make every call fail: copy the ${what} again without them` });
    else if (/\s/u.test(value)) ctx.addIssue({ code: 'custom', message: `contains a space: copy the ${what} again from Wow!manager` });
    else if (controlCharacterIn(value)) ctx.addIssue({ code: 'custom', message: `contains the control character ${controlCharacterIn(value)}` });
  });
}

/** au PAY statuses a shipped order may be moved to. */
const SHIPPED_STATUSES: ReadonlySet<string> = new Set(['完了', '発送後入金待ち']);
/** Normalized statuses a shop status must mean to be a shipped status. */
const SHIPPED_MEANINGS: ReadonlySet<OrderStatus> = new Set(['shipped', 'delivered', 'completed']);

/** A status name option: one line, at most 40 characters. */
const statusName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'is longer than any status name')
  .refine((value) => controlCharacterIn(value) === null, 'must be one line of text');

const settingsSchema = z
  .looseObject({
    shopId: exactText('shop ID').pipe(z.string().regex(/^\d{1,20}$/, 'must be the shop ID in digits (店舗ID, e.g. 54318092)')),
    apiKey: exactText('API key').pipe(z.string().max(512, 'is longer than any API key')),
    keyIssuedAt: dateOption(false).optional(),
    keyExpiresAt: dateOption(true).optional(),
    environment: z.enum(['production', 'staging']).optional(),
    // https, or plain http to this machine only (a served sandbox): the bearer key travels in every request's headers.
    baseUrl: secureUrlSchema.optional(),
    pageSize: z.number().int('must be a whole number').min(1).max(AUPAY_PAGE_SIZE).optional(),
    shippingDateFormat: z.enum(SHIPPING_DATE_FORMATS).optional(),
    shippedStatus: statusName.optional(),
    shippedStatusPaidAfterDelivery: statusName.optional(),
    customStatuses: z.record(z.string().trim().min(1), z.enum(ORDER_STATUSES)).optional(),
  })
  .superRefine((options, ctx) => {
    for (const name of Object.keys(options.customStatuses ?? {})) {
      if (aupayStatusOf(name) !== null) ctx.addIssue({ code: 'custom', path: ['customStatuses', name], message: 'is one of au PAY\'s own statuses, whose meaning is fixed' });
    }
    // A shipped status must mean shipped: キャンセル or 新規受付 there would undo the orders it ships.
    for (const field of ['shippedStatus', 'shippedStatusPaidAfterDelivery'] as const) {
      const name = options[field];
      if (name === undefined || SHIPPED_STATUSES.has(name)) continue;
      const meaning = options.customStatuses?.[name];
      if (meaning === undefined || !SHIPPED_MEANINGS.has(meaning)) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be 完了, 発送後入金待ち, or a shop status that customStatuses maps to shipped, delivered or completed' });
      }
    }
  });

/**
 * Checks the connector's options before anything is sent: the shop ID in digits, the API key
 * exactly as issued (no spaces around it: a known cause of failed connections), dates that
 * exist, a page size the mall takes. Throws ValidationError naming the option.
 */
export function parseAupayOptions(options: AupayConnectorOptions): { readonly settings: AupaySettings; readonly apiKey: string } {
  const context = { mall: 'aupay' as const, operation: 'createAupayConnector' };
  const parsed = parseInput(settingsSchema, options, 'options', context);
  const now = options.clock?.now() ?? Date.now();
  // A day's slack: a bare date is midnight JST, and clocks differ; a later date is a slip (a swapped day and month).
  if (parsed.keyIssuedAt && parsed.keyIssuedAt.getTime() > now + DAY_MS) {
    throw new ValidationError([{ field: 'options.keyIssuedAt', message: 'is in the future: give the day the key was issued (Wow!manager shows it with the key)' }], context);
  }
  const fromIssued = parsed.keyIssuedAt ? new Date(parsed.keyIssuedAt.getTime() + AUPAY_KEY_LIFETIME_DAYS * DAY_MS) : null;
  const keyExpiresAt = parsed.keyExpiresAt ?? fromIssued;
  const settings: AupaySettings = {
    shopId: parsed.shopId,
    keyExpiresAt,
    keyExpirySource: parsed.keyExpiresAt ? 'keyExpiresAt' : fromIssued ? 'keyIssuedAt' : null,
    baseUrl: parsed.baseUrl ?? (parsed.environment === 'staging' ? AUPAY_STAGING_BASE_URL : AUPAY_PRODUCTION_BASE_URL),
    pageSize: parsed.pageSize ?? AUPAY_PAGE_SIZE,
    shippingDateFormat: parsed.shippingDateFormat ?? 'YYYY/MM/DD',
    shippedStatus: parsed.shippedStatus ?? '完了',
    shippedStatusPaidAfterDelivery: parsed.shippedStatusPaidAfterDelivery ?? '発送後入金待ち',
    customStatuses: parsed.customStatuses ?? {},
  };
  return { settings, apiKey: parsed.apiKey };
}
