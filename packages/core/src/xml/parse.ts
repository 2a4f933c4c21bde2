import { XMLParser, type X2jOptions } from 'fast-xml-parser';
import { predefinedEntitiesOnly } from './entities.js';
import { lineAndColumn, wellFormednessProblem } from './well-formed.js';
import { XmlParseError } from './xml-parse-error.js';

/*
 * XML as the malls speak it (Yahoo order APIs, au PAY's Wow!manager), read safely: no entity
 * declared by the document is ever expanded, values stay strings, and anything that is not
 * well-formed is refused with an excerpt instead of half-parsed.
 */

/** Which elements {@link parseXml} must always return as arrays. */
export interface ParseXmlOptions {
  /** Dotted paths from the root, e.g. `ResultSet.Result.OrderInfo`. */
  readonly arrayPaths?: readonly string[];
  /** Tag names, wherever they occur, e.g. `Item`. */
  readonly arrayTags?: readonly string[];
}

/** How fast-xml-parser is asked which elements are arrays: a Set lookup per element, a path only for the tags that end one. */
function arrayRule(options: ParseXmlOptions): X2jOptions['isArray'] {
  const tags = new Set(options.arrayTags ?? []);
  const paths = new Set(options.arrayPaths ?? []);
  // The path of an element is built only when its tag ends one of the paths asked for.
  const pathEnds = new Set([...paths].map((path) => path.slice(path.lastIndexOf('.') + 1)));
  if (tags.size === 0 && paths.size === 0) return undefined;
  return (tagName, path, _isLeafNode, isAttribute) =>
    !isAttribute && (tags.has(tagName) || (pathEnds.has(tagName) && paths.has(typeof path === 'string' ? path : path.toString('.'))));
}

function createParser(options: ParseXmlOptions): XMLParser {
  const isArray = arrayRule(options);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
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
    entityDecoder: predefinedEntitiesOnly,
    htmlEntities: false,
    // With `jPath: true` the parser joins the path of every element into a string (23% of a Yahoo
    // orderInfo read); without it, the callback gets a live view and builds a path only when asked.
    jPath: false,
    ...(isArray ? { isArray } : {}),
  });
}

/** Parsers by option set: a parser holds no state between documents, so one per set serves every call. */
const parsers = new Map<string, XMLParser>();
/** More option sets than any mall uses: past this, the cache starts over instead of growing. */
const MAX_PARSERS = 32;

/** The parser for an option set, made on first use (nothing is built when the module loads). */
function parserFor(options: ParseXmlOptions): XMLParser {
  const key = `${(options.arrayTags ?? []).join(',')}|${(options.arrayPaths ?? []).join(',')}`;
  let parser = parsers.get(key);
  if (parser === undefined) {
    if (parsers.size >= MAX_PARSERS) parsers.clear();
    parser = createParser(options);
    parsers.set(key, parser);
  }
  return parser;
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
  const problem = wellFormednessProblem(body);
  if (problem !== null) {
    // Lines and columns are counted in the text as received, blank lines before the document included.
    const { line, column } = lineAndColumn(text, problem.offset + (text.length - body.length));
    throw new XmlParseError(`Not well-formed XML: ${problem.message} (line ${line}, column ${column})`, text, { line, column });
  }
  try {
    return parserFor(options).parse(body) as T;
  } catch (cause) {
    // Well-formed, yet refused by the parser: external entities, reserved names (__proto__), excessive nesting.
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new XmlParseError(`Unreadable XML: ${reason}`, text, { cause });
  }
}
