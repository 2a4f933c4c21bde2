import { ResponseFormatError } from '../errors/classes.js';
import type { HttpResponse } from '../http/response.js';
import type { Logger } from '../logger.js';
import { parseXml, XmlParseError, type ParseXmlOptions } from '../xml/xml.js';
import type { AnswerSpec } from './endpoint.js';
import { describeIssue, parseTolerant } from './tolerant.js';

/** How much of an unreadable answer an error keeps (redacted). */
export const EXCERPT_LENGTH = 300;

// One parse function per options object, so that HttpResponse.parsed() memoizes across the error
// table and the answer reader (both read the same XML once).
const xmlReaders = new WeakMap<object, (text: string) => unknown>();
const plainXmlReader = (text: string): unknown => parseXml(text);

/** The XML reader for these options, the same function every time (for HttpResponse.parsed's memo). */
export function xmlReader(options: ParseXmlOptions | undefined): (text: string) => unknown {
  if (options === undefined) return plainXmlReader;
  let reader = xmlReaders.get(options);
  if (!reader) {
    reader = (text: string): unknown => parseXml(text, options);
    xmlReaders.set(options, reader);
  }
  return reader;
}

/** An answer the reader could not read, with the mall's context and a redacted excerpt. */
export function unreadableAnswer(response: HttpResponse, reason: string, redact: (text: string) => string, cause?: unknown): ResponseFormatError {
  return new ResponseFormatError(`${response.mall} ${response.operation}: ${reason}`, {
    mall: response.mall,
    operation: response.operation,
    httpStatus: response.status,
    requestId: response.requestId,
    excerpt: redact(response.text.slice(0, EXCERPT_LENGTH)),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The answer's body in its format, before any schema: JSON value, XML object, or text. */
export function parseBody(response: HttpResponse, format: AnswerSpec<unknown>['format'], xml: ParseXmlOptions | undefined, redact: (text: string) => string): unknown {
  if (format === 'text') return response.text;
  if (format === 'json') {
    try {
      return response.json();
    } catch (error) {
      throw unreadableAnswer(response, `the answer (HTTP ${response.status}) is not JSON`, redact, error);
    }
  }
  try {
    return response.parsed(xmlReader(xml));
  } catch (error) {
    if (error instanceof XmlParseError) throw unreadableAnswer(response, `the answer (HTTP ${response.status}) is not readable XML: ${error.message}`, redact, error);
    throw error;
  }
}

/**
 * Reads a successful answer: parses its body by format and checks it against the schema, bending
 * singletons and repeated scalars once (tolerant.ts). An answer that still does not fit throws
 * ResponseFormatError naming the first bad path, with a redacted excerpt of the body; the pipeline
 * retries it for reads. Repeated scalars in the envelope are logged at debug level.
 */
export function readAnswer<Answer>(response: HttpResponse, spec: AnswerSpec<Answer>, redact: (text: string) => string, logger?: Logger): Answer {
  const body = parseBody(response, spec.format, spec.xml, redact);
  const result = parseTolerant(spec.schema, body);
  if (!result.success) {
    throw unreadableAnswer(response, `the answer does not have the documented shape (${describeIssue(result.error)})`, redact);
  }
  if (result.notes.length > 0) {
    logger?.debug(`${response.mall} ${response.operation}: repeated values where one was expected; the first was kept`, {
      paths: result.notes.map((note) => note.path),
    });
  }
  return result.data;
}
