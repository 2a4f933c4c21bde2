import {
  createSandboxClock,
  createSandboxKit,
  scaleQpsLimit,
  storeAdversary,
  type MallSandbox,
  type QpsLimit,
  type SandboxHandler,
  type SandboxInit,
  type SandboxSimulator,
} from '@mallkit/core/testing';
import { RAKUTEN_PATHS } from '../api/constants.js';
import type { RakutenOrderModel } from '../api/order-model.js';
import type { RakutenCredentials } from '../auth/esa.js';
import { RAKUTEN_BASE_URL, RAKUTEN_DEFAULT_RATE } from '../options.js';
import { guard, licenseKeyOf } from './guard.js';
import { licenseExpiryDate } from './handlers-license.js';
import { getOrder, searchOrder } from './handlers-orders.js';
import { getPayment } from './handlers-payment.js';
import { confirmOrder, updateOrderShipping } from './handlers-writes.js';
import { createRakutenSimulator } from './simulator.js';
import { RakutenSandboxStore, type RakutenSandboxRecord } from './store.js';
import { gatewayErrors } from './wire.js';

const DAY_MS = 86_400_000;

/** The functions of the order API (and the license API) the sandbox answers, by operation name. */
export type RakutenSandboxFunction = 'searchOrder' | 'getOrder' | 'confirmOrder' | 'updateOrderShipping' | 'getPayment' | 'getLicenseExpiryDate';

/** Options of {@link createRakutenSandbox}, besides the clock and rate scale every sandbox takes. */
export interface RakutenSandboxOptions extends SandboxInit {
  /** The one valid credential pair; default `SP_sandbox_service_secret` / `SL_sandbox_license_key`. */
  readonly credentials?: RakutenCredentials;
  /** When the licenseKey expires; default 90 days after the clock's now, as a freshly issued key. */
  readonly licenseExpiresAt?: Date;
  /**
   * Requests per licenseKey the gateway admits; over it, GA0003. Default Rakuten's 1 per second
   * times `rateScale`, the rate `connectorOptions()` paces a connector at. `null` for no limit.
   */
  readonly qps?: QpsLimit | null;
  /** The status of a GA0003 answer: 403 (order API fixtures) or 429 (seen on the items API). Default 403. */
  readonly qpsStatus?: 403 | 429;
  /** The API root the handlers answer for; default the production host. */
  readonly baseUrl?: string;
  /**
   * How long Rakuten's processing after 注文確認 takes on the sandbox clock: a confirmed order sits
   * at 200 楽天処理中 (not shippable) this long, then moves to 300 発送待ち. Default 60 s (the
   * sandbox's choice: Rakuten publishes no figure). `sandbox.clock.advance(ms)` skips it.
   */
  readonly processingMs?: number;
}

/** What a connector needs to reach the sandbox: spread it into `createRakutenConnector`. */
export interface RakutenSandboxConnection extends RakutenCredentials {
  /** The API root the sandbox's handlers answer for. */
  readonly baseUrl: string;
  /** The sandbox's QPS, for the connector's throttle. */
  readonly rateLimit: QpsLimit;
}

/** A Rakuten sandbox: msw handlers over an in-memory RMS, with Rakuten's own controls. */
export interface RakutenSandbox extends MallSandbox<RakutenSandboxConnection> {
  /** The in-memory mall. */
  readonly store: RakutenSandboxStore;
  /**
   * Plays orders arriving and changing between syncs (RMS staff, buyers, Rakuten), through
   * Rakuten's orderProgress machine, stamping the dates Rakuten keeps (発送完了報告日, 決済確定日)
   * and no update time, since Rakuten keeps none.
   */
  readonly simulator: SandboxSimulator;
  /** The valid credentials (a copy; `connectorOptions()` has them too). */
  readonly credentials: RakutenCredentials;
  /** The order with this number as Rakuten holds it (wire shape, changed in place by the handlers). */
  order(orderNumber: string): RakutenOrderModel | undefined;
  /** Every order, in search order. */
  orders(): RakutenOrderModel[];
  /** Issues a new licenseKey (valid 90 days); the old one stops working at once, as in RMS. */
  renewLicenseKey(newKey: string): void;
  /** Sets the licenseKey's expiry. */
  setLicenseExpiry(at: Date): void;
  /** Makes one function answer ES04-01, as when it is not enabled in RMS 利用機能編集. */
  disableFunction(operation: RakutenSandboxFunction): void;
}

