import { BUYER_FIELDS, DETAIL_FIELDS, ITEM_FIELDS, ORDER_FIELDS, PAY_FIELDS, SELLER_FIELDS, SHIP_FIELDS } from '../api/fields.js';
import type { SandboxOption, SandboxOrderRecord } from './records.js';
import { leaf, writeDocument, type XmlNode } from './xml-writer.js';

/*
 * Yahoo's answers, rendered from the store: orderInfo (`<ResultSet>` root, only the requested
 * fields), orderList (`<Result>` root, flat fields, Index per entry), the change APIs'
 * `<ResultSet ok ng>`, and the `<Error>` root.
 */

const XML_HEADERS = { 'Content-Type': 'text/xml;charset=UTF-8' };

/** An XML answer. */
export function xmlResponse(root: XmlNode, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(writeDocument(root), { status, headers: { ...XML_HEADERS, ...headers } });
}

/** `<Error><Message/><Code/></Error>`, the common error body. */
export function errorResponse(status: number, message: string, code: string | null, headers: Record<string, string> = {}): Response {
  const children: XmlNode[] = [leaf('Message', message)];
  if (code) children.push(leaf('Code', code));
  return xmlResponse({ name: 'Error', children }, status, headers);
}

/**
 * How a corrupted order comes back: its OrderTime and OrderStatus empty, as Yahoo writes a field it
 * has no value for — the order keeps its id, but no reader can place it in time or state.
 */
const BROKEN = { OrderTime: '', OrderStatus: '' } as const;

/** The fields directly under `<OrderInfo>` as rendered: broken when the order is corrupted. */
function orderFields(record: SandboxOrderRecord, corrupted: boolean): Record<string, string> {
  return corrupted ? { ...record.order, ...BROKEN } : record.order;
}

/** Every field of a record, flat, as orderList sees it. */
export function flatFields(record: SandboxOrderRecord, corrupted = false): Record<string, string> {
  return { ...record.Detail, ...record.Buyer, ...record.Seller, ...record.Ship, ...record.Pay, ...orderFields(record, corrupted) };
}

function fieldsOf(names: readonly string[], values: Record<string, string>, wanted: ReadonlySet<string>): XmlNode[] {
  return names.filter((name) => wanted.has(name)).map((name) => leaf(name, values[name] ?? ''));
}

function optionNodes(name: string, options: readonly SandboxOption[]): XmlNode[] {
  return options.map((option) => ({
    name,
    children: [leaf('Index', option.Index), leaf('Name', option.Name), leaf('Value', option.Value), ...(option.Price ? [leaf('Price', option.Price)] : [])],
  }));
}

function groupNode(name: string, names: readonly string[], values: Record<string, string>, wanted: ReadonlySet<string>): XmlNode[] {
  const children = fieldsOf(names, values, wanted);
  return children.length > 0 ? [{ name, children }] : [];
}

/** orderInfo's answer for one order (or none), with only the fields named in `<Field>`. */
export function orderInfoResponse(record: SandboxOrderRecord | null, wanted: ReadonlySet<string>, corrupted = false): Response {
  if (!record) {
    return xmlResponse({
      name: 'ResultSet',
      attributes: { totalResultsAvailable: '0', totalResultsReturned: '0', firstResultPosition: '1' },
      children: [{ name: 'Result', children: [leaf('Status', 'OK')] }],
    });
  }
  const items: XmlNode[] = record.Item.map((item) => ({
    name: 'Item',
    children: [
      ...fieldsOf(ITEM_FIELDS, item.fields, wanted),
      ...(wanted.has('ItemOption') ? optionNodes('ItemOption', item.options) : []),
      ...(wanted.has('Inscription') ? optionNodes('Inscription', item.inscriptions) : []),
    ],
  })).filter((node) => (node.children ?? []).length > 0);
  // The official sample puts Item before Detail; clients must not depend on the order.
  const info: XmlNode = {
    name: 'OrderInfo',
    children: [
      ...fieldsOf(ORDER_FIELDS, orderFields(record, corrupted), wanted),
      ...groupNode('Pay', PAY_FIELDS, record.Pay, wanted),
      ...groupNode('Ship', SHIP_FIELDS, record.Ship, wanted),
      ...items,
      ...groupNode('Detail', DETAIL_FIELDS, record.Detail, wanted),
      ...groupNode('Seller', SELLER_FIELDS, record.Seller, wanted),
      ...groupNode('Buyer', BUYER_FIELDS, record.Buyer, wanted),
    ],
  };
  return xmlResponse({
    name: 'ResultSet',
    attributes: { totalResultsAvailable: '1', totalResultsReturned: '1', firstResultPosition: '1' },
    children: [{ name: 'Result', children: [leaf('Status', 'OK'), info] }],
  });
}

/** orderList's answer: TotalCount (all matches) and the page, each entry with its Index. */
export function orderListResponse(
  totalCount: number,
  page: readonly SandboxOrderRecord[],
  start: number,
  fields: readonly string[],
  isCorrupted: (record: SandboxOrderRecord) => boolean = () => false,
): Response {
  const entries: XmlNode[] = page.map((record, i) => {
    const flat = flatFields(record, isCorrupted(record));
    return { name: 'OrderInfo', children: [leaf('Index', String(start + i)), ...fields.map((name) => leaf(name, flat[name] ?? ''))] };
  });
  // A page beyond the end still answers one empty OrderInfo (specs §3.2).
  if (entries.length === 0 && totalCount > 0) entries.push({ name: 'OrderInfo' });
  return xmlResponse({
    name: 'Result',
    children: [leaf('Status', 'OK'), { name: 'Search', children: [leaf('TotalCount', String(totalCount)), ...entries] }],
  });
}

/** orderList's failure: `<Result><Status>NG</Status><Error>`. */
export function orderListError(message: string): Response {
  return xmlResponse({ name: 'Result', children: [leaf('Status', 'NG'), { name: 'Error', children: [leaf('Message', message)] }] }, 400);
}

/** A change API's answer. NG carries an `<Error>` with the message only: Yahoo's codes for these refusals are not documented. */
export function changeResponse(outcome: { ok: true; warnings: ReadonlyArray<{ Code: string; Message: string; Detail?: string }> } | { ok: false; message: string }): Response {
  const result: XmlNode = outcome.ok
    ? {
        name: 'Result',
        children: [
          leaf('Status', 'OK'),
          ...outcome.warnings.map((w) => ({ name: 'Warning', children: [leaf('Code', w.Code), leaf('Message', w.Message), ...(w.Detail ? [leaf('Detail', w.Detail)] : [])] })),
        ],
      }
    : { name: 'Result', children: [leaf('Status', 'NG'), { name: 'Error', children: [leaf('Message', outcome.message)] }] };
  return xmlResponse({
    name: 'ResultSet',
    attributes: { totalResultsAvailable: '1', totalResultsReturned: '1', ok: outcome.ok ? '1' : '0', ng: outcome.ok ? '0' : '1' },
    children: [result],
  });
}
