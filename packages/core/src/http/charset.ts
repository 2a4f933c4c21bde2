/*
 * Malls built on Japanese stacks answer in Shift_JIS or EUC-JP now and then (au PAY's Wow!manager
 * API is known to), sometimes declaring it only inside the XML, sometimes not at all. Reading such
 * a body as UTF-8 would turn every name and address into replacement characters without an error,
 * so the charset is taken from the header, then from the document itself, then found by trying.
 */

/** The Japanese encodings tried, in order, when a body is not valid UTF-8 and declares nothing. */
const FALLBACKS = ['shift_jis', 'euc-jp'] as const;

/** Charset names as servers write them, to the names TextDecoder knows. */
const ALIASES: Readonly<Record<string, string>> = {
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  'windows-31j': 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  'x-euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
  utf8: 'utf-8',
};

function normalizeLabel(label: string): string {
  const lower = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  return ALIASES[lower] ?? lower;
}

/** The charset named by a Content-Type header, or null. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  const match = /charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return match?.[2] ? normalizeLabel(match[2]) : null;
}

/** The charset a document declares in its first bytes (`<?xml … encoding="Shift_JIS"?>`, `<meta charset>`), or null. */
export function charsetOfDocument(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every encoding that matters here, so a Latin-1 view of the head finds it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const xml = /<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return normalizeLabel(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)/i.exec(head);
  return meta?.[1] ? normalizeLabel(meta[1]) : null;
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes an answer body: the charset of the Content-Type header, else the one the document
 * declares, else UTF-8 — and when UTF-8 does not fit the bytes, Shift_JIS, then EUC-JP. A body none
 * of them decodes cleanly is read as UTF-8 with replacement characters, which the answer's parser
 * then refuses as unreadable.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  if (bytes.length === 0) return '';
  const declared = charsetOfContentType(contentType) ?? charsetOfDocument(bytes);
  if (declared && declared !== 'utf-8') {
    const text = decodeStrict(bytes, declared);
    if (text !== null) return text;
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return utf8;
  for (const label of FALLBACKS) {
    const text = decodeStrict(bytes, label);
    if (text !== null) return text;
  }
  return new TextDecoder('utf-8').decode(bytes);
}
