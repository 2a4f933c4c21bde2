import { CARRIER_CODES, parseInput, type ConnectorOptions } from '@mallkit/core';
import { z } from 'zod';
import type { RakutenCredentials } from './auth/esa.js';
import type { RakutenMapperOverrides } from './mapping/mappers.js';

/** The RMS API host. Order endpoints live under `es/2.0/order/`, the license endpoint under `es/1.0/`. */
export const RAKUTEN_BASE_URL = 'https://api.rms.rakuten.co.jp';

/**
 * Default throttle: 1 request per second per licenseKey (no official figure; what public clients
 * keep to). Processes sharing a licenseKey build one shared Limiter from it and pass it as `rateLimit`.
 */
export const RAKUTEN_DEFAULT_RATE = { limit: 1, intervalMs: 1000 } as const;

/**
 * No longer applied: the throttle keeps core's margins (25 ms per request, 250 ms more for the first
 * request of a run, whose connection set-up made it reach the gateway late — the reason this was
 * 10%), decision 0310. Always 0; kept only so that imports keep compiling.
 *
 * @deprecated Use core's `DEFAULT_LIMITER_MARGIN_MS` and `DEFAULT_COLD_START_MARGIN_MS`.
 */
export const RAKUTEN_THROTTLE_MARGIN = 0;

/** Options of `createRakutenClient`: the credentials plus everything every connector takes. */
export interface RakutenClientOptions extends ConnectorOptions, RakutenCredentials {
  /** getOrder `version` (default 10, the latest documented; Rakuten refuses 1 and 2). */
  readonly getOrderVersion?: number;
}

/** Options of `createRakutenConnector`. */
export interface RakutenConnectorOptions extends RakutenClientOptions {
  /** The shop's own conversions (変換設定), winning over the built-in tables. */
  readonly mappers?: RakutenMapperOverrides;
}

// Both values travel in the ESA header: a line break or a space there would make every request fail
// far from the mistake, so they are checked when the client is created.
const credential = z
  .string()
  .min(1, 'must not be empty: copy it from RMS → WEB APIサービス → 利用設定')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces or line breaks: copy it again from RMS');

const optionsSchema = z.looseObject({
  serviceSecret: credential,
  licenseKey: credential,
  getOrderVersion: z.number().int().min(3, 'Rakuten refuses getOrder versions 1 and 2').optional(),
});

/** Checks the Rakuten-specific options before anything is built; throws ValidationError naming the field. */
export function checkRakutenOptions(options: RakutenClientOptions): void {
  parseInput(optionsSchema, options, 'options', { mall: 'rakuten', operation: 'createRakutenClient' });
}

/**
 * The shop's deliveryCompany overrides are sent as they are: each must be one of Rakuten's
 * 4-digit codes (`1001`; getOrder's ShippingModel table lists 1000–1031, and newer codes may come),
 * never a name — updateOrderShipping refuses names with ERROR_011 — and never a value with a line
 * break or space that would reach the wire. The carrier on the left must be a mallkit carrier code.
 */
const connectorOptionsSchema = z.looseObject({
  mappers: z
    .looseObject({
      deliveryCompany: z.partialRecord(z.enum(CARRIER_CODES), z.string().regex(/^\d{4}$/, "must be Rakuten's 4-digit deliveryCompany code, e.g. '1001' (not a name)")).optional(),
    })
    .optional(),
});

/** Checks the connector's own options (the mapper overrides) on top of the client's; throws ValidationError naming the field. */
export function checkRakutenConnectorOptions(options: RakutenConnectorOptions): void {
  parseInput(connectorOptionsSchema, options, 'options', { mall: 'rakuten', operation: 'createRakutenConnector' });
}
