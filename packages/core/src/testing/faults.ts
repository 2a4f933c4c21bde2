/**
 * A failure a sandbox plays instead of (or on top of) its normal answer:
 * - `server_error`: a 5xx (default 500) in the mall's own error shape;
 * - `maintenance`: the mall's maintenance answer (each mall has its own page or body);
 * - `malformed`: the real answer's status and headers with a body no parser accepts;
 * - `truncated`: the real answer cut to the first half of its bytes;
 * - `delay`: waits `ms` (real time) before the real answer;
 * - `reset`: a network error, as when the connection drops;
 * - `status`: exactly this status, body and headers.
 */
export type Fault =
  | { readonly kind: 'server_error'; readonly status?: number }
  | { readonly kind: 'maintenance' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly headers?: Record<string, string> };

/** The `kind` of a fault. */
export type FaultKind = Fault['kind'];

/** Where and how often an injected fault plays. */
export interface InjectOptions {
  /** How many requests it hits (default 1); `Infinity` until `clear()`. */
  readonly times?: number;
  /** Only requests of this operation; default any. */
  readonly operation?: string;
}

interface Armed {
  readonly fault: Fault;
  readonly operation: string | undefined;
  remaining: number;
}

function validate(fault: Fault, times: number): void {
  if (!(Number.isInteger(times) && times > 0) && times !== Number.POSITIVE_INFINITY) {
    throw new RangeError(`FaultInjector.inject: times must be a positive integer or Infinity, got ${times}`);
  }
  if (fault.kind === 'delay' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    throw new RangeError(`FaultInjector.inject: delay ms must be a finite number ≥ 0, got ${fault.ms}`);
  }
  if (fault.kind === 'server_error' && fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 500 && fault.status <= 599)) {
    throw new RangeError(`FaultInjector.inject: server_error status must be 500–599, got ${fault.status}`);
  }
  // 200–599 is what the Response constructor accepts; fail here, at the test line that set it up.
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)) {
    throw new RangeError(`FaultInjector.inject: status must be 200–599, got ${fault.status}`);
  }
}

/**
 * Faults waiting for the requests they will hit. A request takes the oldest armed fault that
 * applies to its operation (first in, first out), so a test reads in the order things happen:
 * "the first call gets a 503, the retry succeeds".
 */
export class FaultInjector {
  #armed: Armed[] = [];

  /** Arms a fault for the next `times` requests (default 1) of `operation` (default any). */
  inject(fault: Fault, options: InjectOptions = {}): void {
    const times = options.times ?? 1;
    validate(fault, times);
    this.#armed.push({ fault, operation: options.operation, remaining: times });
  }

  /** Consumes one use of the oldest fault that applies to `operation`, or returns `null`. */
  take(operation: string): Fault | null {
    const index = this.#armed.findIndex((armed) => armed.operation === undefined || armed.operation === operation);
    const armed = this.#armed[index];
    if (armed === undefined) return null;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.#armed.splice(index, 1);
    return armed.fault;
  }

  /** How many injections are still armed (not how many requests they will hit). */
  get pending(): number {
    return this.#armed.length;
  }

  /** Disarms every fault. */
  clear(): void {
    this.#armed = [];
  }
}

/** Creates an injector with nothing armed. */
export function createFaultInjector(): FaultInjector {
  return new FaultInjector();
}

/** Bodies that no JSON or XML reader accepts, in the shapes a broken proxy or server really sends. */
const MALFORMED_JSON = '{"broken":';
const MALFORMED_MARKUP = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway';

/** Copies status and headers onto a new body; the length and encoding of the old body no longer apply. */
function withBody(answer: Response, body: BodyInit): Response {
  const headers = new Headers(answer.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
}

/**
 * Applies a body fault to a real answer: `truncated` keeps the first half of its bytes (a
 * multi-byte character may be cut, as on a real dropped transfer); `malformed` keeps status and
 * headers but swaps the body for unparseable text, JSON-looking for a JSON answer and broken
 * HTML for anything else. Other faults return the answer untouched.
 */
export async function corruptAnswer(fault: Fault, answer: Response): Promise<Response> {
  if (fault.kind === 'truncated') {
    const bytes = new Uint8Array(await answer.arrayBuffer());
    return withBody(answer, bytes.slice(0, Math.floor(bytes.length / 2)));
  }
  if (fault.kind === 'malformed') {
    const json = /\bjson\b/i.test(answer.headers.get('content-type') ?? '');
    await answer.body?.cancel();
    return withBody(answer, json ? MALFORMED_JSON : MALFORMED_MARKUP);
  }
  return answer;
}
