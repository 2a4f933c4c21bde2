import { buildXml, parseXml } from '@mallkit/core';
import { z } from 'zod';

/*
 * Shared pieces of the Yahoo XML wire: the elements that repeat (always arrays, even when Yahoo
 * sends one), a schema helper for "all of these are optional strings", and the `<Req>` builder.
 */

/** Elements that may repeat anywhere in an order API answer; the parser always returns them as arrays. */
export const REPEATED_TAGS = ['OrderInfo', 'Item', 'ItemOption', 'Inscription', 'Warning', 'History', 'Change'] as const;

/** Parses a Yahoo answer with every repeated element as an array. CDATA is merged by the parser. */
export function parseYahooXml(text: string): unknown {
  return parseXml(text, { arrayTags: REPEATED_TAGS });
}

/** The `Req` document of every POST order API, as a plain object for buildXml. */
export type ReqBody = Readonly<Record<string, unknown>>;

/** Writes `<Req>…<SellerId>…</SellerId></Req>` with the XML declaration, as the official samples do. */
export function buildReq(body: ReqBody, sellerId: string): string {
  return buildXml({ Req: { ...body, SellerId: sellerId } });
}

/** The shape of `{ [key]: optional string }` for a list of keys. */
export type StringFields<K extends string> = { [P in K]: z.ZodOptional<z.ZodString> };

/** A zod shape in which every key of `keys` is an optional string (Yahoo sends values as text). */
export function stringFields<const K extends readonly string[]>(keys: K): StringFields<K[number]> {
  const shape: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const key of keys) shape[key] = z.string().optional();
  return shape as StringFields<K[number]>;
}

/** An element that may come empty (`<Pay/>` parses as `''`): read as an empty object. */
export function group<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? {} : value), schema);
}

/** A repeated element, dropping the empty placeholders Yahoo writes (`<OrderInfo />` after a paging mistake). */
export function list<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (Array.isArray(value) ? value.filter((entry) => entry !== '') : value), z.array(schema));
}

/** `<Error><Code/><Message/></Error>`: the code is absent on some answers. */
export const errorSchema = z.looseObject({ Code: z.string().optional(), Message: z.string().optional() });

/** One `<Warning>` of a change API: the update went through anyway. */
export const warningSchema = z.looseObject({ Code: z.string().optional(), Message: z.string().optional(), Detail: z.string().optional() });

/** A warning as the connector hands it back. */
export interface YahooWarning {
  readonly code: string;
  readonly message: string;
  readonly detail: string | null;
}

/** Turns parsed `<Warning>` elements into plain warnings. */
export function toWarnings(warnings: ReadonlyArray<z.output<typeof warningSchema>> | undefined): YahooWarning[] {
  return (warnings ?? []).map((w) => ({ code: w.Code ?? '', message: w.Message ?? '', detail: w.Detail ? w.Detail : null }));
}
