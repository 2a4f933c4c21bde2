import { createTokenCache, type Clock, type CredentialError, type HttpRequest, type StoredToken, type TokenStore } from '@mallkit/core';
import type { CertificationRequest } from './api/certification.js';
import { SAK_LIFETIME_DAYS } from './api/common.js';

const DAY_MS = 86_400_000;

/**
 * A minted key is replaced this long before its year is up, so that no call meets -90004. A day: the
 * key's life is counted from when minting started, and Qoo10's own count is not published.
 */
const MINT_AHEAD_MS = DAY_MS;

/**
 * The expiry stored for a ready key whose issue date the user did not give. The token cache needs
 * a number; this one means "not known", and is reported as such.
 */
const UNKNOWN_EXPIRY = Number.MAX_SAFE_INTEGER;

/**
 * The codes a fresh key cures: expired (-90004/-90005), and refused (-10000, -90001), which is how a
 * key voided by a QSM password change answers. A wrong password then fails the minting itself.
 */
const RENEWABLE_CODES: ReadonlySet<string> = new Set(['-90004', '-90005', '-10000', '-90001']);

/** How the connector gets its Seller Authorization Key, for {@link createKeySource}. */
export interface KeySourceConfig {
  /** A ready key the user gave, used until Qoo10 refuses it (or its year is up). */
  readonly certificationKey?: string;
  /** When the ready key was issued (epoch ms), if the user said. */
  readonly issuedAt?: number;
  /** The API key and QSM login, when the connector may mint keys itself. */
  readonly minting?: CertificationRequest & { readonly apiKey: string };
  /** Calls CreateCertificationKey (through the connector's pipeline, with the API key as the header). */
  mint(request: CertificationRequest, signal?: AbortSignal): Promise<string>;
  /** Registers a key as a secret, so that it is masked everywhere (minted here or read from a shared store). */
  remember(key: string): void;
  readonly clock: Clock;
  /** Where minted keys live; shared between processes when the user gives one. */
  readonly store?: TokenStore;
  /** The store's key for this shop's key (never the key itself). */
  readonly cacheKey: string;
}

/** When the key in use stops working. */
export interface KeyExpiry {
  /** Epoch ms, or null when nobody said when the key was issued. */
  readonly expiresAt: number | null;
  /** True when the connector minted the key in use (its issue time is its own). */
  readonly minted: boolean;
}

/** The connector's Seller Authorization Key: the header of each request, renewed once when refused. */
export interface KeySource {
  /** The pipeline's `authorize`: the API key for CreateCertificationKey, the SAK otherwise. */
  authorize(request: HttpRequest, signal?: AbortSignal): Promise<Record<string, string>>;
  /** The pipeline's `onCredentialRejected`: a new key when the one that request sent was refused and the connector can mint. */
  onCredentialRejected(error: CredentialError, request: HttpRequest): Promise<boolean>;
  /** True when the connector can mint keys. */
  readonly canMint: boolean;
  /** When the key in use stops working, as far as the connector knows. */
  expiry(): Promise<KeyExpiry>;
}

/** A TokenStore in this process's memory. */
function memoryStore(): TokenStore {
  const tokens = new Map<string, StoredToken>();
  return { get: (key) => tokens.get(key), set: (key, token) => void tokens.set(key, token) };
}

/** A ready key with no means to mint: sent as is; Qoo10's refusal reaches the caller. */
function staticKeySource(config: KeySourceConfig, key: string): KeySource {
  return {
    canMint: false,
    authorize: async () => ({ GiosisCertificationKey: key }),
    onCredentialRejected: async () => false,
    expiry: async () => ({ expiresAt: config.issuedAt === undefined ? null : config.issuedAt + SAK_LIFETIME_DAYS * DAY_MS, minted: false }),
  };
}

/**
 * Creates the key source. With the means to mint, the key lives in core's token cache: the first
 * request mints (concurrent callers share one minting), a key refused as expired or voided is
 * replaced once — and only if it is still the key that request sent, so requests refused together,
 * or refused after another one already minted, do not mint again — and a shared `store` lets every
 * process of the shop use one key and mint under the store's lock. A ready key is put in the store
 * first and used until refused or until its year is up.
 */
export function createKeySource(config: KeySourceConfig): KeySource {
  const { minting, clock } = config;
  if (!minting) return staticKeySource(config, config.certificationKey as string);
  const store = config.store ?? memoryStore();
  const sentWith = new WeakMap<HttpRequest, string>();
  let remembered: string | null = null;

  const cache = createTokenCache({
    key: config.cacheKey,
    store,
    clock,
    marginMs: MINT_AHEAD_MS,
    refresh: async (signal) => {
      const started = clock.now();
      const key = await config.mint({ userId: minting.userId, password: minting.password }, signal);
      config.remember(key);
      // Counted from when minting started: never later than Qoo10's own count.
      return { accessToken: key, expiresAt: started + SAK_LIFETIME_DAYS * DAY_MS };
    },
  });

  // The ready key goes into the store once, unless the store already holds a key (another process's).
  let seeded: Promise<void> | null = null;
  const seed = (): Promise<void> =>
    (seeded ??= (async () => {
      const ready = config.certificationKey;
      if (ready === undefined || (await store.get(config.cacheKey)) !== undefined) return;
      const expiresAt = config.issuedAt === undefined ? UNKNOWN_EXPIRY : config.issuedAt + SAK_LIFETIME_DAYS * DAY_MS;
      await store.set(config.cacheKey, { accessToken: ready, expiresAt });
    })());

  const currentKey = async (signal?: AbortSignal): Promise<string> => {
    await seed();
    const key = await cache.get(signal);
    // A key another process minted reaches this one through the store: mask it here too.
    if (key !== remembered) {
      config.remember(key);
      remembered = key;
    }
    return key;
  };

  return {
    canMint: true,
    async authorize(request, signal) {
      if (request.operation === 'CreateCertificationKey') return { GiosisCertificationKey: minting.apiKey };
      const key = await currentKey(signal);
      sentWith.set(request, key);
      return { GiosisCertificationKey: key };
    },
    async onCredentialRejected(error, request) {
      if (request.operation === 'CreateCertificationKey' || !RENEWABLE_CODES.has(error.mallCode ?? '')) return false;
      const used = sentWith.get(request);
      // Only the refused key is dropped: a key minted meanwhile by another request stays.
      if (used !== undefined) await cache.invalidate(used);
      // A wrong QSM password throws CredentialError('password') from the minting: what the caller must see.
      await currentKey();
      return true;
    },
    async expiry() {
      await seed();
      const stored = await cache.peek();
      if (stored === undefined) return { expiresAt: null, minted: false };
      const minted = stored.accessToken !== config.certificationKey;
      return { expiresAt: stored.expiresAt === UNKNOWN_EXPIRY || stored.expiresAt === 0 ? null : stored.expiresAt, minted };
    },
  };
}
