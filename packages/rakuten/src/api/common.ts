import { formatJst, wireModel } from '@mallkit/core';
import { z } from 'zod';
import { RAKUTEN_CONTENT_TYPE } from './constants.js';

/*
 * What every order-API answer shares (specs/rakuten.md §4.1): a MessageModelList whose entries say
 * INFO, WARNING or ERROR, per order on batch endpoints. Model keys are capitalised on the wire
 * (MessageModelList), scalars camelCase: the schemas use the literal keys, never a camelizer.
 */

/**
 * A JSON request body of the order API. The kit would send `application/json`; Rakuten wants the
 * charset spelled out (specs §1.1: the official header table says `application/json; charset=utf-8`).
 */
export function rmsJson(body: unknown): { readonly json: unknown; readonly contentType: string } {
  return { json: body, contentType: RAKUTEN_CONTENT_TYPE };
}

/** One entry of `MessageModelList`. */
export const messageModelSchema = wireModel({
  messageType: z.string(),
  messageCode: z.string(),
  message: z.string().nullish(),
  orderNumber: z.string().nullish(),
  /** updateOrderShipping: 1-based position of the ShippingModel in the request. */
  dataNumber: z.number().nullish(),
  shippingDetailId: z.number().nullish(),
});

/**
 * One entry of `MessageModelList`, as parsed.
 *
 * @useDeclaredType
 */
export type RakutenMessageModel = z.output<typeof messageModelSchema>;

/** The envelope alone: enough to classify any order-API answer, and the whole answer of the writes. */
export const envelopeSchema = wireModel({ MessageModelList: z.array(messageModelSchema).nullish() });

/**
 * An answer that is only a MessageModelList (confirmOrder, updateOrderShipping), as parsed.
 *
 * @useDeclaredType
 */
export type RakutenEnvelope = z.output<typeof envelopeSchema>;

/** The older API-gateway error body: `{"Results":{"errorCode":"ES01-01","message":"Un-Authorised"}}`. */
export const gatewayResultsSchema = z.object({
  Results: z.looseObject({ errorCode: z.string(), message: z.string().nullish() }),
});

/** The newer API-gateway error body: `{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}`. */
export const gatewayErrorsSchema = z.object({
  errors: z.array(z.looseObject({ code: z.string(), message: z.string().nullish() })).min(1),
});

/**
 * An RMS request datetime: JST wall-clock time with the literal `+0900` offset. The official tables
 * print `+09:00`, but the samples and every field report say only `+0900` is accepted (others get
 * SEARCH_ORDER_ERROR_011).
 */
export function rmsDatetime(date: Date | number): string {
  return formatJst(date, 'iso-compact-offset');
}

/** The exact shape {@link rmsDatetime} writes: what the sandbox accepts, as Rakuten does. */
export const RMS_DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0900$/;
