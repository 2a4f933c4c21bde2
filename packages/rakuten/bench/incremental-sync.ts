/**
 * Rakuten's incremental-sync rows: a shop of 10,000 orders over 90 days, a first sync, then 100
 * changes on orders the sync can see — any change to orders placed within the 14-day look-back,
 * shipments and settlements to older ones (found by 発送完了報告日 and 決済確定日) — then the sync
 * from the stored cursor, against the fewest requests Rakuten allows.
 */
import { splitWindow } from '@mallkit/core';
import type { OrderChange } from '@mallkit/core/testing';
import { INCREMENTAL_CHANGES, INCREMENTAL_ORDERS, deliveredCount, incrementalRows, spreadChanges, syncToCheckpoint } from '../../../bench/lib/incremental.js';
import { atMost } from '../../../bench/lib/goals.js';
import { DAY_MS, MINUTE_MS, openShop } from '../../../bench/lib/shop.js';
import type { BenchRow } from '../../../bench/report.js';
import { RAKUTEN_LIMITS } from '../src/api/constants.js';
import { RAKUTEN_LOOKBACK_DAYS } from '../src/change-visibility.js';
import type { MallBench } from '../../../bench/lib/mall.js';
import type { RakutenSandbox } from '../src/testing/index.js';
import { dateOf } from '../src/testing/search-filter.js';

/** Requests per second, connector and sandbox alike (Rakuten's own pace is 1): the rows count requests, not time. */
const RATE_SCALE = 10;
/** What the 発送完了報告日 and 決済確定日 searches see of orders placed before the look-back. */
const DATED_CHANGE: readonly OrderChange[] = ['ship', 'pay'];
/** searchOrder's dateTypes of the since-searches: 5 発送完了報告日, 6 決済確定日. */
const SINCE_DATE_TYPES = [5, 6] as const;

/**
 * The fewest requests any client needs to see every change Rakuten shows since `since`: every
 * order placed in the look-back read in full (no field says which of them changed), a searchOrder
 * page per 1,000 of them in each window of ≤ 63 days; one search each for 発送完了報告日 and
 * 決済確定日; and one getOrder per 100 of all the orders found, sharing batches.
 */
function minimumRequests(sandbox: RakutenSandbox, lookbackFrom: number, since: number, now: number): { minimum: number; lookbackOrders: number; olderDated: number } {
  const records = sandbox.store.orders.values();
  let searches = 0;
  let lookbackOrders = 0;
  for (const window of splitWindow(new Date(lookbackFrom), new Date(now), RAKUTEN_LIMITS.searchWindowDays)) {
    const count = records.filter((r) => r.orderedAtMs >= window.from.getTime() && r.orderedAtMs <= window.to.getTime()).length;
    lookbackOrders += count;
    searches += Math.max(1, Math.ceil(count / RAKUTEN_LIMITS.pageSize));
  }
  const dated = (dateType: number): typeof records =>
    records.filter((r) => {
      const at = dateOf(r, dateType);
      return at !== null && at >= since && at <= now;
    });
  searches += SINCE_DATE_TYPES.reduce((n, dateType) => n + Math.max(1, Math.ceil(dated(dateType).length / RAKUTEN_LIMITS.pageSize)), 0);
  const olderDated = new Set(SINCE_DATE_TYPES.flatMap((dateType) => dated(dateType)).filter((r) => r.orderedAtMs < lookbackFrom).map((r) => r.order.orderNumber)).size;
  return { minimum: searches + Math.ceil((lookbackOrders + olderDated) / RAKUTEN_LIMITS.batchSize), lookbackOrders, olderDated };
}

/** The incremental-sync rows of the Rakuten benchmark. */
export async function incrementalSyncRows(bench: MallBench<RakutenSandbox>): Promise<BenchRow[]> {
  const shop = openShop(bench, { orders: INCREMENTAL_ORDERS, spanDays: 90, rateScale: RATE_SCALE });
  const { sandbox, connector, clock } = shop;
  try {
    const first = await syncToCheckpoint(connector, clock, null);
    const lastSyncAt = clock.now();
    // The OMS polls again a few minutes later; the changes happen in between.
    clock.advance(5 * MINUTE_MS);
    const syncAt = clock.now() + MINUTE_MS;
    const lookbackFrom = syncAt - RAKUTEN_LOOKBACK_DAYS * DAY_MS;
    const records = sandbox.store.orders.values();
    const orderedAt = new Map(records.map((record) => [record.order.orderNumber, record.orderedAtMs]));
    const changed = spreadChanges({
      candidates: records.map((record) => record.order.orderNumber),
      // Orders well inside the look-back take any change; older ones only what a dated search finds.
      kindsOf: (id) => ((orderedAt.get(id) ?? 0) >= lookbackFrom + 60 * MINUTE_MS ? ['cancel', 'pay', 'ship', 'address'] : DATED_CHANGE),
      change: (id, kind) => sandbox.simulator.change(id, kind),
    });
    clock.advance(MINUTE_MS);
    sandbox.kit.reset();
    const second = await syncToCheckpoint(connector, clock, first.checkpoint.cursor);
    const requests = sandbox.kit.log.count();
    const searches = sandbox.kit.log.count({ operation: 'searchOrder' });
    const { minimum, lookbackOrders, olderDated } = minimumRequests(sandbox, lookbackFrom, lastSyncAt, syncAt);
    return incrementalRows({
      requests,
      minimum,
      used:
        `${searches} searchOrder (注文日 over the ${RAKUTEN_LOOKBACK_DAYS}-day look-back, ${lookbackOrders} orders; 発送完了報告日 and 決済確定日 since the last sync) + ` +
        `${requests - searches} getOrder; ${deliveredCount(second)} orders delivered for ${changed.size} changed of ${INCREMENTAL_CHANGES} planned ` +
        `(${olderDated} changed orders placed before the look-back); the first sync before it delivered ${deliveredCount(first)}. ` +
        `Goal: the minimum plus one getOrder per date search, since syncOrders reads each search's hits on their own, even those the look-back already read`,
      usedGoal: atMost(minimum + SINCE_DATE_TYPES.length),
      why:
        `Rakuten orders carry no update time, so any client that must see every change within the look-back re-reads every order placed in it ` +
        `(${lookbackOrders} orders: a searchOrder page per 1,000, a getOrder per 100), plus one search each by 発送完了報告日 and 決済確定日 for older orders, ` +
        `their ${olderDated} hits read in the same getOrder batches`,
      ratioGoal: atMost(1.15),
    });
  } finally {
    shop.close();
  }
}
