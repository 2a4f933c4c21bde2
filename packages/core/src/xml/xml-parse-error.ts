import { ResponseFormatError } from '../errors/classes.js';
import { markerCheck } from '../errors/mallkit-error.js';

/** How much of the unreadable text the error keeps. */
const EXCERPT_LENGTH = 200;

const XML_PARSE = Symbol.for('mallkit.error.xml-parse');

/**
 * Thrown by `parseXml` when the text is not well-formed XML or cannot be read safely. It is a
 * ResponseFormatError (code `response_format`), so connectors and users handle it like any other
 * unreadable answer. It lives in its own module, which the `@mallkit/core/xml` entry shares with
 * the main entry's ResponseFormatError through one build chunk: the class exists once per build,
 * so `instanceof` holds whichever entry the error and the check come from.
 */
export class XmlParseError extends ResponseFormatError {
  readonly [XML_PARSE] = true;
  /** 1-based line of the problem, when it was located. */
  readonly line: number | null;
  /** 1-based column of the problem, when it was located. */
  readonly column: number | null;

  /** Creates the error; `input` is cut to a redacted 200-character excerpt here, so the whole body is never kept. */
  constructor(message: string, input: string, options: { line?: number | null; column?: number | null; cause?: unknown } = {}) {
    super(message, { excerpt: input.slice(0, EXCERPT_LENGTH), ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.line = options.line ?? null;
    this.column = options.column ?? null;
  }

  /** True for an XmlParseError from any copy of the package (its ESM and CommonJS builds included). */
  static override isInstance(error: unknown): error is XmlParseError {
    return markerCheck(XML_PARSE)(error);
  }
}
