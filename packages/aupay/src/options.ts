import {
  ORDER_STATUSES,
  INPUT_YEAR_RANGE,
  controlCharacterIn,
  parseInput,
  parseJst,
  type ConnectorOptions,
  type MapperOverrides,
  type OrderStatus,
} from '@mallkit/core';
import { z } from 'zod';
import { AUPAY_KEY_LIFETIME_DAYS, AUPAY_PAGE_SIZE, AUPAY_PRODUCTION_BASE_URL, AUPAY_STAGING_BASE_URL } from './api/limits.js';
import { SHIPPING_DATE_FORMATS, type AupayShippingDateFormat } from './mapping/dates.js';

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
  /** The status exportShipments moves a shipped order to; default `完了`. A shop-defined status is allowed. */
  readonly shippedStatus?: string;
  /**
   * The shop's own statuses (貴店舗カスタムステータス), by name, and what they mean. Without an
   * entry, an order in a custom status is delivered with status `unmapped` and a warning.
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
  /** The status a shipped order is moved to. */
  readonly shippedStatus: string;
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

const settingsSchema = z.looseObject({
  shopId: exactText('shop ID').pipe(z.string().regex(/^\d{1,20}$/, 'must be the shop ID in digits (店舗ID, e.g. 54318092)')),
  apiKey: exactText('API key').pipe(z.string().max(512, 'is longer than any API key')),
  keyIssuedAt: dateOption(false).optional(),
  keyExpiresAt: dateOption(true).optional(),
  environment: z.enum(['production', 'staging']).optional(),
  baseUrl: z.url('must be an http(s) URL').optional(),
  pageSize: z.number().int('must be a whole number').min(1).max(AUPAY_PAGE_SIZE).optional(),
  shippingDateFormat: z.enum(SHIPPING_DATE_FORMATS).optional(),
  shippedStatus: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(40, 'is longer than any status name')
    .refine((value) => controlCharacterIn(value) === null, 'must be one line of text')
    .optional(),
  customStatuses: z.record(z.string().trim().min(1), z.enum(ORDER_STATUSES)).optional(),
});

/**
 * Checks the connector's options before anything is sent: the shop ID in digits, the API key
 * exactly as issued (no spaces around it: a known cause of failed connections), dates that
 * exist, a page size the mall takes. Throws ValidationError naming the option.
 */
export function parseAupayOptions(options: AupayConnectorOptions): { readonly settings: AupaySettings; readonly apiKey: string } {
  const parsed = parseInput(settingsSchema, options, '', { mall: 'aupay', operation: 'createAupayConnector' });
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
    customStatuses: parsed.customStatuses ?? {},
  };
  return { settings, apiKey: parsed.apiKey };
}
