import type { Order } from '@mallkit/core';
import type { OrderChange, OrderWriter } from './writer.js';

/**
 * One normalized order per line, as JSON. `raw` (the mall's own wire object, often several times
 * the size of the rest) only with `--raw`. In an incremental sync each line is the event instead —
 * `{ type, key, changedFields, order }`, or `{ type: "removed", orderId, key }` — for an OMS to
 * apply as an upsert keyed by `key`.
 */
export function ndjsonWriter(includeRaw: boolean): OrderWriter {
  const shape = (order: Order): object => {
    const { raw, ...normalized } = order;
    return includeRaw ? { ...normalized, raw } : normalized;
  };
  return {
    begin: () => '',
    write: (order: Order, change?: OrderChange) => `${JSON.stringify(change ? { ...change, order: shape(order) } : shape(order))}\n`,
    removed: (orderId, key) => `${JSON.stringify({ type: 'removed', orderId, key })}\n`,
    end: () => '',
  };
}
