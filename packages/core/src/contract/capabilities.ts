import type { ChangeVisibility } from '../sync/changes.js';
import type { OrderDateType } from './inputs.js';

/** The operations of the contract, by name. */
export type ConnectorOperation = 'listOrders' | 'getOrders' | 'confirmOrders' | 'exportShipments' | 'getPayments' | 'checkCredentials';

/**
 * How much of a mall's wire format is confirmed by public material. Malls that document their API
 * only to shops (Shopserve) or in part (makeshop's GraphQL reference) ship inferred details that
 * users can override; this says which.
 */
export interface Verification {
  /** Per operation: `confirmed` from public material, or `inferred` (a documented guess the user can override). Absent: confirmed. */
  readonly operations: Readonly<Partial<Record<ConnectorOperation, 'confirmed' | 'inferred'>>>;
  /** The wire details that are guesses, in words (`the since format`, `the status-update path`…). */
  readonly unverified: readonly string[];
}

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
  /** Null when the mall takes no shipments. `sendsShipDate: false` when the mall records its own time instead of `shippedAt` (Qoo10). */
  readonly exportShipments: { readonly batchSize: number; readonly sendsShipDate?: boolean } | null;
  /** Null when the mall has no payment data the connector reads. */
  readonly getPayments: { readonly byOrderIds: boolean; readonly byWindow: boolean } | null;
  /** Requests per second the connector allows itself per credential by default. */
  readonly defaultRatePerSecond: number;
  /** What is confirmed by public material and what is inferred; absent when everything is confirmed. */
  readonly verification?: Verification;
  /** How an incremental sync sees new and changed orders on this mall (syncOrders); absent: derived from `listOrders.dateTypes`. */
  readonly changes?: ChangeVisibility;
}
