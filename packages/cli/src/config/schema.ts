import { MALL_IDS } from '@mallkit/core';
import { z } from 'zod';

/** Where a credential's value is: written in the file (non-secrets only), an environment variable, or a file. */
export const sourceSchema = z.union([
  z.string(),
  z.number(),
  // A TOML date-time written without quotes (authorizedAt = 2026-10-01T09:00:00+09:00).
  z.date(),
  z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name') }).strict(),
  z.object({ file: z.string().min(1, 'must be a path') }).strict(),
]);

/** A credential's source as written in the config file. */
export type SourceInput = z.output<typeof sourceSchema>;

/**
 * One shop: its mall, then either `sandbox` (the URL of a running `mallkit sandbox`) or its
 * credentials by option name, `envPrefix` for the default environment variables, and `options`
 * passed to the connector as they are (timeoutMs, rateLimit, mappers, expiryWarningDays…).
 */
export const shopSchema = z
  .object({
    mall: z.enum(MALL_IDS),
    sandbox: z.url({ protocol: /^https?$/, error: 'must be the http:// URL mallkit sandbox printed' }).optional(),
    envPrefix: z.string().regex(/^[A-Z0-9_]*$/, 'must be upper-case letters, digits and _ (e.g. SHOP2_)').optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .catchall(sourceSchema);

/** The whole file: shops by name. */
export const configSchema = z
  .object({
    shops: z.record(
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'shop names are letters, digits, . _ - (at most 64)'),
      shopSchema,
    ),
  })
  .strict();

/** The config file after the shape check. */
export type ConfigInput = z.output<typeof configSchema>;
