import {
  CARRIER_CODES,
  controlCharacterIn,
  parseInput,
  PAYMENT_METHOD_CODES,
  tryParseJst,
  type CarrierCode,
  type ConnectorOptions,
  type MapperOverrides,
  type TokenStore,
} from '@mallkit/core';
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import { INCLUDED_DATA, type IncludedData } from './api/orders-2026.js';
import { AMAZON_OPERATIONS, type AmazonOperation, type UsagePlan } from './api/usage-plans.js';

/*
 * Where an Amazon.co.jp seller's SP-API calls go. Japan is served by the Far East region; the LWA
 * token endpoint is one global host for every region (Developer Guide, "SP-API endpoints" and
 * "Connecting to the Selling Partner API").
 */

/** Far East production endpoint (Japan, Singapore, Australia). */
export const AMAZON_FE_PRODUCTION_URL = 'https://sellingpartnerapi-fe.amazon.com';
/** Far East sandbox endpoint: same paths, canned answers, same LWA tokens. */
export const AMAZON_FE_SANDBOX_URL = 'https://sandbox.sellingpartnerapi-fe.amazon.com';
/** Login with Amazon token endpoint, used for every region. */
export const AMAZON_LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';
/** The Amazon.co.jp marketplace id. */
export const AMAZON_JP_MARKETPLACE_ID = 'A1VC38T7YXB528';
/**
 * The last day Orders API v0 reads (getOrders, getOrderItems…) are served: Amazon asks every
 * caller to migrate to v2026-01-01 by 2027-03-27. confirmShipment stays in v0 and is not affected.
 */
export const ORDERS_V0_READ_REMOVAL_DATE = '2027-03-27';
/** The package version, sent in the User-Agent Amazon asks every caller for; read from package.json so that it never drifts. */
export const AMAZON_PACKAGE_VERSION: string = packageJson.version;

/** Which Orders API reads orders. */
export type OrdersApiVersion = '2026-01-01' | 'v0';

/** Order statuses exportShipments refuses unless the shop opts in with `shipDespite`. */
export type ShipDespiteStatus = 'cancel_requested' | 'on_hold';

/** Options of createAmazonConnector: the app's LWA credentials, the seller's refresh token, and tuning. */
export interface AmazonConnectorOptions extends ConnectorOptions {
  /** The app's LWA client id (`amzn1.application-oa2-client.…`), from the app's "LWA credentials". */
  readonly clientId: string;
  /** The app's LWA client secret. Rotate it every 180 days. */
  readonly clientSecret: string;
  /** The seller's refresh token (`Atzr|…`), from authorizing the app in Seller Central. Renew every 365 days. */
  readonly refreshToken: string;
  /** The seller's merchant token (出品者ID); the default shopId. */
  readonly sellerId?: string;
  /** Default Amazon.co.jp (`A1VC38T7YXB528`). */
  readonly marketplaceId?: string;
  /** Use the Far East sandbox host instead of production (ignored when baseUrl is given). */
  readonly sandbox?: boolean;
  /** The LWA token endpoint; default `https://api.amazon.com/auth/o2/token`. */
  readonly lwaTokenUrl?: string;
  /** Which API reads orders: `2026-01-01` (default) or the deprecated `v0` (until 2027-03-27). */
  readonly ordersApi?: OrdersApiVersion;
  /** Whose orders listOrders returns; default `['MERCHANT']` (the orders the shop ships itself). */
  readonly fulfilledBy?: ReadonlyArray<'MERCHANT' | 'AMAZON'>;
  /** Datasets the v2026 reads ask for; default buyer, recipient, proceeds, expense, promotion, cancellation, fulfillment, packages, payment. */
  readonly includedData?: readonly IncludedData[];
  /** When the seller authorized the app (or last renewed): the authorization lapses 365 days later. A bare date is JST. */
  readonly authorizedAt?: Date | string;
  /** When the client secret was last issued: it must be rotated within 180 days. A bare date is JST. */
  readonly clientSecretRotatedAt?: Date | string;
  /** Usage plans per operation, when Amazon granted the seller more than the defaults. */
  readonly usagePlans?: Partial<Record<AmazonOperation, UsagePlan>>;
  /** Where access tokens are kept between processes; default in memory. */
  readonly tokenStore?: TokenStore;
  /**
   * Statuses exportShipments ships anyway. By default it refuses `cancel_requested` (the buyer
   * asked to cancel: answer the request in Seller Central first) and `on_hold` (a preorder whose
   * payment is not authorized yet, or an order Amazon marked unfulfillable) with OrderStateError.
   */
  readonly shipDespite?: readonly ShipDespiteStatus[];
  /** The shop's 変換設定: these rows win over the built-in tables. */
  readonly mappers?: MapperOverrides & {
    /** Normalized carrier → the CarrierCode confirmShipment sends (`Other` sends the Japanese name). One line, at most 50 characters. */
    readonly carrierCodes?: Readonly<Partial<Record<CarrierCode, string>>>;
  };
}

