import type { MallId } from '@mallkit/core';
import type { OriginMap } from './origins.js';

/** Where the admin API of a served sandbox lives. */
export const ADMIN_PREFIX = '/__mallkit';

/**
 * What `GET /__mallkit/connection` answers: everything a local test needs to connect — the
 * sandbox's connector options (its credentials included: they are the sandbox's own, not a
 * shop's) with every mall URL moved onto the local server. A JavaScript test spreads `options`
 * into `create<Mall>Connector`; an OMS in another language reads `baseUrl` and the credentials.
 */
export interface SandboxConnection {
  readonly mall: MallId;
  /** The local URL standing for the mall's API root (the `baseUrl` option, makeshop's `endpoint`). */
  readonly baseUrl: string;
  /** Every mall origin served, and its local URL. */
  readonly hosts: Readonly<Record<string, string>>;
  /** The admin API's root. */
  readonly admin: string;
  /** `connectorOptions()` of the sandbox, URLs rewritten. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** Rewrites every mall URL in a JSON-like value to its local form. */
function rewriteUrls(value: unknown, map: OriginMap, localRoot: string): unknown {
  if (typeof value === 'string') return map.toLocal(value, localRoot);
  if (Array.isArray(value)) return value.map((entry: unknown) => rewriteUrls(entry, map, localRoot));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, rewriteUrls(entry, map, localRoot)]));
  }
  return value;
}

/** Builds the connection answer of a sandbox served at `localRoot`. */
export function sandboxConnection(mall: MallId, connectorOptions: object, baseUrlOption: string, map: OriginMap, localRoot: string): SandboxConnection {
  const options = rewriteUrls(JSON.parse(JSON.stringify(connectorOptions)), map, localRoot) as Record<string, unknown>;
  const base = options[baseUrlOption];
  return {
    mall,
    baseUrl: typeof base === 'string' ? base : localRoot,
    hosts: Object.fromEntries(map.origins.map((origin) => [origin, map.toLocal(origin, localRoot)])),
    admin: `${localRoot}${ADMIN_PREFIX}`,
    options,
  };
}
