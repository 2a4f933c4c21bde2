import { describe, expect, it } from 'vitest';
import { secureUrlProblem } from '../../src/contract/secure-url.js';
import { checkConnectorOptions } from '../../src/contract/connector-options-schema.js';
import { ValidationError } from '../../src/errors/classes.js';

describe('a URL credentials are sent to', () => {
  it.each(['https://api.example-mall.test/v1', 'http://127.0.0.1:4000/api', 'http://localhost/api', 'http://[::1]:9000/'])('accepts %s', (url) => {
    expect(secureUrlProblem(url)).toBeNull();
  });

  it.each([
    ['http://api.example-mall.test/v1', /https/],
    ['http://127.0.0.2.example.test/', /https/],
    ['ftp://example.test/', /https/],
    ['https://user:pass@example.test/', /user name or password/],
    ['not a url', /absolute URL/],
    ['', /required/],
  ])('refuses %s', (url, message) => {
    expect(secureUrlProblem(url)).toMatch(message);
  });

  it('is how every connector checks baseUrl, before anything is sent', () => {
    let refused: unknown;
    try {
      checkConnectorOptions({ baseUrl: 'http://proxy.example.test/' }, 'rakuten');
    } catch (error) {
      refused = error;
    }
    expect(ValidationError.isInstance(refused)).toBe(true);
    expect((refused as ValidationError).field).toBe('options.baseUrl');
  });
});
