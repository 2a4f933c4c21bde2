import type { OrderDateType } from './inputs.js';

/** What a connector's mall supports, and its limits, known before any call. */
export interface Capabilities {
  readonly listOrders: {
    /** The dates listOrders can filter on. */
    readonly dateTypes: readonly OrderDateType[];
    /** Longest window one search may cover, in days; longer queries are split. Null: no limit. */
    readonly maxWindowDays: number | null;
    /** How far back the mall keeps orders, in days. Null: no limit known. */
    readonly maxLookbackDays: number | null;
    /** Orders per search page. */
    readonly pageSize: number;
    /** Orders per detail request (1 when the mall reads one order per call). */
    readonly detailBatchSize: number;
  };
  /** Null when the mall has no confirm step (Amazon): confirmOrders throws UnsupportedOperationError. */
  readonly confirmOrders: { readonly batchSize: number } | null;
  readonly exportShipments: { readonly batchSize: number } | null;
  readonly getPayments: { readonly byOrderIds: boolean; readonly byWindow: boolean } | null;
  /** Requests per second the connector allows itself per credential by default. */
  readonly defaultRatePerSecond: number;
}
