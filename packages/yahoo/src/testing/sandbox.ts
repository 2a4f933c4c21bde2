import { formatJst, parseXml, tryParseJst } from '@mallkit/core';
import { createSandboxKit, type QpsLimit, type SandboxClock, type SandboxKit, type SeedOrder } from '@mallkit/core/testing';
import type { HttpHandler } from 'msw';
import { YAHOO_PRODUCTION_BASE_URL, YAHOO_TEST_BASE_URL } from '../options.js';
import { YCONNECT_TOKEN_URL } from '../auth/yconnect.js';
import { createAuthServer, type AuthServer } from './auth-server.js';
import { sandboxKeyPair } from './keys.js';
import { adaptSeedsForYahoo, seedToRecord, yahooTime, type SandboxOrderRecord } from './records.js';
import { changeOrderStatus, changePayStatus, changeShipStatus, type ChangeOutcome } from './rules.js';
import { changeResponse, errorResponse, orderInfoResponse, orderListError, orderListResponse } from './render.js';

/** orderInfo's `<Field>` limit. */
const ORDER_INFO_FIELD_MAX_BYTES = 10_000;

/** Options of {@link createYahooSandbox}. */
export interface YahooSandboxOptions {
  /** Default `snbx-mallkit` (test stores start with `snbx-`). */
  readonly sellerId?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** The public key's version the store registered; default `1`. */
  readonly publicKeyVersion?: string;
  /** Shared with the connector under test. */
  readonly clock?: SandboxClock;
  /** Requests per API path; default Yahoo's 1 per second. Tests scale it up together with the connector's rateLimit. */
  readonly qps?: QpsLimit;
  /** Order API root; default the test host for `snbx-` sellers, production otherwise (as the connector). */
  readonly baseUrl?: string;
  /** Token endpoint; default YConnect's. */
  readonly tokenUrl?: string;
}

/** What a connector needs to reach a Yahoo sandbox, as `connectorCredentials()` returns it. */
export interface YahooSandboxCredentials {
  readonly sellerId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly authorizedAt: number;
  readonly publicKey: string;
  readonly publicKeyVersion: string;
}

/** A Yahoo sandbox: msw handlers over an in-memory store that follows Yahoo's rules. */
export interface YahooSandbox {
  readonly kit: SandboxKit;
  readonly handlers: readonly HttpHandler[];
  readonly clock: SandboxClock;
  readonly sellerId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The store's public key (PEM SPKI) and version, to configure the connector with. */
  readonly publicKeyPem: string;
  readonly publicKeyVersion: string;
  /** Orders by id, as wire records (tests may change fields directly). */
  readonly orders: Map<string, SandboxOrderRecord>;
  /** Seeds the store; returns the seeds as Yahoo holds them (one destination, `<sellerId>-<n>` ids). */
  seed(seeds: readonly SeedOrder[]): SeedOrder[];
  /** Registers a store authorization and returns its refresh token (default: authorized now). */
  authorize(authorizedAt?: number): string;
  /**
   * Authorizes the store now and returns everything a connector needs to talk to this sandbox,
   * signed with the sandbox's public key: spread it into `createYahooConnector` options.
   */
  connectorCredentials(): YahooSandboxCredentials;
  /** Issues an authorization code for the code exchange (as the consent page's redirect). */
  issueAuthorizationCode(redirectUri: string, codeChallenge?: string): string;
  /** Revokes every session: refresh → invalid_grant, API calls → invalid_token. */
  expireCredential(): void;
  /** Expires every access token (an hour passing). */
  expireAccessTokens(): void;
  /** The next refresh returns a new refresh token. */
  rotateRefreshTokenOnNextRefresh(): void;
  /** True once an unsigned or unaccepted order-API call cut the session to 12 hours. */
  isSessionDegraded(refreshToken: string): boolean;
  /** Puts an order under fraud review (FraudHoldStatus 1): hidden from orderList by default, only cancel allowed. */
  holdForFraudReview(orderId: string): void;
  /** Releases the hold (FraudHoldStatus 2) and publishes the order now (PublicationTime). */
  releaseFraudHold(orderId: string): void;
  /** The daily cap is used up: every order API answers 403 "Your Request was Forbidden". */
  exhaustDailyQuota(exhausted?: boolean): void;
  /** The app is not approved for the order APIs: px-04303. */
  denyOrderApi(denied?: boolean): void;
  /** Requests refused with the QPS error. */
  qpsViolations(): number;
}

