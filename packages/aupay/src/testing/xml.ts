import { encodeShiftJis } from './shift-jis.js';

/*
 * How the sandbox writes au PAY's answers: `<response><result><status>…` XML, UTF-8 by default or
 * Shift_JIS on request, with the charset declared in the Content-Type header, in the XML
 * declaration, in both, or nowhere (the connector must then detect it). Text is escaped, but
 * control characters are written as they are: a broken mall sends them, and the connector must
 * cope (XML cannot escape them).
 */

/** The charsets the sandbox answers in. */
export type SandboxCharset = 'utf-8' | 'shift_jis';

/** Where the charset is declared: Content-Type header, XML declaration, both, or nowhere. */
export type CharsetDeclaration = 'header' | 'xml' | 'both' | 'none';

/** How answers are encoded. */
export interface AnswerEncoding {
  /** The charset bodies are written in. */
  charset: SandboxCharset;
  /** Where the charset is declared. */
  declared: CharsetDeclaration;
}

/** Escapes text for an element. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'));
}

/** One element with text, `<name>text</name>`. */
export function element(name: string, text: string | number): string {
  return `<${name}>${escapeXml(String(text))}</${name}>`;
}

/** Elements from name/value pairs, in order. */
export function elements(pairs: Iterable<readonly [string, string]>): string {
  let out = '';
  for (const [name, value] of pairs) out += element(name, value);
  return out;
}

/** The `<result>` of a success. */
export const OK_RESULT = '<result><status>0</status></result>';

/** The `<result>` of an error; a null code leaves `<code>` out (au PAY's code for some messages is not known). */
export function errorResult(code: string | null, message: string): string {
  return `<result><status>1</status><error>${code === null ? '' : element('code', code)}${element('message', message)}</error></result>`;
}

/** An XML answer in the sandbox's current encoding. */
export function xmlAnswer(body: string, encoding: AnswerEncoding, status = 200): Response {
  const label = encoding.charset === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
  const inXml = encoding.declared === 'xml' || encoding.declared === 'both';
  const inHeader = encoding.declared === 'header' || encoding.declared === 'both';
  const text = `<?xml version="1.0"${inXml ? ` encoding="${label}"` : ''}?><response>${body}</response>`;
  const bytes: Uint8Array<ArrayBuffer> = encoding.charset === 'shift_jis' ? encodeShiftJis(text) : new TextEncoder().encode(text);
  return new Response(bytes, { status, headers: { 'content-type': inHeader ? `application/xml; charset=${label}` : 'application/xml' } });
}

/**
 * What au PAY sends under load instead of its XML (integrators' parsers then fail with "String
 * could not be parsed as XML"): text, HTTP 200. The exact text is not known; this one says what it is.
 */
export function overloadAnswer(): Response {
  return new Response(OVERLOAD_TEXT, { status: 200, headers: OVERLOAD_HEADERS });
}

/** The text of {@link overloadAnswer}. */
export const OVERLOAD_TEXT = 'Service busy. Please try again later.';
/** The headers of {@link overloadAnswer}. */
export const OVERLOAD_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'text/plain; charset=UTF-8' });
