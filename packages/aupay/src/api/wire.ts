import { xmlCodec } from '@mallkit/core/xml';
import { z } from 'zod';

/*
 * Every Wow!manager answer is XML under `<response>` with `<result><status>`: 0 for success, 1 for
 * an error described by `<error><code/><message/></error>` (some answers put `<message>` directly
 * under `<result>`). One `orderInfo` or `detail` comes back as a single element, several as a list.
 */

/**
 * How bodies are written and answers read: `orderInfo` and `detail` always as arrays. One codec for
 * every endpoint, so that the error table and the answer reader share one parse of each body.
 */
export const AUPAY_XML = xmlCodec({ arrayTags: ['orderInfo', 'detail'] });

/** The `<error>` element of a refused call. */
export const aupayErrorSchema = z.looseObject({
  /** au PAY's error code (`0002`, `CME0022`…). */
  code: z.string().optional(),
  /** au PAY's message (`認証に失敗しました`, `[orderId]必須入力項目です`…). */
  message: z.string().optional(),
});

/** The `<result>` element every answer carries. */
export const aupayResultSchema = z.looseObject({
  /** `0` success, `1` error. */
  status: z.string(),
  /** What went wrong, when status is 1. */
  error: z.union([aupayErrorSchema, z.string()]).optional(),
  /** A message some answers put directly under `<result>`. */
  message: z.string().optional(),
});

/** The `<result>` element of an answer, as read. */
export type AupayResult = z.output<typeof aupayResultSchema>;

/** An answer that carries only its result (the update endpoints). */
export const aupayStatusAnswerSchema = z.looseObject({
  /** The `<response>` root. */
  response: z.looseObject({ result: aupayResultSchema }),
});

/** Wraps the `<response>` element's schema. */
export function responseOf<Shape extends z.ZodType>(body: Shape): z.ZodObject<{ response: Shape }, z.core.$loose> {
  return z.looseObject({ response: body });
}
