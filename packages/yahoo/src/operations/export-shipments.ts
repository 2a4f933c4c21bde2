import {
  MallkitError,
  ValidationError,
  formatJst,
  parseInput,
  parseJst,
  shipmentUpdatesSchema,
  toBatchResult,
  type BatchItemResult,
  type BatchResult,
  type CallOptions,
  type ParsedShipmentUpdate,
  type ShipmentUpdate,
  type ValidationIssue,
} from '@mallkit/core';
import { CARRIER_TO_SHIP_COMPANY_CODE } from '../mapping/codes.js';
import { trackingNumberProblem } from '../mapping/tracking.js';
import { str } from '../mapping/values.js';
import type { OperationContext } from './context.js';
import { isUnknownOutcome } from '@mallkit/core';
import { guardWritable, readState } from './order-state.js';

/*
 * exportShipments: orderShipStatusChange with ShipStatus 3 出荷済み, the 4-digit ShipCompanyCode,
 * ShipInvoiceNumber1 (and 2 for a second parcel of the same order), ShipDate YYYYMMDD and
 * IsPointFix true. Every update is checked first (date not in the future, tracking number shape
 * per carrier), so one bad number stops the batch before anything is sent.
 */

/** One order's shipment as it will be sent. */
interface PlannedShipment {
  readonly orderId: string;
  readonly shipCompanyCode: string;
  readonly numbers: readonly string[];
  readonly shipDate: string;
  /** Indexes of the input updates this order gathers. */
  readonly indexes: readonly number[];
}

function shippedDay(value: ParsedShipmentUpdate['shippedAt']): Date {
  return value instanceof Date ? value : parseJst(value);
}

function plan(ctx: OperationContext, updates: readonly ParsedShipmentUpdate[]): PlannedShipment[] {
  const issues: ValidationIssue[] = [];
  const today = formatJst(ctx.clock.now(), 'date-compact');
  const byOrder = new Map<string, { code: string; numbers: string[]; shipDate: string; indexes: number[] }>();
  updates.forEach((update, index) => {
    const code = typeof update.carrier === 'string' ? CARRIER_TO_SHIP_COMPANY_CODE[update.carrier] : CARRIER_TO_SHIP_COMPANY_CODE.other;
    const shipDate = formatJst(shippedDay(update.shippedAt), 'date-compact');
    if (shipDate > today) issues.push({ field: `updates[${index}].shippedAt`, message: `must not be in the future (today is ${formatJst(ctx.clock.now(), 'date')} JST)` });
    const problem = trackingNumberProblem(code, update.trackingNumber);
    if (problem) issues.push({ field: `updates[${index}].trackingNumber`, message: problem });
    const entry = byOrder.get(update.orderId);
    if (!entry) {
      byOrder.set(update.orderId, { code, numbers: [update.trackingNumber], shipDate, indexes: [index] });
      return;
    }
    if (entry.code !== code) issues.push({ field: `updates[${index}].carrier`, message: 'Yahoo holds one carrier per order: use the same carrier for both parcels' });
    if (!entry.numbers.includes(update.trackingNumber)) entry.numbers.push(update.trackingNumber);
    if (entry.numbers.length > 2) issues.push({ field: `updates[${index}].trackingNumber`, message: 'Yahoo holds at most two tracking numbers per order (ShipInvoiceNumber1/2)' });
    entry.indexes.push(index);
  });
  if (issues.length > 0) {
    throw new ValidationError(issues, {
      mall: 'yahoo',
      operation: 'exportShipments',
      hint: {
        ja: `出荷情報を確認してください: ${issues.map((i) => i.field).join(', ')}。何も送信していません。`,
        en: `Fix the shipments: ${issues.map((i) => i.field).join(', ')}. Nothing was sent.`,
      },
    });
  }
  return [...byOrder].map(([orderId, entry]) => ({ orderId, shipCompanyCode: entry.code, numbers: entry.numbers, shipDate: entry.shipDate, indexes: entry.indexes }));
}

function alreadyShipped(info: { ShipStatus?: string | undefined; ShipInvoiceNumber1?: string | undefined; ShipInvoiceNumber2?: string | undefined }, numbers: readonly string[]): boolean {
  const status = str(info.ShipStatus);
  if (status !== '3' && status !== '4') return false;
  const recorded = [str(info.ShipInvoiceNumber1), str(info.ShipInvoiceNumber2)];
  return numbers.every((number) => recorded.includes(number));
}

async function shipOne(ctx: OperationContext, shipment: PlannedShipment, call: CallOptions): Promise<Omit<BatchItemResult & { ok: true }, 'id'>> {
  const info = await readState(ctx, shipment.orderId, 'orderShipStatusChange', call);
  guardWritable(info, shipment.orderId, 'orderShipStatusChange');
  if (alreadyShipped(info.Ship ?? {}, shipment.numbers)) return { ok: true, alreadyDone: true, warnings: [] };
  const [first, second] = shipment.numbers;
  try {
    const { warnings } = await ctx.client.orderShipStatusChange(
      {
        orderId: shipment.orderId,
        shipStatus: '3',
        shipCompanyCode: shipment.shipCompanyCode,
        ...(first !== undefined ? { shipInvoiceNumber1: first } : {}),
        ...(second !== undefined ? { shipInvoiceNumber2: second } : {}),
        shipDate: shipment.shipDate,
      },
      call,
    );
    // od91113 (売上確定済み), od91115 (決済有効期限切れ): the shipment is recorded; the shop should know.
    return { ok: true, alreadyDone: false, warnings: warnings.map((w) => `${w.code}: ${w.message}`) };
  } catch (error) {
    if (!isUnknownOutcome(error)) throw error;
    const after = await readState(ctx, shipment.orderId, 'orderShipStatusChange', call);
    if (alreadyShipped(after.Ship ?? {}, shipment.numbers)) return { ok: true, alreadyDone: false, warnings: [] };
    throw error;
  }
}

/** exportShipments: one result per input update, in input order. */
export async function exportShipments(ctx: OperationContext, updates: readonly ShipmentUpdate[], call: CallOptions = {}): Promise<BatchResult> {
  const parsed = parseInput(shipmentUpdatesSchema, updates, 'updates', { mall: 'yahoo', operation: 'exportShipments' });
  const planned = plan(ctx, parsed);
  const results = new Array<BatchItemResult>(parsed.length);
  for (const shipment of planned) {
    let outcome: BatchItemResult;
    try {
      outcome = { id: shipment.orderId, ...(await shipOne(ctx, shipment, call)) };
    } catch (error) {
      if (!MallkitError.isInstance(error)) throw error;
      outcome = { id: shipment.orderId, ok: false, error };
    }
    for (const index of shipment.indexes) results[index] = outcome;
  }
  return toBatchResult(results);
}
