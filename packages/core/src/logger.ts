/** Structured fields of a log line. They pass through the connector's redactor before they reach the logger. */
export type LogFields = Record<string, unknown>;

/** Where mallkit writes what it does. Any console-like object fits (pino, winston, console). */
export interface Logger {
  /** Detail for debugging: each page read, values repeated where one was expected… */
  debug(message: string, fields?: LogFields): void;
  /** Progress worth keeping: a token refreshed, a window split. */
  info(message: string, fields?: LogFields): void;
  /** Something the shop should look at but that did not stop the call (a credential about to expire). */
  warn(message: string, fields?: LogFields): void;
  /** A failure that was swallowed (a hook that threw). */
  error(message: string, fields?: LogFields): void;
}

const noop = (): void => {};

/**
 * The default logger: silent for debug and info, console for warnings and errors — a warning
 * such as "public key not authorized" must not go unseen.
 */
export const defaultLogger: Logger = {
  debug: noop,
  info: noop,
  warn: (message, fields) => console.warn(`[mallkit] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[mallkit] ${message}`, fields ?? ''),
};

/** A logger that discards everything. */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
