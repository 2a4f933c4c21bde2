import type { SandboxKit } from '@mallkit/core/testing';
import type { AuthServer } from './auth-server.js';
import { errorResponse } from './render.js';
import { readReq, text, type XmlElement } from './xml-request.js';

/*
 * The YConnect token endpoint, and the gate every order API request passes before its own handler,
 * in Yahoo's order: the daily cap, the access token and session (px-04102), the order-API
 * approval (px-04303), the XML body and its SellerId. The 公開鍵 verdict goes out as
 * X-SWS-Authorize-Status on the answer.
 */

/** Switches a test flips to make the whole store misbehave. */
export interface StoreSwitches {
  /** The daily cap is used up: every order API answers 403 "Your Request was Forbidden". */
  quotaExhausted: boolean;
  /** The app is not approved for the order APIs: px-04303. */
  orderApiDenied: boolean;
}

/** What the order API routes share. */
export interface OrderApiSetup {
  readonly kit: SandboxKit;
  /** The order API root, without a trailing slash. */
  readonly base: string;
  readonly sellerId: string;
  readonly auth: AuthServer;
  readonly switches: StoreSwitches;
}

/** An order API's own logic: the request's `<Req>` in, Yahoo's answer out. */
export type OrderApiHandler = (req: XmlElement) => Response;

/** Registers POST /yconnect/v2/token (refresh and code exchange). */
export function routeToken(kit: SandboxKit, tokenUrl: string, auth: AuthServer): void {
  kit.route('POST', tokenUrl, 'token', ({ request, bodyText }) => auth.token(request, bodyText));
}

/** Registers one order API behind Yahoo's gate. */
export function routeOrderApi(setup: OrderApiSetup, name: string, handle: OrderApiHandler): void {
  const { auth, switches } = setup;
  setup.kit.route('POST', `${setup.base}/${name}`, name, ({ request, bodyText }) => {
    if (switches.quotaExhausted) return errorResponse(403, 'Your Request was Forbidden', null);
    const gate = auth.gate(request);
    if (gate.refused) return gate.refused;
    if (switches.orderApiDenied) {
      return errorResponse(403, 'This application ID is not registered for using order API. Use of order API requires an application ID.', 'px-04303');
    }
    let req: XmlElement;
    try {
      req = readReq(bodyText);
    } catch {
      return errorResponse(400, 'Invalid Request: the body must be XML rooted at <Req>.', null);
    }
    if (text(req, 'SellerId') !== setup.sellerId) return errorResponse(400, 'Invalid Request: SellerId.', null);
    const response = handle(req);
    if (gate.authorizeStatus !== null) response.headers.set('X-SWS-Authorize-Status', gate.authorizeStatus);
    return response;
  });
}
