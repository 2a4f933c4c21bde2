import { parseJst, formatJst } from '@mallkit/core';
import { trackingNumberProblem } from '../mapping/shipments.js';
import type { SandboxOrderRecord } from './records.js';

/*
 * The store's rules for the change APIs. Every refusal here is an NG answer, as Yahoo gives for
 * an update it will not make; the messages are the sandbox's own (Yahoo's codes for these cases
 * are not documented).
 */

/** Outcome of a change: applied (with warnings) or refused. */
export type ChangeOutcome = { ok: true; warnings: Array<{ Code: string; Message: string; Detail?: string }> } | { ok: false; message: string };

/**
 * Order status moves the sandbox allows. キャンセル is final (「キャンセルすると二度と有効にすることが
 * 出来ません」); a 完了 order can still be cancelled (a return): integrators' automatic cancellation
 * applies to 「ストアクリエイターProの全ての注文ステータス」 (manual.next-engine.net …/12910).
 */
const TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  '1': ['2', '3', '4'],
  '2': ['3', '4', '5'],
  '3': ['1', '2', '4', '5'],
  '5': ['4'],
};

function held(record: SandboxOrderRecord): boolean {
  return record.order.FraudHoldStatus === '1' || record.order.FraudHoldStatus === '3';
}

/**
 * Records an update as Yahoo shows it: LastUpdateTime (「注文情報の最終更新日時」, orderList.html,
 * `YYYY-MM-DDTHH24:MI:SS+09:00`) now, and the version bumped. `seen`: the update was the shop's,
 * which marks the order seen; a buyer's or Yahoo's own update leaves IsSeen as it was.
 */
export function stampUpdate(record: SandboxOrderRecord, now: number, by: { readonly seen: boolean }): void {
  if (by.seen) record.order.IsSeen = 'true';
  record.order.LastUpdateTime = formatJst(now, 'iso');
  record.order.Version = String(Number(record.order.Version ?? '1') + 1);
}

function touch(record: SandboxOrderRecord, now: number): void {
  // Any update marks the order seen (orderChange.html says so of its updates; that the status APIs
  // do the same is the sandbox's guess) and bumps its version.
  stampUpdate(record, now, { seen: true });
}

function takeWarnings(record: SandboxOrderRecord): ChangeOutcome {
  const warnings = record.pendingWarnings;
  record.pendingWarnings = [];
  return { ok: true, warnings };
}

/** orderStatusChange. */
export function changeOrderStatus(record: SandboxOrderRecord, target: string, pointFix: boolean, now: number): ChangeOutcome {
  const current = record.order.OrderStatus ?? '';
  if (held(record) && target !== '4') return { ok: false, message: '不正注文審査中の注文はキャンセル以外の操作ができません。' };
  if (record.order.IsReadOnly === '1') return { ok: false, message: '読み取り専用の注文は更新できません。' };
  if (target === '5' && !pointFix) return { ok: false, message: 'IsPointFix must be true to complete an order.' };
  // od91705: the same status asked again; nothing changes (whether Yahoo marks the order seen then is not documented).
  if (target === current) return { ok: true, warnings: [{ Code: 'od91705', Message: '注文ステータスに変更がありません。' }] };
  if (!(TRANSITIONS[current] ?? []).includes(target)) return { ok: false, message: `注文ステータスを${current}から${target}に変更できません。` };
  record.order.OrderStatus = target;
  touch(record, now);
  return takeWarnings(record);
}

/**
 * orderChange, for what the sandbox implements of it: IsSeen, 「未閲覧から閲覧済みにのみ更新できます」
 * (true on a seen order changes nothing; false is refused). Any other key is refused with an NG.
 */
export function changeOrder(record: SandboxOrderRecord, change: { readonly isSeen: string | undefined; readonly otherKeys: readonly string[] }, now: number): ChangeOutcome {
  if (held(record)) return { ok: false, message: '不正注文審査中の注文はキャンセル以外の操作ができません。' };
  if (record.order.IsReadOnly === '1') return { ok: false, message: '読み取り専用の注文は更新できません。' };
  if (change.otherKeys.length > 0) return { ok: false, message: `The sandbox's orderChange implements IsSeen only, not ${change.otherKeys.join(', ')}.` };
  if (change.isSeen !== 'true') return { ok: false, message: '閲覧済み→未閲覧には更新できません。' };
  touch(record, now);
  return takeWarnings(record);
}

