/*
 * What both limiters share (internal, not exported from the package): how late a request may reach
 * the mall after its grant, and waiting that a caller can abandon. Decision 0310 has the figures.
 */

/**
 * A request on a connection idle this long opens a new one (undici, Node's fetch, closes idle
 * keep-alive connections after 4 s by default), so it reaches the mall a TCP and TLS set-up late.
 */
export const COLD_AFTER_IDLE_MS = 4_000;

/**
 * True when a grant at `now` is the first of its key, or the first after a pause long enough for the
 * connection to have closed: that request may reach the mall later than the ones after it.
 */
export function isColdGrant(lastGrantAt: number | null, now: number): boolean {
  return lastGrantAt === null || now - lastGrantAt >= COLD_AFTER_IDLE_MS;
}

/** Throws RangeError unless `value` is a finite number of milliseconds ≥ 0. */
export function checkMilliseconds(value: number, name: string): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a finite number of milliseconds ≥ 0, got ${value}`);
  return value;
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
