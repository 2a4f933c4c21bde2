import { DELIVERY_STATUSES, MAKESHOP_PAGE_LIMIT } from '../api/limits.js';
import type { MakeshopSandboxState } from './state.js';
import { compactDate, render, type SandboxOrder } from './store.js';

/** What a resolver answers: the root field's value, or the error makeshop would put in `errors[]`. */
export type Resolution = { readonly value: unknown } | { readonly error: { readonly code: string; readonly message: string } };

const badInput = (message: string): Resolution => ({ error: { code: 'BAD_USER_INPUT', message } });

/**
 * searchOrder: the orders of SearchOrderRequest's window (yyyyMMddHHmmss, inclusive), delivery
 * status and order number, `limit` (1–1000) per `page`, with `searchedCount`. Without a
 * deliveryStatus every status is searched (whether makeshop does the same is unverified).
 */
export function resolveSearchOrder(state: MakeshopSandboxState, input: Readonly<Record<string, unknown>>): Resolution {
  const { startOrderDate, endOrderDate, deliveryStatus, sortOrder, displayOrderNumber } = input;
  const page = input['page'] ?? 1;
  const limit = input['limit'] ?? MAKESHOP_PAGE_LIMIT;
  for (const [name, value] of [['startOrderDate', startOrderDate], ['endOrderDate', endOrderDate]] as const) {
    if (value !== undefined && (typeof value !== 'string' || !/^\d{14}$/.test(value))) return badInput(`${name} must be yyyyMMddHHmmss`);
  }
  if (deliveryStatus !== undefined && !(DELIVERY_STATUSES as readonly unknown[]).includes(deliveryStatus)) return badInput('deliveryStatus must be one of N, Y, C, R');
  if (sortOrder !== undefined && sortOrder !== 'ASC' && sortOrder !== 'DESC') return badInput('sortOrder must be ASC or DESC');
  if (!Number.isInteger(page) || (page as number) < 1) return badInput('page must be 1 or more');
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAKESHOP_PAGE_LIMIT) return badInput(`limit must be between 1 and ${MAKESHOP_PAGE_LIMIT}`);
  if (displayOrderNumber !== undefined && typeof displayOrderNumber !== 'string') return badInput('displayOrderNumber must be a string');

  const where = (order: SandboxOrder): boolean => {
    const at = compactDate(order.orderDate);
    return (
      (startOrderDate === undefined || at >= (startOrderDate as string)) &&
      (endOrderDate === undefined || at <= (endOrderDate as string)) &&
      (deliveryStatus === undefined || order.deliveryStatus === deliveryStatus) &&
      (displayOrderNumber === undefined || order.displayOrderNumber === displayOrderNumber)
    );
  };
  const offset = ((page as number) - 1) * (limit as number);
  const signature = JSON.stringify([startOrderDate, endOrderDate, deliveryStatus, displayOrderNumber]);
  let found: { items: SandboxOrder[]; total: number };
  if (sortOrder === 'DESC') {
    // The store pages in ascending order; descending pages are cut from the reversed list (paging lies do not apply).
    const all = state.orders.values().filter(where).reverse();
    found = { items: all.slice(offset, offset + (limit as number)), total: all.length };
  } else {
    found = state.orders.page({ signature, where }, offset, limit as number);
  }
  return { value: { searchedCount: found.total, page, orders: found.items.map((order) => render(state.orders, order)) } };
}
