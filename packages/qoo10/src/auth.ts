import type { CredentialError, HttpRequest } from '@mallkit/core';
import type { CertificationRequest } from './api/certification.js';

/** How a Seller Authorization Key is obtained, for {@link createKeyHolder}. */
export interface KeyHolderConfig {
  /** A ready key the user gave, used until Qoo10 refuses it. */
  readonly certificationKey?: string;
  /** The API key and QSM login, when the connector may mint keys itself. */
  readonly minting?: CertificationRequest & { readonly apiKey: string };
  /** Calls CreateCertificationKey (through the connector's pipeline, with the API key as the header). */
  mint(request: CertificationRequest): Promise<string>;
  /** Registers a freshly minted key as a secret, so that it is masked everywhere. */
  remember(key: string): void;
}

/** The connector's current Seller Authorization Key, minted lazily and renewed once on expiry. */
export interface KeyHolder {
  /** The header value of a request: the API key for CreateCertificationKey, the SAK otherwise. */
  headerFor(request: HttpRequest): Promise<Record<string, string>>;
  /** The pipeline's `onCredentialRejected`: mints a new key on an expired or refused key when the connector can. */
  renew(error: CredentialError, request: HttpRequest): Promise<boolean>;
  /** True when the connector can mint keys. */
  readonly canMint: boolean;
  /** When the connector last minted a key (epoch ms), or null when it uses the user's key. */
  mintedAt(): number | null;
}

/**
 * The codes a fresh key cures: expired (-90004/-90005), and refused (-10000, -90001), which is how a
 * key voided by a QSM password change answers. A wrong password then fails the minting itself.
 */
const RENEWABLE_CODES = new Set(['-90004', '-90005', '-10000', '-90001']);

/**
 * Creates the key holder. Concurrent callers share one minting: the first request mints, the
 * others wait for the same promise. A key refused as expired is replaced at most once per
 * request (the pipeline asks once), so a QSM password change ends in a CredentialError on
 * `password` instead of a loop.
 */
export function createKeyHolder(config: KeyHolderConfig, now: () => number): KeyHolder {
  let current: Promise<string> | null = config.certificationKey ? Promise.resolve(config.certificationKey) : null;
  let minted: number | null = null;
  let inFlight: Promise<string> | null = null;
  const { minting } = config;

  const mint = (): Promise<string> => {
    if (!minting) throw new TypeError('qoo10: no means to mint a key');
    const started = now();
    const pending = config.mint({ userId: minting.userId, password: minting.password }).then((key) => {
      config.remember(key);
      minted = started;
      return key;
    });
    // A failed minting is not cached: the next call tries again.
    pending.then(
      () => {
        if (inFlight === pending) inFlight = null;
      },
      () => {
        if (current === pending) current = null;
        if (inFlight === pending) inFlight = null;
      },
    );
    current = pending;
    inFlight = pending;
    return pending;
  };

  return {
    canMint: minting !== undefined,
    mintedAt: () => minted,
    async headerFor(request) {
      if (request.operation === 'CreateCertificationKey') return { GiosisCertificationKey: minting?.apiKey ?? '' };
      const key = await (current ?? mint());
      return { GiosisCertificationKey: key };
    },
    async renew(error, request) {
      if (!minting || request.operation === 'CreateCertificationKey') return false;
      if (!RENEWABLE_CODES.has(error.mallCode ?? '')) return false;
      // Requests refused together renew together: they wait for the minting already under way.
      await (inFlight ?? mint());
      return true;
    },
  };
}
