import type { EntityDecoderOptions } from 'fast-xml-parser';

/*
 * Replaces fast-xml-parser's entity decoder. The five predefined entities and numeric character
 * references are decoded (each stands for one character, so nothing can grow); entities declared
 * in a DOCTYPE are dropped on arrival, so `&x;` stays the literal text `&x;` and a billion-laughs
 * document costs no more than its own length. Single pass: `&amp;lt;` becomes `&lt;`, not `<`.
 */

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;

/** True for the code points XML 1.0 allows in a document (its `Char` production). */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

function decodeReference(whole: string, name?: string, decimal?: string, hex?: string): string {
  if (name !== undefined) return PREDEFINED[name] ?? whole;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  // A reference to a character XML forbids (&#0;) is left as written rather than decoded.
  return isXmlChar(code) ? String.fromCodePoint(code) : whole;
}

/** The decoder handed to fast-xml-parser: predefined entities and character references only. */
export const predefinedEntitiesOnly: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) => (text.includes('&') ? text.replace(REFERENCE, decodeReference) : text),
};
