import type { SandboxContext } from '@mallkit/core/testing';
import { errorResult, xmlAnswer, type AnswerEncoding } from './xml.js';

/*
 * The sandbox's rules. Documented by au PAY or seen live: the 0002 answer (HTTP 401) for a bad or
 * expired key, a caller IP not registered, or a key without the API group; CME0022 for a wrong
 * shopId; `[field]必須入力項目です` for a missing field. The status machine is the sandbox's own
 * model of what Wow!manager allows (au PAY does not publish one): statuses the mall manages
 * (与信待ち, the fraud-review states) cannot be set, cancelled and completed orders do not move.
 */

/** The API groups a key can be granted; the sandbox models the order group's endpoints. */
export type ApiGroup = 'order' | 'item';

/** Who may call: the key, its expiry, the shop, the registered caller IPs and the key's API groups. */
export interface AccessState {
  /** The key the sandbox accepts. */
  apiKey: string;
  /** Epoch ms from which the key is refused. */
  keyExpiresAt: number;
  /** The sandbox shop's ID. */
  readonly shopId: string;
  /** The caller addresses registered under 【接続元IPアドレスを登録】. */
  readonly registeredAddresses: Set<string>;
  /** The address requests come from (msw cannot see one): change it to play an unregistered server. */
  callerAddress: string;
  /** The API groups the key is granted. */
  readonly apiGroups: Set<ApiGroup>;
}

/** au PAY's answer to refused credentials. */
export function credentialsRefused(encoding: AnswerEncoding): Response {
  return xmlAnswer(errorResult('0002', '認証に失敗しました'), encoding, 401);
}

/** au PAY's answer to a missing field (its code is not known, only the message). */
export function missingField(field: string, encoding: AnswerEncoding): Response {
  return xmlAnswer(errorResult(null, `[${field}]必須入力項目です`), encoding);
}

/** A refusal whose au PAY code is not known: the sandbox names it itself (`SANDBOX_…`). */
export function sandboxRefusal(code: string, message: string, encoding: AnswerEncoding): Response {
  return xmlAnswer(errorResult(`SANDBOX_${code}`, message), encoding);
}

/** The refusal of a request that may not call `group`, or null when it may. */
export function checkAccess(ctx: SandboxContext, access: AccessState, group: ApiGroup, shopId: string | null, encoding: AnswerEncoding): Response | null {
  const header = ctx.request.headers.get('authorization') ?? '';
  const key = /^Bearer (\S+)$/.exec(header)?.[1];
  const refused =
    key !== access.apiKey ||
    ctx.clock.now() >= access.keyExpiresAt ||
    !access.registeredAddresses.has(access.callerAddress) ||
    !access.apiGroups.has(group);
  if (refused) return credentialsRefused(encoding);
  if (shopId === null || shopId === '') return missingField('shopId', encoding);
  // The message of CME0022 was not published; the code was seen live for a wrong shopId.
  if (shopId !== access.shopId) return xmlAnswer(errorResult('CME0022', '店舗IDが正しくありません'), encoding);
  return null;
}

/** Statuses an order may move to, per status (the sandbox's model). */
const TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  新規受付: ['発送前入金待ち', '発送待ち', '保留', 'キャンセル', '発送後入金待ち', '完了'],
  新規予約: ['予約中', '発送待ち', '保留', 'キャンセル'],
  予約中: ['発送待ち', '保留', 'キャンセル', '発送後入金待ち', '完了'],
  発送前入金待ち: ['発送待ち', '保留', 'キャンセル'],
  与信待ち: ['キャンセル'],
  発送待ち: ['発送後入金待ち', '完了', '保留', 'キャンセル'],
  発送後入金待ち: ['完了', '保留'],
  保留: ['新規受付', '発送前入金待ち', '発送待ち', '完了', 'キャンセル'],
  完了: [],
  キャンセル: [],
  キャンセル受付中: ['キャンセル'],
  不正取引審査中: [],
  審査保留: [],
  審査NG: [],
};

/** Statuses in which an order's shipment cannot be written (the sandbox's model). */
export const NOT_SHIPPABLE: ReadonlySet<string> = new Set(['キャンセル', 'キャンセル受付中', '不正取引審査中', '審査保留', '審査NG']);

/** Statuses only au PAY sets. */
const MALL_MANAGED: ReadonlySet<string> = new Set(['与信待ち', '不正取引審査中', '審査保留', '審査NG', 'キャンセル受付中']);

/** Why an order may not move from `from` to `to`, or null when it may (same status: allowed, nothing changes). */
export function transitionProblem(from: string, to: string, customStatuses: ReadonlySet<string>): string | null {
  if (from === to) return null;
  const known = to in TRANSITIONS;
  if (!known && !customStatuses.has(to)) return `[orderStatus]存在しないステータスです: ${to}`;
  if (MALL_MANAGED.has(to)) return `[orderStatus]このステータスには変更できません: ${to}`;
  const allowed = TRANSITIONS[from];
  if (allowed === undefined) return customStatuses.has(from) && to !== from ? null : `[orderStatus]現在のステータスから変更できません: ${from}`;
  return allowed.includes(to) || (!known && allowed.length > 0) ? null : `[orderStatus]${from}から${to}には変更できません`;
}
