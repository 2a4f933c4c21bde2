import { defineEndpoint } from '@mallkit/core';
import { z } from 'zod';
import { QAPI_HEADERS, qapiForm } from './common.js';

/** What CreateCertificationKey takes besides the API key (sent as the key header). */
export interface CertificationRequest {
  /** The QSM login id. Sent as `user_id` (every source but one SDK, which sends `userId`). */
  readonly userId: string;
  /** The QSM login password. */
  readonly password: string;
}

/**
 * `CertificationAPI.CreateCertificationKey`: mints a Seller Authorization Key (SAK) from the API
 * key (in the `GiosisCertificationKey` header) and the QSM login. No issuance limit is known, so
 * the connector may mint one per run. `ResultObject` is the key as a string.
 */
export const createCertificationKeyEndpoint = defineEndpoint({
  operation: 'CreateCertificationKey',
  method: 'POST',
  path: 'CertificationAPI.CreateCertificationKey',
  // Minting twice is harmless (no issuance limit is known), so a timeout is retried like a read.
  idempotent: true,
  headers: QAPI_HEADERS,
  body: (request: CertificationRequest) => qapiForm({ user_id: request.userId, pwd: request.password }),
  answer: {
    format: 'json',
    schema: z.looseObject({ ResultCode: z.union([z.number(), z.string()]), ResultObject: z.string().min(1) }),
  },
});
