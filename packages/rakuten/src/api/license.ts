import { z } from 'zod';
import { RAKUTEN_PATHS } from '../constants.js';

/**
 * The License Management API's answer: `{ "expiryDate": "2026-11-28T23:59:59" }`. The value has no
 * offset; it is JST.
 */
export const licenseExpiryResponseSchema = z.object({ expiryDate: z.string() }).loose();

/** The expiry-date answer, as parsed. */
export type LicenseExpiryResponse = z.infer<typeof licenseExpiryResponseSchema>;

/** `GET es/1.0/license-management/license-key/expiry-date?licenseKey=…` with the same ESA header. */
export const licenseExpiryEndpoint = { operation: 'getLicenseExpiryDate', path: RAKUTEN_PATHS.licenseExpiryDate } as const;
