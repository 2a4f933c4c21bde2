import { CARRIER_CODES, carrierMapper, parseJst, type CarrierCode, type Hint, type ShipmentUpdate } from '@mallkit/core';
import { CliError } from '../cli-error.js';
import { inBoth } from '../lang.js';
import { CsvSyntaxError, decodeCsvBytes, parseCsv } from '../text/csv.js';
import { mapHeader, SHIP_FIELDS, type HeaderMap, type ShipField } from './columns.js';
import { SHIP_MESSAGES, type ShipMessages } from './messages.js';

const both = (make: (m: ShipMessages) => string): Hint => inBoth(SHIP_MESSAGES, make);

/** One data row of the shipments CSV, with what it becomes and what is wrong with it. */
export interface ShipRow {
  /** The CSV line it starts on (the header is line 1). */
  readonly line: number;
  /** The fields exactly as in the file (the retry file writes them back unchanged). */
  readonly fields: readonly string[];
  /** The shipment it asks for; null when a problem prevents building one. */
  readonly update: ShipmentUpdate | null;
  /** What is wrong, in both languages; null for a row ready to send. */
  problem: Hint | null;
}

/** The CSV as read: its header, its rows, and what the reader noticed. */
export interface ShipCsv {
  readonly header: readonly string[];
  readonly columns: HeaderMap;
  readonly rows: readonly ShipRow[];
  readonly encoding: 'utf-8' | 'shift_jis';
}

const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;
const DATE_ONLY = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A ship date as spreadsheets write it: `2026/11/20` or `2026-11-20` (a JST day), or a time —
 * JST when it has no offset (shops type what the mall's screen shows).
 */
function shipDate(value: string): string | Date {
  const date = DATE_ONLY.exec(value);
  if (date) return `${date[1]}-${(date[2] as string).padStart(2, '0')}-${(date[3] as string).padStart(2, '0')}`;
  if (HAS_OFFSET.test(value)) return value;
  try {
    return parseJst(value);
  } catch {
    return value; // the connector's check names what is wrong with it
  }
}

/** A carrier cell: a normalized code, a company name the core table knows, or `other` with a name. */
function carrierOf(value: string, name: string): ShipmentUpdate['carrier'] | Hint {
  if ((CARRIER_CODES as readonly string[]).includes(value)) {
    if (value !== 'other') return value as CarrierCode;
    return name === '' ? both((m) => m.otherNeedsName) : { code: 'other', name };
  }
  const mapped = carrierMapper.map(value);
  if (mapped !== null && mapped.code !== 'unmapped' && mapped.code !== 'other') return mapped.code;
  return both((m) => m.unknownCarrier(value));
}

function isHint(value: unknown): value is Hint {
  return typeof value === 'object' && value !== null && 'ja' in value && 'en' in value;
}

/** Builds one row's shipment, or says what is wrong with it. */
function toRow(line: number, fields: readonly string[], columns: HeaderMap): ShipRow {
  const cell = (field: ShipField): string => {
    const at = columns.index[field];
    return at === undefined ? '' : (fields[at] ?? '').trim();
  };
  const fail = (problem: Hint): ShipRow => ({ line, fields, update: null, problem });
  for (const field of ['order_id', 'carrier', 'tracking_number', 'shipped_at'] as const) {
    if (cell(field) === '') return fail(both((m) => m.missingValue(field)));
  }
  if (SCIENTIFIC.test(cell('tracking_number'))) return fail(both((m) => m.scientific(cell('tracking_number'))));
  const carrier = carrierOf(cell('carrier'), cell('carrier_name'));
  if (isHint(carrier)) return fail(carrier);
  const update: ShipmentUpdate = {
    orderId: cell('order_id'),
    carrier,
    trackingNumber: cell('tracking_number'),
    shippedAt: shipDate(cell('shipped_at')),
    ...(cell('delivery_id') !== '' ? { deliveryId: cell('delivery_id') } : {}),
    ...(cell('shipping_method') !== '' ? { shippingMethod: cell('shipping_method') } : {}),
  };
  return { line, fields, update, problem: null };
}

/** Marks the second of two rows that ask for the same shipment (order, destination, tracking number). */
function markDuplicates(rows: readonly ShipRow[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.update === null) continue;
    const key = `${row.update.orderId}\u0000${row.update.deliveryId ?? ''}\u0000${row.update.trackingNumber}`;
    const first = seen.get(key);
    if (first !== undefined) row.problem = both((m) => m.duplicate(first));
    else seen.set(key, row.line);
  }
}

/** Reads the shipments CSV (UTF-8 or Shift_JIS), checks its header and builds every row. */
export function readShipCsv(bytes: Uint8Array): ShipCsv {
  const { text, encoding } = decodeCsvBytes(bytes);
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new CliError(both((m) => m.badCsv(error.line)));
    throw error;
  }
  const [head, ...data] = records;
  if (head === undefined || data.length === 0) throw new CliError(both((m) => m.emptyFile));
  const columns = mapHeader(head.fields);
  if (columns.missing.length > 0) {
    throw new CliError(both((m) => m.missingColumns(columns.missing.join(', '), head.fields.join(', ') || '-')));
  }
  const rows = data.map((record) => toRow(record.line, record.fields, columns));
  markDuplicates(rows);
  return { header: head.fields, columns, rows, encoding };
}

/** The fields the CLI reads, for help texts. */
export const SHIP_COLUMNS_HELP = SHIP_FIELDS.join(', ');
