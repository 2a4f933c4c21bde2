import { CARRIER_CODES, controlCharacterIn, parseInput, secureUrlProblem, ValidationError, withHint, type CarrierCode, type ConnectorOptions, type MapperOverrides } from '@mallkit/core';
import { z } from 'zod';
import type { MakeshopDocumentOverrides } from './api/documents.js';

/** Options of `createMakeshopConnector`: the app's credentials for one shop, and what can be adjusted. */
export interface MakeshopConnectorOptions extends ConnectorOptions {
  /** The shop's id (`shop_id` of the install webhook): makeshop's API does not name the shop, so it is required here. */
  readonly shopId: string;
  /** The 永続トークン (`PAT.…`) the install webhook delivered, or a 一時トークン from SSO. Revoked when the shop uninstalls the app. */
  readonly accessToken: string;
  /** The API key makeshop mailed after アプリ開発申請 (test) or アプリ公開申請 (production). */
  readonly apiKey: string;
  /** The GraphQL endpoint URL from the same e-mail (https). `baseUrl`, when set, takes its place (a sandbox, a proxy). */
  readonly endpoint: string;
  /** Replacements for the GraphQL documents whose names are not public (see the README). */
  readonly documents?: MakeshopDocumentOverrides;
  /**
   * Search each delivery status (N, Y, C, R) on its own (default true): works whether or not
   * makeshop requires `deliveryStatus`, and gives each order its status even when makeshop sends
   * none on the order. Set false once you know makeshop returns every status when it is left out
   * and sends `deliveryStatus` on its orders: one search instead of four per window.
   */
  readonly searchPerDeliveryStatus?: boolean;
  /** Whether makeshop should send its 発送メール when a shipment is recorded (default false: the OMS usually mails). */
  readonly sendShippingMail?: boolean;
  /**
   * Treat an unprocessed (N) order as `ready_to_ship` when makeshop does not tell whether it is a
   * 仮注文 or whether a pay-first order is paid (its order status, payment status or payment
   * method missing or unknown), and let exportShipments write to it. Default false: such an order
   * is `on_hold` with a warning and shipments to it are refused. Set it only once you know how
   * makeshop's GraphQL API marks a 仮注文 and that your documents cannot read it.
   */
  readonly readyWhenPaymentUnknown?: boolean;
  /**
   * Let a shipment replace a different tracking number a destination already holds (makeshop keeps
   * one per destination). Default false: such a shipment is refused with OrderStateError.
   */
  readonly replaceTrackingNumbers?: boolean;
  /** makeshop carrier codes (`001`–`031`) per normalized carrier, added to or replacing the built-in table. */
  readonly carrierCodes?: Readonly<Partial<Record<CarrierCode, string>>>;
  /** The shop's own mapping rows (変換設定) for payment method names, time slots and carriers. */
  readonly mappers?: MapperOverrides;
}

const secret = z.string('is required').superRefine((value, ctx) => {
  // The value itself is never repeated: these messages may be logged.
  if (value.trim() === '') ctx.addIssue({ code: 'custom', message: 'is required' });
  else if (/\s/.test(value)) ctx.addIssue({ code: 'custom', message: 'must not contain spaces or line breaks (copy it again)' });
  else if (controlCharacterIn(value)) ctx.addIssue({ code: 'custom', message: 'contains a control character (copy it again)' });
});

/** The GraphQL endpoint: https, or http only to this machine (a local proxy or sandbox). */
const url = z.string().superRefine((value, ctx) => {
  const problem = secureUrlProblem(value);
  if (problem === null) return;
  ctx.addIssue({ code: 'custom', message: problem === 'is required' ? 'is required: the URL makeshop sent with the API key' : problem });
});

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');
const documentOverride = z.strictObject({ query: z.string().trim().min(1, 'must be GraphQL text').optional(), variables: fn.optional() }).optional();

/** makeshop codes per normalized carrier: a key mallkit does not know is a typo that would never be used. */
const carrierCodes = z.record(z.string(), z.string().regex(/^\d{3}$/, 'must be a three-digit makeshop carrier code such as 002')).superRefine((codes, ctx) => {
  for (const carrier of Object.keys(codes)) {
    if (!(CARRIER_CODES as readonly string[]).includes(carrier)) ctx.addIssue({ code: 'custom', path: [carrier], message: `is not a mallkit carrier (one of ${CARRIER_CODES.join(', ')})` });
  }
});

/** The options' schema: a typo in a key, a string where a boolean belongs, or a document of the wrong shape is refused. */
const optionsSchema = z
  .strictObject({
    shopId: z.string('is required: the shop_id of the install webhook').trim().min(1, 'is required: the shop_id of the install webhook').refine((value) => !controlCharacterIn(value), 'contains a control character'),
    accessToken: secret,
    apiKey: secret,
    endpoint: z.string().optional(),
    baseUrl: url.optional(),
    documents: z.strictObject({ searchOrder: documentOverride, getOrder: documentOverride, updateOrderDelivery: documentOverride }).optional(),
    searchPerDeliveryStatus: z.boolean().optional(),
    sendShippingMail: z.boolean().optional(),
    readyWhenPaymentUnknown: z.boolean().optional(),
    replaceTrackingNumbers: z.boolean().optional(),
    carrierCodes: carrierCodes.optional(),
    mappers: z.looseObject({}).optional(),
    fetch: fn.optional(),
    timeoutMs: z.number().int('must be a whole number of milliseconds').min(1).max(600_000).optional(),
    retry: z.looseObject({}).optional(),
    rateLimit: z.looseObject({}).optional(),
    clock: z.looseObject({}).optional(),
    logger: z.looseObject({}).optional(),
    hooks: z.looseObject({}).optional(),
    expiryWarningDays: z.number().int().min(0).max(365).optional(),
  })
  // The endpoint is checked only when no baseUrl replaces it.
  .superRefine((options, ctx) => {
    if (options.baseUrl !== undefined) return;
    const checked = url.safeParse(options.endpoint ?? '');
    for (const issue of checked.success ? [] : checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['endpoint'] });
  });

/**
 * Checks every option before anything is sent; returns the endpoint URL to use. A problem throws
 * ValidationError naming the option (a secret's value is never repeated).
 */
export function checkMakeshopOptions(options: MakeshopConnectorOptions): string {
  try {
    parseInput(optionsSchema, options, 'options', { mall: 'makeshop', operation: 'createMakeshopConnector' });
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    const fields = error.issues.map((issue) => issue.field).join(', ');
    throw withHint(error, { ja: `接続設定を確認してください: ${fields}`, en: `Check the connector options: ${fields}` });
  }
  return options.baseUrl ?? options.endpoint;
}
