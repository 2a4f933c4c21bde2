import { formatJst } from '@mallkit/core';
import { z } from 'zod';

/*
 * What every order-API answer shares (specs/rakuten.md §4.1): a MessageModelList whose entries say
 * INFO, WARNING or ERROR, per order on batch endpoints. Model keys are capitalised on the wire
 * (MessageModelList), scalars camelCase: the schemas use the literal keys, never a camelizer.
 */

/** One entry of `MessageModelList`. */
export const messageModelSchema = z
  .object({
    messageType: z.string(),
    messageCode: z.string(),
    message: z.string().nullish(),
    orderNumber: z.string().nullish(),
    /** updateOrderShipping: 1-based position of the ShippingModel in the request. */
    dataNumber: z.number().nullish(),
    shippingDetailId: z.number().nullish(),
  })
  .loose();

/** One entry of `MessageModelList`, as parsed. */
export type RakutenMessageModel = z.infer<typeof messageModelSchema>;

/** The envelope alone: enough to classify any order-API answer. */
export const envelopeSchema = z.object({ MessageModelList: z.array(messageModelSchema).nullish() }).loose();

/** The older API-gateway error body: `{"Results":{"errorCode":"ES01-01","message":"Un-Authorised"}}`. */
export const gatewayResultsSchema = z.object({
  Results: z.object({ errorCode: z.string(), message: z.string().nullish() }).loose(),
});

/** The newer API-gateway error body: `{"errors":[{"code":"GA0001","message":"Un-Authorised"}]}`. */
export const gatewayErrorsSchema = z.object({
  errors: z.array(z.object({ code: z.string(), message: z.string().nullish() }).loose()).min(1),
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

/** An RMS date (`YYYY-MM-DD`, JST). */
export function rmsDate(date: Date | number): string {
  return formatJst(date, 'date');
}
