import { z } from 'zod';
import { defineEndpoint } from '../../src/kit/endpoint.js';
import type { SeedOrder } from '../../src/testing/seed-types.js';
import type { ExampleWireOrder } from './sandbox.js';

/** One order as the example mall sends it. */
export const exampleOrderSchema = z.looseObject({
  id: z.string(),
  status: z.enum(['new', 'accepted', 'packing', 'sent', 'done', 'cancelled', 'held']),
  seed: z.custom<SeedOrder>((value) => typeof value === 'object' && value !== null),
  shipments: z.array(z.looseObject({ tracking: z.string(), carrier: z.string(), date: z.string() })),
  updatedAt: z.string(),
}) as unknown as z.ZodType<ExampleWireOrder>;

const resultsSchema = z.looseObject({ results: z.array(z.looseObject({ id: z.string(), result: z.string() })) });

export const searchEndpoint = defineEndpoint({
  operation: 'search',
  method: 'POST',
  path: 'orders/search',
  idempotent: true,
  body: (input: { from: Date; to: Date; page: number; dateType: 'ordered' | 'updated' }) => ({
    json: { from: input.from.toISOString(), to: input.to.toISOString(), page: input.page, dateType: input.dateType },
  }),
  answer: { format: 'json', schema: z.looseObject({ ids: z.array(z.string()), total: z.number(), page: z.number() }) },
});

// Each order is checked on its own by the kit's reader: the envelope only says "a list".
export const getEndpoint = defineEndpoint({
  operation: 'get',
  method: 'POST',
  path: 'orders/get',
  idempotent: true,
  body: (ids: readonly string[]) => ({ json: { ids } }),
  answer: { format: 'json', schema: z.looseObject({ orders: z.array(z.unknown()) }) },
});

export const confirmEndpoint = defineEndpoint({
  operation: 'confirm',
  method: 'POST',
  path: 'orders/confirm',
  body: (ids: readonly string[]) => ({ json: { ids } }),
  answer: { format: 'json', schema: resultsSchema },
});

export const shipEndpoint = defineEndpoint({
  operation: 'ship',
  method: 'POST',
  path: 'shipments',
  body: (shipments: ReadonlyArray<{ id: string; tracking: string; carrier: string; date: string }>) => ({ json: { shipments } }),
  answer: { format: 'json', schema: resultsSchema },
});

export const keyEndpoint = defineEndpoint({
  operation: 'key',
  method: 'GET',
  path: 'key',
  answer: { format: 'json', schema: z.looseObject({ expiresAt: z.string() }) },
});
