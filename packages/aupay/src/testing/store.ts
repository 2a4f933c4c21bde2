import { createSandboxStore, type SandboxStore } from '@mallkit/core/testing';

/*
 * The sandbox's orders, kept the way au PAY sends them: each order a list of element names and
 * text values in answer order, and its lines likewise. Searches and paging run on core's store.
 */

/** One order as the sandbox holds it. */
export interface AupayRecord {
  /** The order id (also the `orderId` field). */
  orderId: string;
  /** The order time, epoch ms: what order-date searches compare. */
  readonly orderedAt: number;
  /** Order-level elements, in the order they are written. */
  readonly fields: Map<string, string>;
  /** One element list per line. */
  readonly details: ReadonlyArray<ReadonlyArray<readonly [string, string]>>;
}

/** The sandbox's order store. */
export type AupayStore = SandboxStore<AupayRecord>;

/** Creates an empty store, listing orders by order time, then id, as au PAY's searches do. */
export function createAupayStore(): AupayStore {
  return createSandboxStore<AupayRecord>({
    id: (record) => record.orderId,
    compare: (a, b) => a.orderedAt - b.orderedAt || a.orderId.localeCompare(b.orderId),
  });
}

/** A field of a record, `''` when absent. */
export function fieldOf(record: AupayRecord, name: string): string {
  return record.fields.get(name) ?? '';
}

/** A copy of a record under another id (the adversary's order with a broken id). */
export function withOrderId(record: AupayRecord, orderId: string): AupayRecord {
  record.orderId = orderId;
  record.fields.set('orderId', orderId);
  return record;
}
