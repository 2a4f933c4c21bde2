import { z } from 'zod';

/**
 * Hosts a credential may reach over plain http: this machine only (a served sandbox, a local
 * proxy). Anywhere else the key or token would cross a network in clear text.
 */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What is wrong with `value` as a URL that credentials travel to, or null when it is fine. */
export function secureUrlProblem(value: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return value.trim() === '' ? 'is required' : 'is not an absolute URL';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry a user name or password';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return 'must be an https URL (credentials travel with every request); plain http only for localhost, 127.0.0.1 or [::1]';
}

/**
 * A zod schema for a URL credentials are sent to (`baseUrl`, an endpoint): https anywhere, plain
 * http only on this machine, never a user name or password inside the URL.
 */
export const secureUrlSchema = z.string('must be a URL').superRefine((value, context) => {
  const problem = secureUrlProblem(value);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});
