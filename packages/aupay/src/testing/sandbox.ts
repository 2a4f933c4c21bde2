import type { RateLimit } from '@mallkit/core';
import { createSandboxClock, createSandboxKit, scaleQpsLimit, storeAdversary, type MallSandbox, type SandboxInit, type SandboxSimulator, type SeedOrder } from '@mallkit/core/testing';
import { AUPAY_KEY_LIFETIME_DAYS, AUPAY_PRODUCTION_BASE_URL, AUPAY_RATE_PER_SECOND } from '../api/limits.js';
import { addSearchHandlers, SANDBOX_DEFAULT_PAGE_CAP } from './handlers-search.js';
import { addUpdateHandlers } from './handlers-update.js';
import { recordPayment } from './order-moves.js';
import type { AccessState, ApiGroup } from './rules.js';
import { seedToRecord } from './seed-records.js';
import { createAupaySimulator } from './simulator.js';
import type { AupaySandboxState } from './state.js';
import { createAupayStore, withOrderId, type AupayStore } from './store.js';
import { OVERLOAD_HEADERS, OVERLOAD_TEXT, overloadAnswer, type CharsetDeclaration, type SandboxCharset } from './xml.js';

const DAY_MS = 86_400_000;

/** A made-up key of the shape au PAY issues (64 hex digits). */
export const SANDBOX_API_KEY = '5f1c9e07b2d84a6f93e2c0a1d7b45e8c6a3f2019e8d7c6b5a4f3e2d1c0b9a8f7';
/** The sandbox shop's ID. */
export const SANDBOX_SHOP_ID = '52800017';
/** The caller address registered in the sandbox's Wow!manager (a documentation address). */
export const SANDBOX_CALLER_ADDRESS = '203.0.113.10';
/** The first order id the sandbox gives out (au PAY's ids are numbers). */
const FIRST_ORDER_ID = 352_700_001;

/** Options of {@link createAupaySandbox} besides the clock and rate scale. */
export interface AupaySandboxOptions extends SandboxInit {
  /** The API root the handlers answer under; default au PAY's production root (msw intercepts it). */
  readonly baseUrl?: string;
  /** When the sandbox's key was issued; default 30 days before the clock's start (60 days left). */
  readonly keyIssuedAt?: Date;
}

/** Everything a connector needs to reach the sandbox: spread it into `createAupayConnector`. */
export interface AupaySandboxConnection {
  /** The sandbox shop's ID. */
  readonly shopId: string;
  /** The sandbox's API key. */
  readonly apiKey: string;
  /** When the key was issued, ISO 8601: the connector counts the 90 days from it. */
  readonly keyIssuedAt: string;
  /** The API root the sandbox answers under. */
  readonly baseUrl: string;
  /** The sandbox's rate, so that a connector never meets its QPS answer. */
  readonly rateLimit: RateLimit;
}

/** The au PAY sandbox: au PAY's XML wire format over an in-memory shop, with au PAY's rules. */
export interface AupaySandbox extends MallSandbox<AupaySandboxConnection> {
  /** The orders, as au PAY holds them. */
  readonly orders: AupayStore;
  /** The key, its expiry, the registered caller addresses and the key's API groups: change them to play refusals. */
  readonly access: AccessState;
  /** Statuses the shop defined; updateTradeStsProc accepts them. */
  readonly customStatuses: Set<string>;
  /** Answers in this charset from now on, declared where said (default: UTF-8, declared in the header and the XML). */
  answerIn(charset: SandboxCharset, declared?: CharsetDeclaration): void;
  /** Order searches stop saying `maxCount` (what au PAY's order API is not known to send) when false. */
  reportMaxCount(report: boolean): void;
  /** Search pages hold at most `size` orders from now on, whatever totalCount asks for, without saying so (default 1000). */
  capPages(size: number): void;
  /** The next `times` requests (default 1) of `operation` (default any) get what au PAY sends under load: text, not XML. */
  overload(options?: { readonly times?: number; readonly operation?: string }): void;
  /** Removes an API group from the key: its calls are then refused with 0002, like a bad key. */
  revokeApiGroup(group: ApiGroup): void;
  /** The buyer of a prepaid order pays: paymentDate and paymentStatus are set, the status stays. */
  markPaid(orderId: string): void;
  /**
   * Plays orders arriving and changing between syncs (cancelled, paid, shipped, readdressed in
   * Wow!manager), through the sandbox's status machine. No change stamps an update time: au PAY keeps none.
   */
  readonly simulator: SandboxSimulator;
}

