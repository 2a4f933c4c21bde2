import { controlCharacterIn, ValidationError, type CarrierCode, type ConnectorOptions, type MapperOverrides, type ValidationIssue } from '@mallkit/core';
import type { MakeshopDocumentOverrides } from './api/documents.js';

/** Options of `createMakeshopConnector`: the app's credentials for one shop, and what can be adjusted. */
export interface MakeshopConnectorOptions extends ConnectorOptions {
  /** The shop's id (`shop_id` of the install webhook): makeshop's API does not name the shop, so it is required here. */
  readonly shopId: string;
  /** The 永続トークン (`PAT.…`) the install webhook delivered, or a 一時トークン from SSO. Revoked when the shop uninstalls the app. */
  readonly accessToken: string;
  /** The API key makeshop mailed after アプリ開発申請 (test) or アプリ公開申請 (production). */
  readonly apiKey: string;
  /** The GraphQL endpoint URL from the same e-mail. `baseUrl`, when set, takes its place (a sandbox, a proxy). */
  readonly endpoint: string;
  /** Replacements for the GraphQL documents whose names are not public (see the README). */
  readonly documents?: MakeshopDocumentOverrides;
  /**
   * Search each delivery status (N, Y, C, R) on its own (default true): works whether or not
   * makeshop requires `deliveryStatus`. Set false once you know makeshop returns every status
   * when it is left out: one search instead of four per window.
   */
  readonly searchPerDeliveryStatus?: boolean;
  /** Whether makeshop should send its 発送メール when a shipment is recorded (default false: the OMS usually mails). */
  readonly sendShippingMail?: boolean;
  /** makeshop carrier codes (`001`–`031`) per normalized carrier, added to or replacing the built-in table. */
  readonly carrierCodes?: Readonly<Partial<Record<CarrierCode, string>>>;
  /** The shop's own mapping rows (変換設定) for payment method names, time slots and carriers. */
  readonly mappers?: MapperOverrides;
}

function secretProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'is required';
  if (value !== value.trim() || /\s/.test(value)) return 'must not contain spaces or line breaks (copy it again)';
  if (controlCharacterIn(value)) return 'contains a control character (copy it again)';
  return null;
}

function urlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'is required: the URL makeshop sent with the API key';
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'must be an http(s) URL';
  } catch {
    return 'is not a URL';
  }
}

/**
 * Checks the credentials and endpoint before anything is sent; returns the endpoint URL to use.
 * A problem throws ValidationError naming the option (the secret's value is never repeated).
 */
export function checkMakeshopOptions(options: MakeshopConnectorOptions): string {
  const issues: ValidationIssue[] = [];
  const add = (field: string, problem: string | null): void => {
    if (problem) issues.push({ field: `options.${field}`, message: problem });
  };
  add('accessToken', secretProblem(options.accessToken));
  add('apiKey', secretProblem(options.apiKey));
  add('shopId', typeof options.shopId === 'string' && options.shopId.trim() !== '' && !controlCharacterIn(options.shopId) ? null : 'is required: the shop_id of the install webhook');
  const endpoint = options.baseUrl ?? options.endpoint;
  add(options.baseUrl === undefined ? 'endpoint' : 'baseUrl', urlProblem(endpoint));
  for (const [carrier, code] of Object.entries(options.carrierCodes ?? {})) {
    add(`carrierCodes.${carrier}`, typeof code === 'string' && /^\d{3}$/.test(code) ? null : 'must be a three-digit makeshop carrier code such as 002');
  }
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'makeshop',
      operation: 'createMakeshopConnector',
      hint: {
        ja: `接続設定を確認してください: ${issues.map((issue) => issue.field).join(', ')}`,
        en: `Check the connector options: ${issues.map((issue) => issue.field).join(', ')}`,
      },
    });
  }
  return endpoint as string;
}
