import type { Hooks } from '../http/hooks.js';
import type { LogFields, Logger } from '../logger.js';

/** A logger and hooks that record everything a connector says, as text lines. */
export interface CapturedOutput {
  readonly logger: Logger;
  readonly hooks: Required<Hooks>;
  /**
   * One line per log call (`warn <message> {fields}`) and per hook event (`onRetry {event}`), in
   * order: what the conformance suite searches for secrets, and what tests grep for warnings.
   */
  readonly lines: string[];
}

/** Creates a capturing logger and hooks to pass to a connector under test. */
export function captureOutput(): CapturedOutput {
  const lines: string[] = [];
  const log = (level: keyof Logger) => (message: string, fields?: LogFields): void => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  const hook = (name: keyof Hooks) => (event: unknown): void => {
    lines.push(`${name} ${JSON.stringify(event)}`);
  };
  return {
    lines,
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    hooks: { onRequest: hook('onRequest'), onResponse: hook('onResponse'), onRetry: hook('onRetry'), onThrottle: hook('onThrottle') },
  };
}
