import { formatJst, parseJst } from '@mallkit/core';
import { HttpResponse, type HttpHandler } from 'msw';
import type { StatusChange } from '../api/status-update.js';
import type { ShopserveWireProfile } from '../api/wire-profile.js';
import { statusAxesOf } from '../mapping/status.js';
import { errorAnswer } from './answers.js';
import type { SandboxRouteConfig } from './route-config.js';
import { toRecord } from './store.js';

const FIELDS: ReadonlyArray<keyof StatusChange> = ['confirmation_status', 'shipping_status', 'delivery_company', 'tracking_number', 'scheduled_shipping_date'];
const DAY_SHAPES = { date: /^\d{4}-\d{2}-\d{2}$/, 'date-compact': /^\d{8}$/ } as const;

/** Why a change cannot be applied, or null. */
function problemOf(change: Record<string, unknown>, wire: ShopserveWireProfile): string | null {
  const unknown = Object.keys(change).find((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown !== undefined) return `不明な項目です: ${unknown}`;
  if (Object.keys(change).length === 0) return '更新する項目がありません';
  const { values } = wire;
  const text = (key: keyof StatusChange): string | undefined => (typeof change[key] === 'string' ? (change[key] as string) : undefined);
  if (FIELDS.some((key) => change[key] !== undefined && typeof change[key] !== 'string')) return '値は文字列で指定してください';
  const confirmation = text('confirmation_status');
  if (confirmation !== undefined && confirmation !== values.confirmed && confirmation !== values.unconfirmed) return 'confirmation_status の値が正しくありません';
  const shipping = text('shipping_status');
  if (shipping !== undefined && shipping !== values.shipped && shipping !== values.notShipped) return 'shipping_status の値が正しくありません';
  // Shopserve refuses a carrier alone (GoQ: 「配送業者のみの反映ができない」).
  if (text('delivery_company') !== undefined && !text('tracking_number')) return '配送業者のみの反映はできません。お問い合わせ番号を指定してください';
  const tracking = text('tracking_number');
  if (tracking !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(tracking)) return 'お問い合わせ番号が正しくありません';
  const day = text('scheduled_shipping_date');
  if (day !== undefined) {
    if (!DAY_SHAPES[wire.dayFormat].test(day)) return 'scheduled_shipping_date の形式が正しくありません';
    try {
      parseJst(day);
    } catch {
      return 'scheduled_shipping_date が暦にない日付です';
    }
  }
  return null;
}

/**
 * 注文状態更新 V2-M-0012 as the sandbox plays it: one order by serial_code, only the known fields,
 * enum values in the profile's spelling, a cancelled order refused, a carrier without a tracking
 * number refused, and 受注更新日時 moved to now on every change.
 */
export function statusRoute(config: SandboxRouteConfig): HttpHandler {
  const { kit, wire, renamer, store } = config;
  const path = wire.statusUpdate.path.replace('{serial_code}', ':serial_code');

  return kit.route(wire.statusUpdate.method, `${config.base}/${path}`, 'updateOrderStatus', ({ request, params, bodyText, clock }) => {
    const denied = config.guard(request);
    if (denied) return denied;
    const serial = decodeURIComponent(String(params['serial_code'] ?? ''));
    const record = store.get(serial);
    if (record === undefined) return errorAnswer(404, `指定された注文が見つかりません: ${serial}`, renamer);
    let change: Record<string, unknown>;
    try {
      change = renamer.toCanonical(JSON.parse(bodyText)) as Record<string, unknown>;
    } catch {
      return errorAnswer(400, 'リクエストボディがJSONではありません', renamer);
    }
    if (typeof change !== 'object' || change === null || Array.isArray(change)) return errorAnswer(400, 'リクエストボディが正しくありません', renamer);
    const problem = problemOf(change, wire);
    if (problem !== null) return errorAnswer(400, problem, renamer);
    if (statusAxesOf(record.order.basic, wire.values).cancelled === true) return errorAnswer(409, 'キャンセルされた注文は更新できません', renamer);

    const updatedAt = formatJst(clock.now(), wire.dateFormat);
    const next = toRecord({ ...record.order, basic: { ...record.order.basic, ...(change as StatusChange), updated_at: updatedAt } });
    store.put(next);
    return HttpResponse.json(renamer.toMall({ serial_code: serial, updated_at: updatedAt }) as Record<string, unknown>);
  });
}
