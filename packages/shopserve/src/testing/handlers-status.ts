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

/** Why a field's value cannot be applied, or null. */
function valueProblem(key: keyof StatusChange, value: string, change: Record<string, unknown>, wire: ShopserveWireProfile): string | null {
  const { values } = wire;
  if (key === 'confirmation_status' && value !== values.confirmed && value !== values.unconfirmed) return 'confirmation_status の値が正しくありません';
  if (key === 'shipping_status' && value !== values.shipped && value !== values.notShipped) return 'shipping_status の値が正しくありません';
  // Shopserve refuses a carrier alone (GoQ: 「配送業者のみの反映ができない」).
  if (key === 'delivery_company' && typeof change['tracking_number'] !== 'string') return '配送業者のみの反映はできません。お問い合わせ番号を指定してください';
  if (key === 'tracking_number' && !/^[A-Za-z0-9-]{1,64}$/.test(value)) return 'お問い合わせ番号が正しくありません';
  if (key === 'scheduled_shipping_date') {
    if (!DAY_SHAPES[wire.dayFormat].test(value)) return 'scheduled_shipping_date の形式が正しくありません';
    try {
      parseJst(value);
    } catch {
      return 'scheduled_shipping_date が暦にない日付です';
    }
  }
  return null;
}

/**
 * The fields to apply, or why the change is refused. A strict sandbox refuses unknown fields and
 * values, as a careful API would; a lenient one ignores them and applies the rest (possibly nothing),
 * as a lenient API that answers 200 to a request it did not understand would.
 */
function applicable(change: Record<string, unknown>, wire: ShopserveWireProfile, lenient: boolean): StatusChange | string {
  const known = Object.fromEntries(Object.entries(change).filter(([key]) => (FIELDS as readonly string[]).includes(key)));
  if (!lenient) {
    const unknown = Object.keys(change).find((key) => !(key in known));
    if (unknown !== undefined) return `不明な項目です: ${unknown}`;
    if (Object.keys(known).length === 0) return '更新する項目がありません';
  }
  const applied: Record<string, string> = {};
  for (const [key, value] of Object.entries(known)) {
    if (typeof value !== 'string') {
      if (lenient) continue;
      return '値は文字列で指定してください';
    }
    const problem = valueProblem(key as keyof StatusChange, value, known, wire);
    if (problem === null) applied[key] = value;
    else if (!lenient) return problem;
  }
  return applied as StatusChange;
}

/**
 * 注文状態更新 V2-M-0012 as the sandbox plays it: one order by serial_code (in the path, or in the
 * body when the profile's path has no `{serial_code}`), only the known fields, enum values in the
 * profile's spelling, a cancelled order refused, a carrier without a tracking number refused, and
 * 受注更新日時 moved to now on every change.
 */
export function statusRoute(config: SandboxRouteConfig, lenient: boolean): HttpHandler {
  const { kit, wire, renamer, store } = config;
  const path = wire.statusUpdate.path.replace('{serial_code}', ':serial_code');

  return kit.route(wire.statusUpdate.method, `${config.base}/${path}`, 'updateOrderStatus', ({ request, params, bodyText, clock }) => {
    const denied = config.guard(request);
    if (denied) return denied;
    let body: unknown;
    try {
      body = renamer.toCanonical(JSON.parse(bodyText));
    } catch {
      return errorAnswer(400, 'リクエストボディがJSONではありません', renamer);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return errorAnswer(400, 'リクエストボディが正しくありません', renamer);
    const { serial_code: inBody, ...change } = body as Record<string, unknown>;
    const serial = params['serial_code'] === undefined ? (typeof inBody === 'string' ? inBody : '') : decodeURIComponent(String(params['serial_code']));
    const record = store.get(serial);
    if (record === undefined) return errorAnswer(404, `指定された注文が見つかりません: ${serial}`, renamer);
    const applied = applicable(change, wire, lenient);
    if (typeof applied === 'string') return errorAnswer(400, applied, renamer);
    if (statusAxesOf(record.order.basic, wire).cancelled === true) return errorAnswer(409, 'キャンセルされた注文は更新できません', renamer);

    const updatedAt = formatJst(clock.now(), wire.dateFormat);
    if (Object.keys(applied).length > 0) store.put(toRecord({ ...record.order, basic: { ...record.order.basic, ...applied, updated_at: updatedAt } }));
    return HttpResponse.json(renamer.toMall({ serial_code: serial, updated_at: updatedAt }) as Record<string, unknown>);
  });
}
