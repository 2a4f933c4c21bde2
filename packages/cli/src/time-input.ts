import { parseJst } from '@mallkit/core';
import { badValue } from './args.js';

const DAY_MS = 86_400_000;
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: DAY_MS };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE = /^(\d+)([mhd])$/;

/**
 * Reads a time a person typed: `2026-11-01` (a JST day: its first instant for `--from`, its last
 * for `--to`, so that `--from 2026-11-01 --to 2026-11-30` covers the whole of November),
 * `2026-11-01T09:00` (JST when no offset is given: shops read times off the malls' screens in JST),
 * an ISO time with offset, or `7d`/`12h`/`30m` before `now` (for cron: `--from 1d`).
 */
export function parseTimeFlag(flag: string, value: string, edge: 'start' | 'end', now: number): Date {
  const text = value.trim();
  const relative = RELATIVE.exec(text);
  if (relative) return new Date(now - Number(relative[1]) * (UNIT_MS[relative[2] as string] as number));
  if (text === 'now') return new Date(now);
  try {
    const parsed = parseJst(text);
    return DATE_ONLY.test(text) && edge === 'end' ? new Date(parsed.getTime() + DAY_MS - 1) : parsed;
  } catch {
    throw badValue(flag, value, (m) => m.badDate);
  }
}
