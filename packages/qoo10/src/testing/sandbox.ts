import { randomBytes } from 'node:crypto';
import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { createSandboxClock, createSandboxKit, scaleQpsLimit, storeAdversary, type MallSandbox, type SandboxInit, type SandboxSimulator, type SandboxStore } from '@mallkit/core/testing';
import { QOO10_BASE_URL, QOO10_DEFAULT_RATE_PER_SECOND } from '../api/common.js';
import { registerAuthHandlers, unknownMethodHandler } from './handlers-auth.js';
import { registerOrderHandlers } from './handlers-orders.js';
import { registerWriteHandlers } from './handlers-writes.js';
import { createQoo10Simulator } from './simulator.js';
import type { Qoo10SandboxState } from './state.js';
import { createQoo10Store, qoo10Time, seedToPack, type Numbering, type SandboxLine, type SandboxPack } from './store.js';

/** What a connector needs to reach the sandbox with a ready key. */
export interface Qoo10SandboxConnection {
  readonly shopId: string;
  readonly certificationKey: string;
  readonly certificationKeyIssuedAt: string;
  readonly baseUrl: string;
  readonly rateLimit: { readonly limit: number; readonly intervalMs: number };
  /** The sandbox's seeds span 120 days; the default look-back of reads is 90. */
  readonly readLookbackDays: number;
}

/** Options of {@link createQoo10Sandbox} besides the clock and rate scale. */
export interface Qoo10SandboxOptions extends SandboxInit {
  /** Most rows one search answer holds (default 500; Qoo10 publishes none: UNVERIFIED). */
  readonly resultCap?: number;
  /** Latest 発送予定日 SetSellerCheckYN_V2 takes, in days after today (-10017 beyond it; default 60; Qoo10 publishes none: UNVERIFIED). */
  readonly estShipMaxDays?: number;
}

/** The Qoo10 sandbox: QAPI's wire format over an in-memory store of carts, with Qoo10's rules. */
export interface Qoo10Sandbox extends MallSandbox<Qoo10SandboxConnection> {
  /** The carts, for tests that look at or change them. */
  readonly store: SandboxStore<SandboxPack>;
  /** The shop's login: spread into a connector to let it mint keys itself. */
  mintingOptions(): { apiKey: string; userId: string; password: string; baseUrl: string; rateLimit: { limit: number; intervalMs: number }; readLookbackDays: number };
  /** The shop changes its QSM password: every key issued so far stops working, and the old password mints no more. */
  changePassword(newPassword: string): void;
  /** The shop sets a line's 発送予定日 in QSM: the line moves to 配送準備 (3), as Qoo10 does (seed 000). */
  setEstimatedShipDateInQsm(orderNo: string, day: string): void;
  /** The buyer asks to cancel a line (claimStatus 1); `complete` finishes it (3), and the line leaves the 1–5 lists. */
  cancelLine(orderNo: string, complete?: boolean): void;
  /** The buyer confirms receipt of a shipped line: 配送中 (4) → 配送完了 (5), its 配送完了日 (DeliveredDate) stamped now. */
  confirmReceipt(orderNo: string): void;
  /** Orders arrive and change as time passes (PackNos as ids), with the dates Qoo10 stamps: the incremental-sync check plays it. */
  readonly simulator: SandboxSimulator;
  /** Most rows a search answer holds; tests lower it to see windows halved. */
  resultCap: number;
}

const API_KEY = 'qapi_5f2d8c1e9a7b4e3f0c6d';
const USER_ID = 'sandbox-seller';
const PASSWORD = 'qsm-Pass-7731';
const QAPI_CLASSES = ['CertificationAPI', 'ShippingBasic', 'Claim', 'ItemsBasic', 'ItemsLookup', 'ItemsOptions', 'ItemsContents', 'CSCenter', 'CommonInfoLookup'];

/**
 * The sandbox's own row cap and EstShipDt limit. Qoo10 publishes neither: these are the sandbox's
 * choices (UNVERIFIED), set per sandbox so that tests can model a mall that cuts answers shorter.
 */
const SANDBOX_RESULT_CAP = 500;
const SANDBOX_EST_SHIP_MAX_DAYS = 60;

/** A key in the shape Qoo10's look (long, URL-safe). */
function newKey(): string {
  return `S${randomBytes(30).toString('base64url')}`;
}

/**
 * Creates the Qoo10 sandbox. Rules: QAPI's form requests and HTTP-200 answers with the error in the
 * body; plain-text answers for unknown methods; keys expiring a year after issue and voided by a
 * password change; the ShippingStatus machine (配送要請 → 配送準備 by SetSellerCheckYN_V2 with its
 * EstShipDt checks, → 配送中 by SetSendingInfo); claims, cancelled lines leaving the status lists;
 * carts with several lines; no paging (answers cut at `resultCap`); 1 request/s (× rateScale); and
 * a simulator of Qoo10's own changes with the dates it stamps (simulator.ts).
 */
