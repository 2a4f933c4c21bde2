/** A mall's request budget as a sliding window: at most `limit` requests in any `intervalMs` span. */
export interface QpsLimit {
  /** Requests admitted per window; `Infinity` admits everything. */
  readonly limit: number;
  readonly intervalMs: number;
}

/** A mall's request budget as a token bucket (Amazon's usage plans): `burst` at once, refilled at `ratePerSecond`. */
export interface QpsBucket {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** Either shape of budget. */
export type QpsRule = QpsLimit | QpsBucket;

/** Options of {@link createQpsGate}. */
export interface QpsGateOptions {
  /**
   * Source of monotonic milliseconds; default `performance.now()`. Only tests of the gate itself
   * replace it: QPS is a rule about real time, which the sandbox clock's manual moves must not bend.
   */
  readonly now?: () => number;
}

/** Admits or refuses requests per key, the way a mall enforces its QPS per credential (or per operation). */
export interface QpsGate {
  /** True when the request fits the budget of `key` (and is counted); false when refused. */
  admit(key: string): boolean;
  /** Requests refused since creation or the last `reset()`. */
  readonly violations: number;
  /** Forgets every window and bucket and the violation count. */
  reset(): void;
}

function isBucket(rule: QpsRule): rule is QpsBucket {
  return 'ratePerSecond' in rule;
}

function checkRule(rule: QpsRule): void {
  if (isBucket(rule)) {
    if (!(Number.isFinite(rule.ratePerSecond) && rule.ratePerSecond > 0) || !(Number.isFinite(rule.burst) && rule.burst >= 1)) {
      throw new RangeError(`createQpsGate: a bucket needs ratePerSecond > 0 and burst >= 1, got ${rule.ratePerSecond}/${rule.burst}`);
    }
    return;
  }
  if (!((Number.isInteger(rule.limit) && rule.limit > 0) || rule.limit === Number.POSITIVE_INFINITY)) {
    throw new RangeError(`createQpsGate: limit must be a positive integer or Infinity, got ${rule.limit}`);
  }
  if (!(Number.isFinite(rule.intervalMs) && rule.intervalMs > 0)) {
    throw new RangeError(`createQpsGate: intervalMs must be a positive number, got ${rule.intervalMs}`);
  }
}

/**
 * Creates a gate. A sliding-window rule admits a request when fewer than `limit` requests of the
 * same key were admitted in the `intervalMs` before it; a bucket rule admits it when the key's
 * bucket holds a token (refilled continuously up to `burst`). Refused requests are counted as
 * violations but use up no budget, so a client that backs off recovers. The rule may depend on the
 * key (Amazon: one plan per operation) and is read on every request, so a changed plan applies at once.
 */
export function createQpsGate(rule: QpsRule | ((key: string) => QpsRule), options: QpsGateOptions = {}): QpsGate {
  if (typeof rule !== 'function') checkRule(rule);
  const ruleFor = typeof rule === 'function' ? rule : (): QpsRule => rule;
  const now = options.now ?? (() => performance.now());
  // Sliding windows: admission times per key, oldest first, never longer than `limit`.
  let windows = new Map<string, number[]>();
  let buckets = new Map<string, { tokens: number; at: number }>();
  let violations = 0;

  const admitWindow = (key: string, limit: QpsLimit, at: number): boolean => {
    if (limit.limit === Number.POSITIVE_INFINITY) return true;
    const times = windows.get(key) ?? [];
    // A request exactly intervalMs after another no longer shares its window.
    while (times.length > 0 && (times[0] ?? 0) <= at - limit.intervalMs) times.shift();
    windows.set(key, times);
    if (times.length >= limit.limit) return false;
    times.push(at);
    return true;
  };

  const admitBucket = (key: string, bucket: QpsBucket, at: number): boolean => {
    const state = buckets.get(key) ?? { tokens: bucket.burst, at };
    state.tokens = Math.min(bucket.burst, state.tokens + ((at - state.at) / 1000) * bucket.ratePerSecond);
    state.at = at;
    buckets.set(key, state);
    // A hair of tolerance: float refill arithmetic must not refuse a request that waited exactly long enough.
    if (state.tokens < 1 - 1e-6) return false;
    state.tokens -= 1;
    return true;
  };

  return {
    admit(key: string): boolean {
      const current = ruleFor(key);
      if (typeof rule === 'function') checkRule(current);
      const at = now();
      const admitted = isBucket(current) ? admitBucket(key, current, at) : admitWindow(key, current, at);
      if (!admitted) violations += 1;
      return admitted;
    },
    get violations(): number {
      return violations;
    },
    reset(): void {
      windows = new Map();
      buckets = new Map();
      violations = 0;
    },
  };
}

/**
 * A mall's sliding-window rate made `scale` times faster (or slower) for a test, keeping `limit` a
 * whole number: the count is scaled when that gives a whole number, otherwise the interval is.
 */
export function scaleQpsLimit(limit: QpsLimit, scale: number): QpsLimit {
  if (!(Number.isFinite(scale) && scale > 0)) throw new RangeError(`scaleQpsLimit: scale must be a positive number, got ${scale}`);
  const scaled = limit.limit * scale;
  return Number.isInteger(scaled) && scaled >= 1 ? { limit: scaled, intervalMs: limit.intervalMs } : { limit: limit.limit, intervalMs: limit.intervalMs / scale };
}
