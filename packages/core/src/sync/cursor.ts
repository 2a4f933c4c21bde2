import { ValidationError } from '../errors/classes.js';
import type { MallId } from '../model/mall-id.js';

/** The cursor format this version writes and reads. A cursor of another version is refused, never guessed at. */
export const SYNC_CURSOR_VERSION = 1;
const PREFIX = `mallkit-sync.${SYNC_CURSOR_VERSION}.`;

/** What the sync remembers of one order it delivered. */
export interface SeenOrder {
  /** The signature of its normalized content when delivered (fingerprint.ts). */
  readonly signature: string;
  /** When it was placed, in epoch seconds: look-back searches forget it once it is older than the look-back. */
  readonly orderedAt: number;
  /** When it last changed (its updatedAt, or when the sync saw it change), in epoch seconds: since-searches forget it after the overlap. */
  readonly touchedAt: number;
}

/** A cursor, decoded. */
export interface SyncState {
  readonly mall: MallId;
  readonly shopId: string;
  /** Epoch ms the first sync started from: an unseen order placed after it is `new`, an older one `changed`. */
  readonly origin: number;
  /** Epoch ms up to which every change has been delivered. */
  readonly high: number;
  /** What was delivered of the orders a later sync may meet again. */
  readonly seen: ReadonlyMap<string, SeenOrder>;
}

function refuse(message: string, en: string, ja: string): ValidationError {
  return new ValidationError([{ field: 'cursor', message }], {
    hint: { ja, en },
  });
}

/** The entries of `seen`, packed: id, signature and both times in base 36, one line each. */
function packEntries(entries: Iterable<readonly [string, SeenOrder | null]>): string {
  const lines: string[] = [];
  for (const [id, entry] of entries) lines.push(entry === null ? `${id}\t-` : `${id}\t${entry.signature}\t${entry.orderedAt.toString(36)}\t${entry.touchedAt.toString(36)}`);
  return lines.join('\n');
}

/**
 * Writes a cursor: the state, plus `changes` applied on top in order (a `null` entry forgets an
 * order). The result is a plain string, safe to store in any text column or file.
 */
export function encodeCursor(state: Omit<SyncState, 'seen'>, seen: Iterable<readonly [string, SeenOrder | null]>): string {
  const body = JSON.stringify({ m: state.mall, s: state.shopId, o: state.origin, h: state.high, e: packEntries(seen) });
  return `${PREFIX}${Buffer.from(body, 'utf8').toString('base64url')}`;
}

/**
 * Reads a stored cursor and checks it belongs to this mall and shop. A cursor of another version,
 * another mall or shop, or one that is damaged, throws ValidationError on the field `cursor` —
 * before anything is sent — instead of silently starting over or syncing the wrong shop.
 */
export function decodeCursor(cursor: string, expected: { readonly mall: MallId; readonly shopId: string }): SyncState {
  if (typeof cursor !== 'string' || !cursor.startsWith('mallkit-sync.')) {
    throw refuse('is not a mallkit sync cursor', 'Pass the cursor string a previous sync returned, unchanged.', '前回の同期が返したカーソル文字列をそのまま渡してください。');
  }
  if (!cursor.startsWith(PREFIX)) {
    throw refuse(
      `was written by another version of the cursor format (this one reads version ${SYNC_CURSOR_VERSION})`,
      'Start a new sync with `start` set to the time the old one had reached; orders delivered since may come again (apply them idempotently by their key).',
      '旧形式のカーソルです。前回到達した時刻を start に指定して同期をやり直してください（同じ注文が再送されることがあるため、key で重複を除いてください）。',
    );
  }
  let body: { m?: unknown; s?: unknown; o?: unknown; h?: unknown; e?: unknown };
  try {
    body = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8')) as typeof body;
  } catch {
    throw refuse('is damaged (not readable)', 'Restore the cursor as it was stored.', '保存したカーソルが壊れています。保存時のまま渡してください。');
  }
  if (typeof body.m !== 'string' || typeof body.s !== 'string' || typeof body.o !== 'number' || typeof body.h !== 'number' || typeof body.e !== 'string') {
    throw refuse('is damaged (fields missing)', 'Restore the cursor as it was stored.', '保存したカーソルが壊れています。保存時のまま渡してください。');
  }
  if (body.m !== expected.mall || body.s !== expected.shopId) {
    throw refuse(
      `belongs to ${body.m} shop ${body.s}, not ${expected.mall} shop ${expected.shopId}`,
      'Store one cursor per mall and shop, and pass each to its own connector.',
      'カーソルはモール・ショップごとに保存し、それぞれのコネクタに渡してください。',
    );
  }
  const seen = new Map<string, SeenOrder>();
  for (const line of body.e === '' ? [] : body.e.split('\n')) {
    const [id = '', signature = '', ordered = '', touched = ''] = line.split('\t');
    // Later lines win: a cursor written mid-run lists its new entries after the old ones.
    if (signature === '-') seen.delete(id);
    else seen.set(id, { signature, orderedAt: Number.parseInt(ordered, 36), touchedAt: Number.parseInt(touched, 36) });
  }
  return { mall: body.m as MallId, shopId: body.s, origin: body.o, high: body.h, seen };
}
