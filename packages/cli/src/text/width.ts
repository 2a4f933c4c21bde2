/*
 * Column widths in a terminal: Japanese text takes two cells per character (East Asian Wide and
 * Fullwidth), half-width katakana and ASCII one, combining marks none. Good enough for names,
 * addresses and statuses; no terminal agrees on every emoji anyway.
 */

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cells one character takes. */
function cells(cp: number): number {
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Cells the text takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += cells(char.codePointAt(0) as number);
  return width;
}

/**
 * Text safe to print in a terminal: control characters (an escape sequence in a buyer's name
 * could rewrite the screen) and line breaks become a space.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** Pads with spaces to `width` cells. */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Cuts to at most `width` cells, ending with `..` when something was cut (ASCII: `…` is of
 * ambiguous width, two cells in many Japanese terminals, and would break the alignment).
 */
export function truncateCells(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = cells(char.codePointAt(0) as number);
    if (used + size > width - 2) break;
    out += char;
    used += size;
  }
  return `${out}..`;
}
