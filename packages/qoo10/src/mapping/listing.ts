import {
  createOrderLister,
  createOrderReader,
  unreadableOrder,
  type CallOptions,
  type Clock,
  type Hint,
  type Logger,
  type OrderLister,
  type OrderReader,
  type TimeWindow,
} from '@mallkit/core';
import { QOO10_CAPABILITIES } from '../api/capabilities.js';
import { completionPlan, isWholeCart, orderTimeOf } from './cart-completion.js';
import { searchDatedChanges } from './change-search.js';
import { isQoo10Number } from './inputs.js';
import { toOrder, type OrderMappingContext } from './order.js';
import { packNoOf, packSchema, type Qoo10Pack, type WirePack } from './pack.js';
import { searchWindow, type WindowSearchSettings, type WindowSearcher } from './search.js';
import { queryCanMatch } from './status.js';

const DAY_MS = 86_400_000;

/** What the listing needs from the connector. */
export interface Qoo10ListingDeps {
  readonly searcher: WindowSearcher;
  readonly search: WindowSearchSettings;
  readonly context: OrderMappingContext;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly redact: (text: string) => string;
  /** Days a read by PackNo searches back by order date. */
  readonly readLookbackDays: number;
}

/** The connector's order reading: by PackNo (a search of the read look-back) and by window. */
export interface Qoo10Listing {
  readonly reader: OrderReader<Qoo10Pack>;
  readonly listOrders: OrderLister<Qoo10Pack>;
  /** What to tell the shop about PackNos not found. */
  notFoundHint(missing: readonly string[]): Hint;
}

const INCOMPLETE = 'its other lines were not found when its order date was searched again; the next sync reads it again';

/**
 * Builds the reader and listOrders. Qoo10 has no read by PackNo and no paging: carts are read by
 * searching windows of order (or payment) dates, a window whose answer reaches the row cap is
 * halved by the kit, and `updated` lists the carts Qoo10 stamped a date on within the window, each
 * read whole again by its order date when its rows do not show every line.
 */
export function createQoo10Listing(deps: Qoo10ListingDeps): Qoo10Listing {
  const { searcher, search, clock, logger } = deps;
  const { resultCap } = search;
  const common = { mall: 'qoo10', operation: 'GetShippingInfo_v3', capabilities: QOO10_CAPABILITIES.listOrders, clock, logger, inline: true, resultCap } as const;
  const entryId = (pack: WirePack): string | null => pack.packNo;
  // Carts whose completion found no whole copy: reported unreadable rather than delivered with lines missing.
  const incomplete = new WeakSet<WirePack>();

  /**
   * The carts asked for among those ordered within `range`, from answers under the cap (a capped
   * answer's carts may lack lines: the kit searches its halves instead), and what the first
   * window's answers held.
   */
  const scanCarts = async (range: TimeWindow, wanted: ReadonlySet<string>, call: CallOptions): Promise<{ found: Map<string, WirePack>; first: { largest: number; capped: boolean } }> => {
    const found = new Map<string, WirePack>();
    let first: { largest: number; capped: boolean } | undefined;
    const scan = createOrderLister<Qoo10Pack, WirePack, never, 'all'>({
      ...common,
      reader,
      entryId,
      fetchPage: async ({ window }, pageCall) => {
        const { packs, largest } = await searchWindow(searcher, window, 'ordered', search, pageCall);
        const full = largest >= resultCap;
        first ??= { largest, capped: full };
        if (!full) for (const pack of packs) if (pack.packNo !== null && wanted.has(pack.packNo)) found.set(pack.packNo, pack);
        return { entries: [], next: undefined, total: largest, full };
      },
    });
    for await (const _ of scan({ from: range.from, to: range.to }, { ...call, onOrderError: () => undefined })) void _;
    return { found, first: first ?? { largest: 0, capped: false } };
  };

  /** The carts of a dated search, each whole: those its rows do not show whole are read again by order date. */
  const wholeCarts = async (packs: readonly WirePack[], call: CallOptions): Promise<WirePack[]> => {
    const partial = packs.filter((pack) => pack.packNo !== null && !isWholeCart(pack));
    if (partial.length === 0) return [...packs];
    const wanted = new Set(partial.map((pack) => pack.packNo as string));
    const found = new Map<string, WirePack>();
    const plan = completionPlan(partial.map(orderTimeOf).filter((at): at is number => at !== null), resultCap);
    for (let window = plan.next(); window !== null; window = plan.next()) {
      const scanned = await scanCarts(window, wanted, call);
      plan.observe(scanned.first.largest, scanned.first.capped);
      for (const [packNo, pack] of scanned.found) found.set(packNo, pack);
    }
    return packs.map((pack) => {
      if (!partial.includes(pack)) return pack;
      const whole = found.get(pack.packNo as string);
      if (whole) return whole;
      incomplete.add(pack);
      return pack;
    });
  };

  /** Reads by PackNo: a search of the read look-back by order date, keeping the carts asked for; nothing is sent for ids that cannot be PackNos. */
  const readPacks = async (ids: readonly string[], call: CallOptions): Promise<{ orders: WirePack[] }> => {
    const wanted = new Set(ids.filter(isQoo10Number));
    if (wanted.size === 0) return { orders: [] };
    const now = clock.now();
    const { found } = await scanCarts({ from: new Date(now - deps.readLookbackDays * DAY_MS), to: new Date(now) }, wanted, call);
    return { orders: [...found.values()] };
  };

  const notFoundHint = (missing: readonly string[]): Hint => ({
    ja: `カート番号（PackNo、数字）を確認してください: ${missing.join(', ')}。過去${deps.readLookbackDays}日より前の注文は readLookbackDays を延ばすと検索されます。`,
    en: `Check the cart numbers (PackNo, digits): ${missing.join(', ')}. Orders older than ${deps.readLookbackDays} days are searched with a longer readLookbackDays.`,
  });

  const baseReader: OrderReader<Qoo10Pack> = createOrderReader<Qoo10Pack>({
    mall: 'qoo10',
    operation: 'GetShippingInfo_v3',
    orderSchema: packSchema,
    idOf: packNoOf,
    normalize: (raw, warnings) => toOrder(raw, deps.context, warnings),
    batchSize: QOO10_CAPABILITIES.listOrders.detailBatchSize,
    fetch: readPacks,
    redact: deps.redact,
    logger,
    notFoundHint,
  });
  const reader: OrderReader<Qoo10Pack> = {
    ...baseReader,
    toOrder: (wire, expectedId) =>
      incomplete.has(wire as WirePack) ? unreadableOrder(wire, packNoOf(wire), INCOMPLETE, { mall: 'qoo10', operation: 'GetShippingInfo_v3', redact: deps.redact }) : baseReader.toOrder(wire, expectedId),
  };

  const listOrders = createOrderLister<Qoo10Pack, WirePack, never, 'all'>({
    ...common,
    reader,
    plans: (query) => (queryCanMatch(query) ? ['all'] : []),
    entryId,
    fetchPage: async ({ window, query }, call) => {
      const byChange = query.dateType === 'updated';
      const { packs, largest } = byChange ? await searchDatedChanges(searcher, window, search, call) : await searchWindow(searcher, window, query.dateType, search, call);
      // Qoo10 groups rows into carts: 6 capped rows may be 2 carts, so the cap is judged on the rows.
      const full = largest >= resultCap;
      // A capped window is halved by the kit: its carts are not completed, nor delivered.
      const entries = full ? [] : byChange ? await wholeCarts(packs, call) : packs;
      return { entries, next: undefined, total: largest, full };
    },
  });

  return { reader, listOrders, notFoundHint };
}
