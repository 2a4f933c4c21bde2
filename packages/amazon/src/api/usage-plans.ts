/** The SP-API operations this package calls, by Amazon's operationId (v0 reads are suffixed). */
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

/** One SP-API operation this package calls (the keys of `usagePlans`). */
export type AmazonOperation = (typeof AMAZON_OPERATIONS)[number];

/** An SP-API usage plan: a token bucket refilled at `rate` requests per second, holding at most `burst`. */
export interface UsagePlan {
  /** Requests per second the bucket refills at. */
  readonly rate: number;
  /** The most requests the bucket holds (sent at once after a pause). */
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

/** True when `value` names an operation with a usage plan. */
export function isAmazonOperation(value: string): value is AmazonOperation {
  return (AMAZON_OPERATIONS as readonly string[]).includes(value);
}

/**
 * The throttle key of one operation of one seller and app: Amazon keeps a bucket per operation, so
 * the connector does too (`<credential key>|<operation>`).
 */
export function perOperation(operation: AmazonOperation): (connectorKey: string) => string {
  return (connectorKey) => `${connectorKey}|${operation}`;
}

/** The operation a throttle key names, or null for a key of no operation. */
export function operationOfKey(key: string): AmazonOperation | null {
  const operation = key.slice(key.lastIndexOf('|') + 1);
  return isAmazonOperation(operation) ? operation : null;
}

/** Reads x-amzn-RateLimit-Limit (requests per second as a decimal string); null when absent or unusable. */
export function parseRateLimitHeader(value: string | null): number | null {
  if (value === null) return null;
  const rate = Number(value.trim());
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}
