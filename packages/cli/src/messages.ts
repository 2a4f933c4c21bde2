import type { Lang } from './lang.js';

/*
 * What every command may say, in Japanese and English. Each area of the CLI keeps its own table
 * beside its code (creds/messages.ts…); this one holds what they share. The English table is typed
 * from the Japanese one, so a message missing in one language fails the type check.
 */

const ja = {
  error: 'エラー',
  whatToDo: '対処',
  debugForMore: '(詳しくは --debug を付けて再実行してください)',
  unexpected: (detail: string) => `予期しない問題が起きました: ${detail}`,
  unknownCommand: (name: string) => `「${name}」というコマンドはありません。mallkit --help で一覧を表示します。`,
  badFlags: (detail: string) => `オプションが正しくありません: ${detail}`,
  missingFlag: (flag: string) => `${flag} を指定してください。`,
  badValue: (flag: string, value: string, expected: string) => `${flag} の値「${value}」は使えません: ${expected}`,
  badLang: 'ja か en を指定してください',
  badDate: 'YYYY-MM-DD、2026-11-01T09:00、2026-11-01T09:00:00+09:00、または 7d / 12h / 30m (その時間だけ前) の形で指定してください',
  badStatus: (known: string) => `次のどれかをカンマ区切りで: ${known}`,
  badMall: (known: string) => `次のどれか: ${known}`,
  badNumber: '0 以上の整数を指定してください',
  badPort: '0〜65535 の整数を指定してください (0 は空いているポート)',
  fromAfterTo: '--from が --to より後になっています。',
  validationIssue: (field: string, message: string) => `  ${field}: ${message}`,
  incomplete: (failed: number, delivered: number) => `${failed}件の注文を読めませんでした (読めた注文: ${delivered}件)。`,
  batchStopped: (notSent: number) => `処理を中断しました。未送信: ${notSent}件`,
  interrupted: '中断しました。',
};

/** The shared messages of one language. */
export type CommonMessages = typeof ja;

const en: CommonMessages = {
  error: 'error',
  whatToDo: 'what to do',
  debugForMore: '(run again with --debug for details)',
  unexpected: (detail) => `something unexpected went wrong: ${detail}`,
  unknownCommand: (name) => `there is no command "${name}": mallkit --help lists them.`,
  badFlags: (detail) => `wrong options: ${detail}`,
  missingFlag: (flag) => `${flag} is required.`,
  badValue: (flag, value, expected) => `${flag} cannot be "${value}": ${expected}`,
  badLang: 'use ja or en',
  badDate: 'use YYYY-MM-DD, 2026-11-01T09:00, 2026-11-01T09:00:00+09:00, or 7d / 12h / 30m (that long ago)',
  badStatus: (known) => `one or more of (comma-separated): ${known}`,
  badMall: (known) => `one of: ${known}`,
  badNumber: 'use a whole number, 0 or more',
  badPort: 'use a whole number from 0 to 65535 (0 picks a free port)',
  fromAfterTo: '--from is later than --to.',
  validationIssue: (field, message) => `  ${field}: ${message}`,
  incomplete: (failed, delivered) => `${failed} order(s) could not be read (${delivered} were).`,
  batchStopped: (notSent) => `stopped; not sent: ${notSent}`,
  interrupted: 'interrupted.',
};

/** The shared messages, by language. */
export const COMMON_MESSAGES: Readonly<Record<Lang, CommonMessages>> = { ja, en };
