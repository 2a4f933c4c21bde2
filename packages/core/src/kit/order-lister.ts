import type { Capabilities } from '../contract/capabilities.js';
import { parseCallOptions } from '../contract/call-options.js';
import type { CallOptions } from '../contract/connector.js';
import { orderQuerySchema, type OrderQuery, type ParsedOrderQuery } from '../contract/inputs.js';
import { parseInput } from '../contract/parse-input.js';
import { printable } from '../contract/text-rules.js';
import { InvalidRequestError, UnreadableOrderError, ValidationError } from '../errors/classes.js';
import { isConnectorWide } from '../errors/outcome.js';
import { DEFAULT_MAX_PAGES, paginate } from '../iter/paginate.js';
import type { Logger } from '../logger.js';
import type { MallId } from '../model/mall-id.js';
import type { Order } from '../model/order.js';
import type { Clock } from '../time/clock.js';
import { halveWindow, splitWindow, type TimeWindow } from '../time/windows.js';
import { incompleteResult, wireIdProblem, type OrderOutcome, type OrderReader } from './order-reader.js';

const DAY_MS = 86_400_000;

/** One page of a mall's order search. */
export interface ListPage<Entry, Cursor> {
  /** What the page lists: order ids or summaries (read in detail afterwards), or whole wire orders (`inline`). */
  readonly entries: readonly Entry[];
  /** The cursor of the next page (page number, offset, token); `undefined` after the last page. */
  readonly next: Cursor | undefined;
  /** How many results the whole search holds, when the mall says: compared with `resultCap`. */
  readonly total?: number | null;
  /**
   * Whether the mall's answer reached its cap, when the entries do not show it (Qoo10 groups the
   * rows of one answer into carts: 6 capped rows may be 2 entries). Default: judged from the count.
   */
  readonly full?: boolean;
}

/** What the mall's search gets for one page. */
export interface SearchRequest<Plan, Cursor> {
  /** The window, inclusive, to the second: within the mall's longest window and look-back. */
  readonly window: TimeWindow;
  /** One of the searches `plans` returned (a status, a date field…). */
  readonly plan: Plan;
  /** `undefined` for the first page. */
  readonly cursor: Cursor | undefined;
  /** The user's query, parsed (dateType, statuses for a pre-filter). */
  readonly query: ParsedOrderQuery;
}

/** What the kit needs from a mall to list its orders. */
export interface OrderListerConfig<Raw, Entry, Cursor, Plan> {
  readonly mall: MallId;
  /** The search operation, for errors and warnings (`searchOrder`). */
  readonly operation: string;
  /** The mall's date types, longest window, look-back and page size. */
  readonly capabilities: Capabilities['listOrders'];
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * The searches one query needs in each window: Yahoo searches by order time and by publication
   * time, Qoo10 by each status. Default: one. An empty list means the query can match nothing
   * (statuses the mall does not have): no request is sent.
   */
  plans?(query: ParsedOrderQuery): readonly Plan[];
  /** Fetches one page of one search. */
  fetchPage(request: SearchRequest<Plan, Cursor>, call: CallOptions): Promise<ListPage<Entry, Cursor>>;
  /** The order id of an entry, or null when it has none. */
  entryId(entry: Entry): string | null;
  /** True when the entries are whole wire orders (no detail requests); false when they are read by id with the reader. */
  readonly inline: boolean;
  /** Reads and normalizes orders (by id, or an inline entry). */
  readonly reader: OrderReader<Raw>;
  /**
   * The most results one search returns (Rakuten 15,000; Qoo10's list size): a window whose total —
   * or, for a search without paging, whose one page — reaches it is halved and searched again.
   */
  readonly resultCap?: number | null;
  /** The most pages one search can have; default the result cap ÷ page size + 1, else 10,000. */
  readonly maxPages?: number;
  /** Orders younger than this are not searchable yet (Amazon: 2 minutes): `to` is capped at now − lag. */
  readonly visibilityLagMs?: number;
  /**
   * `day` for malls that search whole JST days (au PAY's `YYYYMMDD`): windows are aligned to JST
   * days (each window from 00:00:00 of its first day to 23:59:59 of its last, a day never searched
   * twice), and orders outside the query's own from/to are dropped by their order time. Default
   * `second`.
   */
  readonly searchUnit?: 'second' | 'day';
}

const JST_MS = 9 * 3_600_000;

