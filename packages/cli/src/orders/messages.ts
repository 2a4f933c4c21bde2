import type { OrderStatus, SyncCheckpoint } from '@mallkit/core';
import type { Lang } from '../lang.js';

/** What one incremental sync delivered, by kind. */
type SyncCounts = SyncCheckpoint['counts'];

const ja = {
  header: ['注文番号', '注文日時', '状態', '注文者', '請求額', '決済方法', '点数', '注意'],
  statuses: {
    pending_confirmation: '注文確認待ち',
    confirmed: '確認済み',
    awaiting_payment: '入金待ち',
    ready_to_ship: '発送待ち',
    shipped: '発送済み',
    delivered: '配達済み',
    completed: '完了',
    cancel_requested: 'キャンセル申請',
    cancelled: 'キャンセル',
    on_hold: '保留',
  } satisfies Record<OrderStatus, string>,
  unmapped: (raw: string) => `未対応: ${raw}`,
  warningsCell: (count: number) => `警告${count}`,
  progress: (orders: number, requests: number, seconds: number, waited: number, retries: number) =>
    `取得中: ${orders}件 / リクエスト ${requests}回 / ${seconds}秒${waited > 0 ? ` (レート制限の待ち ${waited}秒)` : ''}${retries > 0 ? ` / 再試行 ${retries}回` : ''}`,
  done: (orders: number, requests: number, seconds: number) => `完了: ${orders}件 (リクエスト ${requests}回、${seconds}秒)`,
  stoppedEarly: (orders: number) => `中断しました: ${orders}件まで出力済み`,
  unreadable: (id: string, message: string) => `読めない注文 ${id}: ${message}`,
  unreadableSummary: (count: number) => `${count}件の注文を読めませんでした (上の行を参照)。モールの画面で確認してください。`,
  warningsTitle: (count: number) => `変換できなかった値・注意 (${count}種類):`,
  warningLine: (code: string, field: string, raw: string, count: number, examples: string) => `  ${code} ${field}${raw ? ` 「${raw}」` : ''}: ${count}件 (${examples})`,
  unmappedAdvice: '未対応の値は connector の mappers オプション (変換設定) で対応付けられます。',
  syncFlagConflict: (flag: string) => `${flag} は --since-cursor と一緒に使えません (差分取得ではモールごとに最適な検索をします)。`,
  fromIgnored: '前回のカーソルがあるので --from は使いません (--from は初回だけ)。',
  removed: (id: string) => `モールから消えた注文: ${id}`,
  syncSummary: (c: SyncCounts) => `差分: 新規 ${c.new} / 変更 ${c.changed} / キャンセル ${c.cancelled} / 削除 ${c.removed} / 読めない ${c.unreadable} / 変化なし ${c.unchanged}`,
  cursorSaved: (path: string) => `次回のカーソルを ${path} に保存しました。`,
};

/** The orders command's messages of one language. */
export type OrdersMessages = typeof ja;

const en: OrdersMessages = {
  header: ['order', 'ordered', 'status', 'buyer', 'billed', 'payment', 'qty', 'notes'],
  statuses: {
    pending_confirmation: 'to confirm',
    confirmed: 'confirmed',
    awaiting_payment: 'awaiting pay',
    ready_to_ship: 'to ship',
    shipped: 'shipped',
    delivered: 'delivered',
    completed: 'completed',
    cancel_requested: 'cancel req.',
    cancelled: 'cancelled',
    on_hold: 'on hold',
  },
  unmapped: (raw) => `unmapped: ${raw}`,
  warningsCell: (count) => `${count} warning${count === 1 ? '' : 's'}`,
  progress: (orders, requests, seconds, waited, retries) =>
    `fetching: ${orders} orders / ${requests} requests / ${seconds} s${waited > 0 ? ` (${waited} s waiting for the rate limit)` : ''}${retries > 0 ? ` / ${retries} retries` : ''}`,
  done: (orders, requests, seconds) => `done: ${orders} orders (${requests} requests, ${seconds} s)`,
  stoppedEarly: (orders) => `stopped: ${orders} orders written so far`,
  unreadable: (id, message) => `unreadable order ${id}: ${message}`,
  unreadableSummary: (count) => `${count} order(s) could not be read (see above); check them on the mall's screen.`,
  warningsTitle: (count) => `values not mapped and other warnings (${count} kinds):`,
  warningLine: (code, field, raw, count, examples) => `  ${code} ${field}${raw ? ` "${raw}"` : ''}: ${count} (${examples})`,
  unmappedAdvice: "Map unmapped values with the connector's mappers option (変換設定).",
  syncFlagConflict: (flag) => `${flag} cannot be used with --since-cursor (an incremental sync runs the searches the mall needs).`,
  fromIgnored: 'a cursor exists, so --from is not used (it applies to the first sync only).',
  removed: (id) => `order gone from the mall: ${id}`,
  syncSummary: (c) => `changes: new ${c.new} / changed ${c.changed} / cancelled ${c.cancelled} / removed ${c.removed} / unreadable ${c.unreadable} / unchanged ${c.unchanged}`,
  cursorSaved: (path) => `saved the next cursor to ${path}.`,
};

/** The orders command's messages, by language. */
export const ORDERS_MESSAGES: Readonly<Record<Lang, OrdersMessages>> = { ja, en };
