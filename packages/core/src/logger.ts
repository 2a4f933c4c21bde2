/** Structured fields of a log line. They pass through the connector's redactor before they reach the logger. */
export type LogFields = Record<string, unknown>;

/** Where mallkit writes what it does. Any console-like object fits (pino, winston, console). */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
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
