import { randomBytes } from 'node:crypto';
import { createSandboxClock, createSandboxKit, scaleQpsLimit, storeAdversary, type MallSandbox, type SandboxInit, type SandboxSimulator, type SandboxStore, type SeedOrder } from '@mallkit/core/testing';
import { createFieldRenamer } from '../api/field-names.js';
import type { MaintenanceWindow } from '../api/maintenance.js';
import type { ShopserveOrder } from '../api/order-record.js';
import { resolveWireProfile } from '../api/wire-overrides.js';
import type { ShopserveWireOverrides, ShopserveWireProfile } from '../api/wire-profile.js';
import { SHOPSERVE_BASE_URL, SHOPSERVE_DEFAULT_RATE_PER_SECOND } from '../options.js';
import { errorAnswer, maintenanceAnswer } from './answers.js';
import { createSandboxGuard } from './guard.js';
import { ordersRoute } from './handlers-orders.js';
import { statusRoute } from './handlers-status.js';
import { seedAsHeld, seedToWire } from './seed-to-wire.js';
import { createShopserveSimulator } from './simulator.js';
import { createShopserveStore, toRecord, type ShopserveRecord } from './store.js';

/** Options of {@link createShopserveSandbox}. */
export interface ShopserveSandboxInit extends SandboxInit {
  /** The wire profile the sandbox speaks; pass the same to the connector (connectorOptions() does). */
  readonly wire?: ShopserveWireOverrides;
  /**
   * The weekly window in which the sandbox answers with its maintenance error, and which
   * `connectorOptions()` hands to the connector. Default null (never): a sandbox on the real clock
   * would otherwise close your tests every Wednesday 02:00–08:00 JST. Pass `SHOPSERVE_MAINTENANCE`
   * to test the window.
   */
  readonly maintenanceWindow?: MaintenanceWindow | null;
  /**
   * Answer status updates the way a lenient API would: fields and values it does not know are
   * ignored (and the answer is still 200) instead of refused with 400. For testing what a
   * connector does when its update request is not the mall's. Default false.
   */
  readonly lenientWrites?: boolean;
  /** The shop's ID; default `sandbox.ss`. */
  readonly shopserveId?: string;
  /** The API root to answer on; default Shopserve's production URL (msw intercepts it). */
  readonly baseUrl?: string;
}

/** What a connector needs to reach a Shopserve sandbox: spread it into createShopserveConnector. */
export interface ShopserveSandboxConnection {
  /** The sandbox shop's ID. */
  readonly shopserveId: string;
  /** The key the sandbox accepts now. */
  readonly managerKey: string;
  /** The sandbox's API root. */
  readonly baseUrl: string;
  /** The sandbox's request rate (Shopserve's assumed 1/s times rateScale). */
  readonly rateLimit: { readonly limit: number; readonly intervalMs: number };
  /** The wire profile the sandbox speaks. */
  readonly wire?: ShopserveWireOverrides;
  /** The maintenance window the sandbox keeps (null: none), so that the connector keeps the same. */
  readonly maintenanceWindow: MaintenanceWindow | null;
}

/** A Shopserve sandbox: the MallSandbox every mall has, plus its store and key re-issue. */
export interface ShopserveSandbox extends MallSandbox<ShopserveSandboxConnection> {
  /** The orders, for tests that change them directly. */
  readonly orders: SandboxStore<ShopserveRecord>;
  /** The resolved wire profile the sandbox speaks. */
  readonly wire: ShopserveWireProfile;
  /** The manager key the sandbox accepts now. */
  readonly managerKey: string;
  /** 再発行: issues a new manager key; the old one is refused from now on. Returns the new key. */
  reissueManagerKey(): string;
  /** Adds or replaces a wire order as given (canonical spelling), e.g. one from a real shop's sample. */
  putOrder(order: ShopserveOrder): void;
  /**
   * Plays a shop's day for incremental-sync tests: `place` adds orders arriving now, `change` cancels,
   * pays, ships or re-addresses one as the shop does in the 受注台帳, moving its 受注更新日時 to now.
   */
  readonly simulator: SandboxSimulator;
}

