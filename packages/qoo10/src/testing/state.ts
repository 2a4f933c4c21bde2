import { HttpResponse } from 'msw';
import type { SandboxClock } from '@mallkit/core/testing';
import type { Qoo10Store } from './store.js';

/** A Seller Authorization Key the sandbox issued, with when it stops working. */
export interface SandboxKey {
  readonly key: string;
  expiresAt: number;
}

/** What the sandbox's handlers share: the carts, the shop's login and keys, and the mall's rules. */
export interface Qoo10SandboxState {
  readonly store: Qoo10Store;
  readonly clock: SandboxClock;
  /** The API key Qoo10 issued to the shop (the header of CreateCertificationKey). */
  readonly apiKey: string;
  readonly userId: string;
  /** The QSM password; changing it voids every key issued before. */
  password: string;
  /** Keys that work, by value. */
  readonly keys: Map<string, SandboxKey>;
  /** Most rows one search answer holds. */
  resultCap: number;
  /** Latest 発送予定日 allowed, in days after today (-10017 beyond it). UNVERIFIED value. */
  estShipMaxDays: number;
}

/** A QAPI answer: HTTP 200 and JSON, whatever happened (Qoo10 never uses the HTTP status). */
export function qapiAnswer(body: Record<string, unknown>): Response {
  return HttpResponse.json(body, { status: 200 });
}

/** The `{ResultCode, ResultMsg}` error shape. */
export function resultError(code: number, message: string): Response {
  return qapiAnswer({ ResultCode: code, ResultMsg: message });
}

/**
 * Checks the key header of a call: a key the sandbox never issued gets the live `{ErrorCode:
 * -90001, ErrorMsg: 存在しないAPIです。}` (which misleadingly says the API does not exist); an expired
 * one `-90004`. Returns null when the key works.
 */
export function refuseKey(state: Qoo10SandboxState, request: Request): Response | null {
  const key = state.keys.get(request.headers.get('giosiscertificationkey') ?? '');
  if (key === undefined) return qapiAnswer({ ErrorCode: -90001, ErrorMsg: '存在しないAPIです。' });
  if (state.clock.now() >= key.expiresAt) return resultError(-90004, 'Seller authorization key is expired. Use a new key.');
  return null;
}

/** Reads a form body as Qoo10 does; field names are matched as sent. */
export function formOf(bodyText: string): URLSearchParams {
  return new URLSearchParams(bodyText);
}
