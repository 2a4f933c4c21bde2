import type { Lang } from '../lang.js';
import type { RowState } from './rows.js';

const ja = {
  header: ['ショップ', 'モール', '認証情報', '状態', '期限', '残り', '対処'],
  states: { valid: '有効', expiring: '期限間近', expired: '期限切れ', invalid: '無効', unknown: '不明', error: '確認できず' } satisfies Record<RowState, string>,
  days: (days: number) => `${days}日`,
  cannotCheck: '(ショップを確認できません)',
  note: (shop: string, credential: string, text: string) => `注: ${shop} の ${credential}: ${text}`,
  allValid: (credentials: number, shops: number) => `すべて有効です (${shops}店舗、${credentials}件)。`,
  needAction: (count: number, credentials: number, shops: number) => `要対応: ${count}件 (${shops}店舗、${credentials}件中)。`,
};

/** The creds command's messages of one language. */
export type CredsMessages = typeof ja;

const en: CredsMessages = {
  header: ['shop', 'mall', 'credential', 'state', 'expires', 'left', 'what to do'],
  states: { valid: 'valid', expiring: 'expiring', expired: 'EXPIRED', invalid: 'INVALID', unknown: 'unknown', error: 'NOT CHECKED' },
  days: (days) => `${days} d`,
  cannotCheck: '(shop not checked)',
  note: (shop, credential, text) => `note: ${shop} ${credential}: ${text}`,
  allValid: (credentials, shops) => `all valid (${credentials} credentials of ${shops} shops).`,
  needAction: (count, credentials, shops) => `needs action: ${count} (of ${credentials} credentials of ${shops} shops).`,
};

/** The creds command's messages, by language. */
export const CREDS_MESSAGES: Readonly<Record<Lang, CredsMessages>> = { ja, en };
