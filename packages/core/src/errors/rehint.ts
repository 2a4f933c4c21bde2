import type { MallkitError } from './mallkit-error.js';
import type { Hint } from './hint.js';

/**
 * A copy of an error with another hint and, optionally, a note before its message — same class,
 * same code and fields, the original as its cause. For malls whose errors mean something more in
 * context (the second step of a two-step shipment failed after the first was written).
 */
export function withHint<E extends MallkitError>(error: E, hint: Hint, messagePrefix?: string): E {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as E;
  Object.assign(copy, error);
  Object.defineProperties(copy, {
    message: { value: messagePrefix ? `${messagePrefix}: ${error.message}` : error.message, writable: true, configurable: true },
    stack: { value: error.stack, writable: true, configurable: true },
    cause: { value: error, writable: true, configurable: true },
    hint: { value: hint, writable: true, configurable: true, enumerable: true },
  });
  return copy;
}
