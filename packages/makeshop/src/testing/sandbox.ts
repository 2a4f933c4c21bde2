import { formatJst } from '@mallkit/core';
import {
  createSandboxClock,
  createSandboxKit,
  scaleQpsLimit,
  storeAdversary,
  type MallSandbox,
  type SandboxInit,
  type SandboxSimulator,
  type SeedOrder,
} from '@mallkit/core/testing';
import { MAKESHOP_RATE_PER_SECOND } from '../api/limits.js';
import { graphqlHandlers } from './handlers-graphql.js';
import { seedToWire } from './seed-to-wire.js';
import { createMakeshopSimulator } from './simulator.js';
import type { MakeshopSandboxState } from './state.js';
import { createMakeshopStore, type MakeshopStore } from './store.js';
import { requestError } from './wire.js';

/** The endpoint the sandbox answers on (a real app gets its own URL by e-mail). */
export const MAKESHOP_SANDBOX_ENDPOINT = 'https://api.makeshop-sandbox.test/graphql';

// Sandbox values only, shaped like the real ones (a PAT.… token, a hex API key).
const SANDBOX_TOKEN = 'PAT.5f1d0c9b8a7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918';
const SANDBOX_API_KEY = '9b2e4f6a8c0d1e3f5a7b9c1d3e5f7a9b';

/** What a connector needs to reach the sandbox: spread it into `createMakeshopConnector`. */
export interface MakeshopSandboxConnection {
  readonly shopId: string;
  readonly accessToken: string;
  readonly apiKey: string;
  readonly endpoint: string;
  /** makeshop's 1 request per second, times the sandbox's rateScale. */
  readonly rateLimit: { readonly limit: number; readonly intervalMs: number };
}

/** The makeshop sandbox: core's MallSandbox plus makeshop's own switches. */
export interface MakeshopSandbox extends MallSandbox<MakeshopSandboxConnection> {
  /** The orders as makeshop holds them. */
  readonly orders: MakeshopStore;
  /** Orders arrive and change as the buyer, the payment provider and the shop make them (simulator.ts); a cancelled 仮注文 is deleted. */
  readonly simulator: SandboxSimulator;
  /** Order numbers for which makeshop was asked to mail its 発送メール. */
  readonly shippingMails: readonly string[];
  /** The shop uninstalls the app: the token is revoked (same as expireCredential). */
  uninstallApp(): void;
  /** The order becomes a 仮注文: its external payment has not completed. */
  makeProvisional(displayOrderNumber: string): void;
  /** The 仮注文's payment completes: it becomes a normal, paid order. */
  completePayment(displayOrderNumber: string): void;
  /** The 仮注文's payment fails: makeshop deletes the order. */
  abandonPayment(displayOrderNumber: string): void;
  /** The parcel comes back: the order is 返送 (R). */
  returnToSender(displayOrderNumber: string): void;
  /**
   * The sandbox pretends not to know these fields, to play a makeshop whose schema differs from the
   * inferred one: `senderKana` hides a field of every type, `SearchOrderRequest.displayOrderNumber` one type's only.
   */
  hideFields(...names: string[]): void;
}

/** Options of createMakeshopSandbox besides SandboxInit. */
export interface MakeshopSandboxOptions extends SandboxInit {
  /** The endpoint to answer on; default {@link MAKESHOP_SANDBOX_ENDPOINT}. */
  readonly endpoint?: string;
}

/**
 * Creates an in-memory makeshop behind msw: one GraphQL endpoint with the token, API key and
 * x-timestamp checks, searchOrder and the inferred updateOrderDelivery, multi-destination orders,
 * 仮注文 that become orders or disappear, a simulator of orders arriving and changing (for incremental
 * sync), and 1 request per second per token (times rateScale).
 * Start it with core's `startSandboxServer(sandbox.handlers)`.
 */
export function createMakeshopSandbox(init: MakeshopSandboxOptions = {}): MakeshopSandbox {
  const clock = init.clock ?? createSandboxClock();
  const endpoint = init.endpoint ?? MAKESHOP_SANDBOX_ENDPOINT;
  const rate = scaleQpsLimit({ limit: MAKESHOP_RATE_PER_SECOND, intervalMs: 1000 }, init.rateScale ?? 1);
  const state: MakeshopSandboxState = {
    orders: createMakeshopStore(),
    clock,
    accessToken: SANDBOX_TOKEN,
    apiKey: SANDBOX_API_KEY,
    tokenRevoked: false,
    hiddenFields: new Set(),
    shippingMails: [],
  };
  const kit = createSandboxKit({
    mall: 'makeshop',
    clock,
    qps: rate,
    qpsKey: (request) => request.headers.get('authorization') ?? '',
    renderQpsError: () => requestError(429, 'TOO_MANY_REQUESTS', ['Too Many Requests']),
  });
  graphqlHandlers(kit, state, endpoint);
  let serial = 0;
  const seed = (seeds: readonly SeedOrder[]): SeedOrder[] =>
    seeds.map((each) => {
      serial += 1;
      const { order, held } = seedToWire(each, serial);
      state.orders.put(order);
      return held;
    });

  const change = (id: string, edit: Parameters<MakeshopStore['update']>[1]): void => {
    if (state.orders.update(id, edit) === undefined) throw new RangeError(`makeshop sandbox: no order ${id}`);
  };

  const sandbox: MakeshopSandbox = {
    mall: 'makeshop',
    kit,
    clock,
    orders: state.orders,
    get shippingMails() {
      return [...state.shippingMails];
    },
    get handlers() {
      return kit.handlers;
    },
    seed,
    simulator: createMakeshopSimulator({ orders: state.orders, clock, seed }),
    connectorOptions: () => ({ shopId: 'makeshop-sandbox-shop', accessToken: SANDBOX_TOKEN, apiKey: SANDBOX_API_KEY, endpoint, rateLimit: rate }),
    secrets: [SANDBOX_TOKEN, SANDBOX_API_KEY],
    expiringCredential: 'accessToken',
    expireCredential() {
      state.tokenRevoked = true;
    },
    uninstallApp() {
      state.tokenRevoked = true;
    },
    qpsViolations: () => kit.qps.violations,
    adversary: storeAdversary(state.orders, (order, id) => ({ ...order, displayOrderNumber: id })),
    makeProvisional(id) {
      change(id, (order) => {
        order.orderStatus = 99;
        order.deliveryStatus = 'N';
        order.paymentStatus = 0;
        order.paymentDate = null;
      });
    },
    completePayment(id) {
      change(id, (order) => {
        order.orderStatus = 1;
        order.paymentStatus = 1;
        order.paymentDate = formatJst(clock.now(), 'space');
      });
    },
    abandonPayment(id) {
      if (!state.orders.delete(id)) throw new RangeError(`makeshop sandbox: no order ${id}`);
    },
    returnToSender(id) {
      change(id, (order) => {
        order.deliveryStatus = 'R';
      });
    },
    hideFields(...names) {
      for (const name of names) state.hiddenFields.add(name);
    },
    reset() {
      kit.reset();
      state.orders.pagingLie = null;
      state.orders.corrupted.clear();
      state.hiddenFields.clear();
    },
    orderCount: () => state.orders.size,
    close() {
      kit.close();
      state.orders.clear();
      state.hiddenFields.clear();
      state.shippingMails.length = 0;
    },
  };
  return sandbox;
}
