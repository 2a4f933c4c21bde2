import { XMLBuilder } from 'fast-xml-parser';

/*
 * Writing XML request bodies (Yahoo's `<Req>`, au PAY's `<request>`): plain objects in, escaped
 * text out, and anything the builder would write wrongly refused before a byte is written.
 */

const ATTRIBUTE_PREFIX = '@_';
const TEXT_KEY = '#text';

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
