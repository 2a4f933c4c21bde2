import type { z } from 'zod';
import type { HttpRequest, QueryValue } from '../http/request.js';
import type { ParseXmlOptions } from '../xml/xml.js';

/** The HTTP methods a mall endpoint uses. */
export type HttpMethod = HttpRequest['method'];

/**
 * A request body as an endpoint builds it; the kit encodes it and sets the content type:
 * `json` as JSON (`application/json` unless `contentType` names another, e.g. with a charset), `xml` written by core's XML writer (the key names the root element), `form` as
 * `application/x-www-form-urlencoded`, `text` as given with its content type.
 */
export type RequestBody =
  | { readonly json: unknown; readonly contentType?: string }
  | { readonly xml: Readonly<Record<string, unknown>> }
  | { readonly form: Readonly<Record<string, string | number | boolean | null | undefined>> }
  | { readonly text: string; readonly contentType: string };

/** How a successful answer is read: its format, and the zod schema it must fit. */
export interface AnswerSpec<Answer> {
  /** `json`, `xml` (core's safe XML reader) or `text` (the body as a string). */
  readonly format: 'json' | 'xml' | 'text';
  /** The wire shape of a successful answer. Unknown keys should pass (loose objects): malls add fields. */
  readonly schema: z.ZodType<Answer>;
  /** For XML: the elements to read as arrays even when the mall sent one. */
  readonly xml?: ParseXmlOptions;
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
