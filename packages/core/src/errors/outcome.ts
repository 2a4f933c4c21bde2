import { CredentialError, MallUnavailableError, NetworkError, PermissionError, ResponseFormatError, TimeoutError } from './classes.js';

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
 * True for errors about the whole connector (credentials, permissions): no per-order result can
 * describe them, so batch operations throw them instead of reporting them order by order.
 */
export function isConnectorWide(error: unknown): boolean {
  return CredentialError.isInstance(error) || PermissionError.isInstance(error);
}
