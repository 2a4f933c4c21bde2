import type { Capabilities } from '../contract/capabilities.js';
import type { MallConnector } from '../contract/connector.js';
import { ValidationError, type UnreadableOrderError } from '../errors/classes.js';
import type { Logger } from '../logger.js';
import type { Order } from '../model/order.js';
import type { OrderStatus } from '../model/status.js';
import { systemClock, type Clock } from '../time/clock.js';
import { parseJst } from '../time/jst.js';
import type { ChangeVisibility } from './changes.js';
import { decodeCursor, encodeCursor, type SeenOrder } from './cursor.js';
import { changedFields, eventKey, orderSignature, type ChangeField } from './fingerprint.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Windows overlap by this much beyond the mall's own lag: a change written at 10:00:00 may carry an updated time a little earlier. */
const DEFAULT_OVERLAP_MS = 10 * MINUTE_MS;

/** Options of {@link syncOrders}. */
export interface SyncOptions {
  /** The cursor the previous sync ended with (its `checkpoint`, or the last event applied). Absent on the first sync. */
  readonly cursor?: string | null;
  /** First sync only: orders placed or changed since then are delivered. Default: now minus the look-back. */
  readonly start?: Date | string;
  /** Days a look-back search re-reads (default: the mall's). Changes to older orders are not seen on such malls. */
  readonly lookbackDays?: number;
  /** Extra overlap of successive windows beyond the mall's visibility lag, in ms (default 10 minutes). */
  readonly overlapMs?: number;
  /** The connector's clock (a sandbox clock in tests); default the machine's. */
  readonly clock?: Clock;
  /** Cancels the sync between requests. */
  readonly signal?: AbortSignal;
  /** Where warnings go (an unreadable order). */
  readonly logger?: Logger;
}

/** What every event carries to make it durable. */
interface Durable {
  /**
   * The cursor to store once this event is applied: a restart from it re-delivers only what came
   * after. Computed when read; store it every event or every few (a first sync of many orders
   * writes a cursor as large as the orders it remembers), and always at the checkpoint.
   */
  readonly cursor: string;
}

/** An order that is new to the OMS, or changed since it was delivered. */
export interface OrderChangeEvent<Raw> extends Durable {
  /**
   * `new`: placed since the last sync (or first seen); `changed`: delivered before and changed
   * since (`changedFields` says which normalized fields), or an older order seen for the first
   * time (`changedFields` null: its earlier state is unknown); `cancelled`: changed to cancelled.
   * An OMS applies all three as an upsert keyed by `key`.
   */
  readonly type: 'new' | 'changed' | 'cancelled';
  readonly order: Order<Raw>;
  /**
   * The normalized fields that changed since the order was last delivered; null for a new order,
   * and for one whose earlier state the cursor no longer holds (on malls searched by update time,
   * the cursor keeps only orders that changed within the last windows, so that it stays small).
   */
  readonly changedFields: readonly ChangeField[] | null;
  /** Idempotency key of this state of the order (mall, shop, id, content): applying the same key twice is safe. */
  readonly key: string;
}

/** An order the mall no longer shows within a look-back it re-reads (makeshop deletes unpaid 仮注文). */
export interface OrderRemovedEvent extends Durable {
  readonly type: 'removed';
  readonly orderId: string;
  readonly key: string;
}

/** An order the mall sent but that could not be read; the sync will try it again next time. */
export interface OrderUnreadableEvent extends Durable {
  readonly type: 'unreadable';
  readonly error: UnreadableOrderError;
}

/** The end of a sync: store `cursor` and pass it to the next one. */
export interface SyncCheckpoint extends Durable {
  readonly type: 'checkpoint';
  /** False when some order was unreadable: the next sync re-reads the same windows for it. */
  readonly complete: boolean;
  /** What this sync delivered, by type, and how many orders it read unchanged. */
  readonly counts: Readonly<Record<'new' | 'changed' | 'cancelled' | 'removed' | 'unreadable' | 'unchanged', number>>;
  /** Epoch ms up to which every change has now been delivered. */
  readonly syncedUntil: number;
}