/** The span widened to whole JST days: midnight of the first day to the last second of the last. */
function wholeDays(span: TimeWindow): TimeWindow {
  const start = Math.floor((span.from.getTime() + JST_MS) / DAY_MS) * DAY_MS - JST_MS;
  const end = Math.floor((span.to.getTime() + JST_MS) / DAY_MS) * DAY_MS - JST_MS + DAY_MS - 1000;
  return { from: new Date(start), to: new Date(end) };
}

function outsideRange(orderedAt: string, range: TimeWindow): boolean {
  const at = Date.parse(orderedAt);
  return Number.isFinite(at) && (at < range.from.getTime() || at > range.to.getTime());
}

/** A mall's listOrders, built by {@link createOrderLister}. */
export type OrderLister<Raw> = (query: OrderQuery, call?: CallOptions) => AsyncGenerator<Order<Raw>, void, undefined>;

/**
 * The listOrders skeleton every mall shares: the query is checked (fields, calendar, the mall's
 * date types), clamped to the mall's look-back and visibility lag, cut into the mall's windows;
 * each search is paged with guards against a mall that lies about paging, a window over the result
 * cap is halved, ids are de-duplicated, details are read in full batches (ids carried across pages
 * and windows), each order is read on its own, and the status filter is applied to the result.
 *
 * One unreadable order never loses the others: it goes to `call.onOrderError`, or — without it —
 * the listing yields every readable order and then throws IncompleteResultError naming the bad
 * ones. Memory: one page of entries, one detail batch, and the ids seen.
 */
