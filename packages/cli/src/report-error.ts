import { inspect } from 'node:util';
import { CredentialError, IncompleteResultError, MallkitError, ValidationError, defaultRedactor } from '@mallkit/core';
import { CliError } from './cli-error.js';
import type { CommandContext } from './context.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { pick } from './lang.js';

/**
 * Prints an error the way a shop's staff can act on it: what happened, then the hint in their
 * language. Never a stack trace unless `--debug`; then the inspected error, which mallkit errors
 * render with every secret redacted (and the guard masks what is left). Returns the exit code.
 */
export function reportError(error: unknown, ctx: CommandContext, shop?: string): ExitCode {
  const { common, lang } = ctx;
  const where = shop === undefined ? '' : `[${shop}] `;
  // Ctrl+C: the user knows why it stopped; what was done so far was already reported.
  if (ctx.io.signal.aborted) {
    ctx.err(`${where}${common.interrupted}`);
    return EXIT.FAILED;
  }
  if (error instanceof CliError) {
    ctx.err(`${common.error}: ${where}${pick(error.text, lang)}`);
    return error.exitCode;
  }
  if (MallkitError.isInstance(error)) {
    const credential = CredentialError.isInstance(error) ? ` (${error.credential})` : '';
    const mall = error.mall === null ? '' : `${error.mall} `;
    ctx.err(`${common.error}: ${where}${mall}${error.code}${credential}: ${error.message}`);
    // The message names the first issue; the others are listed under it.
    if (ValidationError.isInstance(error) && error.issues.length > 1) for (const issue of error.issues.slice(0, 20)) ctx.err(common.validationIssue(issue.field, issue.message));
    if (IncompleteResultError.isInstance(error)) ctx.err(common.incomplete(error.failures.length, error.delivered));
    if (error.batch !== null) ctx.err(common.batchStopped(error.batch.notSent.length));
    if (error.hint) ctx.err(`${common.whatToDo}: ${pick(error.hint, lang)}`);
    if (ctx.debug) ctx.err(inspect(error, { depth: 8 }));
    return ValidationError.isInstance(error) ? EXIT.USAGE : EXIT.FAILED;
  }
  const detail = error instanceof Error ? `${error.name}: ${defaultRedactor.text(error.message)}` : defaultRedactor.text(String(error));
  ctx.err(`${common.error}: ${where}${common.unexpected(detail)}`);
  ctx.err(ctx.debug ? defaultRedactor.text(inspect(error, { depth: 8 })) : common.debugForMore);
  return EXIT.FAILED;
}
