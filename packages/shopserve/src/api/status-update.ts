import { defineEndpoint, type Endpoint } from '@mallkit/core';
import { z } from 'zod';
import type { FieldRenamer } from './field-names.js';
import type { ShopserveWireProfile } from './wire-profile.js';

/** The fields 注文状態更新 changes, in canonical spelling; absent fields are left as they are. */
export interface StatusChange {
  /** 確認ステータス, e.g. the profile's `values.confirmed`. */
  readonly confirmation_status?: string;
  /** 発送ステータス, e.g. the profile's `values.shipped`. */
  readonly shipping_status?: string;
  /** 配送会社. Shopserve refuses it without a tracking number. */
  readonly delivery_company?: string;
  /** お問い合わせ番号. */
  readonly tracking_number?: string;
  /** 発送予定日 (GoQ and others write the ship date here). */
  readonly scheduled_shipping_date?: string;
}

/** One call of 注文状態更新 V2-M-0012: which order, and what changes. */
export interface StatusUpdate {
  /** The order's serial code (the API's key, CONFIRMED). */
  readonly serialCode: string;
  /** The fields to set. */
  readonly change: StatusChange;
}

/**
 * 注文状態更新 V2-M-0012: one order per call, keyed by `serial_code` (CONFIRMED). Method, path and
 * body fields come from the wire profile (UNVERIFIED): the serial code goes into the path's
 * `{serial_code}`, or into the body when the path has none (`POST orders/_update`). The answer is
 * read as text: success is the HTTP status, so an empty 200/204 body is not mistaken for an
 * unreadable answer — which is also why the connector reads every write back (a lenient API that
 * ignores a misnamed field answers 200 too).
 */
export function statusUpdateEndpoint(wire: ShopserveWireProfile, renamer: FieldRenamer): Endpoint<StatusUpdate, string> {
  const inPath = wire.statusUpdate.path.includes('{serial_code}');
  return defineEndpoint<StatusUpdate, string>({
    operation: 'updateOrderStatus',
    method: wire.statusUpdate.method,
    path: (update) => wire.statusUpdate.path.replace('{serial_code}', encodeURIComponent(update.serialCode)),
    body: (update) => ({ json: renamer.toMall(inPath ? { ...update.change } : { serial_code: update.serialCode, ...update.change }) }),
    answer: { format: 'text', schema: z.string() },
  });
}
