import { CredentialError, InvalidRequestError, OrderStateError, PermissionError, ResponseFormatError } from '@mallkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, seeds, setup, type Setup } from './harness.js';

/*
 * Yahoo's error shapes that the sandbox does not produce on its own, injected verbatim: the
 * classifier must read each one by its shape (specs/yahoo.md §5.1), whatever the HTTP status says.
 */

const DECL = "<?xml version='1.0' encoding='UTF-8' ?>";

function seedOne(env: Setup): string {
  const [seed] = seeds(1, 21).map((s) => ({ ...s, flags: { ...s.flags, buyerMayCancel: false } }));
  return env.sandbox.seed(seed ? [seed] : [])[0]?.id ?? '';
}

describe('the error table, by answer shape', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('orderList <Result><Status>NG</Status><Error> on HTTP 200 is an InvalidRequestError with its code', async () => {
    env = setup();
    seedOne(env);
    env.sandbox.kit.faults.inject(
      {
        kind: 'status',
        status: 200,
        body: `${DECL}<Result><Status>NG</Status><Error><Code>od00001</Code><Message><![CDATA[検索条件が不正です & 確認してください]]></Message></Error></Result>`,
      },
      { operation: 'orderList' },
    );
    const error = await failure(env.connector.client.orderList({ condition: { OrderTimeFrom: '20261101000000' }, fields: ['OrderId'], start: 1, results: 10 }));
    expect(InvalidRequestError.isInstance(error) && error.mallCode).toBe('od00001');
    expect(InvalidRequestError.isInstance(error) && error.message).toContain('検索条件が不正です & 確認してください');
  });

  it('a change API <ResultSet ng="1"> with Status NG is an OrderStateError, not a success', async () => {
    env = setup();
    const id = seedOne(env);
    env.sandbox.kit.faults.inject(
      {
        kind: 'status',
        status: 200,
        body: `${DECL}<ResultSet totalResultsAvailable="1" totalResultsReturned="1" ok="0" ng="1"><Result><Status>NG</Status></Result></ResultSet>`,
      },
      { operation: 'orderStatusChange' },
    );
    const error = await failure(env.connector.client.orderStatusChange({ orderId: id, orderStatus: '2' }));
    expect(OrderStateError.isInstance(error)).toBe(true);
  });

  it('an <Error xmlns="urn:yahoo:api"> 401 with WWW-Authenticate insufficient_scope is a PermissionError (Client ID scope)', async () => {
    env = setup();
    const id = seedOne(env);
    const challenge = 'Bearer realm="yahooapis.jp", error="insufficient_scope", error_description="insufficient scope"';
    env.sandbox.kit.faults.inject(
      {
        kind: 'status',
        status: 401,
        body: `${DECL}<Error xmlns="urn:yahoo:api"><Message>Please provide valid credentials. ${challenge}</Message></Error>`,
        headers: { 'WWW-Authenticate': challenge },
      },
      { operation: 'orderInfo', times: 5 },
    );
    const error = await failure(env.connector.getOrders([id]));
    expect(PermissionError.isInstance(error) && error.mallCode).toBe('insufficient_scope');
    expect(PermissionError.isInstance(error) && error.hint?.ja).toContain('ストア向け操作関連の機能');
  });

  it('401 "Authentication parameters … incompleted": one refresh and re-send, then CredentialError(accessToken), no loop', async () => {
    env = setup();
    const id = seedOne(env);
    const fault = {
      kind: 'status' as const,
      status: 401,
      body: `${DECL}<Error><Message>Bad Request: Authentication parameters in your request incompleted.</Message></Error>`,
      headers: { 'X-YahooJ-AuthError': 'Required authentication information is not found.' },
    };
    // Once: a fresh token and a fresh signature cure it.
    env.sandbox.kit.faults.inject(fault, { operation: 'orderInfo' });
    expect((await env.connector.getOrders([id]))[0]?.id).toBe(id);
    // Every time: the second answer is final.
    env.sandbox.kit.faults.inject(fault, { operation: 'orderInfo', times: 5 });
    const before = env.sandbox.kit.log.count({ operation: 'orderInfo' });
    const error = await failure(env.connector.getOrders([id]));
    expect(CredentialError.isInstance(error) && error.credential).toBe('accessToken');
    expect(env.sandbox.kit.log.count({ operation: 'orderInfo' }) - before).toBe(2);
  });

  it('HTTP 200 with a body that is neither XML nor a known root is a ResponseFormatError', async () => {
    env = setup();
    const id = seedOne(env);
    env.sandbox.kit.faults.inject({ kind: 'status', status: 200, body: `${DECL}<Something><Else/></Something>` }, { operation: 'orderInfo' });
    const shapeError = await failure(env.connector.getOrders([id], { retries: 0 }));
    expect(ResponseFormatError.isInstance(shapeError), String(shapeError)).toBe(true);
  });
});

describe('orderStatusChange body for a cancellation', () => {
  let env: Setup;
  afterEach(() => env.close());

  it('puts CancelReason and CancelReasonDetail under Order (the doc typo "Oeder" is not copied), escaped', async () => {
    env = setup(undefined, { operationUser: '担当者' });
    const id = seedOne(env);
    await env.connector.client.orderStatusChange({ orderId: id, orderStatus: '4', cancelReason: '230', cancelReasonDetail: '在庫切れのため & 入荷未定' });
    expect(env.sandbox.kit.log.filter({ operation: 'orderStatusChange' })[0]?.bodyText).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Req><Target><OrderId>${id}</OrderId><IsPointFix>true</IsPointFix><OperationUser>担当者</OperationUser></Target>` +
        '<Order><OrderStatus>4</OrderStatus><CancelReason>230</CancelReason><CancelReasonDetail>在庫切れのため &amp; 入荷未定</CancelReasonDetail></Order><SellerId>snbx-mallkit</SellerId></Req>',
    );
  });
});
