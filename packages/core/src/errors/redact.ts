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
const SENSITIVE_KEY = /^(authorization|x-amz-access-token|x-sws-signature|cookie|set-cookie|client_secret|clientsecret|refresh_token|refreshtoken|access_token|accesstoken|service_?secret|license_?key|password|code_verifier|private_?key|secret)$/i;

/** Token shapes that are secrets wherever they appear in free text. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bESA\s+[A-Za-z0-9+/=_-]{8,}/g, // Rakuten: ESA base64(serviceSecret:licenseKey)
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bBasic\s+[A-Za-z0-9+/=]{8,}/g,
  /\bAtz[ar]\|[A-Za-z0-9_|.-]{8,}/g, // Amazon LWA tokens
  /\b(refresh_token|access_token|client_secret|code|code_verifier)=([^&\s"']{4,})/gi,
  /"(refresh_token|access_token|client_secret|refreshToken|accessToken|clientSecret)"\s*:\s*"[^"]*"/g,
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Creates a redactor that knows the given secret values. */
export function createRedactor(secrets: ReadonlyArray<string | undefined | null> = []): Redactor {
  const known = new Set<string>();
  let matcher: RegExp | null = null;

  const rebuild = (): void => {
    const parts = [...known].sort((a, b) => b.length - a.length).map(escapeRegExp);
    matcher = parts.length > 0 ? new RegExp(parts.join('|'), 'g') : null;
  };

  const text = (input: string): string => {
    let out = matcher ? input.replace(matcher, MASK) : input;
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

/** A redactor with no registered secrets: masks only secret-shaped tokens and sensitive keys. */
export const defaultRedactor: Redactor = createRedactor();
