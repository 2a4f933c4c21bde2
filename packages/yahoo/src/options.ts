import { checkConnectorOptions, controlCharacterIn, parseInput, toEpochJst, type ConnectorOptions, type RateLimit, type StoredToken, type TokenStore } from '@mallkit/core';
import { z } from 'zod';
import type { YahooMapperOverrides } from './mapping/codes.js';
import { orderInfoFieldList } from './mapping/mapped-fields.js';

/** Production root of the order APIs. */
export const YAHOO_PRODUCTION_BASE_URL = 'https://circus.shopping.yahooapis.jp/ShoppingWebService/V1/';
/** Test-environment root (test stores, seller ids starting with `snbx-`). */
export const YAHOO_TEST_BASE_URL = 'https://test.circus.shopping.yahooapis.jp/ShoppingWebService/V1/';
/** Yahoo's documented rate: 1 request per second per API URL (the connector keeps one budget per path). */
export const YAHOO_RATE: RateLimit = { limit: 1, intervalMs: 1000 };
/**
 * Days before a window that an update-time search (`dateType: 'updated'`, and so an incremental
 * sync) looks back by order time, by default. orderList cannot search by update time, so such a
 * search lists the orders placed within this many days and keeps those whose LastUpdateTime falls
 * in the window: 30 days hold the changes an OMS acts on (payment, cancellation, shipment, address,
 * delivery) at one orderList request per 2,000 orders placed in them.
 */
export const YAHOO_CHANGE_LOOKBACK_DAYS = 30;

/** Options of {@link createYahooConnector}: the store's credentials plus the common connector options. */
export interface YahooConnectorOptions extends ConnectorOptions {
  /** ストアアカウント (seller id). `snbx-…` test stores default to the test host. */
  readonly sellerId: string;
  /** Client ID (アプリケーションID) with the 「ストア向け操作関連の機能」 scope. */
  readonly clientId: string;
  /** The app's シークレット. */
  readonly clientSecret: string;
  /** The store's refresh token from the YConnect authorization (受注アクセスキー). */
  readonly refreshToken: string;
  /**
   * When the store authorized (the code exchange): the refresh token lasts 28 days from then with
   * a working public key, 12 hours without. Without it the expiry is reported as unknown.
   */
  readonly authorizedAt?: Date | string | number;
  /** The store's public key from ストアクリエイターPro 「設定 > 暗号鍵管理」: PEM (SPKI) or bare base64 DER. */
  readonly publicKey?: string;
  /** Its version, shown next to it in 暗号鍵管理. Required with publicKey, and only with it. */
  readonly publicKeyVersion?: string | number;
  /** When the public key expires (keys are valid one year), for the credential report. */
  readonly publicKeyExpiresAt?: Date | string | number;
  /** Where access tokens live between processes; default in memory. */
  readonly tokenStore?: TokenStore;
  /** Called after every refresh; `refreshToken` is set when Yahoo rotated it: persist it. */
  readonly onRefresh?: (token: StoredToken) => void | Promise<void>;
  /** YConnect token endpoint; default production. */
  readonly tokenUrl?: string;
  /** 更新者名 written into the order history of every change (≤ 120 characters). */
  readonly operationUser?: string;
  /**
   * Include orders under fraud review (FraudHoldDisplayType=1) in listOrders, flagged
   * `fraudReview`; default true. They are guarded: only cancellation is allowed on them.
   */
  readonly includeFraudHeld?: boolean;
  /**
   * How many days before its window an update-time search (`listOrders({ dateType: 'updated' })`,
   * and so `syncOrders`) looks for orders by order time; default {@link YAHOO_CHANGE_LOOKBACK_DAYS}.
   * A change to an order placed earlier is not found. Each sync costs one orderList request per
   * 2,000 orders placed in these days (plus one orderInfo per changed order).
   */
  readonly changeLookbackDays?: number;
  /** Overrides of the built-in code tables (変換設定). */
  readonly mappers?: YahooMapperOverrides;
  /**
   * orderInfo field keys to ask for besides those the mapping reads (e.g. `['CardBrand', 'IsVip']`),
   * as the orderInfo `<Field>` names them: plain keys, `LineId` not `Item.LineId`. Their values show
   * in `order.raw`; the normalized order does not change. By default only the mapped fields are
   * asked, which keeps each answer (and its parse) several times smaller than the whole catalogue.
   * The whole list must stay within Yahoo's 10,000 bytes.
   */
  readonly extraOrderInfoFields?: readonly string[];
}

