/** A mall's request budget: at most `limit` requests in any `intervalMs` span. */
export interface QpsLimit {
  /** Requests admitted per window; `Infinity` admits everything. */
  readonly limit: number;
  readonly intervalMs: number;
}

/** Options of {@link createQpsGate}. */
export interface QpsGateOptions extends QpsLimit {
  /**
   * Source of monotonic milliseconds; default `performance.now()`. Only tests of the gate itself
   * replace it: QPS is a rule about real time, which the sandbox clock's manual moves must not bend.
   */
  readonly now?: () => number;
}

/** Admits or refuses requests per key, the way a mall enforces its QPS per credential. */
export interface QpsGate {
  /** True when the request fits the budget of `key` (and is counted); false when refused. */
  admit(key: string): boolean;
  /** Requests refused since creation or the last `reset()`. */
  readonly violations: number;
  /** Forgets every window and the violation count. */
  reset(): void;
}

/**
 * Creates a sliding-window gate: a request is admitted when fewer than `limit` requests of the
 * same key were admitted in the `intervalMs` before it. Refused requests are counted as
 * violations but do not use up the budget, so a client that backs off recovers after one window.
 */
export function createQpsGate(options: QpsGateOptions): QpsGate {
  const { limit, intervalMs } = options;
  if (!((Number.isInteger(limit) && limit > 0) || limit === Number.POSITIVE_INFINITY)) {
    throw new RangeError(`createQpsGate: limit must be a positive integer or Infinity, got ${limit}`);
  }
  if (!(Number.isFinite(intervalMs) && intervalMs > 0)) {
    throw new RangeError(`createQpsGate: intervalMs must be a positive number, got ${intervalMs}`);
  }
  const now = options.now ?? (() => performance.now());
  // Admission times per key, oldest first; never longer than `limit`.
  let windows = new Map<string, number[]>();
  let violations = 0;

  return {
    admit(key: string): boolean {
      if (limit === Number.POSITIVE_INFINITY) return true;
      const at = now();
      const times = windows.get(key) ?? [];
      // A request exactly intervalMs after another no longer shares its window.
      while (times.length > 0 && (times[0] ?? 0) <= at - intervalMs) times.shift();
      if (times.length >= limit) {
        violations += 1;
        windows.set(key, times);
        return false;
      }
      times.push(at);
      windows.set(key, times);
      return true;
    },
    get violations(): number {
      return violations;
    },
    reset(): void {
      windows = new Map();
      violations = 0;
    },
  };
}
