/**
 * The exit codes of every command, stable so that cron jobs and CI scripts can branch on them.
 * `ATTENTION` means "it ran, and something needs a person": a credential expiring or expired, a
 * shipment row refused, an order that could not be read.
 */
export const EXIT = {
  /** Everything done and nothing needs attention. */
  OK: 0,
  /** The command could not finish: a mall error, the network, an unexpected failure. */
  FAILED: 1,
  /** Nothing was done: a wrong flag, a config file that does not check, a missing secret. */
  USAGE: 2,
  /** Done, but something needs a person (see the output). */
  ATTENTION: 3,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
