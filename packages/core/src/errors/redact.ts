/**
 * Redaction at the source: every error message, error JSON, log line and hook payload passes
 * through a redactor before it leaves mallkit. A connector registers its credentials' values; the
 * redactor also masks the shapes secrets take on the wire even when nobody registered them.
 */
export interface Redactor {
  /** Adds secret values to mask from now on (empty and very short values are ignored). */
  add(...secrets: ReadonlyArray<string | undefined | null>): void;
  /** Returns the text with every known secret and every secret-shaped token masked. */
  text(value: string): string;
  /** Deep-copies a JSON-like value with secrets masked in every string and every sensitive key. */
  value<T>(value: T): T;
}

const MASK = '[REDACTED]';

/** Header and field names whose values are always masked, whatever they contain. */
const SENSITIVE_KEY =
  /^(authorization|proxy-authorization|x-amz-access-token|x-sws-signature|x-api-key|cookie|set-cookie|client_?secret|refresh_?token|access_?token|id_?token|token|service_?secret|license_?key|api_?key|giosiscertificationkey|certification_?key|seller_?auth(orization)?_?key|sak|password|passwd|pwd|user_?pwd|code_verifier|private_?key|secret)$/i;

/** Token shapes that are secrets wherever they appear in free text. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bESA\s+[A-Za-z0-9+/=_-]{8,}/g, // Rakuten: ESA base64(serviceSecret:licenseKey)
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bBasic\s+[A-Za-z0-9+/=]{8,}/g,
  /\bAtz[ar]\|[A-Za-z0-9_|.-]{8,}/g, // Amazon LWA tokens
  /\b(refresh_token|access_token|client_secret|code|code_verifier)=([^&\s"']{4,})/gi,
  /"(refresh_token|access_token|client_secret|refreshToken|accessToken|clientSecret)"\s*:\s*"[^"]*"/g,
];

/*
 * Every secret any connector in this process registered. The default redactor (used where no
 * connector is at hand: error constructors, inspected errors, parsers) masks them too, so that a
 * secret echoed in a library's message is caught even far from the connector that knows it.
 * Only values of 8 characters or more are shared: a short one would mask ordinary words.
 */
const processSecrets = new Set<string>();
let processMatcher: RegExp | null = null;
const SHARED_SECRET_MIN_LENGTH = 8;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function shareWithProcess(secret: string): void {
  if (processSecrets.has(secret)) return;
  processSecrets.add(secret);
  processSecrets.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
  const parts = [...processSecrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
  processMatcher = new RegExp(parts.join('|'), 'g');
}

/** Creates a redactor that knows the given secret values (and shares the longer ones with the process: see above). */
export function createRedactor(secrets: ReadonlyArray<string | undefined | null> = []): Redactor {
  const known = new Set<string>();
  let matcher: RegExp | null = null;

  const rebuild = (): void => {
    const parts = [...known].sort((a, b) => b.length - a.length).map(escapeRegExp);
    matcher = parts.length > 0 ? new RegExp(parts.join('|'), 'g') : null;
  };

  const text = (input: string): string => {
    let out = matcher ? input.replace(matcher, MASK) : input;
    if (processMatcher && processMatcher !== matcher) out = out.replace(processMatcher, MASK);
    for (const pattern of SECRET_PATTERNS) {
      out = out.replace(pattern, (match: string, key?: string) => {
        if (typeof key === 'string' && match.includes('=')) return `${key}=${MASK}`;
        if (typeof key === 'string' && match.includes(':')) return `"${key}":"${MASK}"`;
        const space = match.indexOf(' ');
        return space > 0 ? `${match.slice(0, space)} ${MASK}` : MASK;
      });
    }
    return out;
  };

  const value = <T>(input: T, seen = new WeakSet<object>()): T => {
    if (typeof input === 'string') return text(input) as T;
    if (input === null || typeof input !== 'object') return input;
    if (seen.has(input)) return '[Circular]' as T;
    seen.add(input);
    if (Array.isArray(input)) return input.map((entry: unknown) => value(entry, seen)) as T;
    if (input instanceof Headers) {
      const out: Record<string, string> = {};
      input.forEach((headerValue, key) => {
        out[key] = SENSITIVE_KEY.test(key) ? MASK : text(headerValue);
      });
      return out as T;
    }
    if (input instanceof Error) return text(input.message) as T;
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(input as Record<string, unknown>)) {
      out[key] = SENSITIVE_KEY.test(key) && entry != null && entry !== '' ? MASK : value(entry, seen);
    }
    return out as T;
  };

  const redactor: Redactor = {
    add(...values) {
      let changed = false;
      for (const secret of values) {
        if (typeof secret === 'string' && secret.length >= 4 && !known.has(secret)) {
          known.add(secret);
          // Secrets also travel base64-encoded (ESA, Basic): mask that form too.
          known.add(Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''));
          if (secret.length >= SHARED_SECRET_MIN_LENGTH) shareWithProcess(secret);
          changed = true;
        }
      }
      if (changed) rebuild();
    },
    text,
    value: (input) => value(input),
  };
  redactor.add(...secrets);
  return redactor;
}

/**
 * The redactor used where no connector is at hand: masks secret-shaped tokens, sensitive keys, and
 * every secret of 8 characters or more that any connector of this process registered.
 */
export const defaultRedactor: Redactor = createRedactor();
