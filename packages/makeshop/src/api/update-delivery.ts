import { z } from 'zod';

/** What the (inferred) updateOrderDelivery mutation answers. */
export interface DeliveryUpdateResult {
  readonly displayOrderNumber?: string;
  readonly deliveryStatus?: string | null;
}

/**
 * The mutation's result. A `null` result without `errors` tells nothing about the outcome: it
 * fails this schema, which makes the write's outcome unknown, and the order is read back.
 */
export const deliveryUpdateResultSchema: z.ZodType<DeliveryUpdateResult> = z.looseObject({
  displayOrderNumber: z.string().optional(),
  deliveryStatus: z.string().nullable().optional(),
});
