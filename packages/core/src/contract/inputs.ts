import { z } from 'zod';
import { CARRIER_CODES } from '../model/codes.js';
import { ORDER_STATUSES } from '../model/status.js';

/** Which date an order query filters on. Each connector's capabilities list the ones its mall has. */
export const ORDER_DATE_TYPES = ['ordered', 'updated', 'confirmed', 'shipped', 'paid', 'released'] as const;
/** A date an order query can filter on (`released`: when a fraud-review hold was lifted). */
export type OrderDateType = (typeof ORDER_DATE_TYPES)[number];

const instant = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'must be a Date or an ISO 8601 string with offset, e.g. 2026-11-22T10:00:00+09:00' });
      return z.NEVER;
    }
    if (typeof value === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) {
      ctx.addIssue({ code: 'custom', message: 'needs a time-zone offset (+09:00 or Z): a bare time is ambiguous between JST and UTC' });
      return z.NEVER;
    }
    return date;
  });

/** The query of listOrders. */
export const orderQuerySchema = z
  .object({
    /** Start of the window (inclusive). */
    from: instant,
    /** End of the window (inclusive); defaults to now. */
    to: instant.optional(),
    /** Which date `from`/`to` refer to; default `ordered`. */
    dateType: z.enum(ORDER_DATE_TYPES).default('ordered'),
    /** Only orders in these normalized statuses; default all. */
    statuses: z.array(z.enum(ORDER_STATUSES)).nonempty().optional(),
  })
  .strict()
  .refine((q) => q.to === undefined || q.to.getTime() >= q.from.getTime(), {
    message: 'must not be before `from`',
    path: ['to'],
  });

/** What a caller passes to listOrders. */
export type OrderQuery = z.input<typeof orderQuerySchema>;
/** listOrders' query after parsing: dates as Date, defaults applied. */
export type ParsedOrderQuery = z.output<typeof orderQuerySchema>;

/** The query of getPayments: either order ids or a window of order dates. */
export const paymentQuerySchema = z.union([
  z.object({ orderIds: z.array(z.string().trim().min(1, 'must not be empty')).nonempty('needs at least one order id') }).strict(),
  z.object({ from: instant, to: instant.optional() }).strict(),
]);
/** What a caller passes to getPayments. */
export type PaymentQuery = z.input<typeof paymentQuerySchema>;
/** getPayments' query after parsing. */
export type ParsedPaymentQuery = z.output<typeof paymentQuerySchema>;

/** A list of order ids: non-empty strings, no duplicates. */
export const orderIdsSchema = z
  .array(z.string().trim().min(1, 'must not be empty'))
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `order id ${id} is listed twice`, path: [index] });
      seen.add(id);
    });
  });

const carrierSchema = z.union([
  z.enum(CARRIER_CODES),
  z.object({ code: z.literal('other'), name: z.string().trim().min(1, 'name the carrier') }).strict(),
]);

/** A date (`YYYY-MM-DD`, taken as JST) or an instant. */
const shipDate = z.union([
  z.date(),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD (JST) or an ISO 8601 instant with offset'),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/, 'must be YYYY-MM-DD (JST) or an ISO 8601 instant with offset'),
]);

/** One shipment to write back to the mall. */
export const shipmentUpdateSchema = z
  .object({
    orderId: z.string().trim().min(1, 'must not be empty'),
    /** The destination (Rakuten basketId…), from `order.deliveries[i].deliveryId`; default: the order's only destination. */
    deliveryId: z.string().trim().min(1).optional(),
    carrier: carrierSchema,
    trackingNumber: z.string().trim().min(1, 'must not be empty: the mall marks an order shipped only with a tracking number'),
    /** When it was handed to the carrier; must not be in the future. */
    shippedAt: shipDate,
    /** Free-text service name (宅急便, ネコポス, ゆうパケット…), for malls that take one. */
    shippingMethod: z.string().trim().min(1).optional(),
    /** Only these lines; default: every line of the destination. */
    items: z
      .array(z.object({ lineId: z.string().min(1), quantity: z.number().int().positive() }).strict())
      .nonempty()
      .optional(),
  })
  .strict();

/** What a caller passes to exportShipments, per shipment. */
export type ShipmentUpdate = z.input<typeof shipmentUpdateSchema>;
/** A shipment update after parsing. */
export type ParsedShipmentUpdate = z.output<typeof shipmentUpdateSchema>;

/** The list given to exportShipments. */
export const shipmentUpdatesSchema = z.array(shipmentUpdateSchema);
