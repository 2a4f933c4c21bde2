import { createMallClient, credentialKey, type CallOptions, type MallClient } from '@mallkit/core';
import { createCertificationKeyEndpoint } from './api/certification.js';
import { getClaimInfoEndpoint, type ClaimSearch } from './api/claim-info.js';
import { QOO10_BASE_URL, QOO10_DEFAULT_RATE_PER_SECOND, type RowsAnswer } from './api/common.js';
import { getShippingInfoEndpoint, type ShippingSearch } from './api/shipping-info.js';
import { setSellerCheckEndpoint, setSendingInfoEndpoint, type SellerCheck, type SendingInfo } from './api/writes.js';
import { createKeySource, type KeySource } from './auth.js';
import { classifyQoo10 } from './errors.js';
import { parseQoo10Options, type Qoo10ConnectorOptions, type Qoo10Settings } from './options.js';

/** The raw Qoo10 client: one method per QAPI call, through one pipeline (throttle, key, retries, error table). */
export interface Qoo10Client {
  readonly client: MallClient;
  readonly settings: Qoo10Settings;
  readonly keys: KeySource;
  /** GetShippingInfo_v3: the lines of one ShippingStatus in a window. */
  searchShipping(search: ShippingSearch, call: CallOptions): Promise<RowsAnswer>;
  /** GetClaimInfo_V3: the claims in a window (≤ 90 days). */
  searchClaims(search: ClaimSearch, call: CallOptions): Promise<RowsAnswer>;
  /** SetSellerCheckYN_V2 for one line. */
  confirmLine(check: SellerCheck, call: CallOptions): Promise<void>;
  /** SetSendingInfo for one line. */
  shipLine(info: SendingInfo, call: CallOptions): Promise<void>;
}

/** Builds the raw client of one Qoo10 shop; checks the options first (ValidationError naming the field). */
export function createQoo10Client(options: Qoo10ConnectorOptions): Qoo10Client {
  const settings = parseQoo10Options(options);
  const { certificationKey, certificationKeyIssuedAt, apiKey, userId, password } = settings;
  const minting = apiKey !== undefined && userId !== undefined && password !== undefined ? { apiKey, userId, password } : undefined;
  // The throttle and the key store follow the shop (its login or key), never a secret itself.
  const shop = userId ?? certificationKey ?? '';
  let keys: KeySource | null = null;

  const client = createMallClient({
    mall: 'qoo10',
    options,
    baseUrl: QOO10_BASE_URL,
    secrets: [certificationKey, apiKey, password],
    limiterKey: credentialKey('qoo10', shop),
    defaultRate: { limit: QOO10_DEFAULT_RATE_PER_SECOND, intervalMs: 1000 },
    classify: classifyQoo10,
    authorize: (request, signal) => (keys as KeySource).authorize(request, signal),
    onCredentialRejected: (error, request) => (keys as KeySource).onCredentialRejected(error, request),
  });

  keys = createKeySource({
    ...(certificationKey ? { certificationKey } : {}),
    ...(certificationKeyIssuedAt !== undefined ? { issuedAt: certificationKeyIssuedAt } : {}),
    ...(minting ? { minting } : {}),
    ...(options.tokenStore ? { store: options.tokenStore } : {}),
    cacheKey: credentialKey('qoo10', 'seller-authorization-key', shop),
    clock: client.clock,
    mint: async (request, signal) => (await client.call(createCertificationKeyEndpoint, request, signal ? { signal } : {})).ResultObject,
    remember: (key) => client.redactor.add(key),
  });

  return {
    client,
    settings,
    keys,
    searchShipping: (search, call) => client.call(getShippingInfoEndpoint, search, call),
    searchClaims: (search, call) => client.call(getClaimInfoEndpoint, search, call),
    async confirmLine(check, call) {
      await client.call(setSellerCheckEndpoint, check, call);
    },
    async shipLine(info, call) {
      await client.call(setSendingInfoEndpoint, info, call);
    },
  };
}
