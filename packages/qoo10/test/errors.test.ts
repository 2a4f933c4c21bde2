import { CredentialError, InvalidRequestError, MaintenanceError, NotFoundError, OrderStateError, PermissionError, createHttpResponse, type MallkitError } from '@mallkit/core';
import { describe, expect, it } from 'vitest';
import { classifyQoo10, qoo10Error } from '../src/errors.js';

function answer(text: string, operation = 'GetShippingInfo_v3', status = 200, contentType = 'application/json') {
  const response = createHttpResponse({ mall: 'qoo10', operation, status, headers: new Headers({ 'content-type': contentType }), url: 'https://api.qoo10.jp/x', text, redact: (t) => t });
  return classifyQoo10(response, { operation, method: 'POST', path: 'x' });
}

/**
 * Every code of the published tables (passoffer docs/api/qoo10: the common codes, SetSellerCheckYNBulk's
 * -10011…-10018, GetClaimInfo_V3's -10002 Search Date Error and -10003), the class it becomes, and
 * what the hint must speak of.
 */
const TABLE: Array<[number, string, new (...args: never[]) => MallkitError, RegExp]> = [
  [-10000, 'GetShippingInfo_v3', CredentialError, /CreateCertificationKey/],
  [-10001, 'GetShippingInfo_v3', CredentialError, /CreateCertificationKey/],
  [-10001, 'SetSendingInfo', NotFoundError, /注文番号/],
  [-10001, 'SetSellerCheckYN_V2', NotFoundError, /注文番号/],
  [-90001, 'GetShippingInfo_v3', CredentialError, /CreateCertificationKey/],
  [-90002, 'GetShippingInfo_v3', PermissionError, /API・FTP・QSM権限/],
  [-90003, 'SetSendingInfo', PermissionError, /API・FTP・QSM権限/],
  [-90004, 'GetShippingInfo_v3', CredentialError, /1年/],
  [-90005, 'GetClaimInfo_V3', CredentialError, /1年/],
  [-10011, 'SetSellerCheckYN_V2', InvalidRequestError, /500/],
  [-10012, 'SetSellerCheckYN_V2', OrderStateError, /発注確認済み/],
  [-10013, 'SetSellerCheckYN_V2', OrderStateError, /発送予定日/],
  [-10016, 'SetSellerCheckYN_V2', InvalidRequestError, /発送予定日/],
  [-10017, 'SetSellerCheckYN_V2', InvalidRequestError, /発送予定日/],
  [-10018, 'SetSellerCheckYN_V2', InvalidRequestError, /発送予定日/],
  [-10002, 'GetClaimInfo_V3', InvalidRequestError, /日付/],
  [-10003, 'GetClaimInfo_V3', InvalidRequestError, /90日/],
];

describe("Qoo10's error table (HTTP 200, the error in the body)", () => {
  it.each(TABLE)('ResultCode %i on %s → its class with a ja/en hint', (code, operation, type, hint) => {
    const error = answer(JSON.stringify({ ResultCode: code, ResultMsg: 'message' }), operation) as MallkitError;
    expect(error).toBeInstanceOf(type);
    expect(error.mallCode).toBe(String(code));
    expect(error.hint?.ja).toMatch(hint);
    expect(error.hint?.en.length).toBeGreaterThan(10);
  });

  it('an expired key names certificationKey and says expired; the misleading -90001 shape names it invalid', () => {
    const expired = answer('{"ResultCode":-90004,"ResultMsg":"Seller authorization key is expired. Use a new key."}') as CredentialError;
    expect(expired.code).toBe('credential_expired');
    expect(expired.credential).toBe('certificationKey');
    const wrong = answer('{"ErrorCode":-90001,"ErrorMsg":"存在しないAPIです。"}') as CredentialError;
    expect(wrong).toBeInstanceOf(CredentialError);
    expect(wrong.code).toBe('credential_invalid');
    expect(wrong.message).toContain('-90001');
  });

  it('a plain-text answer for an unknown class or method is an InvalidRequestError to report', () => {
    const service = answer("Can't find service Name ShippingBasicX");
    expect(service).toBeInstanceOf(InvalidRequestError);
    expect(service?.mallCode).toBe("Can't find service Name");
    expect(answer("Can't find method Info GetShippingInfo_v9")?.hint?.en).toMatch(/mallkit issue/);
  });

  it('success and unreadable bodies are left to the answer reader; non-200 to the status table', () => {
    expect(answer('{"ResultCode":0,"ResultMsg":"SUCCESS","ResultObject":[]}')).toBeNull();
    expect(answer('{"ResultCode":0,"ResultMsg":"成功"}')).toBeNull();
    expect(answer('{"broken":')).toBeNull();
    expect(answer('<html>502</html>', 'GetShippingInfo_v3', 502, 'text/html')).toBeUndefined();
  });

  it('minting failures name the QSM password', () => {
    const error = qoo10Error(-10000, 'Please check the user id or password.', 'CreateCertificationKey') as CredentialError;
    expect(error.credential).toBe('password');
    expect(error.hint?.ja).toMatch(/パスワード/);
  });

  it('an unknown negative code keeps the code and message', () => {
    const error = answer('{"ResultCode":-12345,"ResultMsg":"謎のエラー"}');
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error?.mallCode).toBe('-12345');
    expect(error?.message).toContain('謎のエラー');
  });

  // Review M2: -10001 on a write stopped the whole batch as "re-issue the key".
  it('-10001 on a write fails that order alone (not found), not the connector', () => {
    const error = answer('{"ResultCode":-10001,"ResultMsg":"Not exists order info"}', 'SetSendingInfo') as MallkitError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.hint?.en).toMatch(/order number/);
  });

  it('a maintenance page (HTTP 503, or HTML saying メンテナンス) is a MaintenanceError with what to do', () => {
    const page = answer('<html><body>Service Unavailable</body></html>', 'GetShippingInfo_v3', 503, 'text/html');
    expect(page).toBeInstanceOf(MaintenanceError);
    expect(page?.hint?.ja).toMatch(/メンテナンス/);
    expect(answer('<html><body>ただいまメンテナンス中です</body></html>', 'GetShippingInfo_v3', 200, 'text/html')).toBeInstanceOf(MaintenanceError);
    // A JSON answer is QAPI's own, whatever its text says.
    expect(answer('{"ResultCode":0,"ResultMsg":"SUCCESS","ResultObject":[{"ItemTitle":"メンテナンスキット"}]}')).toBeNull();
  });
});
