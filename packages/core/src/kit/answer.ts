import { ResponseFormatError } from '../errors/classes.js';
import type { HttpResponse } from '../http/response.js';
import type { Logger } from '../logger.js';
import type { AnswerSpec } from './endpoint.js';
import { describeIssue, parseTolerant } from './tolerant.js';

/** How much of an unreadable answer an error keeps (redacted). */
export const EXCERPT_LENGTH = 300;

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

/** The answer's body in its format, before any schema: JSON value, document (through its codec), or text. */
export function parseBody(response: HttpResponse, format: AnswerSpec<unknown>['format'], redact: (text: string) => string): unknown {
  if (format === 'text') return response.text;
  if (format === 'json') {
    try {
      return response.json();
    } catch (error) {
      throw unreadableAnswer(response, `the answer (HTTP ${response.status}) is not JSON`, redact, error);
    }
  }
  try {
    // The codec's one read function: the error table may have parsed this body with it already.
    return response.parsed(format.read);
  } catch (error) {
    if (ResponseFormatError.isInstance(error)) throw unreadableAnswer(response, `the answer (HTTP ${response.status}) is not readable ${format.name}: ${error.message}`, redact, error);
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
  const body = parseBody(response, spec.format, redact);
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
