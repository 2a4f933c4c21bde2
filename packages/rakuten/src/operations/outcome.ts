import {
  CredentialError,
  MallUnavailableError,
  NetworkError,
  PermissionError,
  ResponseFormatError,
  TimeoutError,
} from '@mallkit/core';

/**
 * True when a write may or may not have reached Rakuten: no answer in time, a dropped connection,
 * a 5xx, or an answer we could not read. Such a write is resolved by reading the order back,
 * never by sending it again blindly (Rakuten accepts a confirmation only once).
 */
export function isUnknownOutcome(error: unknown): boolean {
  return (
    TimeoutError.isInstance(error) ||
    NetworkError.isInstance(error) ||
    MallUnavailableError.isInstance(error) ||
    ResponseFormatError.isInstance(error)
  );
}

/** True for errors about the whole connector (credentials, permissions), which no per-order result can describe. */
export function isConnectorWide(error: unknown): boolean {
  return CredentialError.isInstance(error) || PermissionError.isInstance(error);
}
