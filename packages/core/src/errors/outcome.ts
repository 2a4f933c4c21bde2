import {
  ClockSkewError,
  CredentialError,
  MaintenanceError,
  MallUnavailableError,
  NetworkError,
  PermissionError,
  RateLimitError,
  ResponseFormatError,
  TimeoutError,
} from './classes.js';

/**
 * True when a write may or may not have reached the mall: no answer in time, a dropped
 * connection, a 5xx, or an answer we could not read. The pipeline does not re-send such a write;
 * the connector reads the order back to learn what happened (decision 0003).
 */
export function isUnknownOutcome(error: unknown): boolean {
  return (
    TimeoutError.isInstance(error) ||
    NetworkError.isInstance(error) ||
    MallUnavailableError.isInstance(error) ||
    ResponseFormatError.isInstance(error)
  );
}

/**
 * True for errors about the whole connector rather than one order: a rejected credential, a
 * missing permission or IP allow-listing, maintenance, a skewed clock, or a rate limit that
 * outlasted the retries. Every further request would fail the same way, so a batch write stops at
 * the first one and throws it (with the progress so far in `error.batch`) instead of reporting the
 * same failure once per order.
 */
export function isConnectorWide(error: unknown): boolean {
  return (
    CredentialError.isInstance(error) ||
    PermissionError.isInstance(error) ||
    MaintenanceError.isInstance(error) ||
    ClockSkewError.isInstance(error) ||
    RateLimitError.isInstance(error)
  );
}

/**
 * True when the mall could not be reached or did not answer: a dropped connection, no answer in
 * time, a 5xx. Unlike isUnknownOutcome it excludes unreadable answers (the mall did answer). A
 * read-back that fails this way means the mall is out, not that one order is broken.
 */
export function isOutage(error: unknown): boolean {
  return TimeoutError.isInstance(error) || NetworkError.isInstance(error) || MallUnavailableError.isInstance(error);
}
