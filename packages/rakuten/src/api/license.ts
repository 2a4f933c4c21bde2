import { defineEndpoint, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { RAKUTEN_PATHS } from './constants.js';

/**
 * The License Management API's answer: `{ "expiryDate": "2026-11-28T23:59:59" }`. The value has no
 * offset; it is JST.
 */
const licenseExpiryResponseSchema = wireModel({ expiryDate: z.string() });

/**
 * The expiry-date answer, as parsed.
 *
 * @useDeclaredType
 */
export type LicenseExpiryResponse = z.output<typeof licenseExpiryResponseSchema>;

/** `GET es/1.0/license-management/license-key/expiry-date?licenseKey=…` with the same ESA header; the input is the licenseKey. */
export const licenseExpiryEndpoint = defineEndpoint<string, LicenseExpiryResponse>({
  operation: 'getLicenseExpiryDate',
  method: 'GET',
  path: RAKUTEN_PATHS.licenseExpiryDate,
  query: (licenseKey) => ({ licenseKey }),
  answer: { format: 'json', schema: licenseExpiryResponseSchema },
});
