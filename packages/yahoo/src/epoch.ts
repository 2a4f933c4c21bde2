import { toIsoJst } from '@mallkit/core';

/**
 * Epoch milliseconds of an option given as a Date, epoch ms, or a date string (JST when the
 * string has no offset); null when the option is absent. Used for `authorizedAt` and
 * `publicKeyExpiresAt`, which shops copy from screens in JST.
 */
export function epochOf(value: Date | string | number | undefined): number | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return value;
  return value instanceof Date ? value.getTime() : Date.parse(toIsoJst(value));
}
