import {
  CredentialError,
  MallkitError,
  describeCredential,
  formatJst,
  type CallOptions,
  type CredentialReport,
  type CredentialStatus,
  type Hint,
} from '@mallkit/core';
import { HINTS } from '../errors.js';
import type { OperationContext } from './context.js';

/*
 * checkCredentials: one live orderList call (a one-minute window, one result) proves the access
 * token, the session and the signature together; then each credential is described from what the
 * session learned: the refresh token's tracked expiry (28 d signed / 12 h unsigned from the
 * authorization), the public key's yearly expiry and X-SWS-Authorize-Status.
 */

const RENEW_PUBLIC_KEY: Hint = {
  ja: 'ストアクリエイターPro「設定 > 暗号鍵管理」で公開鍵を再発行(有効期限1年)し、新しい公開鍵とバージョンを設定してください。',
  en: 'Issue a new public key in Store Creator Pro (設定 > 暗号鍵管理; keys last one year) and set the new key and version.',
};
const NO_PUBLIC_KEY: Hint = {
  ja: '公開鍵認証が未設定のため、受注アクセスキーは12時間で失効します。公開鍵を設定すると最大4週間になります。',
  en: 'No public key is set: the order-API session expires after 12 hours. With 公開鍵認証 it lasts up to 4 weeks.',
};

function statusOf(error: CredentialError | undefined): 'expired' | 'invalid' | undefined {
  if (!error) return undefined;
  return error.code === 'credential_expired' ? 'expired' : 'invalid';
}

/** checkCredentials. */
export async function checkCredentials(ctx: OperationContext, call: CallOptions = {}): Promise<CredentialReport> {
  const now = ctx.clock.now();
  const { session } = ctx.client;
  const notes: Hint[] = [];
  try {
    await ctx.client.orderList(
      { condition: { OrderTimeFrom: formatJst(now - 60_000, 'compact'), OrderTimeTo: formatJst(now, 'compact') }, fields: ['OrderId'], start: 1, results: 1 },
      call,
    );
  } catch (error) {
    if (!MallkitError.isInstance(error)) throw error;
    // A credential failure is recorded by the client; anything else is a note, not a verdict.
    if (!CredentialError.isInstance(error)) notes.push({ ja: `確認の呼び出しに失敗しました: ${error.message}`, en: `The live check failed: ${error.message}` });
  }
  const signed = ctx.client.session.publicKey;
  const refreshRejection = session.rejected.get('refreshToken') ?? session.rejected.get('accessToken');
  const expiresAt = session.refreshTokenExpiresAt();
  const refreshNotes: Hint[] = [...notes];
  const hasKey = signed.status !== 'not_seen' || ctx.publicKeyConfigured;
  if (!ctx.publicKeyConfigured) refreshNotes.push(NO_PUBLIC_KEY);
  if (signed.status === 'rejected') {
    refreshNotes.push({
      ja: `公開鍵認証が受け付けられていません(X-SWS-Authorize-Status: ${signed.value})。セッションは12時間に短縮されます。`,
      en: `公開鍵認証 is not accepted (X-SWS-Authorize-Status: ${signed.value}): the session is cut to 12 hours.`,
    });
  }
  const refreshState = statusOf(refreshRejection);
  const credentials: CredentialStatus[] = [
    describeCredential({
      name: 'refreshToken',
      label: { ja: '受注アクセスキー(リフレッシュトークン)', en: 'Refresh token (YConnect session)' },
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
      source: expiresAt === null ? (refreshRejection ? 'live_check' : 'none') : 'tracked',
      now,
      warningDays: ctx.expiryWarningDays,
      renew: HINTS.reauthorize,
      ...(refreshState ? { state: refreshState } : {}),
      notes: refreshNotes,
    }),
  ];
  if (hasKey) {
    credentials.push(
      describeCredential({
        name: 'publicKey',
        label: { ja: '公開鍵(暗号鍵管理)', en: 'Public key (公開鍵認証)' },
        expiresAt: ctx.publicKeyExpiresAt === null ? null : new Date(ctx.publicKeyExpiresAt),
        source: ctx.publicKeyExpiresAt !== null ? 'tracked' : signed.status === 'authorized' ? 'live_check' : 'none',
        now,
        warningDays: ctx.expiryWarningDays,
        renew: RENEW_PUBLIC_KEY,
        ...(signed.status === 'rejected' ? { state: 'invalid' as const } : {}),
        notes: [{ ja: '公開鍵の有効期限は1年です。', en: 'Public keys are valid for one year.' }],
      }),
    );
  }
  const clientRejection = session.rejected.get('clientSecret');
  credentials.push(
    describeCredential({
      name: 'clientSecret',
      label: { ja: 'Client ID / シークレット', en: 'Client ID and secret' },
      expiresAt: null,
      source: 'never_expires',
      now,
      warningDays: ctx.expiryWarningDays,
      renew: { ja: '「アプリケーションの管理」でClient IDとシークレットを確認してください。', en: 'Check the Client ID and secret in the developer dashboard.' },
      ...(clientRejection ? { state: 'invalid' as const } : {}),
    }),
  );
  return {
    mall: 'yahoo',
    shopId: ctx.shopId,
    checkedAt: formatJst(now, 'iso'),
    ok: !credentials.some((c) => c.state === 'expired' || c.state === 'invalid' || c.state === 'expiring'),
    credentials,
  };
}
