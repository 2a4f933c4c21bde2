import type { RequestHandler } from 'msw';

/** Where the other hosts of a mall are served on the local port: `/__mallkit/hosts/<host>/<path>`. */
export const HOSTS_PREFIX = '/__mallkit/hosts/';

/**
 * How the mall's own hosts map onto one local port. msw handlers match absolute URLs, so each
 * local request must be re-addressed to the host a handler is written for. The mall's API root
 * (its `baseUrl`) is served at the local root, so that an OMS only swaps the host in its base URL;
 * a second host (Yahoo's and Amazon's token endpoints, Amazon's sandbox host) is served under
 * `/__mallkit/hosts/<host>/`.
 */
export interface OriginMap {
  /** The origin served at the local root (`https://api.rms.rakuten.co.jp`). */
  readonly primary: string;
  /** Every origin served, the primary first. */
  readonly origins: readonly string[];
  /** The mall URL a local request stands for. */
  toUpstream(local: URL): string;
  /** The local URL of a mall URL (unchanged when its origin is not served). */
  toLocal(mallUrl: string, localRoot: string): string;
}

function originOf(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    // A pattern host (`*.amazon.com`) is no origin a request can name.
    return /[*:]/.test(url.hostname) ? null : url.origin;
  } catch {
    return null;
  }
}

/** The origins a sandbox's handlers are written for, from their URL patterns. */
export function handlerOrigins(handlers: readonly RequestHandler[]): string[] {
  const origins = handlers.map((handler) => {
    const path = (handler.info as { path?: unknown }).path;
    return typeof path === 'string' ? originOf(path) : null;
  });
  return [...new Set(origins.filter((origin): origin is string => origin !== null))];
}

/** Builds the map: `primaryUrl` (the sandbox's base URL option) at the root, the other origins under their host. */
export function createOriginMap(primaryUrl: string, otherOrigins: readonly string[]): OriginMap {
  const primary = originOf(primaryUrl);
  if (primary === null) throw new TypeError(`not an http(s) URL: ${primaryUrl}`);
  const byHost = new Map<string, string>();
  for (const origin of otherOrigins) if (origin !== primary) byHost.set(new URL(origin).host, origin);
  return {
    primary,
    origins: [primary, ...byHost.values()],
    toUpstream(local) {
      if (local.pathname.startsWith(HOSTS_PREFIX)) {
        const rest = local.pathname.slice(HOSTS_PREFIX.length);
        const slash = rest.indexOf('/');
        const origin = byHost.get(slash === -1 ? rest : rest.slice(0, slash));
        if (origin !== undefined) return `${origin}${slash === -1 ? '/' : rest.slice(slash)}${local.search}`;
      }
      return `${primary}${local.pathname}${local.search}`;
    },
    toLocal(mallUrl, localRoot) {
      const origin = originOf(mallUrl);
      if (origin === null) return mallUrl;
      const rest = mallUrl.slice(origin.length);
      if (origin === primary) return `${localRoot}${rest}`;
      return byHost.has(new URL(origin).host) ? `${localRoot}${HOSTS_PREFIX}${new URL(origin).host}${rest}` : mallUrl;
    },
  };
}
