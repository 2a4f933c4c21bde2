import { defaultRedactor } from './redact.js';

const MALLKIT_MARKER = Symbol.for('mallkit.error');
/** How many foreign causes deep a copy goes: enough for fetch → undici → socket chains. */
const MAX_DEPTH = 4;

/**
 * A redacted stand-in for an error that did not come from mallkit (ky, undici, zod, a DOMException).
 * It keeps what helps to understand the failure — the name, the message and a string `code` such as
 * `ECONNRESET` — and drops everything else: library errors hold the request with its headers.
 */
export class SafeCause extends Error {
  /** The original error's `code` (`ECONNRESET`, `UND_ERR_SOCKET`…), when it had a string one. */
  readonly code: string | null;

  /** Creates the copy; `cause` is sanitized in turn. */
  constructor(name: string, message: string, code: string | null, cause?: unknown) {
    super(defaultRedactor.text(message), cause === undefined ? undefined : { cause });
    this.name = name;
    this.code = code;
  }
}

function isMallkitError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MALLKIT_MARKER] === true;
}

/**
 * Makes a value safe to keep as an error's `cause`: mallkit errors stay as they are (they redact
 * themselves); any other error becomes a {@link SafeCause} (its message passed through `redact`, a
 * connector's own redactor, and then the default one); anything else becomes one whose message is
 * the value as text. Returns undefined for undefined.
 */
export function sanitizeCause(cause: unknown, redact: (text: string) => string = identity, depth = 0): unknown {
  if (cause === undefined || isMallkitError(cause) || cause instanceof SafeCause) return cause;
  if (cause instanceof Error || (typeof cause === 'object' && cause !== null && 'message' in cause)) {
    const error = cause as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const inner = depth < MAX_DEPTH && error.cause !== undefined ? sanitizeCause(error.cause, redact, depth + 1) : undefined;
    return new SafeCause(
      typeof error.name === 'string' ? error.name : 'Error',
      redact(typeof error.message === 'string' ? error.message : String(error.message)),
      typeof error.code === 'string' ? error.code : null,
      inner,
    );
  }
  return new SafeCause('Error', redact(typeof cause === 'string' ? cause : safeString(cause)), null);
}

function identity(text: string): string {
  return text;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
