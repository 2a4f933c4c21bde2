/*
 * A Shift_JIS encoder for the sandbox, so that it can answer the way au PAY is known to now and
 * then. TextEncoder writes UTF-8 only, and no iconv is wanted for a test helper, so the table is
 * derived from the platform's own Shift_JIS DECODER: every two-byte code is decoded once, on first
 * use, and the result read backwards. What the encoder writes is therefore exactly what a
 * WHATWG decoder (core's charset.ts) reads back. Characters Shift_JIS lacks (emoji) become `?`,
 * as a Shift_JIS server would write them.
 */

let table: Map<string, number> | null = null;

/** Lead bytes of two-byte codes, and the trail bytes each may take. */
const LEADS = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
const TRAILS = [...range(0x40, 0x7e), ...range(0x80, 0xfc)];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

function buildTable(): Map<string, number> {
  const decoder = new TextDecoder('shift_jis');
  const codes = new Map<string, number>();
  for (const lead of LEADS) {
    for (const trail of TRAILS) {
      const character = decoder.decode(new Uint8Array([lead, trail]));
      // The first code wins: where two codes decode alike (NEC and IBM extensions), the first is the standard one.
      if (character.length === 1 && character !== '\uFFFD' && !codes.has(character)) codes.set(character, (lead << 8) | trail);
    }
  }
  return codes;
}

/** Encodes text as Shift_JIS bytes; a character Shift_JIS has no code for is written as `?`. */
export function encodeShiftJis(text: string): Uint8Array<ArrayBuffer> {
  table ??= buildTable();
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0x3f;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0xff61 && code <= 0xff9f) bytes.push(code - 0xff61 + 0xa1);
    else {
      const double = table.get(character);
      if (double === undefined) bytes.push(0x3f);
      else bytes.push(double >> 8, double & 0xff);
    }
  }
  return new Uint8Array(bytes);
}
