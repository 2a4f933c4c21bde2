import { createMallClient, credentialKey, type CallOptions, type MallClient } from '@mallkit/core';
import { createCertificationKeyEndpoint } from './api/certification.js';
import { getClaimInfoEndpoint, type ClaimSearch } from './api/claim-info.js';
import { QOO10_BASE_URL, QOO10_DEFAULT_RATE_PER_SECOND, type RowsAnswer } from './api/common.js';
import { getShippingInfoEndpoint, type ShippingSearch } from './api/shipping-info.js';
import { setSellerCheckEndpoint, setSendingInfoEndpoint, type SellerCheck, type SendingInfo } from './api/writes.js';
import { createKeyHolder, type KeyHolder } from './auth.js';
import { classifyQoo10 } from './errors.js';
import { parseQoo10Options, type Qoo10ConnectorOptions, type Qoo10Credentials } from './options.js';

/** The raw Qoo10 client: one method per QAPI call, through one pipeline (throttle, key, retries, error table). */
export interface Qoo10Client {
  readonly client: MallClient;
  readonly credentials: Qoo10Credentials;
  readonly keys: KeyHolder;
  /** GetShippingInfo_v3: the lines of one ShippingStatus in a window. */
  searchShipping(search: ShippingSearch, call: CallOptions): Promise<RowsAnswer>;
  /** GetClaimInfo_V3: the claims in a window (≤ 90 days). */
  searchClaims(search: ClaimSearch, call: CallOptions): Promise<RowsAnswer>;
  /** SetSellerCheckYN_V2 for one line. */
  confirmLine(check: SellerCheck, call: CallOptions): Promise<void>;
  /** SetSendingInfo for one line. */
  shipLine(info: SendingInfo, call: CallOptions): Promise<void>;
}

/** Builds the raw client of one Qoo10 shop; checks the credential options first (ValidationError naming the field). */
export function createQoo10Client(options: Qoo10ConnectorOptions): Qoo10Client {
  const credentials = parseQoo10Options(options);
  const { certificationKey, apiKey, userId, password } = credentials;
  const minting = apiKey !== undefined && userId !== undefined && password !== undefined ? { apiKey, userId, password } : undefined;
  // The throttle follows the shop (its login or key), never a secret itself.
  const limiterKey = credentialKey('qoo10', userId ?? certificationKey ?? apiKey ?? '');
  let keys: KeyHolder | null = null;

  const client = createMallClient({
    mall: 'qoo10',
    options,
    baseUrl: QOO10_BASE_URL,
    secrets: [certificationKey, apiKey, password],
    limiterKey,
    defaultRate: { limit: QOO10_DEFAULT_RATE_PER_SECOND, intervalMs: 1000 },
    classify: classifyQoo10,
    authorize: (request) => (keys as KeyHolder).headerFor(request),
    onCredentialRejected: (error, request) => (keys as KeyHolder).renew(error, request),
  });

  keys = createKeyHolder(
    {
      ...(certificationKey ? { certificationKey } : {}),
      ...(minting ? { minting } : {}),
      mint: async (request) => (await client.call(createCertificationKeyEndpoint, request)).ResultObject,
      remember: (key) => client.redactor.add(key),
    },
    () => client.clock.now(),
  );

  return {
    client,
    credentials,
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