export function createQoo10Sandbox(init: Qoo10SandboxOptions = {}): Qoo10Sandbox {
  const clock = init.clock ?? createSandboxClock();
  const rate = scaleQpsLimit({ limit: QOO10_DEFAULT_RATE_PER_SECOND, intervalMs: 1000 }, init.rateScale ?? 1);
  const store = createQoo10Store();
  const initialKey = newKey();
  const issuedAt = clock.now() - 30 * 86_400_000;
  const state: Qoo10SandboxState = {
    store,
    clock,
    apiKey: API_KEY,
    userId: USER_ID,
    password: PASSWORD,
    keys: new Map([[initialKey, { key: initialKey, expiresAt: issuedAt + 365 * 86_400_000 }]]),
    resultCap: init.resultCap ?? SANDBOX_RESULT_CAP,
    estShipMaxDays: init.estShipMaxDays ?? SANDBOX_EST_SHIP_MAX_DAYS,
  };
  const numbering: Numbering = { pack: 700_000_000, line: 1_000_000_000 };
  const kit = createSandboxKit({
    mall: 'qoo10',
    clock,
    qps: rate,
    // Qoo10 publishes no rate limit nor its answer to excess: the sandbox answers HTTP 429 (UNVERIFIED).
    renderQpsError: () => new HttpResponse('Too Many Requests', { status: 429, headers: { 'content-type': 'text/plain' } }),
  });
  registerAuthHandlers(kit, QOO10_BASE_URL, state, newKey);
  registerOrderHandlers(kit, QOO10_BASE_URL, state);
  registerWriteHandlers(kit, QOO10_BASE_URL, state);
  const fallback = unknownMethodHandler(QOO10_BASE_URL, QAPI_CLASSES);

  const updateLine = (orderNo: string, change: (line: SandboxLine) => void): void => {
    const pack = store.values().find((candidate) => candidate.lines.some((line) => line.orderNo === orderNo));
    if (!pack) throw new RangeError(`qoo10 sandbox: no line ${orderNo}`);
    store.update(pack.packNo, (held) => change(held.lines.find((line) => line.orderNo === orderNo) as SandboxLine));
  };

  const sandbox: Qoo10Sandbox = {
    mall: 'qoo10',
    kit,
    clock,
    store,
    get handlers(): readonly HttpHandler[] {
      return [...kit.handlers, fallback];
    },
    get resultCap() {
      return state.resultCap;
    },
    set resultCap(cap: number) {
      state.resultCap = cap;
    },
    seed(seeds) {
      return seeds.map((seed) => {
        const { pack, held } = seedToPack(seed, numbering, clock.now());
        store.put(pack);
        return held;
      });
    },
    connectorOptions: () => ({
      shopId: USER_ID,
      certificationKey: initialKey,
      certificationKeyIssuedAt: new Date(issuedAt).toISOString(),
      baseUrl: QOO10_BASE_URL,
      rateLimit: rate,
      readLookbackDays: 180,
    }),
    mintingOptions: () => ({ apiKey: API_KEY, userId: USER_ID, password: state.password, baseUrl: QOO10_BASE_URL, rateLimit: rate, readLookbackDays: 180 }),
    secrets: [initialKey, API_KEY, PASSWORD],
    expiringCredential: 'certificationKey',
    expireCredential() {
      for (const key of state.keys.values()) key.expiresAt = clock.now() - 1000;
    },
    changePassword(newPassword) {
      state.password = newPassword;
      state.keys.clear();
    },
    setEstimatedShipDateInQsm(orderNo, day) {
      updateLine(orderNo, (line) => {
        line.estimatedShippingDate = day;
        if (line.status === 2) line.status = 3;
      });
    },
    cancelLine(orderNo, complete = false) {
      updateLine(orderNo, (line) => {
        const now = qoo10Time(clock.now());
        // Finishing a request keeps the day it was asked: GetClaimInfo_V3 searches by either date.
        line.claim = { status: complete ? '3' : '1', requestDate: line.claim?.requestDate ?? now, completedDate: complete ? now : null, reason: '購入者都合' };
      });
    },
    confirmReceipt(orderNo) {
      updateLine(orderNo, (line) => {
        if (line.status !== 4) throw new RangeError(`qoo10 sandbox: line ${orderNo} is not 配送中`);
        line.status = 5;
        line.deliveredDate = qoo10Time(clock.now());
      });
    },
    // Orders placed are seeded as they come in; `sandbox` is read when one arrives.
    simulator: createQoo10Simulator(store, clock, (seeds) => sandbox.seed(seeds)),
    qpsViolations: () => kit.qps.violations,
    // Qoo10 has no paging to lie about: the searches answer one list, so a paging lie changes nothing.
    adversary: storeAdversary(store, (pack, id) => ({ ...pack, packNo: id })),
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
