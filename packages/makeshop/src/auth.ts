import type { Clock } from '@mallkit/core';

/*
 * makeshop authorizes every request with three headers (GraphQL reference): the token as a
 * Bearer, the app's API key, and `x-timestamp`, the Unix time in seconds, valid for one hour.
 * makeshop advises making the timestamp right before each call; the kit's client calls this once
 * per attempt, so a retry after a long wait carries a fresh one.
 */

/** The credentials that go into makeshop's headers. */
export interface MakeshopCredentials {
  readonly accessToken: string;
  readonly apiKey: string;
}

/** Builds the auth headers of one attempt, stamped with the connector's clock. */
export function makeshopAuthorizer(credentials: MakeshopCredentials, clock: Clock): () => Record<string, string> {
  return () => ({
    authorization: `Bearer ${credentials.accessToken}`,
    'x-api-key': credentials.apiKey,
    'x-timestamp': String(Math.floor(clock.now() / 1000)),
  });
}
