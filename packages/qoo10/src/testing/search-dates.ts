import { parseJst } from '@mallkit/core';

/**
 * A QAPI search date: `yyyyMMdd` (the whole day: an end date runs to 23:59:59) or `yyyyMMddHHmmss`,
 * JST. Returns null for anything else (the handlers answer Qoo10's date error).
 */
export function searchBound(value: string | null, end: boolean): number | null {
  if (value === null || !/^\d{8}(\d{6})?$/.test(value)) return null;
  try {
    const at = parseJst(value).getTime();
    return value.length === 8 && end ? at + 86_399_999 : at;
  } catch {
    return null;
  }
}
