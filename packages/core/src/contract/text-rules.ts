/*
 * Character rules for what users send to malls. Malls store text in Shift_JIS or EUC-JP systems and
 * build XML or CSV from it: a control character breaks the XML (or truncates the field at NUL), and
 * a character outside the Basic Multilingual Plane (emoji) has no Shift_JIS code. Refusing them
 * before anything is sent gives the user a clear message instead of a mall error or a garbled order.
 */

/** C0/C1 controls, DEL, line and paragraph separators, and format characters (zero-width, bidi marks). */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** A surrogate: in `u` mode a pair reads as one astral code point, so this finds astral characters and lone halves alike. */
const OUTSIDE_BMP = /[\u{10000}-\u{10FFFF}]|[\uD800-\uDFFF]/u;

/** The first control or format character of a text, as `U+0000`, or null when there is none. */
export function controlCharacterIn(text: string): string | null {
  const match = CONTROL_OR_FORMAT.exec(text);
  return match ? codePointLabel(match[0]) : null;
}

/** The first character outside the Basic Multilingual Plane (emoji…), as `U+1F4E6`, or null. */
export function astralCharacterIn(text: string): string | null {
  const match = OUTSIDE_BMP.exec(text);
  return match ? codePointLabel(match[0]) : null;
}

function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A value as it may appear in a message: control characters escaped (`a\u0000b`), cut to 80
 * characters, so that an id from a mall's answer can be named without breaking a log line.
 */
export function printable(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped.length > 80 ? `${escaped.slice(0, 80)}…` : escaped;
}
