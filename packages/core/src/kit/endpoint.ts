import type { z } from 'zod';
import type { HttpRequest, QueryValue } from '../http/request.js';

/** The HTTP methods a mall endpoint uses. */
export type HttpMethod = HttpRequest['method'];

/**
 * A document format the kit does not carry itself, handed in by the mall: XML comes as
 * `xmlCodec(options)` from `@mallkit/core/xml`. The kit only calls it, so a mall that speaks JSON
 * never loads an XML library (decision 0301).
 */
export interface DocumentCodec {
  /** The format's name, for messages: `the answer is not readable XML`. */
  readonly name: string;
  /** The Content-Type a written document is sent with. */
  readonly contentType: string;
  /**
   * Writes a request document (a plain object whose one key names the root element). Throws a
   * TypeError or RangeError, before anything is sent, for what the format cannot carry.
   */
  write(document: Readonly<Record<string, unknown>>): string;
  /**
   * Reads an answer's body. Always the same function: answers memoize their parse per function, so
   * that the error table and the answer reader read a body once. Throws a ResponseFormatError when
   * the text cannot be read.
   */
  readonly read: (text: string) => unknown;
}

/**
 * A request body as an endpoint builds it; the kit encodes it and sets the content type:
 * `json` as JSON (`application/json` unless `contentType` names another, e.g. with a charset),
 * `document` written by its `codec` (XML: the key names the root element), `form` as
 * `application/x-www-form-urlencoded`, `text` as given with its content type.
 */
export type RequestBody =
  | { readonly json: unknown; readonly contentType?: string }
  | { readonly document: Readonly<Record<string, unknown>>; readonly codec: DocumentCodec }
  | { readonly form: Readonly<Record<string, string | number | boolean | null | undefined>> }
  | { readonly text: string; readonly contentType: string };

/** How a successful answer is read: its format, and the zod schema it must fit. */
export interface AnswerSpec<Answer> {
  /** `json`, `text` (the body as a string), or the codec of a document format (XML: `xmlCodec(...)` from `@mallkit/core/xml`). */
  readonly format: 'json' | 'text' | DocumentCodec;
  /** The wire shape of a successful answer. Unknown keys should pass (loose objects): malls add fields. */
  readonly schema: z.ZodType<Answer>;
}

/**
 * One endpoint of a mall, described once: how to build its request from an input, and how its
 * answer looks. A mall package is mostly a list of these plus its error table; the kit's client
 * sends them through the pipeline (throttle, auth, retries, error table) and checks the answer.
 */
export interface Endpoint<Input, Answer> {
  /** The mall's name for the operation (`searchOrder`): appears in errors, logs, hooks and the sandbox log. */
  readonly operation: string;
  readonly method: HttpMethod;
  /** A path under the connector's base URL (or an absolute URL), fixed or built from the input. */
  readonly path: string | ((input: Input) => string);
  /** Query parameters; `undefined` and `null` values are left out, arrays repeat the key. */
  readonly query?: (input: Input) => Readonly<Record<string, QueryValue>>;
  /** The request body, if any. */
  readonly body?: (input: Input) => RequestBody;
  /** Extra headers of this endpoint. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Whether sending it twice is harmless. Default: true for GET, false otherwise. Reads sent with
   * POST (searches) must say true, so that timeouts and unreadable answers are retried.
   */
  readonly idempotent?: boolean;
  /**
   * The throttle key of this endpoint when the mall budgets per operation or per URL: given the
   * connector's credential key, returns the key to acquire (e.g. `${key}|searchOrders`).
   */
  readonly limiterKey?: (connectorKey: string) => string;
  /** How the successful answer is read. */
  readonly answer: AnswerSpec<Answer>;
}

/** Declares an endpoint. Only helps type inference: the descriptor is returned as it is. */
export function defineEndpoint<Input, Answer>(endpoint: Endpoint<Input, Answer>): Endpoint<Input, Answer> {
  return endpoint;
}
