import type { UnreadableOrderError } from '../errors/classes.js';
import type { MallId } from '../model/mall-id.js';
import type { Order, PaymentRecord } from '../model/order.js';
import type { Capabilities } from './capabilities.js';
import type { OrderQuery, PaymentQuery, ShipmentUpdate } from './inputs.js';
import type { BatchResult, CredentialReport } from './results.js';

/** Per-call options of every connector method. */
export interface CallOptions {
  /** Cancels the call: waiting in the throttle, between retries and in flight. */
  readonly signal?: AbortSignal;
  /** Overrides the connector's timeout for each request of this call. */
  readonly timeoutMs?: number;
  /** Overrides the number of retries for each request of this call. */
  readonly retries?: number;
  /**
   * listOrders and getOrders: receives each order that could not be read or normalized, as it
   * happens; the call then goes on and ends normally. Without it, the call delivers every readable
   * order and then throws IncompleteResultError naming the unreadable ones (decision 0008).
   */
  readonly onOrderError?: (error: UnreadableOrderError) => void;
}

/**
 * One mall, one shop: the interface every mallkit connector implements. Every input is validated
 * before any request; writes report per order; listOrders streams each order once.
 */
export interface MallConnector<Raw = unknown, RawPayment = unknown> {
  readonly mall: MallId;
  readonly shopId: string;
  readonly capabilities: Capabilities;
  /** Streams every order of the query once, splitting windows and paging as the mall requires. */
  listOrders(query: OrderQuery, options?: CallOptions): AsyncIterable<Order<Raw>>;
  /** Reads orders by id, in the order given. Unknown ids throw NotFoundError naming them. */
  getOrders(ids: readonly string[], options?: CallOptions): Promise<Order<Raw>[]>;
  /** Confirms orders (注文確認). Idempotent: an order already confirmed is `alreadyDone`. */
  confirmOrders(ids: readonly string[], options?: CallOptions): Promise<BatchResult>;
  /** Writes carrier, tracking number and ship date back. Idempotent, per order. */
  exportShipments(updates: readonly ShipmentUpdate[], options?: CallOptions): Promise<BatchResult>;
  /** Streams payment records. */
  getPayments(query: PaymentQuery, options?: CallOptions): AsyncIterable<PaymentRecord<RawPayment>>;
  /** Reports each credential's state and expiry, and what to renew. */
  checkCredentials(options?: CallOptions): Promise<CredentialReport>;
}
