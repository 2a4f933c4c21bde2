import {
  ClockSkewError,
  createHttpResponse,
  CredentialError,
  IncompleteResultError,
  InvalidRequestError,
  MaintenanceError,
  isConnectorWide,
  MallUnavailableError,
  NotFoundError,
  OrderStateError,
  PermissionError,
  RateLimitError,
  type MallkitError,
} from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { makeshopErrorTable } from '../src/errors.js';
import { UnknownFieldsError } from '../src/index.js';
import { NOW, rejection, setUp, windowOf, type Harness } from './harness.js';


function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = createHttpResponse({ mall: 'makeshop', operation: 'searchOrder', status, headers: new Headers(headers), url: 'https://api.makeshop.test/graphql', text, redact: (value) => value });
  return makeshopErrorTable(response, { operation: 'searchOrder', method: 'POST', path: 'https://api.makeshop.test/graphql' }, { now: Date.parse(NOW) });
}

const errors = (code: string | null, message: string) => ({ errors: [{ message, ...(code ? { extensions: { code } } : {}) }] });

describe("makeshop's error table (GraphQL errors[] and HTTP statuses; every row unverified against the live API)", () => {
  it.each([
    ['an unknown field (graphql-js)', 400, errors('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "senderKana" on type "SearchedOrder".'), UnknownFieldsError, 'invalid_request'],
    ['an unknown field (graphql-java)', 200, errors(null, "Validation error (FieldUndefined@[searchOrder/orders/senderKana]) : Field 'senderKana' in type 'SearchedOrder' is undefined"), UnknownFieldsError, 'invalid_request'],
    ['an expired x-timestamp', 401, errors('TIMESTAMP_EXPIRED', 'x-timestamp is missing or outside its one-hour validity'), ClockSkewError, 'clock_skew'],
    ['a wrong API key', 401, errors('INVALID_API_KEY', 'x-api-key is invalid'), CredentialError, 'credential_invalid'],
    ['a revoked token (app uninstalled)', 401, errors('UNAUTHENTICATED', 'The access token has been revoked (the app was uninstalled)'), CredentialError, 'credential_revoked'],
    ['a wrong token', 401, errors('UNAUTHENTICATED', 'The access token is invalid'), CredentialError, 'credential_invalid'],
    ['a token refused in Japanese, no code', 401, errors(null, 'トークンが無効です'), CredentialError, 'credential_invalid'],
    ['a timestamp refused under UNAUTHENTICATED', 401, errors('UNAUTHENTICATED', 'x-timestamp is too old'), ClockSkewError, 'clock_skew'],
    ['an API key refused without a code', 403, errors(null, 'Invalid x-api-key'), CredentialError, 'credential_invalid'],
    ['a 401 without a GraphQL body', 401, '<html>401 Unauthorized</html>', CredentialError, 'credential_invalid'],
    ['no permission (外部データ連携 not approved)', 403, errors('FORBIDDEN', 'Forbidden'), PermissionError, 'permission_denied'],
    ['too many requests', 429, errors('TOO_MANY_REQUESTS', 'Too Many Requests'), RateLimitError, 'rate_limited'],
    ['maintenance (GraphQL body)', 503, errors('MAINTENANCE', 'ただいまメンテナンス中です'), MaintenanceError, 'maintenance'],
    ['maintenance (HTML page)', 503, '<html><body>ただいまメンテナンス中です</body></html>', MaintenanceError, 'maintenance'],
    ['no such order', 200, errors('NOT_FOUND', '注文が見つかりません: P1'), NotFoundError, 'not_found'],
    ["the order's state refuses the change", 200, errors('INVALID_ORDER_STATUS', 'キャンセルされた注文の配送状態は変更できません'), OrderStateError, 'order_state'],
    ['a value makeshop refuses', 200, errors('BAD_USER_INPUT', 'limit must be between 1 and 1000'), InvalidRequestError, 'invalid_request'],
    ['an input field makeshop does not know', 400, errors('GRAPHQL_VALIDATION_FAILED', 'Variable "$input" got invalid value; Field "displayOrderNumber" is not defined by type "SearchOrderRequest".'), InvalidRequestError, 'invalid_request'],
    ['a server error', 500, errors('INTERNAL_SERVER_ERROR', 'Internal server error'), MallUnavailableError, 'mall_unavailable'],
    ['an error code nobody listed', 200, errors('SOMETHING_NEW', 'Something new went wrong'), InvalidRequestError, 'invalid_request'],
  ] as const)('%s (HTTP %s)', (_what, status, body, errorClass, code) => {
    const error = answer(status, body) as MallkitError;
    expect(errorClass.isInstance(error), String(error)).toBe(true);
    expect(error.code).toBe(code);
    expect(error.mall).toBe('makeshop');
    expect(error.hint?.ja.length).toBeGreaterThan(0);
    expect(error.hint?.en.length).toBeGreaterThan(0);
  });

  // Review H2 (fails before: each of these became a connector-wide CredentialError or ClockSkewError).
  it.each([
    ['a syntax error in a replaced document', 400, errors('GRAPHQL_PARSE_FAILED', 'Syntax Error: Unexpected token "}".')],
    ['a body the server could not parse (no code)', 400, errors(null, 'Unexpected token } in JSON at position 10')],
    ['a pagination token makeshop refuses', 200, errors('BAD_USER_INPUT', 'Invalid pagination token')],
    ['a date input makeshop refuses', 200, errors('BAD_USER_INPUT', 'startOrderDate is not a valid timestamp')],
    ['an input field named like a key', 200, errors('BAD_USER_INPUT', 'Field "apiKeyId" is required')],
  ] as const)('%s is an InvalidRequestError about the request, never a refused credential or clock', (_what, status, body) => {
    const error = answer(status, body) as MallkitError;
    expect(InvalidRequestError.isInstance(error), String(error)).toBe(true);
    expect(isConnectorWide(error)).toBe(false);
  });

  // Review L4 (fails before: a bare 401 always said "reinstall the app").
  it('a bare 401 from a makeshop whose clock is two hours from ours is the clock, not the token', () => {
    const skewed = answer(401, '<html>401</html>', { date: new Date(Date.parse(NOW) - 2 * 3_600_000).toUTCString() });
    expect(ClockSkewError.isInstance(skewed)).toBe(true);
    expect(skewed?.message).toContain('about 120 minutes ahead');
    const close = answer(401, '<html>401</html>', { date: new Date(Date.parse(NOW) + 60_000).toUTCString() });
    expect(close).toMatchObject({ code: 'credential_invalid', credential: 'accessToken' });
  });

  // Review M7 (fails before: MallUnavailableError for the whole page).
  it('a partial result whose errors are each about one order is no error: the other orders are read', () => {
    const partial = {
      data: { searchOrder: { searchedCount: 2, page: 1, orders: [{ displayOrderNumber: 'P1', paymentDate: null }, { displayOrderNumber: 'P2' }] } },
      errors: [{ message: 'Internal server error', path: ['searchOrder', 'orders', 0, 'paymentDate'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    };
    expect(answer(200, partial)).toBeNull();
    const elsewhere = { ...partial, errors: [{ message: 'Internal server error', path: ['searchOrder', 'searchedCount'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    expect(MallUnavailableError.isInstance(answer(200, elsewhere))).toBe(true);
  });

  it('names the credential: the token for a refused token, the API key for a refused key', () => {
    expect((answer(401, errors('UNAUTHENTICATED', 'revoked')) as CredentialError).credential).toBe('accessToken');
    expect((answer(401, errors('INVALID_API_KEY', 'x-api-key is invalid')) as CredentialError).credential).toBe('apiKey');
    expect((answer(401, errors('UNAUTHENTICATED', 'revoked')) as CredentialError).hint?.ja).toContain('再インストール');
  });

  it('lists every unknown field makeshop named, and the retryable ones are exactly the transient ones', () => {
    const unknown = answer(400, {
      errors: [
        { message: 'Cannot query field "senderKana" on type "SearchedOrder".' },
        { message: 'Cannot query field "slipNumber" on type "DeliveryInfo".' },
      ],
    }) as UnknownFieldsError;
    expect(unknown.unknownFields).toEqual(['senderKana', 'slipNumber']);
    expect(unknown.retryable).toBe(false);
    expect((answer(429, errors('TOO_MANY_REQUESTS', 'x')) as MallkitError).retryable).toBe(true);
    expect((answer(500, errors('INTERNAL_SERVER_ERROR', 'x')) as MallkitError).retryable).toBe(true);
    expect((answer(401, errors('TIMESTAMP_EXPIRED', 'x')) as MallkitError).retryable).toBe(false);
  });

  it('says how far off the clock is when makeshop sends its Date', () => {
    const error = answer(401, errors('TIMESTAMP_EXPIRED', 'x-timestamp is outside its validity'), { date: new Date(Date.parse(NOW) + 2 * 3_600_000).toUTCString() });
    expect(error?.message).toContain('about 120 minutes behind');
    expect(error?.hint?.ja).toContain('時計');
  });

  it('a successful answer is no error; a non-GraphQL failure is left to the status table', () => {
    expect(answer(200, { data: { searchOrder: { searchedCount: 0, page: 1, orders: [] } } })).toBeNull();
    expect(answer(502, '<html>502 Bad Gateway</html>')).toBeUndefined();
  });
});

describe('the error table against the sandbox', () => {
  let harness: Harness;
  afterEach(() => harness?.close());

  it('a revoked token (the shop uninstalled the app) is a CredentialError on accessToken, sent once and not retried', async () => {
    harness = setUp();
    harness.sandbox.uninstallApp();
    const error = await rejection(harness.connector.getOrders([harness.seeds[0]!.id]));
    expect(CredentialError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'credential_revoked', credential: 'accessToken', httpStatus: 401 });
    expect(harness.sandbox.kit.log.count()).toBe(1);
  });

  it('a machine clock two hours behind gives ClockSkewError with the hint to fix the clock, and nothing is retried', async () => {
    harness = setUp({ connector: { clock: { now: () => Date.parse(NOW) - 2 * 3_600_000, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) } } });
    const error = await rejection(harness.connector.getOrders([harness.seeds[0]!.id]));
    expect(ClockSkewError.isInstance(error), String(error)).toBe(true);
    expect((error as ClockSkewError).message).toMatch(/about 12\d minutes behind/);
    expect((error as ClockSkewError).hint?.en).toContain('clock');
    expect(harness.sandbox.kit.log.count()).toBe(1);
  });

  it('a wrong API key is a CredentialError on apiKey', async () => {
    harness = setUp({ connector: { apiKey: 'not-the-key' } });
    const error = await rejection(harness.connector.getOrders([harness.seeds[0]!.id]));
    expect(error).toMatchObject({ code: 'credential_invalid', credential: 'apiKey' });
    expect(String(error)).not.toContain('not-the-key');
  });

  // Review M7 against the sandbox: one order's field error loses that order only.
  it('an answer with an error about one order delivers the other orders and names that one at the end', async () => {
    harness = setUp();
    const [first, second] = harness.sandbox.orders.values().filter((order) => order.deliveryStatus === 'N');
    const body = {
      data: { searchOrder: { searchedCount: 2, page: 1, orders: [{ ...first, paymentDate: null }, second] } },
      errors: [{ message: 'Internal server error', path: ['searchOrder', 'orders', 0, 'paymentDate'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    };
    harness.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }, { operation: 'searchOrder' });
    const delivered: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const order of harness.connector.listOrders({ ...windowOf(harness.seeds), statuses: ['ready_to_ship', 'awaiting_payment'] })) delivered.push(order.id);
      })(),
    );
    expect(IncompleteResultError.isInstance(error)).toBe(true);
    expect((error as IncompleteResultError).failures.map((failure) => [failure.orderId, failure.message.includes('paymentDate')])).toEqual([[first!.displayOrderNumber, true]]);
    expect(delivered).toContain(second!.displayOrderNumber);
  });

  it("makeshop's QPS answer is a RateLimitError, retried until the throttle lets the request through", async () => {
    harness = setUp();
    harness.sandbox.kit.faults.inject({ kind: 'status', status: 429, body: JSON.stringify(errors('TOO_MANY_REQUESTS', 'Too Many Requests')), headers: { 'content-type': 'application/json' } });
    const orders = await harness.connector.getOrders([harness.seeds[0]!.id]);
    expect(orders).toHaveLength(1);
    expect(harness.lines.some((line) => line.startsWith('onRetry') && line.includes('rate_limited'))).toBe(true);
  });
});
