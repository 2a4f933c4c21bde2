import { XMLBuilder, XMLParser, XMLValidator, type EntityDecoderOptions, type X2jOptions } from 'fast-xml-parser';
import { ResponseFormatError } from '../errors/classes.js';

/*
 * XML as the malls speak it (Yahoo order APIs, Rakuten's older SOAP/XML interfaces), read and
 * written safely: no entity declared by the document is ever expanded, values stay strings, and
 * anything that is not well-formed is refused with an excerpt instead of half-parsed.
 */

const ATTRIBUTE_PREFIX = '@_';
const TEXT_KEY = '#text';
const EXCERPT_LENGTH = 200;

/**
 * Thrown by {@link parseXml} when the text is not well-formed XML or cannot be read safely. It is a
 * ResponseFormatError (code `response_format`), so connectors and users handle it like any other
 * unreadable answer.
 */
export class XmlParseError extends ResponseFormatError {
  /** 1-based line of the problem, when the validator located it. */
  readonly line: number | null;
  /** 1-based column of the problem, when the validator located it. */
  readonly column: number | null;

  /** Creates the error; `input` is cut to a redacted 200-character excerpt here, so the whole body is never kept. */
  constructor(message: string, input: string, options: { line?: number | null; column?: number | null; cause?: unknown } = {}) {
    super(message, { excerpt: input.slice(0, EXCERPT_LENGTH), ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.line = options.line ?? null;
    this.column = options.column ?? null;
  }
}

/** Which elements {@link parseXml} must always return as arrays. */
export interface ParseXmlOptions {
  /** Dotted paths from the root, e.g. `ResultSet.Result.OrderInfo`. */
  readonly arrayPaths?: readonly string[];
  /** Tag names, wherever they occur, e.g. `Item`. */
  readonly arrayTags?: readonly string[];
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;

/** True for the code points XML 1.0 allows in a document (its `Char` production). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/*
 * Replaces fast-xml-parser's decoder. The five predefined entities and numeric character
 * references are decoded (each stands for one character, so nothing can grow); entities declared
 * in a DOCTYPE are dropped on arrival, so `&x;` stays the literal text `&x;` and a billion-laughs
 * document costs no more than its own length. Single pass: `&amp;lt;` becomes `&lt;`, not `<`.
 */
const predefinedOnly: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) =>
    text.includes('&')
      ? text.replace(REFERENCE, (whole: string, name?: string, decimal?: string, hex?: string) => {
          if (name !== undefined) return PREDEFINED[name] ?? whole;
          const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
          // A reference to a character XML forbids (&#0;) is left as written rather than decoded.
          return isXmlChar(code) ? String.fromCodePoint(code) : whole;
        })
      : text,
};

function parserOptions(options: ParseXmlOptions): X2jOptions {
  const paths = new Set(options.arrayPaths ?? []);
  const tags = new Set(options.arrayTags ?? []);
  return {
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    textNodeName: TEXT_KEY,
    // Order ids (00123), postal codes (0600001) and phone numbers lose their zeros as numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // CDATA is merged into the element's text by the parser itself.
    cdataPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Kept enabled so that the five predefined entities are decoded, through the decoder above;
    // the limits bound what the DOCTYPE reader accepts before its entities are thrown away.
    processEntities: { enabled: true, maxEntityCount: 100, maxEntitySize: 1000 },
    entityDecoder: predefinedOnly,
    htmlEntities: false,
    jPath: true,
    isArray: (tagName, jPath, _isLeafNode, isAttribute) =>
      !isAttribute && (tags.has(tagName) || (typeof jPath === 'string' && paths.has(jPath))),
  };
}

/**
 * Parses a mall's XML into plain objects. Every value is a string (an empty element is `''`),
 * trimmed; attributes appear as `@_name` keys, and an element with both attributes and text keeps
 * the text under `#text`. CDATA sections are merged into the text as written (their content is not
 * trimmed or entity-decoded). Elements named in `arrayTags`, or at a dotted path in `arrayPaths`,
 * are arrays even when the mall sent one. The XML declaration, processing instructions and
 * comments are dropped; a leading byte-order mark or blank lines before the document are tolerated.
 *
 * The result is cast to `T` unchecked: validate it (zod) before trusting its shape.
 * Throws {@link XmlParseError} when the text is not well-formed.
 */
export function parseXml<T = unknown>(text: string, options: ParseXmlOptions = {}): T {
  // Some servers write a BOM or a blank line before `<?xml`; XML forbids it but nothing is lost.
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const verdict = XMLValidator.validate(body);
  if (verdict !== true) {
    const { msg, col } = verdict.err;
    // The validator counts lines in the trimmed body; add back the blank lines dropped before it.
    const dropped = text.slice(0, text.length - body.length).split('\n').length - 1;
    const line = verdict.err.line ? verdict.err.line + dropped : null;
    throw new XmlParseError(`Not well-formed XML: ${msg}${line ? ` (line ${line}${col ? `, column ${col}` : ''})` : ''}`, text, {
      line,
      column: col ?? null,
    });
  }
  try {
    return new XMLParser(parserOptions(options)).parse(body) as T;
  } catch (cause) {
    // The validator lets through what the parser refuses: external entities, excessive nesting.
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new XmlParseError(`Unreadable XML: ${reason}`, text, { cause });
  }
}

/** How {@link buildXml} writes the document. */
export interface BuildXmlOptions {
  /** Starts with `<?xml version="1.0" encoding="UTF-8"?>`; default true. */
  readonly declaration?: boolean;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
// XML names: a letter or underscore, then letters, digits, marks, `_`, `-`, `.`, `:` (namespaces).
const XML_NAME = /^[\p{L}_][\p{L}\p{N}\p{M}_.:-]*$/u;
// Characters XML 1.0 forbids even when escaped. In `u` mode a surrogate pair reads as one code
// point, so the surrogate range here only catches lone halves.
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

type Scalar = string | number | bigint | boolean | null | undefined;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkScalar(value: unknown, path: string): value is Scalar {
  if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'bigint') return true;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`buildXml: ${path} is ${value}, which no mall can read`);
    return true;
  }
  if (typeof value === 'string') {
    if (FORBIDDEN_CHAR.test(value)) throw new RangeError(`buildXml: ${path} contains a control character XML cannot carry`);
    return true;
  }
  return false;
}

