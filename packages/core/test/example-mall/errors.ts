import { CredentialError, InvalidRequestError } from '../../src/errors/classes.js';
import type { ErrorClassifier } from '../../src/http/classify.js';
import { EXAMPLE_MALL } from './sandbox.js';

export const RENEW_KEY = { ja: '管理画面でAPIキーを再発行してください。', en: 'Issue a new API key in the admin screen.' };

/** The example mall's error table. */
export const classifyExample: ErrorClassifier = (response) => {
  if (response.ok) return null;
  let code: string | undefined;
  try {
    code = (JSON.parse(response.text) as { error?: string }).error;
  } catch {
    return undefined;
  }
  if (code === 'key_expired' || code === 'invalid_key') {
    return new CredentialError(`example mall: the API key was rejected (${code})`, {
      mall: EXAMPLE_MALL,
      mallCode: code,
      credential: 'apiKey',
      reason: code === 'key_expired' ? 'expired' : 'invalid',
      hint: RENEW_KEY,
    });
  }
  if (response.status === 400) return new InvalidRequestError(`example mall: ${code ?? 'bad request'}`, { mall: EXAMPLE_MALL, mallCode: code ?? null });
  return undefined;
};
