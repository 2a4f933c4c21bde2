import type { RakutenMessageModel } from '../api/common.js';

/*
 * How the sandbox answers, in Rakuten's wire shapes: JSON with `application/json;charset=utf-8`,
 * MessageModelList envelopes, and the API gateway's two error bodies.
 */

const JSON_TYPE = 'application/json;charset=utf-8';

/** A JSON answer as RMS sends it. */
export function jsonAnswer(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE } });
}

/** One MessageModel. */
export function message(
  messageType: 'INFO' | 'WARNING' | 'ERROR',
  messageCode: string,
  text: string,
  extra: Partial<Pick<RakutenMessageModel, 'orderNumber' | 'dataNumber' | 'shippingDetailId'>> = {},
): RakutenMessageModel {
  return { messageType, messageCode, message: text, ...extra };
}

/** A validation refusal: HTTP 400 with one ERROR and the endpoint's other fields null. */
export function validationError(code: string, text: string, nulls: Record<string, null | readonly never[]> = {}): Response {
  return jsonAnswer({ MessageModelList: [message('ERROR', code, text)], ...nulls }, 400);
}

/** The newer gateway error body (`GA0001`, `GA0003`). */
export function gatewayErrors(status: number, code: string, text: string): Response {
  return jsonAnswer({ errors: [{ code, message: text }] }, status);
}

/** The older gateway error body (`ES01-01`, `ES04-01`). */
export function gatewayResults(status: number, errorCode: string, text: string): Response {
  return jsonAnswer({ Results: { errorCode, message: text } }, status);
}

/**
 * Codes the sandbox needs for refusals whose real code is not in any public copy of Rakuten's
 * docs. They follow Rakuten's pattern and are listed in the README as the sandbox's choice.
 */
export const SANDBOX_CODES = {
  searchWindowTooLong: 'ORDER_EXT_API_SEARCH_ORDER_ERROR_012',
  searchTooOld: 'ORDER_EXT_API_SEARCH_ORDER_ERROR_013',
  searchPageSize: 'ORDER_EXT_API_SEARCH_ORDER_ERROR_014',
  getOrderTooMany: 'ORDER_EXT_API_GET_ORDER_ERROR_010',
  getOrderVersion: 'ORDER_EXT_API_GET_ORDER_ERROR_011',
  confirmTooMany: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_010',
  confirmNotFound: 'ORDER_EXT_API_CONFIRM_ORDER_ERROR_101',
  shippingNotFound: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_101',
  /** An order at 100 or 200: not cleared for shipping yet. */
  shippingNotReady: 'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_103',
  paymentNotFound: 'ORDER_EXT_API_GET_PAYMENT_ERROR_101',
} as const;
