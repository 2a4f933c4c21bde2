import type { Hint } from '@mallkit/core';
import { EXIT, type ExitCode } from './exit-codes.js';

/**
 * A problem the user can fix without reading code: a wrong flag, a config file that does not check,
 * a secret that is not set. It carries the message in both languages and the exit code; it is
 * printed without a stack trace.
 */
export class CliError extends Error {
  readonly text: Hint;
  readonly exitCode: ExitCode;
  /** Creates the error; `exitCode` defaults to {@link EXIT.USAGE}. */
  constructor(text: Hint, exitCode: ExitCode = EXIT.USAGE) {
    super(text.en);
    this.name = 'CliError';
    this.text = text;
    this.exitCode = exitCode;
  }
}