export function createOrderLister<Raw, Entry, Cursor, Plan = undefined>(config: OrderListerConfig<Raw, Entry, Cursor, Plan>): OrderLister<Raw> {
  const { mall, capabilities, clock, logger, reader } = config;
  const context = { mall, operation: 'listOrders' };
  const maxPages =
    config.maxPages ?? (config.resultCap ? Math.ceil(config.resultCap / capabilities.pageSize) + 1 : DEFAULT_MAX_PAGES);

  const checkDateType = (query: ParsedOrderQuery): void => {
    if (capabilities.dateTypes.includes(query.dateType)) return;
    throw new ValidationError(
      [{ field: 'query.dateType', message: `${mall} cannot search by ${query.dateType}; use one of ${capabilities.dateTypes.join(', ')}` }],
      context,
    );
  };

  /** The searchable span of the query, or null when nothing in it can be searched yet. */
  const span = (query: ParsedOrderQuery): TimeWindow | null => {
    const now = clock.now();
    let to = query.to?.getTime() ?? now;
    if (config.visibilityLagMs) to = Math.min(to, now - config.visibilityLagMs);
    let from = query.from.getTime();
    if (capabilities.maxLookbackDays !== null) {
      // A minute's margin: the mall refuses a start even a second older than its look-back.
      const oldest = now - capabilities.maxLookbackDays * DAY_MS + 60_000;
      if (from < oldest) {
        logger.warn(`${mall} listOrders: the mall keeps ${capabilities.maxLookbackDays} days of orders; the start was moved forward`, {
          requested: query.from.toISOString(),
        });
        from = oldest;
      }
    }
    return from > to ? null : { from: new Date(from), to: new Date(to) };
  };

  async function* entriesOf(window: TimeWindow, plan: Plan, query: ParsedOrderQuery, call: CallOptions): AsyncGenerator<Entry> {
    const fetch = (cursor: Cursor | undefined) => config.fetchPage({ window, plan, cursor, query }, call);
    const first = await fetch(undefined);
    const total = first.total ?? (first.next === undefined ? first.entries.length : null);
    // A total at the cap matters only when the first page is full (or more pages follow): a short
    // first page under a large total is a total that lies, and halving would not help.
    const full = first.full ?? (first.next !== undefined || first.entries.length >= Math.min(capabilities.pageSize, config.resultCap ?? Number.POSITIVE_INFINITY));
    if (config.resultCap && total !== null && total >= config.resultCap && full) {
      const halves = halveWindow(window);
      if (halves === null) {
        throw new InvalidRequestError(`${mall} ${config.operation}: ${total} orders within one second; the mall's cap of ${config.resultCap} results cannot be avoided`, {
          mall,
          operation: config.operation,
        });
      }
      logger.info(`${mall} ${config.operation}: window over the ${config.resultCap}-result cap, halving`, {
        total,
        from: window.from.toISOString(),
        to: window.to.toISOString(),
      });
      for (const half of halves) yield* entriesOf(half, plan, query, call);
      return;
    }
    yield* paginate<Entry, Cursor>({
      first: { items: first.entries, next: first.next },
      fetchPage: async (cursor) => {
        const page = await fetch(cursor);
        return { items: page.entries, next: page.next };
      },
      key: (entry) => config.entryId(entry) ?? '',
      maxPages,
      mall,
      operation: config.operation,
      logger,
      ...(call.signal ? { signal: call.signal } : {}),
    });
  }

  return async function* listOrders(query, callOptions) {
    const call = parseCallOptions(callOptions, context);
    const parsed = parseInput(orderQuerySchema, query, 'query', context);
    checkDateType(parsed);
    const range = span(parsed);
    if (range === null) return;
    const plans = config.plans ? config.plans(parsed) : [undefined as Plan];
    if (plans.length === 0) return;
    const byDay = config.searchUnit === 'day';
    const searched = byDay ? wholeDays(range) : range;
    const windows = capabilities.maxWindowDays === null ? [searched] : splitWindow(searched.from, searched.to, capabilities.maxWindowDays);
    const wanted = parsed.statuses ? new Set<string>(parsed.statuses) : null;
    const batchSize = Math.max(1, capabilities.detailBatchSize);

    const seen = new Set<string>();
    const pending: string[] = [];
    // What the search said of each pending id, handed to the detail read (a mall may reuse summaries).
    const listed = new Map<string, unknown>();
    const failures: UnreadableOrderError[] = [];
    let delivered = 0;

    const fail = (error: UnreadableOrderError): void => {
      logger.warn(`${mall} listOrders: ${error.message}`, { orderId: error.orderId });
      if (call.onOrderError) call.onOrderError(error);
      else failures.push(error);
    };
    /** The order to yield, or null: unreadable (reported) or outside the status filter. */
    const accept = (outcome: OrderOutcome<Raw>): Order<Raw> | null => {
      if (UnreadableOrderError.isInstance(outcome)) {
        fail(outcome);
        return null;
      }
      // An order may have changed status between search and read: keep the filter's promise.
      if (wanted && !wanted.has(outcome.status.code)) return null;
      // Whole-day searches bring the rest of the first and last days: keep the query's own bounds.
      if (byDay && parsed.dateType === 'ordered' && outsideRange(outcome.orderedAt, range)) return null;
      delivered += 1;
      return outcome;
    };

    async function* flush(all: boolean): AsyncGenerator<Order<Raw>> {
      while (pending.length >= batchSize || (all && pending.length > 0)) {
        const ids = pending.splice(0, batchSize);
        const entries = new Map(ids.map((id) => [id, listed.get(id)] as const));
        for (const id of ids) listed.delete(id);
        const { found } = await reader.readByIds(ids, call, entries);
        for (const id of ids) {
          const outcome = found.get(id);
          if (!outcome) {
            logger.warn(`${mall} listOrders: the search listed an order the detail request did not return; skipped`, { orderId: id });
            continue;
          }
          const order = accept(outcome);
          if (order) yield order;
        }
      }
    }

    try {
      for (const window of windows) {
        for (const plan of plans) {
          for await (const entry of entriesOf(window, plan, parsed, call)) {
            const id = config.entryId(entry);
            const problem = wireIdProblem(id);
            if (config.inline) {
              const outcome = reader.toOrder(entry);
              const key = UnreadableOrderError.isInstance(outcome) ? (id ?? '') : outcome.id;
              if (key !== '' && seen.has(key)) continue;
              if (key !== '') seen.add(key);
              const order = accept(outcome);
              if (order) yield order;
              continue;
            }
            if (problem !== null || id === null) {
              fail(
                new UnreadableOrderError(`${mall} ${config.operation}: a listed order could not be read: ${problem ?? 'no id'}`, {
                  mall,
                  operation: config.operation,
                  orderId: id === null ? null : printable(id),
                  excerpt: printable(JSON.stringify(entry) ?? ''),
                }),
              );
              continue;
            }
            if (seen.has(id)) continue;
            seen.add(id);
            pending.push(id);
            listed.set(id, entry);
            yield* flush(false);
          }
        }
      }
    } catch (error) {
      // Orders already listed are read and delivered before the error ends the listing, unless
      // the connector as a whole is refused (every further request would fail the same way).
      if (!isConnectorWide(error) && pending.length > 0) {
        try {
          yield* flush(true);
        } catch (flushError) {
          logger.warn(`${mall} listOrders: the orders listed before the failure could not be read either`, { error: String(flushError) });
        }
      }
      if (failures.length > 0) logger.warn(`${mall} listOrders: ${failures.length} unreadable order(s) before the failure`, { orderIds: failures.map((f) => f.orderId) });
      throw error;
    }
    yield* flush(true);
    if (failures.length > 0) throw incompleteResult(mall, 'listOrders', failures, delivered);
  };
}
