import { tryParseJst } from '@mallkit/core';
import { createSandboxStore, type SandboxStore, type StoreSearch } from '@mallkit/core/testing';
import type { SandboxOrderRecord } from './records.js';

/*
 * The sandbox's orders in core's store (offset paging, cached per search, paging lies, corrupted
 * orders), and orderList's search conditions as Yahoo applies them: fraud-held orders hidden unless
 * FraudHoldDisplayType=1, read-only ones by ReadOnlyMode, PublicationTime for released orders.
 */

/** The sandbox's order store. */
export type YahooSandboxStore = SandboxStore<SandboxOrderRecord>;

const timeOf = (record: SandboxOrderRecord): number => tryParseJst(record.order.OrderTime ?? '')?.getTime() ?? 0;

/** An empty store, ordered as orderList's default `+order_time` sort lists orders. */
export function createYahooStore(): YahooSandboxStore {
  return createSandboxStore<SandboxOrderRecord>({
    id: (record) => record.order.OrderId ?? '',
    compare: (a, b) => timeOf(a) - timeOf(b) || (a.order.OrderId ?? '').localeCompare(b.order.OrderId ?? ''),
  });
}

/** A condition bound: `YYYYMMDDHH24MISS`, or `YYYYMMDD` (the whole day for a To bound). */
function bound(value: string | undefined, end: boolean): number | null {
  if (!value) return null;
  const date = tryParseJst(value);
  if (!date) return null;
  return value.length === 8 && end ? date.getTime() + 86_399_000 : date.getTime();
}

function within(value: string | undefined, from: number | null, to: number | null): boolean {
  if (from === null && to === null) return true;
  const time = tryParseJst(value ?? '')?.getTime();
  if (time === undefined) return false;
  return (from === null || time >= from) && (to === null || time <= to);
}

function visible(record: SandboxOrderRecord, fraudDisplay: string | undefined, readOnlyMode: string | undefined): boolean {
  const hold = record.order.FraudHoldStatus;
  if ((hold === '1' || hold === '3') && fraudDisplay !== '1') return false;
  const readOnly = record.order.IsReadOnly === '1';
  if (readOnlyMode === '1') return readOnly;
  if (readOnlyMode === '2') return true;
  return !readOnly;
}

/** orderList's `<Condition>`, as the handler read it. */
export type ListCondition = Readonly<Record<string, string | undefined>>;

/** The store search of an orderList condition, or null when the condition lacks the required keys (※1/※2). */
export function searchOf(condition: ListCondition): StoreSearch<SandboxOrderRecord> | null {
  const orderId = condition.OrderId;
  const orderFrom = bound(condition.OrderTimeFrom, false);
  const orderTo = bound(condition.OrderTimeTo, true);
  const pubFrom = bound(condition.PublicationTimeFrom, false);
  const pubTo = bound(condition.PublicationTimeTo, true);
  if (!orderId && orderFrom === null && orderTo === null && pubFrom === null && pubTo === null) return null;
  const statuses = condition.OrderStatus?.split(',');
  const byPublication = pubFrom !== null || pubTo !== null;
  return {
    // The signature names the search, so that its pages share one filtered list.
    signature: JSON.stringify(condition),
    where: (record) =>
      visible(record, condition.FraudHoldDisplayType, condition.ReadOnlyMode) &&
      (!orderId || record.order.OrderId === orderId) &&
      within(record.order.OrderTime, orderFrom, orderTo) &&
      (!byPublication || within(record.order.PublicationTime, pubFrom, pubTo)) &&
      (!statuses || statuses.includes(record.order.OrderStatus ?? '')),
  };
}
