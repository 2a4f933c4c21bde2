import type { Lang } from '../lang.js';

const ja = {
  started: (name: string, mall: string, url: string) => `mallkit sandbox: ${name} (${mall}) を ${url} で起動しました`,
  baseUrl: 'API のベース URL',
  connection: '接続情報 (認証情報)',
  admin: '管理 API',
  otherHost: 'その他のホスト',
  orders: (count: number, seed: number, days: number) => `${count}件 (seed ${seed}、過去 ${days} 日)`,
  ordersLabel: '注文',
  rate: (scale: number) => (scale === 1 ? 'モールの実際の制限どおり' : `モールの制限の ${scale} 倍`),
  rateLabel: 'QPS',
  stop: 'Ctrl+C で停止します。',
  stopped: 'サンドボックスを停止しました。',
  portInUse: (port: number) => `ポート ${port} は使用中です。別の --port を指定するか、--port 0 で空いているポートを使ってください。`,
};

/** The sandbox command's messages of one language. */
export type SandboxMessages = typeof ja;

const en: SandboxMessages = {
  started: (name, mall, url) => `mallkit sandbox: ${name} (${mall}) listening on ${url}`,
  baseUrl: 'API base URL',
  connection: 'connection (credentials)',
  admin: 'admin API',
  otherHost: 'other host',
  orders: (count, seed, days) => `${count} (seed ${seed}, last ${days} days)`,
  ordersLabel: 'orders',
  rate: (scale) => (scale === 1 ? "the mall's real limits" : `${scale}× the mall's limits`),
  rateLabel: 'QPS',
  stop: 'Ctrl+C stops it.',
  stopped: 'sandbox stopped.',
  portInUse: (port) => `port ${port} is in use: choose another --port, or --port 0 for a free one.`,
};

/** The sandbox command's messages, by language. */
export const SANDBOX_MESSAGES: Readonly<Record<Lang, SandboxMessages>> = { ja, en };
