/*
 * Whether a document is well-formed XML, in one forward pass. fast-xml-parser reads leniently
 * (`<a>x</b>` gives `{ a: 'x' }`, `AT&T` passes as text), so something must refuse broken answers
 * before they are read: an HTML error page, a body cut short, a mall's unescaped `&`. This pass
 * replaces fast-xml-parser's validator, which walked the text character by character and cost 15%
 * of a Yahoo orderInfo read; here `indexOf` jumps from markup to markup and one sticky regex reads
 * each start tag (decision 0302).
 *
 * Checked: one root element; start and end tags that match; names; attributes (quoted values, no
 * `<`, no duplicates, whitespace between them); every `&` starting a reference (`&name;`, `&#9;`,
 * `&#x9;`); nothing but whitespace, comments and processing instructions outside the root; the
 * XML declaration only at the start; comments, CDATA sections, processing instructions and the
 * DOCTYPE closed. Not checked, as before: characters XML forbids (a broken mall sends control
 * characters, and they are kept), `]]>` in text, `--` inside comments.
 */

/** Where and why a document is not well-formed. */
export interface XmlProblem {
  /** What is wrong, in the validator's words where it had some. */
  readonly message: string;
  /** Offset in the checked text of the markup at fault. */
  readonly offset: number;
}

// XML 1.0 NameStartChar and NameChar.
const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
const REFERENCE = new RegExp(`&(?:[${NAME_START}][${NAME_CHAR}]*|#[0-9]+|#x[0-9a-fA-F]+);`, 'uy');
// XML's whitespace is these four characters only (JavaScript's \s also takes U+3000 and NBSP).
const WS = '[ \\t\\r\\n]';
// A start tag after its `<`: name, attributes (each after whitespace, value quoted, no `<` in it), `/`?, `>`.
// Every repetition starts with whitespace followed by a non-space, so a failing match backtracks linearly.
const START_TAG = new RegExp(`([^ \\t\\r\\n/>=<"'&]+)((?:${WS}+[^ \\t\\r\\n/>=<"'&]+${WS}*=${WS}*(?:"[^"<]*"|'[^'<]*'))*)${WS}*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`${WS}+([^ \\t\\r\\n=]+)${WS}*=${WS}*(?:"([^"]*)"|'([^']*)')`, 'g');
const END_TAG_NAME = /[^ \t\r\n>]*/y;
const NON_SPACE = /[^ \t\r\n]/g;

/** True for XML's whitespace characters. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x9 || code === 0xa || code === 0xd;
}

/** The offset after `</name>` (whitespace allowed before `>`) when the end tag at `lt` closes `name`; -1 otherwise. */
function endTagEnd(text: string, lt: number, name: string): number {
  if (!text.startsWith(name, lt + 2)) return -1;
  let at = lt + 2 + name.length;
  while (isSpace(text.charCodeAt(at))) at += 1;
  return text.charCodeAt(at) === 0x3e ? at + 1 : -1;
}

/** Why the end tag at `lt` does not close `expected` (opened at `openedAt`), or closes nothing. */
function endTagProblem(text: string, lt: number, expected: string | undefined, openedAt: number): XmlProblem {
  END_TAG_NAME.lastIndex = lt + 2;
  const found = END_TAG_NAME.exec(text)?.[0] ?? '';
  if (expected === undefined) return { message: `Closing tag '${found}' has not been opened.`, offset: lt };
  if (found === expected) return { message: `Closing tag '${found}' doesn't have proper closing.`, offset: lt };
  const opened = lineAndColumn(text, openedAt);
  return { message: `Expected closing tag '${expected}' (opened in line ${opened.line}, col ${opened.column}) instead of closing tag '${found}'.`, offset: lt };
}

/** The first `&` in `text[from, to)` that does not start a reference, or -1. */
function badAmpersand(text: string, from: number, to: number): number {
  for (let amp = text.indexOf('&', from); amp !== -1 && amp < to; amp = text.indexOf('&', REFERENCE.lastIndex)) {
    REFERENCE.lastIndex = amp;
    if (!REFERENCE.test(text)) return amp;
  }
  return -1;
}

/** The problem with a start tag's attribute text (`attributes` starts at `offset`), or null. */
function attributeProblem(tag: string, attributes: string, offset: number): XmlProblem | null {
  const seen = new Set<string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attributes); match !== null; match = ATTRIBUTE.exec(attributes)) {
    const name = match[1] ?? '';
    const at = offset + match.index;
    if (!NAME.test(name)) return { message: `Attribute '${name}' is an invalid name.`, offset: at };
    if (seen.has(name)) return { message: `Attribute '${name}' is repeated.`, offset: at };
    seen.add(name);
    const value = match[2] ?? match[3] ?? '';
    if (badAmpersand(value, 0, value.length) !== -1) return { message: `char '&' is not expected in attribute '${name}' of '${tag}'.`, offset: at };
  }
  return null;
}

