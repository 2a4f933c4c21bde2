import { createHash } from 'node:crypto';

const INT32_MAX = 2_147_483_647;

/**
 * A package's confirmShipment id, derived from the order and the tracking number: a positive
 * integer (Amazon refuses anything else, jlevers/selling-partner-api#489) below 2^31, the same on
 * every retry, so that re-sending a shipment updates that package instead of adding a second one.
 * Hyphens and spaces in the tracking number do not change it.
 */
export function packageReferenceId(orderId: string, trackingNumber: string): string {
  const tracking = trackingNumber.normalize('NFKC').replace(/[\s-]/gu, '');
  const digest = createHash('sha256').update(`${orderId}\u0000${tracking}`).digest();
  return String((digest.readUInt32BE(0) % (INT32_MAX - 1)) + 1);
}
