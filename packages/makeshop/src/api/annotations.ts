import { DELIVERY_STATUSES, type DeliveryStatus } from './limits.js';

/*
 * What the connector learns about one order besides the order itself, carried on the wire object
 * from the answer to the mapping (the kit's reader hands the mapping nothing else):
 * - the delivery status of the search that found it: evidence of its status when makeshop sends no
 *   `deliveryStatus` on the order (an inferred output field);
 * - GraphQL errors makeshop reported for this order's own fields (`errors[].path` under
 *   `orders[i]`), which make this one order unreadable instead of failing its whole page.
 * The keys contain "@" and "/", which no GraphQL name can ([_A-Za-z][_0-9A-Za-z]*), so they never
 * meet a field makeshop sends; the mapping takes them off before the order becomes `order.raw`,
 * which holds only what makeshop sent.
 */

const SEARCHED_STATUS = '@mallkit/searched-delivery-status';
const FIELD_ERRORS = '@mallkit/field-errors';

/** What the connector knows of an order beyond its fields. */
export interface OrderAnnotations {
  /** The `deliveryStatus` of the search that returned the order, or null (a search by order number). */
  readonly searchedStatus: DeliveryStatus | null;
  /** makeshop's messages about fields of this order it could not resolve; empty when none. */
  readonly fieldErrors: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The order marked as found by a search for `status`. Anything that is not an object is left for the reader to refuse. */
export function withSearchedStatus(order: unknown, status: DeliveryStatus): unknown {
  return isRecord(order) ? { ...order, [SEARCHED_STATUS]: status } : order;
}

/** The order marked with makeshop's errors about its fields; an order makeshop nulled out whole keeps only the errors. */
export function withFieldErrors(order: unknown, messages: readonly string[]): unknown {
  if (messages.length === 0) return order;
  return { ...(isRecord(order) ? order : {}), [FIELD_ERRORS]: [...messages] };
}

/** Splits an order read from the wire into what makeshop sent and what the connector added. */
export function takeAnnotations<Wire extends object>(order: Wire): { readonly wire: Wire; readonly annotations: OrderAnnotations } {
  const { [SEARCHED_STATUS]: searched, [FIELD_ERRORS]: errors, ...wire } = order as Record<string, unknown>;
  return {
    wire: wire as Wire,
    annotations: {
      searchedStatus: (DELIVERY_STATUSES as readonly unknown[]).includes(searched) ? (searched as DeliveryStatus) : null,
      fieldErrors: Array.isArray(errors) ? errors.map(String) : [],
    },
  };
}
