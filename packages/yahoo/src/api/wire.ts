import { controlCharacterIn, type RequestBody } from '@mallkit/core';
import { xmlCodec } from '@mallkit/core/xml';
import { z } from 'zod';

/*
 * Shared pieces of the Yahoo XML wire: the elements that repeat (always arrays, even when Yahoo
 * sends one), schema helpers for Yahoo's text values and empty elements, and the `<Req>` body.
 * The helpers use `.transform` rather than `z.preprocess`, so that the kit's tolerant reader can
 * still see through them and bend a repeated scalar inside a group (specs/yahoo.md §2).
 */

/** Elements that may repeat anywhere in an order API answer; the parser always returns them as arrays. */
export const REPEATED_TAGS = ['OrderInfo', 'Item', 'ItemOption', 'Inscription', 'Warning', 'History', 'Change'] as const;

/**
 * How every Yahoo body is written and every answer parsed. One codec for the error table and the
 * answer reader alike, so that an answer is parsed once (the kit memoizes per reader).
 */
export const YAHOO_XML = xmlCodec({ arrayTags: REPEATED_TAGS });

/** The `<Req>` document of every POST order API; `<SellerId>` after the body, as the official samples write it. */
export function reqBody(body: Readonly<Record<string, unknown>>, sellerId: string): RequestBody {
  return { document: { Req: { ...body, SellerId: sellerId } }, codec: YAHOO_XML };
}

/** `{ [key]?: string }` for a list of keys: how Yahoo's text fields look once parsed. */
export type TextFields<K extends string> = { readonly [P in K]?: string };

/** A zod shape in which every key of `keys` is an optional string (Yahoo sends values as text). */
export function stringFields<const K extends readonly string[]>(keys: K): { [P in K[number]]: z.ZodOptional<z.ZodString> } {
  const shape: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const key of keys) shape[key] = z.string().optional();
  return shape as { [P in K[number]]: z.ZodOptional<z.ZodString> };
}

/** An element that may come empty (`<Pay/>` parses as `''`): read as an empty object. */
export function group<T extends z.ZodType<object>>(schema: T) {
  return z.union([z.literal(''), schema]).transform((value) => (value === '' ? {} : value) as z.output<T>);
}

/** A repeated element, dropping the empty placeholders Yahoo writes (`<OrderInfo />` after a paging mistake). */
export function list<T extends z.ZodType>(schema: T) {
  return z.array(z.union([z.literal(''), schema])).transform((items) => items.filter((item) => item !== '') as Array<z.output<T>>);
}

/** `<Error><Code/><Message/></Error>`: the code is absent on some answers. */
export const errorSchema = z.looseObject({ Code: z.string().optional(), Message: z.string().optional() });

/** One `<Warning>` of a change API: the update went through anyway. */
export const warningSchema = z.looseObject({ Code: z.string().optional(), Message: z.string().optional(), Detail: z.string().optional() });

/** A warning of a change API, as the raw client hands it back. */
export interface YahooWarning {
  /** Yahoo's code, e.g. `od91113` (売上確定済み) or `od91705` (status unchanged). */
  readonly code: string;
  /** Yahoo's message, as sent (Japanese). */
  readonly message: string;
  /** Extra detail (LineIds for od91130), or null. */
  readonly detail: string | null;
}

/** Turns parsed `<Warning>` elements into plain warnings. */
export function toWarnings(warnings: ReadonlyArray<z.output<typeof warningSchema>> | undefined): YahooWarning[] {
  return (warnings ?? []).map((w) => ({ code: w.Code ?? '', message: w.Message ?? '', detail: w.Detail ? w.Detail : null }));
}

/** A text value sent inside a request: at most `max` characters and no control character, which XML cannot carry. */
export function plainText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => controlCharacterIn(value) === null, 'must not contain control characters (line breaks, NUL…)');
}
