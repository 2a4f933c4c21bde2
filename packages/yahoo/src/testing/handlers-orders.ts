import { errorResponse, orderInfoResponse, orderListError, orderListResponse } from './render.js';
import { routeOrderApi, type OrderApiSetup } from './handlers-auth.js';
import { searchOf, type ListCondition, type YahooSandboxStore } from './store.js';
import { child, text } from './xml-request.js';

/*
 * The read APIs: orderList (Result ≤ 2000, Start/TotalCount, only the requested fields, the
 * conditions of orderList.html) and orderInfo (one order, only the fields named in `<Field>`, which
 * is capped at 10,000 bytes). Pages come from the store, so its paging lies play here.
 */

/** orderInfo's `<Field>` limit (orderInfo.html). */
const ORDER_INFO_FIELD_MAX_BYTES = 10_000;

function fieldList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((field) => field.trim()).filter(Boolean);
}

/** Registers orderList and orderInfo. */
export function routeOrderReads(setup: OrderApiSetup, store: YahooSandboxStore): void {
  const isCorrupted = (record: { order: Record<string, string> }): boolean => store.corrupted.has(record.order.OrderId ?? '');

  routeOrderApi(setup, 'orderList', (req) => {
    const search = child(req, 'Search');
    const results = Number(text(search, 'Result') ?? '10');
    const start = Number(text(search, 'Start') ?? '1');
    const fields = fieldList(text(search, 'Field'));
    if (fields.length === 0) return orderListError('Field is required.');
    if (!Number.isInteger(results) || results > 2000 || !Number.isInteger(start) || start < 1) return orderListError('Result must be 1–2000 and Start at least 1.');
    const condition = child(search, 'Condition') as ListCondition;
    const found = searchOf(condition);
    if (found === null) return orderListError('OrderId, OrderTime or PublicationTime conditions are required.');
    // A Result of 0 or a Start past the end is a paging mistake: TotalCount and an empty OrderInfo.
    if (text(search, 'Sort') !== '-order_time') {
      const page = store.page(found, start - 1, Math.max(results, 0));
      return orderListResponse(page.total, results < 1 ? [] : page.items, start, fields, isCorrupted);
    }
    // Newest first: the same list read from its end.
    const { total } = store.page(found, 0, 0);
    const from = Math.max(total - (start - 1) - results, 0);
    const items = store.page(found, from, Math.max(total - (start - 1) - from, 0)).items.reverse();
    return orderListResponse(total, items, start, fields, isCorrupted);
  });

  routeOrderApi(setup, 'orderInfo', (req) => {
    const target = child(req, 'Target');
    const fieldText = text(target, 'Field') ?? '';
    const fields = fieldList(fieldText);
    if (fields.length === 0) return errorResponse(400, 'Invalid Request: Target/Field is required.', null);
    if (Buffer.byteLength(fieldText, 'utf8') > ORDER_INFO_FIELD_MAX_BYTES) return errorResponse(400, 'Invalid Request: Target/Field is too long.', null);
    const record = store.get(text(target, 'OrderId') ?? '') ?? null;
    return orderInfoResponse(record, new Set(fields), record !== null && isCorrupted(record));
  });
}
