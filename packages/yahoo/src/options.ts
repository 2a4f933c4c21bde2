import type { ConnectorOptions, StoredToken, TokenStore } from '@mallkit/core';
import type { YahooMapperOverrides } from './mapping/codes.js';

/** Production root of the order APIs. */
export const YAHOO_PRODUCTION_BASE_URL = 'https://circus.shopping.yahooapis.jp/ShoppingWebService/V1/';
/** Test-environment root (test stores, seller ids starting with `snbx-`). */
export const YAHOO_TEST_BASE_URL = 'https://test.circus.shopping.yahooapis.jp/ShoppingWebService/V1/';

/** Options of {@link createYahooConnector}: the store's credentials plus the common connector options. */
export interface YahooConnectorOptions extends ConnectorOptions {
  /** ストアアカウント (seller id). `snbx-…` test stores default to the test host. */
  readonly sellerId: string;
  /** Client ID (アプリケーションID) with the 「ストア向け操作関連の機能」 scope. */
  readonly clientId: string;
  /** The app's シークレット. */
  readonly clientSecret: string;
  /** The store's refresh token from the YConnect authorization (受注アクセスキー). */
  readonly refreshToken: string;
  /**
   * When the store authorized (the code exchange): the refresh token lasts 28 days from then with
   * a working public key, 12 hours without. Without it the expiry is reported as unknown.
   */
  readonly authorizedAt?: Date | string | number;
  /** The store's public key from ストアクリエイターPro 「設定 > 暗号鍵管理」: PEM (SPKI) or bare base64 DER. */
  readonly publicKey?: string;
  /** Its version, shown next to it in 暗号鍵管理. Required with publicKey, and only with it. */
  readonly publicKeyVersion?: string | number;
  /** When the public key expires (keys are valid one year), for the credential report. */
  readonly publicKeyExpiresAt?: Date | string | number;
  /** Where access tokens live between processes; default in memory. */
  readonly tokenStore?: TokenStore;
  /** Called after every refresh; `refreshToken` is set when Yahoo rotated it: persist it. */
  readonly onRefresh?: (token: StoredToken) => void | Promise<void>;
  /** YConnect token endpoint; default production. */
  readonly tokenUrl?: string;
  /** 更新者名 written into the order history of every change (≤ 120 characters). */
  readonly operationUser?: string;
  /**
   * Include orders under fraud review (FraudHoldDisplayType=1) in listOrders, flagged
   * `fraudReview`; default true. They are guarded: only cancellation is allowed on them.
   */
  readonly includeFraudHeld?: boolean;
  /** Overrides of the built-in code tables (変換設定). */
  readonly mappers?: YahooMapperOverrides;
}
