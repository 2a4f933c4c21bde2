import { describe, expect, it } from 'vitest';
import * as classes from '../../src/errors/classes.js';
import { CredentialError, RateLimitError, ValidationError } from '../../src/errors/classes.js';
import { MallkitError } from '../../src/errors/mallkit-error.js';
import { createRedactor } from '../../src/errors/redact.js';

describe('error hierarchy', () => {
  it('is recognised by isInstance across copies of the package (a plain object with the markers)', () => {
    const error = new RateLimitError('slow down', { mall: 'rakuten', retryAfterMs: 1000 });
    // Another copy of @mallkit/core has other classes but the same Symbol.for markers.
    const foreign = Object.assign(Object.create(null) as object, {
      [Symbol.for('mallkit.error')]: true,
      [Symbol.for('mallkit.error.rate-limit')]: true,
    });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(MallkitError.isInstance(foreign)).toBe(true);
    expect(CredentialError.isInstance(error)).toBe(false);
    expect(MallkitError.isInstance(new Error('x'))).toBe(false);
    expect(error).toBeInstanceOf(MallkitError);
  });

  it('gives every class its own marker: each isInstance recognises its own class only', () => {
    const made = [
      new classes.CredentialError('x', { credential: 'licenseKey' }),
      new classes.PermissionError('x'),
      new classes.RateLimitError('x'),
      new classes.MaintenanceError('x'),
      new classes.MallUnavailableError('x'),
      new classes.InvalidRequestError('x'),
      new classes.ValidationError([{ field: 'f', message: 'm' }]),
      new classes.OrderStateError('x'),
      new classes.NotFoundError('x'),
      new classes.ClockSkewError('x'),
      new classes.ResponseFormatError('x'),
      new classes.NetworkError('x'),
      new classes.TimeoutError('x'),
      new classes.UnsupportedOperationError('x'),
    ];
    const codes = new Set(made.map((e) => e.code));
    expect(codes.size).toBe(made.length);
    for (const error of made) {
      const Class = error.constructor as typeof MallkitError;
      for (const other of made) expect(Class.isInstance(other), `${Class.name} vs ${other.name}`).toBe(other === error || other.constructor === Class);
      expect(MallkitError.isInstance(error)).toBe(true);
    }
  });

  it('sets retryable by kind and names the credential', () => {
    const credential = new CredentialError('expired', { credential: 'licenseKey', reason: 'expired', mall: 'rakuten' });
    expect(credential.code).toBe('credential_expired');
    expect(credential.retryable).toBe(false);
    expect(credential.credential).toBe('licenseKey');
    expect(new RateLimitError('x').retryable).toBe(true);
    expect(new RateLimitError('daily cap', { retryable: false }).retryable).toBe(false);
  });

  it('names the first bad field and counts the others', () => {
    const error = new ValidationError([
      { field: 'updates[1].trackingNumber', message: 'must not be empty' },
      { field: 'updates[2].shippedAt', message: 'is in the future' },
    ]);
    expect(error.field).toBe('updates[1].trackingNumber');
    expect(error.message).toBe('updates[1].trackingNumber: must not be empty (and 1 more)');
  });

  it('redacts secret-shaped tokens in messages and JSON', () => {
    const error = new MallkitError('network', 'failed with Authorization: Bearer abcdefghijklmnop and refresh_token=Atzr|IwEBIabcdefghij');
    expect(error.message).not.toContain('abcdefghijklmnop');
    expect(error.message).not.toContain('Atzr|IwEBIabcdefghij');
    expect(JSON.stringify(error)).not.toContain('abcdefghijklmnop');
  });
});

describe('createRedactor', () => {
  it('masks registered secrets, their base64 form, sensitive keys and headers', () => {
    const redactor = createRedactor(['SP338279_aBcDeFgH']);
    expect(redactor.text('key SP338279_aBcDeFgH!')).toBe('key [REDACTED]!');
    const b64 = Buffer.from('SP338279_aBcDeFgH').toString('base64').replace(/=+$/, '');
    expect(redactor.text(`x ${b64}`)).not.toContain(b64);
    expect(redactor.value({ headers: new Headers({ Authorization: 'ESA xyz', Accept: 'json' }) })).toEqual({
      headers: { authorization: '[REDACTED]', accept: 'json' },
    });
    expect(redactor.value({ nested: [{ refresh_token: 'r', note: 'SP338279_aBcDeFgH' }] })).toEqual({
      nested: [{ refresh_token: '[REDACTED]', note: '[REDACTED]' }],
    });
  });

  it('ignores values too short to be secrets, so ordinary words are not masked', () => {
    const redactor = createRedactor(['ab', '']);
    expect(redactor.text('about tabs')).toBe('about tabs');
  });
});