function checkName(name: string, path: string): void {
  if (!XML_NAME.test(name)) throw new RangeError(`buildXml: ${JSON.stringify(name)} at ${path} is not a valid XML name`);
}

/*
 * fast-xml-parser's builder escapes text and attribute values but writes keys as they are, so a key
 * like `a><b` would inject markup, and a Date would come out as an empty element. The value is
 * checked first, and anything the builder would write wrongly is refused.
 */
function checkElement(value: unknown, path: string): void {
  if (checkScalar(value, path)) return;
  if (!isPlainObject(value)) {
    throw new TypeError(`buildXml: ${path} must be a string, number, boolean, plain object or array of them; format dates and other objects first`);
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (key === TEXT_KEY || key.startsWith(ATTRIBUTE_PREFIX)) {
      if (key !== TEXT_KEY) checkName(key.slice(ATTRIBUTE_PREFIX.length), childPath);
      if (!checkScalar(child, childPath)) throw new TypeError(`buildXml: ${childPath} must be a string, number or boolean`);
      continue;
    }
    checkChild(key, child, childPath);
  }
}

/** Checks one element key and its value, which may be an array: one element per item. */
function checkChild(key: string, child: unknown, path: string): void {
  checkName(key, path);
  if (!Array.isArray(child)) {
    checkElement(child, path);
    return;
  }
  child.forEach((item: unknown, index) => {
    if (Array.isArray(item)) throw new TypeError(`buildXml: ${path}[${index}] is an array inside an array`);
    checkElement(item, `${path}[${index}]`);
  });
}

let builder: XMLBuilder | null = null;

/** The builder, made on first use: malls that never write XML do not pay for it at import. */
function xmlBuilder(): XMLBuilder {
  builder ??= new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE_PREFIX,
    textNodeName: TEXT_KEY,
    processEntities: true,
    // `<Memo></Memo>` rather than `<Memo/>`: the two are equal in XML, the first is what malls' samples show.
    suppressEmptyNode: false,
    // A bare `flag` attribute is HTML, not XML: booleans are written `flag="true"`.
    suppressBooleanAttributes: false,
    format: false,
  });
  return builder;
}

/**
 * Writes plain objects as XML: each key is an element, `@_`-prefixed keys are attributes, `#text`
 * is the text of an element that also has attributes, and an array writes its element once per
 * item. Text and attribute values are escaped; `null` gives an empty element and `undefined` none.
 * Throws a TypeError or RangeError, before writing anything, for a key that is not an XML name, a
 * value that is not a string, number, boolean or plain object (format Dates first), or a control
 * character XML cannot carry.
 */
export function buildXml(value: unknown, options: BuildXmlOptions = {}): string {
  if (!isPlainObject(value)) throw new TypeError('buildXml: the document must be a plain object whose key names the root element');
  for (const [key, child] of Object.entries(value)) {
    if (key === TEXT_KEY || key.startsWith(ATTRIBUTE_PREFIX)) {
      throw new TypeError(`buildXml: ${JSON.stringify(key)} cannot stand outside the root element`);
    }
    checkChild(key, child, key);
  }
  const xml = xmlBuilder().build(value) as string;
  return options.declaration === false ? xml : `${DECLARATION}${xml}`;
}
