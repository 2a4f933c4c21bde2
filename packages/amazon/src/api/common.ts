import { wireModel } from '@mallkit/core';
import { z } from 'zod';

/** One entry of an SP-API error list: `{ code, message, details? }` (ordersV0.json definitions.Error). */
export const spApiErrorSchema = z.looseObject({
  code: z.string(),
  message: z.string().optional().default(''),
  details: z.string().optional(),
});

/** One SP-API error as sent. */
export type SpApiError = z.infer<typeof spApiErrorSchema>;

/** The error body of every SP-API operation: `{ errors: [...] }` (v0 may put `payload` beside it). */
export const spApiErrorListSchema = z.looseObject({ errors: z.array(spApiErrorSchema) });

/** The v2026-01-01 money shape: a decimal string amount and an ISO 4217 code. */
export const money2026Schema = wireModel({ amount: z.string(), currencyCode: z.string() });

/** The v0 money shape: PascalCase, amount as a decimal string. */
export const moneyV0Schema = wireModel({ CurrencyCode: z.string().optional(), Amount: z.string().optional() });

/** Money as Orders API v0 sends it. */
export type MoneyV0 = z.infer<typeof moneyV0Schema>;

/**
 * SP-API arrays in a query string: the Swagger 2.0 models declare no collectionFormat, so the
 * default `csv` applies (`swagger: "2.0"` in amzn/selling-partner-api-models' orders models).
 */
export function csv(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(',') : undefined;
}

/** A date-time as the SP-API takes it: UTC with a `Z`, whole seconds (the `+00:00` form is refused). */
export function toAmazonDateTime(date: Date | number): string {
  return new Date(typeof date === 'number' ? date : date.getTime()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
