import type { OrderDateType } from '../contract/inputs.js';
import type { OrderStatus } from '../model/status.js';
import type { Hint } from '../errors/hint.js';

/**
 * One search an incremental sync runs on each call:
 * - `since`: by a date that moves when the order changes (`updated`, or `released` when a fraud
 *   hold is lifted), from the last sync's end minus an overlap;
 * - `lookback`: by a date that never moves (`ordered`), over the last `lookbackDays` — the only way
 *   to see changes on malls whose orders carry no update time.
 */
export interface ChangeSearch {
  readonly dateType: OrderDateType;
  readonly mode: 'since' | 'lookback';
  /**
   * Only orders in these statuses (a cheap second look-back for cancellations of older orders, as
   * OMSs search au PAY's キャンセル). A search with statuses never reports orders as removed.
   */
  readonly statuses?: readonly OrderStatus[];
  /** This search's own look-back in days (default: the sync's). */
  readonly lookbackDays?: number;
}

/** How a mall lets a sync see new and changed orders: its capabilities say so beforehand. */
export interface ChangeVisibility {
  /** The searches one sync runs, cheapest plan that misses nothing the mall shows. */
  readonly searches: readonly ChangeSearch[];
  /** How long after a change the mall's search shows it (Amazon: about 2 minutes): windows overlap by at least this. */
  readonly visibilityLagMs: number;
  /** Days a `lookback` search re-reads by default; changes to older orders are invisible on such malls. Overridable per sync. */
  readonly lookbackDays: number;
  /** What a sync cannot see on this mall, in Japanese and English (shown in READMEs and guides). */
  readonly blindSpots: Hint;
}
