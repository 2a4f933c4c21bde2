import type { SandboxClock } from '@mallkit/core/testing';
import type { AccessState } from './rules.js';
import type { AupayStore } from './store.js';
import type { AnswerEncoding } from './xml.js';

/** What the sandbox's handlers share: the orders and the rules in force. */
export interface AupaySandboxState {
  /** The orders. */
  readonly store: AupayStore;
  /** Who may call. */
  readonly access: AccessState;
  /** How answers are encoded (UTF-8 by default; Shift_JIS on request). */
  readonly encoding: AnswerEncoding;
  /** Statuses the shop defined (貴店舗カスタムステータス): updateTradeStsProc accepts them. */
  readonly customStatuses: Set<string>;
  /** Whether order searches say how many orders the whole search holds (`maxCount`). */
  reportMaxCount: boolean;
  /** The most orders one search page holds, silently (see SANDBOX_DEFAULT_PAGE_CAP). */
  pageCap: number;
  /** The sandbox clock. */
  readonly clock: SandboxClock;
}
