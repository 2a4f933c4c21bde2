import { parseXml } from '@mallkit/core/xml';
import type { SandboxContext, SandboxKit } from '@mallkit/core/testing';
import { auDay, moveStatus, recordShipping } from './order-moves.js';
import { checkAccess, missingField, NOT_SHIPPABLE, sandboxRefusal, transitionProblem } from './rules.js';
import type { AupaySandboxState } from './state.js';
import { fieldOf, type AupayRecord } from './store.js';
import { OK_RESULT, xmlAnswer } from './xml.js';

/*
 * The write endpoints: POST application/xml with a FLAT `<request>` — a parameter wrapped in
 * another element is not seen, and au PAY answers `[orderId]必須入力項目です` (seen live).
 * updateTradeStsProc follows the sandbox's status machine (its own model: au PAY publishes none);
 * updateTradeInfoProc takes the ship date in the three shapes working clients send (YYYY/MM/DD,
 * YYYYMMDD, YYYY-MM-DD; a future day is refused — the sandbox's model too), the carrier codes
 * 1/2/4/5/6/7/9 and a tracking number, and changes no status.
 */

/** au PAY's carrier codes. */
const CARRIER_CODES: ReadonlySet<string> = new Set(['1', '2', '4', '5', '6', '7', '9']);

/** The flat parameters of a `<request>` body: only direct text children count. */
function parameters(ctx: SandboxContext): Map<string, string> | null {
  if (!/xml/i.test(ctx.request.headers.get('content-type') ?? '')) return null;
  let body: unknown;
  try {
    body = parseXml(ctx.bodyText);
  } catch {
    return null;
  }
  const request = (body as { request?: unknown } | null)?.request;
  if (typeof request !== 'object' || request === null) return null;
  const flat = new Map<string, string>();
  for (const [name, value] of Object.entries(request)) if (typeof value === 'string') flat.set(name, value);
  return flat;
}

/** The order a write is for, or the answer that refuses it. */
function target(ctx: SandboxContext, state: AupaySandboxState): { record: AupayRecord; params: Map<string, string> } | Response {
  const params = parameters(ctx);
  if (params === null) return sandboxRefusal('BAD_REQUEST', 'リクエストは application/xml の <request> で送ってください', state.encoding);
  const denied = checkAccess(ctx, state.access, 'order', params.get('shopId') ?? null, state.encoding);
  if (denied) return denied;
  const orderId = params.get('orderId');
  if (!orderId) return missingField('orderId', state.encoding);
  const record = state.store.get(orderId);
  if (record === undefined) return sandboxRefusal('ORDER_NOT_FOUND', `[orderId]受注が存在しません: ${orderId}`, state.encoding);
  return { record, params };
}

function updateStatus(ctx: SandboxContext, state: AupaySandboxState): Response {
  const found = target(ctx, state);
  if (found instanceof Response) return found;
  const { record, params } = found;
  const next = params.get('orderStatus');
  if (!next) return missingField('orderStatus', state.encoding);
  const problem = transitionProblem(fieldOf(record, 'orderStatus'), next, state.customStatuses);
  if (problem) return sandboxRefusal('STATUS_TRANSITION', problem, state.encoding);
  state.store.update(record.orderId, (order) => moveStatus(order, next));
  return xmlAnswer(OK_RESULT, state.encoding);
}

/** A ship date in one of the accepted shapes, as `YYYY/MM/DD`; null when it is not a calendar date. */
function shipDate(value: string): string | null {
  const match = /^(\d{4})([/-]?)(\d{2})\2(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, year, , month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? `${year}/${month}/${day}` : null;
}

function updateShipping(ctx: SandboxContext, state: AupaySandboxState): Response {
  const found = target(ctx, state);
  if (found instanceof Response) return found;
  const { record, params } = found;
  for (const field of ['shippingDate', 'shippingCarrier', 'shippingNumber']) if (!params.get(field)) return missingField(field, state.encoding);
  const date = shipDate(params.get('shippingDate') ?? '');
  if (date === null) return sandboxRefusal('INVALID_VALUE', '[shippingDate]日付の形式が正しくありません', state.encoding);
  if (date > auDay(ctx.clock.now())) return sandboxRefusal('INVALID_VALUE', '[shippingDate]未来の日付は指定できません', state.encoding);
  const carrier = params.get('shippingCarrier') ?? '';
  if (!CARRIER_CODES.has(carrier)) return sandboxRefusal('INVALID_VALUE', `[shippingCarrier]配送会社コードが正しくありません: ${carrier}`, state.encoding);
  // au PAY's rule for the number's length and characters is not published: the sandbox takes what it gets.
  const number = params.get('shippingNumber') ?? '';
  const status = fieldOf(record, 'orderStatus');
  if (NOT_SHIPPABLE.has(status)) return sandboxRefusal('STATUS_TRANSITION', `[orderId]${status}の受注は発送情報を更新できません`, state.encoding);
  state.store.update(record.orderId, (order) => recordShipping(order, { shipDate: date, carrier, trackingNumber: number }));
  return xmlAnswer(OK_RESULT, state.encoding);
}

/** Adds the write endpoints under `baseUrl` (ending in `/`). */
export function addUpdateHandlers(kit: SandboxKit, state: AupaySandboxState, baseUrl: string): void {
  kit.route('POST', `${baseUrl}updateTradeStsProc`, 'updateTradeStsProc', (ctx) => updateStatus(ctx, state));
  kit.route('POST', `${baseUrl}updateTradeInfoProc`, 'updateTradeInfoProc', (ctx) => updateShipping(ctx, state));
}