/** The end of a DOCTYPE starting at `from` (after its `>`), skipping quoted text, comments and the internal subset; -1 when it never ends. */
function doctypeEnd(text: string, from: number): number {
  let inSubset = false;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"' || char === "'") {
      i = text.indexOf(char, i + 1);
      if (i === -1) return -1;
    } else if (char === '<' && text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i + 4);
      if (i === -1) return -1;
      i += 2;
    } else if (char === '[') {
      inSubset = true;
    } else if (char === ']') {
      inSubset = false;
    } else if (char === '>' && !inSubset) {
      return i + 1;
    }
  }
  return -1;
}

/** Where a 0-based offset lies, 1-based. */
export function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line += 1;
  return { line, column: offset - text.lastIndexOf('\n', offset - 1) };
}

/**
 * The first reason `text` is not a well-formed XML document, or null when it is. `text` starts at
 * its first markup (a byte-order mark and leading whitespace already removed by the caller).
 */
export function wellFormednessProblem(text: string): XmlProblem | null {
  const open: string[] = [];
  const openedAt: number[] = [];
  let rootSeen = false;
  let pos = 0;
  for (;;) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt === -1 ? text.length : lt;
    // Character data between markup: references inside the root, nothing but whitespace outside it.
    if (textEnd > pos) {
      if (open.length === 0) {
        NON_SPACE.lastIndex = pos;
        const stray = NON_SPACE.exec(text);
        if (stray !== null && stray.index < textEnd) {
          return { message: rootSeen ? 'Extra text at the end' : `char '${stray[0]}' is not expected.`, offset: stray.index };
        }
      } else {
        const amp = badAmpersand(text, pos, textEnd);
        if (amp !== -1) return { message: "char '&' is not expected.", offset: amp };
      }
    }
    if (lt === -1) break;
    const next = text[lt + 1];
    if (next === '/') {
      const expected = open.at(-1);
      const close = expected === undefined ? -1 : endTagEnd(text, lt, expected);
      if (close === -1) return endTagProblem(text, lt, expected, openedAt.at(-1) ?? 0);
      open.pop();
      openedAt.pop();
      pos = close;
    } else if (next === '?') {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) return { message: 'Processing instruction is not closed.', offset: lt };
      if (lt > 0 && /^xml(\s|$)/i.test(text.slice(lt + 2, end))) return { message: 'XML declaration allowed only at the start of the document.', offset: lt };
      pos = end + 2;
    } else if (next === '!') {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) return { message: 'Comment is not closed.', offset: lt };
        pos = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        if (open.length === 0) return { message: 'CDATA outside the root element.', offset: lt };
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) return { message: 'CDATA is not closed.', offset: lt };
        pos = end + 3;
      } else if (text.startsWith('<!DOCTYPE', lt)) {
        if (rootSeen) return { message: 'DOCTYPE after the root element.', offset: lt };
        const end = doctypeEnd(text, lt + 9);
        if (end === -1) return { message: 'DOCTYPE is not closed.', offset: lt };
        pos = end;
      } else {
        return { message: "Unexpected '<!'.", offset: lt };
      }
    } else {
      START_TAG.lastIndex = lt + 1;
      const tag = START_TAG.exec(text);
      if (tag === null) return { message: 'Start tag is not well-formed (a name, attributes with quoted values, then > or />).', offset: lt };
      const [whole, name = '', attributes = '', selfClosing] = tag;
      if (!NAME.test(name)) return { message: `Tag '${name}' is an invalid name.`, offset: lt };
      if (rootSeen && open.length === 0) return { message: 'Multiple possible root nodes found.', offset: lt };
      if (attributes !== '') {
        const problem = attributeProblem(name, attributes, lt + 1 + name.length);
        if (problem) return problem;
      }
      rootSeen = true;
      if (selfClosing !== '/') {
        open.push(name);
        openedAt.push(lt);
      }
      pos = lt + 1 + whole.length;
    }
  }
  if (open.length > 0) return { message: `Unclosed tag '${open.at(-1) ?? ''}'.`, offset: openedAt.at(-1) ?? 0 };
  if (!rootSeen) return { message: 'Start tag expected.', offset: 0 };
  return null;
}
