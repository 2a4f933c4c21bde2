import { createSandboxKit, type QpsLimit, type SandboxClock, type SandboxHandler, type SandboxKit, type SeedOrder } from '@mallkit/core/testing';
import type { HttpHandler } from 'msw';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenCredentials } from '../auth.js';
import { RAKUTEN_BASE_URL, RAKUTEN_PATHS } from '../constants.js';
import { guard, licenseKeyOf } from './guard.js';
import { getOrder, searchOrder } from './handlers-orders.js';
import { licenseExpiryDate } from './handlers-license.js';
import { confirmOrder, getPayment, updateOrderShipping } from './handlers-writes.js';
import { RakutenSandboxStore } from './store.js';
import { gatewayErrors } from './wire.js';

const DAY_MS = 86_400_000;

/** Options of {@link createRakutenSandbox}. */
export interface RakutenSandboxOptions {
  /** Shared with the connector under test; default a fresh sandbox clock. */
  readonly clock?: SandboxClock;
  /** The one valid credential pair; default `SP_sandbox_service_secret` / `SL_sandbox_license_key`. */
  readonly credentials?: RakutenCredentials;
  /** When the licenseKey expires; default 90 days after the clock's now, as a freshly issued key. */
  readonly licenseExpiresAt?: Date;
  /**
   * Requests per licenseKey the gateway admits; over it, GA0003. Default 1 per second (the
   * connector's default); tests scale both up together. `null` for no limit.
   */
  readonly qps?: QpsLimit | null;
  /** The status of a GA0003 answer: 403 (order API fixtures) or 429 (seen on the items API). Default 403. */
  readonly qpsStatus?: 403 | 429;
  /** The API root the handlers answer for; default the production host. */
  readonly baseUrl?: string;
}

/** A Rakuten sandbox: msw handlers over an in-memory RMS. */
export interface RakutenSandbox {
  /** msw handlers: pass them to `setupServer` or core's `startSandboxServer`. */
  readonly handlers: readonly HttpHandler[];
  /** The kit underneath: request log, fault injector, QPS gate. */
  readonly kit: SandboxKit;
  /** The sandbox clock (share it with the connector). */
  readonly clock: SandboxClock;
  /** The in-memory mall. */
  readonly store: RakutenSandboxStore;
  /** The valid credentials (give them to the connector). */
  readonly credentials: RakutenCredentials;
  /** Orders by number, in wire shape. */
  readonly orders: Map<string, RakutenOrderModel>;
  /** Adds seed orders, converted to Rakuten's records. */
  seed(seeds: readonly SeedOrder[]): void;
  /** Makes the licenseKey expire now: every call answers 401 GA0001. */
  expireCredential(): void;
  /** Issues a new licenseKey (valid 90 days); the old one stops working at once, as in RMS. */
  renewLicenseKey(newKey: string): void;
  /** Sets the licenseKey's expiry. */
  setLicenseExpiry(at: Date): void;
  /** Makes one function answer ES04-01, as when it is not enabled in RMS 利用機能編集. */
  disableFunction(operation: 'searchOrder' | 'getOrder' | 'confirmOrder' | 'updateOrderShipping' | 'getPayment' | 'getLicenseExpiryDate'): void;
  /** How many requests were refused with GA0003. */
  qpsViolations(): number;
}

/**
 * Creates the sandbox. It speaks RMS's wire format (paths with trailing slashes, ESA auth,
 * MessageModelList bodies, the gateway's GA/ES errors) and enforces Rakuten's rules: 63-day windows,
 * the `+0900` datetime form, 1,000 per page, the 15,000-results cap, 100 per getOrder and
 * confirmOrder, confirm once, -9999 postage refusing confirmation, future ship dates, QPS per
 * licenseKey and licenseKey expiry.
 */
export function createRakutenSandbox(options: RakutenSandboxOptions = {}): RakutenSandbox {
  const qpsStatus = options.qpsStatus ?? 403;
  const kit = createSandboxKit({
    mall: 'rakuten',
    ...(options.clock ? { clock: options.clock } : {}),
    qps: options.qps === undefined ? { limit: 1, intervalMs: 1000 } : options.qps,
    qpsKey: licenseKeyOf,
    renderQpsError: () => gatewayErrors(qpsStatus, 'GA0003', 'Forbidden- Exceeded QPS Limitation'),
    // The literal maintenance body is not in any public copy; the status is what clients rely on.
    renderMaintenance: () => new Response('API In Maintenance', { status: 503, headers: { 'content-type': 'text/plain;charset=utf-8' } }),
  });
  const clock = kit.clock;
  const credentials = options.credentials ?? { serviceSecret: 'SP_sandbox_service_secret', licenseKey: 'SL_sandbox_license_key' };
  const store = new RakutenSandboxStore({ ...credentials }, (options.licenseExpiresAt?.getTime() ?? clock.now() + 90 * DAY_MS));
  const base = (options.baseUrl ?? RAKUTEN_BASE_URL).replace(/\/+$/, '');

  const guarded =
    (handler: (s: RakutenSandboxStore, ctx: Parameters<SandboxHandler>[0]) => Response): SandboxHandler =>
    (ctx) =>
      guard(store, ctx) ?? handler(store, ctx);

  const order = (name: keyof typeof RAKUTEN_PATHS, handler: (s: RakutenSandboxStore, ctx: Parameters<SandboxHandler>[0]) => Response): void => {
    const path = RAKUTEN_PATHS[name];
    kit.route('POST', `${base}/${path}`, name, guarded(handler));
    // Clients that leave out the trailing slash reach the same endpoint.
    kit.route('POST', `${base}/${path.replace(/\/$/, '')}`, name, guarded(handler));
  };
  order('searchOrder', searchOrder);
  order('getOrder', getOrder);
  order('confirmOrder', confirmOrder);
  order('updateOrderShipping', updateOrderShipping);
  order('getPayment', getPayment);
  kit.route('GET', `${base}/${RAKUTEN_PATHS.licenseExpiryDate}`, 'getLicenseExpiryDate', guarded(licenseExpiryDate));

  return {
    get handlers() {
      return kit.handlers;
    },
    kit,
    clock,
    store,
    get credentials() {
      return { ...store.credentials };
    },
    orders: store.orders,
    seed: (seeds) => store.seed(seeds),
    expireCredential() {
      store.licenseExpiresAt = clock.now() - 1000;
    },
    renewLicenseKey(newKey) {
      store.credentials = { ...store.credentials, licenseKey: newKey };
      store.licenseExpiresAt = clock.now() + 90 * DAY_MS;
    },
    setLicenseExpiry(at) {
      store.licenseExpiresAt = at.getTime();
    },
    disableFunction(operation) {
      store.disabled.add(operation);
    },
    qpsViolations: () => kit.qps.violations,
  };
}