/** A credential value: it travels in headers and XML, where a control character breaks the request. */
const credential = z
  .string('must be a string')
  .trim()
  .min(1, 'must not be empty')
  .max(4_096)
  .refine((value) => controlCharacterIn(value) === null, 'contains a control character (a line break pasted with it?)');

const dateOption = z.union([z.date(), z.string(), z.number()]).refine((value) => {
  try {
    return Number.isFinite(toEpochJst(value));
  } catch {
    return false;
  }
}, 'must be a Date, epoch milliseconds or a date string such as 2026-11-22T10:00:00+09:00');

/** orderInfo's `<Field>` limit in bytes (orderInfo.html). */
const ORDER_INFO_FIELD_MAX_BYTES = 10_000;

const optionsSchema = z.looseObject({
  sellerId: credential.pipe(z.string().max(100).regex(/^[A-Za-z0-9_-]+$/, 'must be the store account (letters, digits, - and _)')),
  clientId: credential,
  clientSecret: credential,
  refreshToken: credential,
  authorizedAt: dateOption.optional(),
  publicKeyExpiresAt: dateOption.optional(),
  operationUser: z
    .string()
    .max(120, 'must be at most 120 characters (Yahoo\'s limit)')
    .refine((value) => controlCharacterIn(value) === null, 'must be one line of text')
    .optional(),
  tokenUrl: z.url().optional(),
  includeFraudHeld: z.boolean('must be true or false').optional(),
  changeLookbackDays: z.number('must be a number of days').int('must be a whole number of days').min(1).max(730).optional(),
  extraOrderInfoFields: z
    .array(z.string().regex(/^[A-Za-z0-9]+$/, 'must be an orderInfo field key (letters and digits, e.g. CardBrand)'))
    .refine((extra) => Buffer.byteLength(orderInfoFieldList(extra), 'utf8') <= ORDER_INFO_FIELD_MAX_BYTES, 'makes the orderInfo field list longer than Yahoo\'s 10,000 bytes')
    .optional(),
});

/** The options after the checks, with Yahoo's defaults resolved. */
export interface ResolvedYahooOptions {
  readonly sellerId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly baseUrl: string;
  readonly authorizedAt: number | null;
  readonly publicKeyExpiresAt: number | null;
  readonly includeFraudHeld: boolean;
  readonly changeLookbackDays: number;
  readonly operationUser: string | undefined;
  /** The `<Field>` of the connector's orderInfo reads: the mapped fields plus `extraOrderInfoFields`. */
  readonly orderInfoFields: string;
}

/**
 * Checks the options before anything is sent and resolves the defaults: core's checks of the
 * options every connector shares first, then Yahoo's own (both throw a ValidationError naming
 * `options.<field>`); `snbx-` test stores go to the test host, as the official samples do.
 */
export function resolveYahooOptions(options: YahooConnectorOptions): ResolvedYahooOptions {
  checkConnectorOptions(options, 'yahoo');
  const parsed = parseInput(optionsSchema, options, 'options', { mall: 'yahoo', operation: 'createYahooConnector' });
  const at = (value: Date | string | number | undefined): number | null => (value === undefined ? null : toEpochJst(value));
  return {
    sellerId: parsed.sellerId,
    clientId: parsed.clientId,
    clientSecret: parsed.clientSecret,
    refreshToken: parsed.refreshToken,
    baseUrl: options.baseUrl ?? (parsed.sellerId.startsWith('snbx-') ? YAHOO_TEST_BASE_URL : YAHOO_PRODUCTION_BASE_URL),
    authorizedAt: at(parsed.authorizedAt),
    publicKeyExpiresAt: at(parsed.publicKeyExpiresAt),
    includeFraudHeld: parsed.includeFraudHeld ?? true,
    changeLookbackDays: parsed.changeLookbackDays ?? YAHOO_CHANGE_LOOKBACK_DAYS,
    operationUser: parsed.operationUser === '' ? undefined : parsed.operationUser,
    orderInfoFields: orderInfoFieldList(parsed.extraOrderInfoFields),
  };
}