// Read as checkCredentials reads it: a bare date or a time without offset is JST.
const instant = z
  .union([z.date(), z.string()])
  .refine((value) => (value instanceof Date ? !Number.isNaN(value.getTime()) : tryParseJst(value) !== null), 'must be a date');

// LWA values travel in a form body and the access token in a header: a space, a line break or a
// character outside printable ASCII there is a copy-paste slip that would fail far from its cause.
const credential = (what: string) =>
  z
    .string(`must be a string: ${what}`)
    .min(1, `must not be empty: ${what}`)
    .max(2048, 'must be at most 2,048 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces or line breaks: copy it again');

const url = z.string().refine((value) => {
  try {
    return ['https:', 'http:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL');

/** An SP-API usage plan as Amazon publishes them: a positive refill rate and a whole burst of at least one request. */
const usagePlan = z.object({
  rate: z.number('must be a number of requests per second').finite().positive('must be more than 0 requests per second'),
  burst: z.number('must be a whole number of requests').int('must be a whole number of requests').min(1, 'must be at least 1'),
});

// What confirmShipment sends as carrierCode: one line, within the 50 characters of Amazon's
// fulfillment schemas (the README's Sources), never empty.
const carrierCode = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .refine((value) => controlCharacterIn(value) === null, 'must be one line without control characters');

const optionsSchema = z.looseObject({
  clientId: credential("the app's LWA client id"),
  clientSecret: credential("the app's LWA client secret"),
  refreshToken: credential("the seller's refresh token"),
  sellerId: z.string().regex(/^[A-Z0-9]{1,32}$/, "must be the merchant token (出品者ID): capital letters and digits, e.g. 'A2XXXXXXXXXXXX'").optional(),
  marketplaceId: z.string().regex(/^[A-Z0-9]{8,20}$/, "must be a marketplace id of capital letters and digits, e.g. 'A1VC38T7YXB528' (Amazon.co.jp)").optional(),
  sandbox: z.boolean().optional(),
  lwaTokenUrl: url.optional(),
  ordersApi: z.enum(['2026-01-01', 'v0']).optional(),
  fulfilledBy: z.array(z.enum(['MERCHANT', 'AMAZON'])).min(1, 'must name MERCHANT, AMAZON or both').optional(),
  includedData: z.array(z.enum(INCLUDED_DATA)).optional(),
  authorizedAt: instant.optional(),
  clientSecretRotatedAt: instant.optional(),
  usagePlans: z.partialRecord(z.enum(AMAZON_OPERATIONS), usagePlan).optional(),
  tokenStore: z
    .custom<TokenStore>((value) => typeof value === 'object' && value !== null && typeof (value as TokenStore).get === 'function' && typeof (value as TokenStore).set === 'function', 'must be a TokenStore (with get and set)')
    .optional(),
  shipDespite: z.array(z.enum(['cancel_requested', 'on_hold'])).optional(),
  mappers: z
    .looseObject({
      carrierCodes: z.partialRecord(z.enum(CARRIER_CODES), carrierCode).optional(),
      carrier: z.record(z.string(), z.enum(CARRIER_CODES)).optional(),
      paymentMethod: z.record(z.string(), z.enum(PAYMENT_METHOD_CODES)).optional(),
      timeSlot: z.record(z.string(), z.string().regex(/^(\d{2}-\d{2}|unspecified)$/, "must be a time slot code such as '14-16' or 'unspecified'")).optional(),
    })
    .optional(),
});

/**
 * Checks Amazon's own options before anything is built or sent (core checks the shared ones:
 * timeouts, retries, base URL…): credentials, ids, URLs, enums, usage plans and mapper rows.
 * Throws ValidationError naming `options.<field>`.
 */
export function checkAmazonOptions(options: AmazonConnectorOptions, operation: 'createAmazonConnector' | 'createAmazonClient'): void {
  parseInput(optionsSchema, options, 'options', { mall: 'amazon', operation });
}
