import { constants, createPublicKey, privateDecrypt } from 'node:crypto';
import { ValidationError } from '@mallkit/core';
import { describe, expect, it } from 'vitest';
import { createPublicKeySigner } from '../src/auth/public-key.js';
import { createYahooConnector } from '../src/index.js';
import { sandboxKeyPair } from '../src/testing/keys.js';

const base = { sellerId: 'snbx-mallkit', clientId: 'cid', clientSecret: 'secret-value', refreshToken: 'refresh-value' };

function validationField(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.field;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('公開鍵認証', () => {
  const { publicKeyPem, privateKey } = sandboxKeyPair();

  it('refuses a key without its version, and a version without its key, when the connector is created', () => {
    expect(validationField(() => createYahooConnector({ ...base, publicKey: publicKeyPem }))).toBe('options.publicKeyVersion');
    expect(validationField(() => createYahooConnector({ ...base, publicKeyVersion: 2 }))).toBe('options.publicKey');
    expect(validationField(() => createYahooConnector({ ...base, publicKey: 'not a key', publicKeyVersion: '1' }))).toBe('options.publicKey');
    expect(validationField(() => createYahooConnector({ ...base, publicKey: publicKeyPem, publicKeyVersion: 'v1' }))).toBe('options.publicKeyVersion');
  });

  it('says in the hint where the shop finds both values', () => {
    let caught: unknown = null;
    try {
      createYahooConnector({ ...base, publicKey: publicKeyPem });
    } catch (error) {
      caught = error;
    }
    // Fails when nothing is thrown, not only when the hint is wrong.
    expect(ValidationError.isInstance(caught) && caught.hint?.ja).toContain('暗号鍵管理');
  });

  it('takes the version as the positive integer 暗号鍵管理 shows, nothing else', () => {
    for (const version of ['0', '1.0', '-1', '1234567']) {
      expect(validationField(() => createYahooConnector({ ...base, publicKey: publicKeyPem, publicKeyVersion: version })), version).toBe('options.publicKeyVersion');
    }
    expect(createPublicKeySigner(publicKeyPem, ' 12 ')?.version).toBe('12');
  });

  it('encrypts sellerId:unixtime with RSA PKCS#1 v1.5, base64, plus the version header', () => {
    const signer = createPublicKeySigner(publicKeyPem, 3);
    const headers = signer?.headers('snbx-mallkit', 1795312800.9) ?? {};
    expect(headers['X-sws-signature-version']).toBe('3');
    const plain = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(headers['X-sws-signature'] ?? '', 'base64'));
    expect(plain.toString('utf8')).toBe('snbx-mallkit:1795312800');
    // PKCS#1 v1.5 is randomized: the same input never encrypts to the same bytes twice.
    expect(signer?.headers('snbx-mallkit', 1795312800)['X-sws-signature']).not.toBe(headers['X-sws-signature']);
  });

  it('accepts the key as bare base64 DER (what some shops paste) as well as PEM', () => {
    const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' }).toString('base64');
    const signer = createPublicKeySigner(der, '1');
    const plain = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(signer?.headers('s', 1)['X-sws-signature'] ?? '', 'base64'));
    expect(plain.toString()).toBe('s:1');
  });

  it('is off when neither is set', () => {
    expect(createPublicKeySigner(undefined, undefined)).toBeNull();
    expect(createPublicKeySigner('  ', '')).toBeNull();
  });
});