/** What {@link syncOrders} yields. */
export type SyncEvent<Raw = unknown> = OrderChangeEvent<Raw> | OrderRemovedEvent | OrderUnreadableEvent | SyncCheckpoint;

/** The change visibility of a connector: its capabilities', or a safe default from its date types. */
export function changeVisibilityOf(capabilities: Capabilities): ChangeVisibility {
  if (capabilities.changes) return capabilities.changes;
  const updated = capabilities.listOrders.dateTypes.includes('updated');
  return {
    searches: [updated ? { dateType: 'updated', mode: 'since' } : { dateType: 'ordered', mode: 'lookback' }],
    visibilityLagMs: 0,
    lookbackDays: 14,
    blindSpots: updated
      ? { ja: 'なし（更新日時で検索できます）。', en: 'None: the mall searches by update time.' }
      : { ja: '遡及期間より前の注文の変更は検知できません。', en: 'Changes to orders older than the look-back are not seen.' },
  };
}

function epochOf(value: Date | string, field: string): number {
  const ms = value instanceof Date ? value.getTime() : (() => {
    try {
      return parseJst(value).getTime();
    } catch {
      return Number.NaN;
    }
  })();
  if (!Number.isFinite(ms)) throw new ValidationError([{ field, message: 'must be a Date or an ISO 8601 date-time' }]);
  return ms;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * An incremental sync on top of any connector: yields every order that is new or changed since the
 * cursor, each once, then a checkpoint with the next cursor. It runs the searches the mall's
 * capabilities name (`changes`): by update time where the mall has one, else by re-reading the
 * orders placed within a look-back; windows overlap by the mall's lag plus `overlapMs`, and orders
 * already delivered in the same state are recognised by their content signature and skipped.
 *
 * Durable: every event carries the cursor to store once it is applied. After a crash, a sync from
 * the last stored cursor re-delivers only what was not acknowledged; `key` lets an OMS apply an
 * event twice safely. A cursor of another mall, shop or format version is refused.
 */
export async function* syncOrders<Raw>(connector: MallConnector<Raw>, options: SyncOptions = {}): AsyncGenerator<SyncEvent<Raw>, void, undefined> {
  const visibility = changeVisibilityOf(connector.capabilities);
  const clock = options.clock ?? systemClock;
  const lookbackDays = options.lookbackDays ?? visibility.lookbackDays;
  if (!(Number.isFinite(lookbackDays) && lookbackDays > 0 && lookbackDays <= 730)) {
    throw new ValidationError([{ field: 'options.lookbackDays', message: 'must be a number of days between 0 and 730' }], { mall: connector.mall });
  }
  const overlapMs = Math.max(0, options.overlapMs ?? DEFAULT_OVERLAP_MS) + 2 * visibility.visibilityLagMs;
  const identity = { mall: connector.mall, shopId: connector.shopId };
  const previous = options.cursor ? decodeCursor(options.cursor, identity) : null;
  const now = clock.now();
  const origin = previous?.origin ?? (options.start === undefined ? now - lookbackDays * DAY_MS : epochOf(options.start, 'options.start'));
  const high = previous?.high ?? origin;
  const header = { ...identity, origin, high };

  const current = new Map<string, SeenOrder>(previous?.seen ?? []);
  // What this run delivered, in order: a cursor written mid-run is the previous state plus a prefix of it.
  const log: Array<readonly [string, SeenOrder | null]> = [];
  const cursorAt = (length: number): string => encodeCursor(header, [...(previous?.seen ?? []), ...log.slice(0, length)]);
  const durable = <T extends object>(event: T): T & Durable => {
    const length = log.length;
    let written: string | undefined;
    return Object.defineProperty(event, 'cursor', { enumerable: true, get: () => (written ??= cursorAt(length)) }) as T & Durable;
  };

  const counts = { new: 0, changed: 0, cancelled: 0, removed: 0, unreadable: 0, unchanged: 0 };
  const failures: UnreadableOrderError[] = [];
  const listed = new Set<string>();
  const lookback = visibility.searches.some((search) => search.mode === 'lookback');
  // Only a full look-back (no status filter) proves that an order the mall no longer lists is gone.
  const fullLookback = visibility.searches.some((search) => search.mode === 'lookback' && !search.statuses);
  const lookbackFrom = previous ? now - lookbackDays * DAY_MS : Math.min(origin, now - lookbackDays * DAY_MS);

  for (const search of visibility.searches) {
    const ownLookbackFrom = search.lookbackDays === undefined ? lookbackFrom : now - search.lookbackDays * DAY_MS;
    // The first sync starts where the user said (`start`, default: the look-back); later ones at the
    // last sync's end minus the overlap, or at the look-back.
    const from = !previous ? origin : search.mode === 'since' ? high - overlapMs : ownLookbackFrom;
    if (from > now) continue;
    const orders = connector.listOrders(
      { from: new Date(from), to: new Date(now), dateType: search.dateType, ...(search.statuses ? { statuses: [...search.statuses] as [OrderStatus, ...OrderStatus[]] } : {}) },
      { ...(options.signal ? { signal: options.signal } : {}), onOrderError: (error) => void failures.push(error) },
    );
    for await (const order of orders) {
      if (listed.has(order.id)) continue;
      listed.add(order.id);
      const signature = orderSignature(order);
      const before = current.get(order.id);
      const orderedAt = Date.parse(order.orderedAt);
      const entry: SeenOrder = {
        signature,
        orderedAt: seconds(Number.isFinite(orderedAt) ? orderedAt : now),
        touchedAt: seconds(order.updatedAt ? Date.parse(order.updatedAt) || now : now),
      };
      if (before?.signature === signature) {
        counts.unchanged += 1;
        continue;
      }
      current.set(order.id, entry);
      log.push([order.id, entry]);
      const placedSince = !previous || orderedAt >= high - overlapMs;
      // Unseen and placed since the last sync: new. Unseen but older (a look-back widened, an order
      // published late): its earlier state is unknown, so it is a change with unknown fields.
      const fresh = before === undefined && placedSince;
      const type = fresh ? 'new' : order.status.code === 'cancelled' ? 'cancelled' : 'changed';
      counts[type] += 1;
      yield durable({ type, order, changedFields: before ? changedFields(before.signature, signature) : null, key: eventKey(order, signature) });
    }
  }

  // An order the look-back re-read no longer shows was removed by the mall — unless some order could
  // not be read this time, in which case absence proves nothing.
  if (fullLookback && failures.length === 0 && previous) {
    for (const [id, entry] of [...current]) {
      if (listed.has(id) || entry.orderedAt * 1000 < lookbackFrom || entry.orderedAt * 1000 > now) continue;
      current.delete(id);
      log.push([id, null]);
      counts.removed += 1;
      yield durable({ type: 'removed' as const, orderId: id, key: `${connector.mall}:${connector.shopId}:${id}:removed` });
    }
  }
  for (const error of failures) {
    counts.unreadable += 1;
    options.logger?.warn(`${connector.mall} sync: ${error.message}`, { orderId: error.orderId });
    yield durable({ type: 'unreadable' as const, error });
  }

  // Every change up to the mall's visibility horizon is delivered — unless an order was unreadable,
  // in which case the same windows are read again next time.
  const syncedUntil = failures.length === 0 ? Math.max(high, now - visibility.visibilityLagMs) : high;
  const keepSince = syncedUntil - overlapMs - MINUTE_MS;
  const keepOrdered = now - lookbackDays * DAY_MS - DAY_MS;
  const since = visibility.searches.some((search) => search.mode === 'since');
  const kept = [...current].filter(([, entry]) => (lookback && entry.orderedAt * 1000 >= keepOrdered) || (since && entry.touchedAt * 1000 >= keepSince));
  const cursor = encodeCursor({ ...identity, origin, high: syncedUntil }, kept);
  yield { type: 'checkpoint', cursor, complete: failures.length === 0, counts, syncedUntil };
}
