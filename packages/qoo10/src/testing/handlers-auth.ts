import { HttpResponse } from 'msw';
import { http } from 'msw';
import type { SandboxKit } from '@mallkit/core/testing';
import { formOf, qapiAnswer, resultError, type Qoo10SandboxState } from './state.js';

const YEAR_MS = 365 * 86_400_000;

/** Registers CertificationAPI.CreateCertificationKey: a new one-year key for the API key and the QSM login. */
export function registerAuthHandlers(kit: SandboxKit, base: string, state: Qoo10SandboxState, mint: () => string): void {
  kit.route('POST', `${base}/CertificationAPI.CreateCertificationKey`, 'CreateCertificationKey', ({ request, bodyText }) => {
    if (request.headers.get('giosiscertificationkey') !== state.apiKey) return qapiAnswer({ ErrorCode: -90001, ErrorMsg: '存在しないAPIです。' });
    const form = formOf(bodyText);
    // The real answer to a wrong login is not published; the sandbox answers -10000 (UNVERIFIED).
    if (form.get('user_id') !== state.userId || form.get('pwd') !== state.password) return resultError(-10000, 'Please check the user id or password.');
    const key = mint();
    state.keys.set(key, { key, expiresAt: state.clock.now() + YEAR_MS });
    return qapiAnswer({ ResultObject: key, ResultCode: 0, ResultMsg: 'SUCCESS' });
  });
}

/**
 * Any other `{Class}.{Method}` under the QAPI root: Qoo10 answers plain text (`Can't find service
 * Name X` / `Can't find method Info Y`), not JSON. Not routed through the kit: it is the mall's
 * fallback, not an endpoint.
 */
export function unknownMethodHandler(base: string, knownClasses: readonly string[]) {
  return http.post(`${base}/:method`, ({ params }) => {
    const method = String(params['method'] ?? '');
    const [service = '', name = ''] = method.split('.');
    const known = knownClasses.some((candidate) => candidate.toLowerCase() === service.toLowerCase());
    return new HttpResponse(known ? `Can't find method Info ${name}` : `Can't find service Name ${service}`, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  });
}