/**
 * Creates the sandbox. It speaks RMS's wire format (paths with trailing slashes, ESA auth,
 * MessageModelList bodies, the gateway's GA/ES errors) and enforces Rakuten's rules: 63-day windows,
 * the `+0900` datetime form, 1,000 per page, the 15,000-results cap, 100 per getOrder and
 * confirmOrder, confirm once (100 → 200 楽天処理中 → 300 after `processingMs`), -9999 postage
 * refusing confirmation, no shipment before 300, future ship dates, QPS per licenseKey and
 * licenseKey expiry.
 */
export function createRakutenSandbox(options: RakutenSandboxOptions = {}): RakutenSandbox {
  const clock = options.clock ?? createSandboxClock();
  const rate = scaleQpsLimit(RAKUTEN_DEFAULT_RATE, options.rateScale ?? 1);
  const qps = options.qps === undefined ? rate : options.qps;
  const qpsStatus = options.qpsStatus ?? 403;
  const kit = createSandboxKit({
    mall: 'rakuten',
    clock,
    qps,
    qpsKey: licenseKeyOf,
    renderQpsError: () => gatewayErrors(qpsStatus, 'GA0003', 'Forbidden- Exceeded QPS Limitation'),
    // The literal maintenance body is not in any public copy; the status is what clients rely on.
    renderMaintenance: () => new Response('API In Maintenance', { status: 503, headers: { 'content-type': 'text/plain;charset=utf-8' } }),
  });
  const credentials = options.credentials ?? { serviceSecret: 'SP_sandbox_service_secret', licenseKey: 'SL_sandbox_license_key' };
  const store = new RakutenSandboxStore({ ...credentials }, options.licenseExpiresAt?.getTime() ?? clock.now() + 90 * DAY_MS);
  const base = (options.baseUrl ?? RAKUTEN_BASE_URL).replace(/\/+$/, '');

  const processingMs = options.processingMs ?? 60_000;
  const guarded =
    (handler: (s: RakutenSandboxStore, ctx: Parameters<SandboxHandler>[0]) => Response): SandboxHandler =>
    (ctx) => {
      store.settle(clock.now());
      return guard(store, ctx) ?? handler(store, ctx);
    };
  const order = (name: Exclude<keyof typeof RAKUTEN_PATHS, 'licenseExpiryDate'>, handler: (s: RakutenSandboxStore, ctx: Parameters<SandboxHandler>[0]) => Response): void => {
    const path = RAKUTEN_PATHS[name];
    kit.route('POST', `${base}/${path}`, name, guarded(handler));
    // Clients that leave out the trailing slash reach the same endpoint.
    kit.route('POST', `${base}/${path.replace(/\/$/, '')}`, name, guarded(handler));
  };
  order('searchOrder', searchOrder);
  order('getOrder', getOrder);
  order('confirmOrder', (s, ctx) => confirmOrder(s, ctx, processingMs));
  order('updateOrderShipping', updateOrderShipping);
  order('getPayment', getPayment);
  kit.route('GET', `${base}/${RAKUTEN_PATHS.licenseExpiryDate}`, 'getLicenseExpiryDate', guarded(licenseExpiryDate));

  const sandbox: RakutenSandbox = {
    mall: 'rakuten',
    kit,
    clock,
    store,
    get handlers() {
      return kit.handlers;
    },
    get credentials() {
      return { ...store.credentials };
    },
    seed: (seeds) => store.seed(seeds),
    simulator: createRakutenSimulator({ store, clock }),
    connectorOptions: () => ({ ...store.credentials, baseUrl: base, rateLimit: qps ?? rate }),
    get secrets() {
      return [store.credentials.serviceSecret, store.credentials.licenseKey];
    },
    expiringCredential: 'licenseKey',
    expireCredential() {
      store.licenseExpiresAt = clock.now() - 1000;
    },
    qpsViolations: () => kit.qps.violations,
    // A copy listed under another number keeps everything else, so searches find it as they find the original.
    adversary: storeAdversary<RakutenSandboxRecord>(store.orders, (record, id) => ({ ...record, order: { ...record.order, orderNumber: id } })),
    reset() {
      kit.reset();
      store.orders.pagingLie = null;
      store.orders.corrupted.clear();
    },
    orderCount: () => store.orders.size,
    close() {
      kit.close();
      store.orders.clear();
      store.processing.clear();
    },
    order(orderNumber) {
      store.settle(clock.now());
      return store.order(orderNumber);
    },
    orders() {
      store.settle(clock.now());
      return store.orders.values().map((record) => record.order);
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
  };
  return sandbox;
}
