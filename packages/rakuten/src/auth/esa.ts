/** The two values a shop copies from RMS → WEB APIサービス → 利用設定. */
export interface RakutenCredentials {
  /** サービスシークレット: issued once per application; it does not expire. */
  readonly serviceSecret: string;
  /** ライセンスキー: expires about 90 days after issue; re-issuing it invalidates the old key at once. */
  readonly licenseKey: string;
}

/**
 * The `Authorization` header value of every RMS request: `ESA ` + base64(serviceSecret:licenseKey).
 * It is a plain encoding, not a signature, which is why both values must be registered with the
 * redactor: the header gives both away to anyone who reads it.
 */
export function esaAuthorization(credentials: RakutenCredentials): string {
  const token = Buffer.from(`${credentials.serviceSecret}:${credentials.licenseKey}`, 'utf8').toString('base64');
  return `ESA ${token}`;
}

/** Reads the two credentials back from an `Authorization` header (the sandbox uses it); null when it is not ESA. */
export function parseEsaAuthorization(header: string | null): RakutenCredentials | null {
  const match = /^ESA\s+([A-Za-z0-9+/=]+)$/.exec(header?.trim() ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { serviceSecret: decoded.slice(0, colon), licenseKey: decoded.slice(colon + 1) };
}
