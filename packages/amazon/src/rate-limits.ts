
/** The SP-API operations this package calls, by Amazon's operationId (v2026 reads are prefixed). */
export const AMAZON_OPERATIONS = [
  'searchOrders',
  'getOrder',
  'getOrdersV0',
  'getOrderV0',
  'getOrderItemsV0',
  'getOrderAddressV0',
  'getOrderBuyerInfoV0',
  'confirmShipment',
] as const;

/** One SP-API operation this package calls. */
export type AmazonOperation = (typeof AMAZON_OPERATIONS)[number];

/** An SP-API usage plan: a token bucket refilled at `rate` requests per second, holding at most `burst`. */
export interface UsagePlan {
  readonly rate: number;
  readonly burst: number;
}

/**
 * Default usage plans, from the "Usage Plan" table in each operation's description in
 * amzn/selling-partner-api-models (ordersV0.json, orders_2026-01-01.json @34dc93fe). Amazon may
 * grant a seller more; the x-amzn-RateLimit-Limit header then tells, and the connector follows it.
 */
export const AMAZON_USAGE_PLANS: Readonly<Record<AmazonOperation, UsagePlan>> = Object.freeze({
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrdersV0: { rate: 0.0167, burst: 20 },
  getOrderV0: { rate: 0.5, burst: 30 },
  getOrderItemsV0: { rate: 0.5, burst: 30 },
  getOrderAddressV0: { rate: 0.5, burst: 30 },
  getOrderBuyerInfoV0: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
});

/**
 * Multiplies every plan's rate by `factor` (bursts stay): tests and benchmarks run the real
 * proportions between operations in a fraction of the time.
 */
export function scaleUsagePlans(
  plans: Readonly<Record<AmazonOperation, UsagePlan>>,
  factor: number,
): Record<AmazonOperation, UsagePlan> {
  if (!(Number.isFinite(factor) && factor > 0)) throw new RangeError(`scaleUsagePlans: factor must be > 0, got ${factor}`);
  const out = {} as Record<AmazonOperation, UsagePlan>;
  for (const operation of AMAZON_OPERATIONS) {
    const plan = plans[operation];
    out[operation] = { rate: plan.rate * factor, burst: plan.burst };
  }
  return out;
}

/** Reads x-amzn-RateLimit-Limit (requests per second as a decimal string); null when absent or unusable. */
export function parseRateLimitHeader(value: string | null): number | null {
  if (value === null) return null;
  const rate = Number(value.trim());
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}