/** Ship fields an orderShipStatusChange sets. */
export interface ShipChange {
  readonly ShipStatus?: string;
  readonly ShipCompanyCode?: string;
  readonly ShipInvoiceNumber1?: string;
  readonly ShipInvoiceNumber2?: string;
  readonly ShipDate?: string;
  readonly ShipMethod?: string;
}

/** orderShipStatusChange. */
export function changeShipStatus(record: SandboxOrderRecord, change: ShipChange, pointFix: boolean, now: number): ChangeOutcome {
  if (held(record)) return { ok: false, message: '不正注文審査中の注文はキャンセル以外の操作ができません。' };
  if (record.order.IsReadOnly === '1') return { ok: false, message: '読み取り専用の注文は更新できません。' };
  if (!pointFix) return { ok: false, message: 'IsPointFix must be true when changing the ship status.' };
  const status = record.order.OrderStatus;
  if (status === '4' || status === '5') return { ok: false, message: 'キャンセル・完了済みの注文の出荷ステータスは変更できません。' };
  if (!change.ShipStatus || !/^[0-4]$/.test(change.ShipStatus)) return { ok: false, message: 'ShipStatus is required (0–4).' };
  if (change.ShipStatus === '3' && record.Ship.ShipStatus === '0') return { ok: false, message: '出荷不可の注文は出荷済みにできません(入金待ち)。' };
  const code = change.ShipCompanyCode ?? record.Ship.ShipCompanyCode ?? '';
  for (const key of ['ShipInvoiceNumber1', 'ShipInvoiceNumber2'] as const) {
    const number = change[key];
    if (number) {
      const problem = trackingNumberProblem(code, number);
      if (problem) return { ok: false, message: `${key}: ${problem}` };
    }
  }
  if (change.ShipDate !== undefined) {
    if (!/^\d{8}$/.test(change.ShipDate)) return { ok: false, message: 'ShipDate must be YYYYMMDD.' };
    if (change.ShipDate > formatJst(now, 'date-compact')) return { ok: false, message: 'ShipDate must not be in the future.' };
  }
  record.Ship.ShipStatus = change.ShipStatus;
  if (change.ShipCompanyCode !== undefined) record.Ship.ShipCompanyCode = change.ShipCompanyCode;
  if (change.ShipInvoiceNumber1 !== undefined) record.Ship.ShipInvoiceNumber1 = change.ShipInvoiceNumber1;
  if (change.ShipInvoiceNumber2 !== undefined) record.Ship.ShipInvoiceNumber2 = change.ShipInvoiceNumber2;
  if (change.ShipMethod !== undefined) record.Ship.ShipMethod = change.ShipMethod;
  if (change.ShipDate !== undefined) record.Ship.ShipDate = formatJst(parseJst(change.ShipDate), 'date');
  touch(record, now);
  return takeWarnings(record);
}

/** orderPayStatusChange: only for methods the shop manages (bank transfer, postal, store-defined). */
export function changePayStatus(record: SandboxOrderRecord, payStatus: string, payDate: string | undefined, now: number): ChangeOutcome {
  if (held(record)) return { ok: false, message: '不正注文審査中の注文はキャンセル以外の操作ができません。' };
  if (!/^payment_(b\d+|c\d+|e\d+)$/.test(record.Pay.PayMethod ?? '')) {
    return { ok: false, message: 'この支払方法の入金ステータスはYahoo!ショッピングが管理します。' };
  }
  if (payStatus !== '0' && payStatus !== '1') return { ok: false, message: 'PayStatus must be 0 or 1.' };
  record.Pay.PayStatus = payStatus;
  record.Pay.PayDate = payDate && /^\d{8}$/.test(payDate) ? formatJst(parseJst(payDate), 'date') : '';
  // A paid prepaid order may now ship.
  if (payStatus === '1' && record.Ship.ShipStatus === '0') record.Ship.ShipStatus = '1';
  touch(record, now);
  return takeWarnings(record);
}
