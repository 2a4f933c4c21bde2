import type { Mapped } from '../model/mapped.js';
import type { TimeSlotCode } from '../model/codes.js';
import { createValueMapper, defaultNormalizeKey, type ValueEntry, type ValueMapper } from './value-mapper.js';

// Everything people type between two hours: ASCII and full-width tildes and hyphens (NFKC has
// already folded the full-width ones), the wave dash, minus, dashes, and the katakana long-vowel
// mark, which Japanese IMEs produce when a hyphen is typed in kana mode.
const DASHES = /[~∼〜\-‐‑‒–—―−ー]/gu;

/**
 * The key normalization of {@link timeSlotMapper}: the default one, then every dash or wave
 * becomes `-` and all whitespace goes, so `14時 〜 16時` and `14時-16時` share one key — in
 * built-in rows and in user overrides alike.
 */
export function normalizeTimeSlotKey(raw: string): string {
  return defaultNormalizeKey(raw).replace(DASHES, '-').replace(/\s+/gu, '');
}

const SLOT = /^(\d{2})-(\d{2})$/u;

/** True for `'unspecified'` and for a well-formed `HH-HH` slot (00–24, start before end). */
export function isTimeSlotCode(value: string): value is TimeSlotCode {
  if (value === 'unspecified') return true;
  const match = SLOT.exec(value);
  return match !== null && isRange(Number(match[1]), Number(match[2]));
}

function isRange(start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= 24 && start < end;
}

function slot(start: number, end: number): TimeSlotCode | undefined {
  if (!isRange(start, end)) return undefined;
  return `${String(start).padStart(2, '0')}-${String(end).padStart(2, '0')}` as TimeSlotCode;
}

/*
 * Words with a fixed meaning. Deliberately absent, so they come back `unmapped` and the shop maps
 * them in its own 変換設定:
 * - 午後 / PM, and Rakuten's shippingTerm 2 (午後): no carrier has an afternoon-long slot, and any
 *   end hour picked here (18? 21? 24?) would be a guess printed on a label.
 * - 夜間: neither Rakuten nor Yahoo offers it, and shops mean 18–21, 19–21 or 20–21 by it.
 * - Rakuten's shippingTerm 9 (その他): says nothing about the hour.
 */
const WORDS: ReadonlyArray<ValueEntry<TimeSlotCode>> = [
  ['午前中', '08-12'],
  ['午前', '08-12'],
  ['AM', '08-12'],
  ['午前中指定', '08-12'],
  ['指定なし', 'unspecified'],
  ['指定無し', 'unspecified'],
  ['なし', 'unspecified'],
  ['無し', 'unspecified'],
  ['希望なし', 'unspecified'],
  ['希望無し', 'unspecified'],
  ['指定しない', 'unspecified'],
  ['時間指定なし', 'unspecified'],
  ['時間帯指定なし', 'unspecified'],
  ['お届け時間指定なし', 'unspecified'],
  ['配達時間指定なし', 'unspecified'],
  // Rakuten shippingTerm single-digit codes: 0 なし, 1 午前 (2 and 9: see above).
  ['0', 'unspecified'],
  ['1', '08-12'],
];

const WORD_INDEX: ReadonlyMap<string, TimeSlotCode> = new Map(WORDS.map(([raw, code]) => [normalizeTimeSlotKey(raw), code]));

// One end of a range: 14 / 14時 / 14:00 / 14時00分. Minutes are captured so that 14:30 can be
// refused: a code has whole hours only, and rounding would move the buyer's wish.
const HOUR = String.raw`(\d{1,2})(?::(\d{2}))?時?(?:(\d{2})分)?`;
const RANGE = new RegExp(String.raw`^${HOUR}(?:-|から)${HOUR}(?:まで)?$`, 'u');

/*
 * Rakuten's h1h2 form (specs/rakuten.md §4 and §7): h1 is the start hour WITHOUT zero padding (7
 * to 24), h2 the end hour WITH it (07 to 24). So the last two digits are always the end, whatever
 * is left is the start: 708 = 07–08, 812 = 08–12, 1416 = 14–16, 2324 = 23–24. Read this way,
 * '0812' also comes out 08–12, which is how carts that zero-pad write it. Rakuten's lower bound of
 * 7 is enforced, which also keeps Yahoo's ShipRequestTimeZoneCode (101–105) from being misread
 * as 01–01…01–05: those codes are mapped by the Yahoo package.
 */
const COMPACT = /^(\d{1,2})(\d{2})$/u;
const COMPACT_FIRST_HOUR = 7;

function parseRange(key: string): TimeSlotCode | undefined {
  const compact = COMPACT.exec(key);
  if (compact !== null) {
    const start = Number(compact[1]);
    return start >= COMPACT_FIRST_HOUR ? slot(start, Number(compact[2])) : undefined;
  }
  const range = RANGE.exec(key);
  if (range === null) return undefined;
  const [, startHour, startMin, startMinJa, endHour, endMin, endMinJa] = range;
  for (const minutes of [startMin, startMinJa, endMin, endMinJa]) {
    if (minutes !== undefined && minutes !== '00') return undefined;
  }
  return slot(Number(startHour), Number(endHour));
}

function parseOne(key: string): TimeSlotCode | undefined {
  return WORD_INDEX.get(key) ?? parseRange(key);
}

/*
 * Labels such as 午前中(8時～12時) or 14-16時(14時～16時) say the slot twice. Both halves are
 * read, and only when they agree is the slot taken; 午前中(9時～12時) stays unmapped rather than
 * the parser choosing one half. The halves are read with the built-in rules only: a shop's
 * override has to name the whole label to apply.
 */
const PARENTHESIZED = /^(.+?)\((.+)\)$/u;

function parseKey(_raw: string, key: string): TimeSlotCode | undefined {
  const direct = parseOne(key);
  if (direct !== undefined) return direct;
  const parts = PARENTHESIZED.exec(key);
  if (parts === null) return undefined;
  const outer = parseOne(parts[1] ?? '');
  const inner = parseOne(parts[2] ?? '');
  return outer !== undefined && outer === inner ? outer : undefined;
}

/**
 * Maps a delivery time slot string to a {@link TimeSlotCode}: words (午前中, AM, 指定なし…),
 * ranges in any common spelling (8時～12時, 08:00-12:00, 14-16時, 14〜16), and Rakuten's
 * shippingTerm values as strings (0, 1, 708, 1416…). Add shop-specific strings with
 * `withOverrides`, e.g. `{ 夜間: '19-21' }`; overrides are normalized the same way.
 */
export const timeSlotMapper: ValueMapper<TimeSlotCode> = createValueMapper<TimeSlotCode>({
  name: 'timeSlot',
  table: WORDS,
  normalizeKey: normalizeTimeSlotKey,
  fallback: parseKey,
  isCode: isTimeSlotCode,
});

/** Parses one time slot string with the built-in rules; see {@link timeSlotMapper}. */
export function parseTimeSlot(raw: string | null | undefined): Mapped<TimeSlotCode> | null {
  return timeSlotMapper.map(raw);
}
