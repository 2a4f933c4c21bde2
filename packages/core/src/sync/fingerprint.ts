import { createHash } from 'node:crypto';
import type { Order } from '../model/order.js';

/** The normalized fields a change is reported on, in the order their signatures are packed. */
export const CHANGE_FIELDS = ['status', 'buyer', 'deliveries', 'amounts', 'payment', 'flags', 'notes', 'confirmedAt'] as const;

/** A field a change event can name. */
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** Characters of each field's signature: 3 base64url characters, 18 bits, plenty to tell two states of one field apart. */
const SIGNATURE_LENGTH = 3;

/** JSON with object keys sorted, so that the same content always gives the same text. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, length);
}

/**
 * The signature of an order's normalized content, one short hash per field of CHANGE_FIELDS,
 * concatenated. `raw`, `warnings` and `updatedAt` are left out: a change an OMS acts on is a change
 * of the normalized order, not of the mall's bookkeeping.
 */
export function orderSignature(order: Order): string {
  const record = order as unknown as Record<string, unknown>;
  return CHANGE_FIELDS.map((field) => digest(stableJson(record[field]), SIGNATURE_LENGTH)).join('');
}

/** The fields whose signatures differ between two signatures of one order. */
export function changedFields(before: string, after: string): ChangeField[] {
  return CHANGE_FIELDS.filter((_, index) => before.slice(index * SIGNATURE_LENGTH, (index + 1) * SIGNATURE_LENGTH) !== after.slice(index * SIGNATURE_LENGTH, (index + 1) * SIGNATURE_LENGTH));
}

/** The idempotency key of an order's state: the same order in the same state always has the same key. */
export function eventKey(order: Pick<Order, 'mall' | 'shopId' | 'id'>, signature: string): string {
  return `${order.mall}:${order.shopId}:${order.id}:${digest(signature, 12)}`;
}
