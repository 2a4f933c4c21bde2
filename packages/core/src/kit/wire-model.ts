import { z } from 'zod';

/**
 * A mall's wire object: LOOSE at run time (fields the mall adds later pass and stay in `order.raw`),
 * but typed with only the listed fields, so that a typo such as `order.raw.SettlementModell` is a
 * compile error instead of `undefined`. Use it for every object schema whose output users read.
 * (typedoc: alias the output type with `@useDeclaredType` when the schema itself is not exported.)
 */
export function wireModel<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape> {
  return z.looseObject(shape) as unknown as z.ZodObject<Shape>;
}
