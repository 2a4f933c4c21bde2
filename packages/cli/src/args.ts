import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';
import { inBoth } from './lang.js';
import { COMMON_MESSAGES } from './messages.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command takes. */
export const GLOBAL_OPTIONS = {
  lang: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/**
 * node:util parseArgs, strict, with the global options added, and its TypeError turned into a
 * usage error in both languages (`--shpo` is refused, not ignored).
 */
export function parseFlags<const O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options: { ...GLOBAL_OPTIONS, ...options }, strict: true, allowPositionals: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(inBoth(COMMON_MESSAGES, (m) => m.badFlags(detail)));
  }
}

/** A usage error for a required flag that is missing. */
export function missingFlag(flag: string): CliError {
  return new CliError(inBoth(COMMON_MESSAGES, (m) => m.missingFlag(flag)));
}

/** A usage error for a flag value that cannot be used; `expected` picks the explanation from the shared messages. */
export function badValue(flag: string, value: string, expected: (messages: typeof COMMON_MESSAGES.ja) => string): CliError {
  return new CliError(inBoth(COMMON_MESSAGES, (m) => m.badValue(flag, value, expected(m))));
}

/** Reads a whole number flag (`--orders 50`), or returns the default when it is absent. */
export function intFlag(flag: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed > max) {
    throw badValue(flag, value, (m) => (flag === '--port' ? m.badPort : m.badNumber));
  }
  return parsed;
}
