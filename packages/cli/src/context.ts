import type { Logger } from '@mallkit/core';
import type { CliIo } from './io.js';
import type { Lang } from './lang.js';
import { COMMON_MESSAGES, type CommonMessages } from './messages.js';
import { SecretGuard } from './secret-guard.js';

/** What every command gets: the outside world, the user's language, and output that never carries a secret. */
export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Lang;
  /** `--debug`: stack traces and the connectors' debug log lines on standard error. */
  readonly debug: boolean;
  /** Every secret read so far; `out` and `err` mask them. */
  readonly guard: SecretGuard;
  readonly common: CommonMessages;
  /** Writes data to standard output, secrets masked; await it in loops (backpressure). */
  out(text: string): void | Promise<void>;
  /** Writes a line (or several) to standard error, secrets masked. */
  err(text: string): void;
  /** The connectors' logger: warnings and errors to standard error, the rest only with `--debug`. */
  readonly logger: Logger;
}

/** Builds the context of one CLI run. */
export function createContext(io: CliIo, lang: Lang, debug: boolean): CommandContext {
  const guard = new SecretGuard();
  const err = (text: string): void => io.stderr(guard.mask(text.endsWith('\n') ? text : `${text}\n`));
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    err(`[mallkit ${level}] ${message}${fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''}`);
  const quiet = (): void => undefined;
  return {
    io,
    lang,
    debug,
    guard,
    common: COMMON_MESSAGES[lang],
    out: (text) => io.stdout(guard.mask(text)),
    err,
    logger: { debug: debug ? line('debug') : quiet, info: debug ? line('info') : quiet, warn: line('warn'), error: line('error') },
  };
}