/** Creates an au PAY sandbox. */
export function createAupaySandbox(options: AupaySandboxOptions = {}): AupaySandbox {
  const clock = options.clock ?? createSandboxClock();
  const baseUrl = (options.baseUrl ?? AUPAY_PRODUCTION_BASE_URL).replace(/\/?$/, '/');
  // au PAY's 1 request per second, `rateScale` times faster.
  const rate: RateLimit = scaleQpsLimit({ limit: AUPAY_RATE_PER_SECOND, intervalMs: 1000 }, options.rateScale ?? 1);
  const keyIssuedAt = options.keyIssuedAt ?? new Date(clock.now() - 30 * DAY_MS);
  const store = createAupayStore();
  const state: AupaySandboxState = {
    store,
    access: {
      apiKey: SANDBOX_API_KEY,
      keyExpiresAt: keyIssuedAt.getTime() + AUPAY_KEY_LIFETIME_DAYS * DAY_MS,
      shopId: SANDBOX_SHOP_ID,
      registeredAddresses: new Set([SANDBOX_CALLER_ADDRESS]),
      callerAddress: SANDBOX_CALLER_ADDRESS,
      apiGroups: new Set<ApiGroup>(['order', 'item']),
    },
    encoding: { charset: 'utf-8', declared: 'both' },
    customStatuses: new Set(),
    reportMaxCount: true,
    pageCap: SANDBOX_DEFAULT_PAGE_CAP,
    clock,
  };
  const kit = createSandboxKit({
    mall: 'aupay',
    clock,
    qps: rate,
    qpsKey: (request) => request.headers.get('authorization') ?? '',
    // au PAY publishes no rate limit and no error for it; what it is seen to send under load is used.
    renderQpsError: () => overloadAnswer(),
  });
  addSearchHandlers(kit, state, baseUrl);
  addUpdateHandlers(kit, state, baseUrl);
  let nextOrderId = FIRST_ORDER_ID;

  const sandbox: AupaySandbox = {
    mall: 'aupay',
    kit,
    clock,
    orders: store,
    access: state.access,
    customStatuses: state.customStatuses,
    get handlers() {
      return kit.handlers;
    },
    seed(seeds: readonly SeedOrder[]): SeedOrder[] {
      return seeds.map((seed) => {
        const { record, held } = seedToRecord(seed, String(nextOrderId));
        nextOrderId += 1;
        store.put(record);
        return held;
      });
    },
    simulator: createAupaySimulator({ store, clock, customStatuses: state.customStatuses, seed: (seeds) => sandbox.seed(seeds) }),
    connectorOptions: () => ({ shopId: SANDBOX_SHOP_ID, apiKey: state.access.apiKey, keyIssuedAt: keyIssuedAt.toISOString(), baseUrl, rateLimit: rate }),
    secrets: [SANDBOX_API_KEY],
    expiringCredential: 'apiKey',
    expireCredential() {
      state.access.keyExpiresAt = clock.now() - 1000;
    },
    qpsViolations: () => kit.qps.violations,
    adversary: storeAdversary(store, withOrderId),
    answerIn(charset, declared = 'both') {
      state.encoding.charset = charset;
      state.encoding.declared = declared;
    },
    reportMaxCount(report) {
      state.reportMaxCount = report;
    },
    capPages(size) {
      if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`AupaySandbox.capPages: size must be a whole number of at least 1, got ${size}`);
      state.pageCap = size;
    },
    overload({ times = 1, operation } = {}) {
      kit.faults.inject({ kind: 'status', status: 200, body: OVERLOAD_TEXT, headers: { ...OVERLOAD_HEADERS } }, { times, ...(operation ? { operation } : {}) });
    },
    revokeApiGroup(group) {
      state.access.apiGroups.delete(group);
    },
    markPaid(orderId) {
      const paid = store.update(orderId, (record) => recordPayment(record, clock.now()));
      if (paid === undefined) throw new RangeError(`AupaySandbox.markPaid: no order ${orderId}`);
    },
    reset() {
      kit.reset();
      store.pagingLie = null;
      store.corrupted.clear();
    },
    orderCount: () => store.size,
    close() {
      kit.close();
      store.clear();
    },
  };
  return sandbox;
}