function read(bodyText: string): Record<string, unknown> {
  const document = parseXml<{ Req?: unknown }>(bodyText);
  const req = document.Req;
  return typeof req === 'object' && req !== null ? (req as Record<string, unknown>) : {};
}

function child(value: unknown, key: string): Record<string, unknown> {
  const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : {};
}

function text(value: unknown, key: string): string | undefined {
  const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof inner === 'string' ? inner : undefined;
}

/** A condition bound: `YYYYMMDDHH24MISS`, or `YYYYMMDD` (the whole day for a To bound). */
function bound(value: string | undefined, end: boolean): number | null {
  if (!value) return null;
  const date = tryParseJst(value);
  if (!date) return null;
  return value.length === 8 && end ? date.getTime() + 86_399_000 : date.getTime();
}

function within(value: string | undefined, from: number | null, to: number | null): boolean {
  if (from === null && to === null) return true;
  const time = tryParseJst(value ?? '')?.getTime();
  if (time === undefined) return false;
  return (from === null || time >= from) && (to === null || time <= to);
}

/** Creates a Yahoo sandbox. The key pair is generated once per process and reused. */
export function createYahooSandbox(options: YahooSandboxOptions = {}): YahooSandbox {
  const sellerId = options.sellerId ?? 'snbx-mallkit';
  const clientId = options.clientId ?? 'sandbox-client-id';
  const clientSecret = options.clientSecret ?? 'sandbox-client-secret-0001';
  const publicKeyVersion = options.publicKeyVersion ?? '1';
  const keys = sandboxKeyPair();
  // Like the connector: `snbx-` test stores live on the test host.
  const base = (options.baseUrl ?? (sellerId.startsWith('snbx-') ? YAHOO_TEST_BASE_URL : YAHOO_PRODUCTION_BASE_URL)).replace(/\/+$/, '');
  const tokenUrl = options.tokenUrl ?? YCONNECT_TOKEN_URL;
  const kit = createSandboxKit({
    mall: 'yahoo',
    ...(options.clock ? { clock: options.clock } : {}),
    qps: options.qps ?? { limit: 1, intervalMs: 1000 },
    // Yahoo counts per API URL.
    qpsKey: (request) => new URL(request.url).pathname,
    // Yahoo documents no answer for the per-second limit; its only documented limit answer is
    // this 403 (rate.html, faq.html), so the sandbox uses it (README Sources).
    renderQpsError: () => errorResponse(403, 'Your Request was Forbidden', null),
  });
  const clock = kit.clock;
  const auth: AuthServer = createAuthServer({ clock, sellerId, clientId, clientSecret, privateKey: keys.privateKey, publicKeyVersion });
  const orders = new Map<string, SandboxOrderRecord>();
  let quotaExhausted = false;
  let orderApiDenied = false;

  const visible = (record: SandboxOrderRecord, fraudDisplay: string | undefined, readOnlyMode: string | undefined): boolean => {
    const hold = record.order.FraudHoldStatus;
    if ((hold === '1' || hold === '3') && fraudDisplay !== '1') return false;
    const readOnly = record.order.IsReadOnly === '1';
    if (readOnlyMode === '1') return readOnly;
    if (readOnlyMode === '2') return true;
    return !readOnly;
  };

  /** Wraps an order API handler with Yahoo's gate: quota, approval, token, session, signature. */
  const orderApi = (name: string, handle: (req: Record<string, unknown>) => Response) =>
    kit.route('POST', `${base}/${name}`, name, ({ request, bodyText }) => {
      if (quotaExhausted) return errorResponse(403, 'Your Request was Forbidden', null);
      const gate = auth.gate(request);
      if (gate.refused) return gate.refused;
      if (orderApiDenied) {
        return errorResponse(403, 'This application ID is not registered for using order API. Use of order API requires an application ID.', 'px-04303');
      }
      let req: Record<string, unknown>;
      try {
        req = read(bodyText);
      } catch {
        return errorResponse(400, 'Invalid Request: the body must be XML rooted at <Req>.', null);
      }
      if (text(req, 'SellerId') !== sellerId) return errorResponse(400, 'Invalid Request: SellerId.', null);
      const response = handle(req);
      if (gate.authorizeStatus !== null) response.headers.set('X-SWS-Authorize-Status', gate.authorizeStatus);
      return response;
    });

  const change = (req: Record<string, unknown>, apply: (record: SandboxOrderRecord, pointFix: boolean) => ChangeOutcome): Response => {
    const targetNode = child(req, 'Target');
    const record = orders.get(text(targetNode, 'OrderId') ?? '');
    if (!record) return changeResponse({ ok: false, message: '注文が存在しません。' });
    return changeResponse(apply(record, text(targetNode, 'IsPointFix') === 'true'));
  };

  const handlers: HttpHandler[] = [
    kit.route('POST', tokenUrl, 'token', ({ request, bodyText }) => auth.token(request, bodyText)),
    orderApi('orderList', (req) => {
      const search = child(req, 'Search');
      const condition = child(search, 'Condition');
      const results = Number(text(search, 'Result') ?? '10');
      const start = Number(text(search, 'Start') ?? '1');
      const fields = (text(search, 'Field') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
      if (fields.length === 0) return orderListError('Field is required.');
      if (!Number.isInteger(results) || results > 2000 || !Number.isInteger(start) || start < 1) return orderListError('Result must be 1–2000 and Start at least 1.');
      const orderId = text(condition, 'OrderId');
      const orderFrom = bound(text(condition, 'OrderTimeFrom'), false);
      const orderTo = bound(text(condition, 'OrderTimeTo'), true);
      const pubFrom = bound(text(condition, 'PublicationTimeFrom'), false);
      const pubTo = bound(text(condition, 'PublicationTimeTo'), true);
      if (!orderId && orderFrom === null && orderTo === null && pubFrom === null && pubTo === null) {
        return orderListError('OrderId, OrderTime or PublicationTime conditions are required.');
      }
      const statuses = text(condition, 'OrderStatus')?.split(',');
      const usePublication = pubFrom !== null || pubTo !== null;
      const matches = [...orders.values()].filter(
        (record) =>
          visible(record, text(condition, 'FraudHoldDisplayType'), text(condition, 'ReadOnlyMode')) &&
          (!orderId || record.order.OrderId === orderId) &&
          within(record.order.OrderTime, orderFrom, orderTo) &&
          (!usePublication || within(record.order.PublicationTime, pubFrom, pubTo)) &&
          (!statuses || statuses.includes(record.order.OrderStatus ?? '')),
      );
      const time = (record: SandboxOrderRecord): number => tryParseJst(record.order.OrderTime ?? '')?.getTime() ?? 0;
      const descending = text(search, 'Sort') === '-order_time';
      matches.sort((a, b) => (descending ? time(b) - time(a) : time(a) - time(b)) || (a.order.OrderId ?? '').localeCompare(b.order.OrderId ?? ''));
      // A Result of 0 or a Start past the end is a paging mistake: TotalCount and an empty OrderInfo.
      const page = results < 1 ? [] : matches.slice(start - 1, start - 1 + results);
      return orderListResponse(matches.length, page, start, fields);
    }),
    orderApi('orderInfo', (req) => {
      const targetNode = child(req, 'Target');
      const fieldText = text(targetNode, 'Field') ?? '';
      const fields = fieldText.split(',').map((f) => f.trim()).filter(Boolean);
      if (fields.length === 0) return errorResponse(400, 'Invalid Request: Target/Field is required.', null);
      // orderInfo.html caps Field at 10,000 bytes.
      if (Buffer.byteLength(fieldText, 'utf8') > ORDER_INFO_FIELD_MAX_BYTES) return errorResponse(400, 'Invalid Request: Target/Field is too long.', null);
      return orderInfoResponse(orders.get(text(targetNode, 'OrderId') ?? '') ?? null, new Set(fields));
    }),
    orderApi('orderStatusChange', (req) =>
      change(req, (record, pointFix) => changeOrderStatus(record, text(child(req, 'Order'), 'OrderStatus') ?? '', pointFix, clock.now())),
    ),
    orderApi('orderShipStatusChange', (req) =>
      change(req, (record, pointFix) => {
        const ship = child(child(req, 'Order'), 'Ship');
        const pick = (key: string): Record<string, string> => {
          const value = text(ship, key);
          return value === undefined ? {} : { [key]: value };
        };
        return changeShipStatus(
          record,
          { ...pick('ShipStatus'), ...pick('ShipCompanyCode'), ...pick('ShipInvoiceNumber1'), ...pick('ShipInvoiceNumber2'), ...pick('ShipDate'), ...pick('ShipMethod') },
          pointFix,
          clock.now(),
        );
      }),
    ),
    orderApi('orderPayStatusChange', (req) =>
      change(req, (record) => {
        const pay = child(child(req, 'Order'), 'Pay');
        return changePayStatus(record, text(pay, 'PayStatus') ?? '', text(pay, 'PayDate'), clock.now());
      }),
    ),
  ];

  return {
    kit,
    handlers,
    clock,
    sellerId,
    clientId,
    clientSecret,
    publicKeyPem: keys.publicKeyPem,
    publicKeyVersion,
    orders,
    seed(seeds) {
      const adapted = adaptSeedsForYahoo(seeds, sellerId);
      for (const seed of adapted) orders.set(seed.id, seedToRecord(seed, sellerId));
      return adapted;
    },
    authorize: (authorizedAt) => auth.authorize(authorizedAt),
    connectorCredentials: () => ({
      sellerId,
      clientId,
      clientSecret,
      refreshToken: auth.authorize(clock.now()),
      authorizedAt: clock.now(),
      publicKey: keys.publicKeyPem,
      publicKeyVersion,
    }),
    issueAuthorizationCode: (redirectUri, codeChallenge) => auth.issueCode(redirectUri, codeChallenge ?? null),
    expireCredential: () => auth.revokeAll(),
    expireAccessTokens: () => auth.expireAccessTokens(),
    rotateRefreshTokenOnNextRefresh: () => auth.rotateOnNextRefresh(),
    isSessionDegraded: (refreshToken) => auth.isDegraded(refreshToken),
    holdForFraudReview(orderId) {
      const record = orders.get(orderId);
      if (!record) throw new Error(`no such sandbox order: ${orderId}`);
      record.order.FraudHoldStatus = '1';
      record.order.PublicationTime = '';
    },
    releaseFraudHold(orderId) {
      const record = orders.get(orderId);
      if (!record) throw new Error(`no such sandbox order: ${orderId}`);
      record.order.FraudHoldStatus = '2';
      record.order.PublicationTime = yahooTime(clock.now());
      record.order.LastUpdateTime = formatJst(clock.now(), 'iso');
    },
    exhaustDailyQuota(exhausted = true) {
      quotaExhausted = exhausted;
    },
    denyOrderApi(denied = true) {
      orderApiDenied = denied;
    },
    qpsViolations: () => kit.qps.violations,
  };
}

