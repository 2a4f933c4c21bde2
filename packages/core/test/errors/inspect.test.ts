import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CredentialError, ResponseFormatError, TimeoutError } from '../../src/errors/classes.js';
import { createRedactor, defaultRedactor } from '../../src/errors/redact.js';
import { SafeCause, sanitizeCause } from '../../src/errors/safe-cause.js';

/** What ky's TimeoutError looks like: the request, headers included, as a property. */
function kyLikeError(authorization: string): Error {
  const error = new Error('Request timed out: POST https://api.rms.rakuten.co.jp/es/2.0/order/searchOrder/');
  error.name = 'TimeoutError';
  Object.assign(error, { request: { method: 'POST', headers: new Headers({ Authorization: authorization }) }, options: { headers: { authorization } } });
  return error;
}

describe('errors never carry a secret, however they are printed', () => {
  const secret = 'ESA c2VydmljZVNlY3JldDpsaWNlbnNlS2V5MTIzNDU2';

  it('keeps only a redacted copy of a library error as the cause: util.inspect at any depth shows no header', () => {
    const error = new TimeoutError('rakuten searchOrder: no answer within 100 ms', { mall: 'rakuten', cause: kyLikeError(secret) });
    const printed = inspect(error, { depth: Infinity });
    expect(printed).not.toContain('c2VydmljZVNlY3JldDpsaWNlbnNlS2V5MTIzNDU2');
    expect(printed).toContain('TimeoutError');
    expect(printed).toContain('Request timed out');
    expect(error.cause).toBeInstanceOf(SafeCause);
    expect(Object.keys(error.cause as object)).not.toContain('request');
  });

  it('keeps the cause chain (undici socket errors) with their codes, redacted', () => {
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const fetchFailed = new Error('fetch failed', { cause: socket });
    const copy = sanitizeCause(fetchFailed) as SafeCause;
    expect(copy.message).toBe('fetch failed');
    expect((copy.cause as SafeCause).code).toBe('UND_ERR_SOCKET');
  });

  it('masks secrets registered by any connector of the process, even in errors made far from it', () => {
    createRedactor(['lk-SECRET-0123456789abcdef']);
    const error = new CredentialError('the mall echoed lk-SECRET-0123456789abcdef back', { credential: 'licenseKey' });
    expect(error.message).not.toContain('lk-SECRET-0123456789abcdef');
    expect(defaultRedactor.text('x lk-SECRET-0123456789abcdef y')).toBe('x [REDACTED] y');
    // A short value is not shared process-wide: it would mask ordinary words.
    createRedactor(['abcd']);
    expect(defaultRedactor.text('abcd')).toBe('abcd');
  });

  it('redacts excerpts and every printed form: JSON, toJSON, stack, inspect', () => {
    const error = new ResponseFormatError('unreadable', { excerpt: `{"access_token":"tok-123456789","Authorization":"Bearer abcdefghijkl"}` });
    for (const form of [inspect(error, { depth: Infinity }), JSON.stringify(error), JSON.stringify(error.toJSON()), String(error.stack), error.excerpt]) {
      expect(form).not.toContain('tok-123456789');
      expect(form).not.toContain('abcdefghijkl');
    }
  });

  it('prints code, mall and hint beside the stack', () => {
    const error = new CredentialError('expired', { mall: 'yahoo', credential: 'refreshToken', hint: { ja: '再認可してください', en: 'Authorize again' } });
    const printed = inspect(error);
    expect(printed).toContain("code: 'credential_invalid'");
    expect(printed).toContain("mall: 'yahoo'");
    expect(printed).toContain('再認可してください');
  });
});