const newKey = (): string => randomBytes(20).toString('hex');

/**
 * Creates a Shopserve sandbox: msw handlers for 注文情報検索 and 注文状態更新 over an in-memory
 * store, speaking the resolved wire profile, with Shopserve's rules (Basic auth, a key that dies
 * when re-issued, one-week windows two years back, offset paging sorted by the date searched,
 * carrier only with a tracking number, cancelled orders frozen, the weekly maintenance window when
 * asked for) and the kit's faults and QPS gate (1 request/s × rateScale, answered with 429). Its
 * `simulator` places and changes orders between syncs, moving 受注更新日時 as it goes.
 */
export function createShopserveSandbox(init: ShopserveSandboxInit = {}): ShopserveSandbox {
  const clock = init.clock ?? createSandboxClock();
  const wire = resolveWireProfile(init.wire, 'wire');
  const renamer = createFieldRenamer(wire.fieldNames);
  const base = (init.baseUrl ?? SHOPSERVE_BASE_URL).replace(/\/+$/, '');
  const shopserveId = init.shopserveId ?? 'sandbox.ss';
  const maintenanceWindow = init.maintenanceWindow ?? null;
  const rate = scaleQpsLimit({ limit: SHOPSERVE_DEFAULT_RATE_PER_SECOND, intervalMs: 1000 }, init.rateScale ?? 1);
  const issued = [newKey()];
  const currentKey = (): string => issued[issued.length - 1] as string;
  const store = createShopserveStore();
  let serials = 0;
  let orderCodes = 0;

  const kit = createSandboxKit({
    mall: 'shopserve',
    clock,
    qps: rate,
    qpsKey: (request) => request.headers.get('authorization') ?? '',
    renderQpsError: () => errorAnswer(429, 'リクエストが多すぎます。しばらくしてから再度お試しください。', renamer),
    renderMaintenance: () => maintenanceAnswer(renamer),
  });
  const guard = createSandboxGuard({ clock, maintenanceWindow, renamer, credentials: () => ({ shopserveId, managerKey: currentKey() }) });
  ordersRoute({ kit, base, wire, renamer, store, guard });
  statusRoute({ kit, base, wire, renamer, store, guard }, init.lenientWrites === true);

  // Orders arrive through `seed` and change the way the shop changes them in the 受注台帳.
  const simulator = createShopserveSimulator({ store, wire, clock, seed: (seeds) => sandbox.seed(seeds) });
  const sandbox: ShopserveSandbox = {
    mall: 'shopserve',
    kit,
    clock,
    orders: store,
    wire,
    get managerKey() {
      return currentKey();
    },
    get handlers() {
      return kit.handlers;
    },
    seed(seeds: readonly SeedOrder[]): SeedOrder[] {
      // Order numbers count up from 10000001 in order of arrival, as Shopserve's default does.
      return [...seeds]
        .sort((a, b) => a.orderedAt.localeCompare(b.orderedAt))
        .map((seed) => {
          serials += 1;
          orderCodes += 1;
          const order = seedToWire(seed, { serialCode: String(300_000_000_000 + serials), orderCode: String(10_000_000 + orderCodes) }, wire, clock.now());
          store.put(toRecord(order));
          return seedAsHeld(seed, order, wire);
        });
    },
    putOrder(order) {
      store.put(toRecord(order));
    },
    simulator,
    connectorOptions: () => ({
      shopserveId,
      managerKey: currentKey(),
      baseUrl: base,
      rateLimit: rate,
      ...(init.wire ? { wire: init.wire } : {}),
      maintenanceWindow,
    }),
    get secrets() {
      return [...issued];
    },
    expiringCredential: 'managerKey',
    expireCredential() {
      sandbox.reissueManagerKey();
    },
    reissueManagerKey() {
      issued.push(newKey());
      return currentKey();
    },
    qpsViolations: () => kit.qps.violations,
    adversary: storeAdversary(store, (record, id) => toRecord({ ...record.order, serial_code: id })),
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
