import { tryParseJst, type CarrierCode, type ConnectorOptions, type MapperOverrides, type TokenStore } from '@mallkit/core';
import { z } from 'zod';
import type { IncludedData } from './api/orders-2026.js';
import type { AmazonOperation, UsagePlan } from './api/usage-plans.js';

/*
 * Where an Amazon.co.jp seller's SP-API calls go. Japan is served by the Far East region; the LWA
 * token endpoint is one global host for every region (specs/amazon.md §1.1, §1.5).
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
/** The package version, sent in the User-Agent Amazon asks every caller for. */
export const AMAZON_PACKAGE_VERSION = '0.1.0';

/** Which Orders API reads orders. */
export type OrdersApiVersion = '2026-01-01' | 'v0';

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
  /** The shop's 変換設定: these rows win over the built-in tables. */
  readonly mappers?: MapperOverrides & {
    /** Normalized carrier → the CarrierCode confirmShipment sends (`Other` sends the Japanese name). */
    readonly carrierCodes?: Readonly<Partial<Record<CarrierCode, string>>>;
  };
}

// Read as checkCredentials reads it: a bare date or a time without offset is JST.
const instant = z
  .union([z.date(), z.string()])
  .refine((value) => (value instanceof Date ? !Number.isNaN(value.getTime()) : tryParseJst(value) !== null), 'must be a date');

/** Checks the credential options before anything is sent. */
export const amazonCredentialOptionsSchema = z.object({
  clientId: z.string().trim().min(1, "the app's LWA client id is required"),
  clientSecret: z.string().trim().min(1, "the app's LWA client secret is required"),
  refreshToken: z.string().trim().min(1, "the seller's refresh token is required"),
  sellerId: z.string().trim().min(1).optional(),
  marketplaceId: z.string().trim().min(1).optional(),
  ordersApi: z.enum(['2026-01-01', 'v0']).optional(),
  authorizedAt: instant.optional(),
  clientSecretRotatedAt: instant.optional(),
});
