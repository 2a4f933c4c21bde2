import type { Hint, MallConnector, MallId } from '@mallkit/core';
import type { MallSandbox, SandboxInit } from '@mallkit/core/testing';
import type { AmazonConnectorOptions } from '@mallkit/amazon';
import type { AupayConnectorOptions } from '@mallkit/aupay';
import type { MakeshopConnectorOptions } from '@mallkit/makeshop';
import type { Qoo10ConnectorOptions } from '@mallkit/qoo10';
import type { RakutenConnectorOptions } from '@mallkit/rakuten';
import type { ShopserveConnectorOptions } from '@mallkit/shopserve';
import type { YahooConnectorOptions } from '@mallkit/yahoo';

/** One credential option of a mall's connector, and where the CLI finds it when the config file does not say. */
export interface CredentialField<Option extends string = string> {
  /** The connector option it fills (`licenseKey`), also its key in the config file. */
  readonly option: Option;
  /** The environment variable read when the shop's config names no source (`RAKUTEN_LICENSE_KEY`). */
  readonly env: string;
  /** A secret comes only from the environment or a file, never from the config file itself, and is never printed. */
  readonly secret: boolean;
  /** The connector cannot be built without it (the connector itself checks the combinations, e.g. Qoo10's). */
  readonly required: boolean;
}

/** What the CLI knows about one mall: how to build its connector and its sandbox, and its credentials. */
export interface MallEntry {
  readonly mall: MallId;
  readonly name: Hint;
  readonly credentials: readonly CredentialField[];
  /**
   * The option naming the mall's API root (`baseUrl`, makeshop's `endpoint`). A served sandbox puts
   * its own address there: its origin is the one that local paths are mapped onto.
   */
  readonly baseUrlOption: string;
  /**
   * A credential the mall may replace when it is used (Yahoo rotates refresh tokens): the connector
   * reports the new value through its `onRefresh` option, and the CLI writes it back to the file
   * the old one came from.
   */
  readonly rotatingCredential?: string;
  /** Builds the connector (the mall's package is loaded on first use, so one mall never loads the other six). */
  createConnector(options: Readonly<Record<string, unknown>>): Promise<MallConnector>;
  /** Builds the mall's sandbox (loads `@mallkit/<mall>/testing`, and msw with it, only when asked). */
  createSandbox(init: SandboxInit): Promise<MallSandbox>;
}

type OptionName<Options> = Extract<keyof Options, string>;

/**
 * Declares one mall. The option names are checked against the connector's own options type, so a
 * renamed option fails the type check here instead of at a shop's first cron run.
 */
function defineMall<Options extends object>(entry: {
  readonly mall: MallId;
  readonly name: Hint;
  readonly credentials: readonly CredentialField<OptionName<Options>>[];
  readonly baseUrlOption: OptionName<Options>;
  readonly rotatingCredential?: OptionName<Options>;
  readonly connector: () => Promise<(options: Options) => MallConnector>;
  readonly sandbox: () => Promise<(init: SandboxInit) => MallSandbox>;
}): MallEntry {
  return {
    mall: entry.mall,
    name: entry.name,
    credentials: entry.credentials,
    baseUrlOption: entry.baseUrlOption,
    ...(entry.rotatingCredential ? { rotatingCredential: entry.rotatingCredential } : {}),
    // The options come from a config file: the connector checks them itself (ValidationError naming the field).
    createConnector: async (options) => (await entry.connector())(options as Options),
    createSandbox: async (init) => (await entry.sandbox())(init),
  };
}

const secret = <Option extends string>(option: Option, env: string, required = true): CredentialField<Option> => ({ option, env, secret: true, required });
const plain = <Option extends string>(option: Option, env: string, required = true): CredentialField<Option> => ({ option, env, secret: false, required });

/**
 * Every mall the CLI can reach, one entry each: adding a mall to the CLI is adding its entry here
 * (and the package to package.json). The environment variable names are the ones examples/README.md
 * and each mall's README use.
 */
export const MALLS: readonly MallEntry[] = [
  defineMall<RakutenConnectorOptions>({
    mall: 'rakuten',
    name: { ja: '楽天市場', en: 'Rakuten Ichiba' },
    credentials: [secret('serviceSecret', 'RAKUTEN_SERVICE_SECRET'), secret('licenseKey', 'RAKUTEN_LICENSE_KEY')],
    baseUrlOption: 'baseUrl',
    connector: async () => (await import('@mallkit/rakuten')).createRakutenConnector,
    sandbox: async () => (await import('@mallkit/rakuten/testing')).createRakutenSandbox,
  }),
  defineMall<YahooConnectorOptions>({
    mall: 'yahoo',
    name: { ja: 'Yahoo!ショッピング', en: 'Yahoo! Shopping' },
    credentials: [
      plain('sellerId', 'YAHOO_SELLER_ID'),
      plain('clientId', 'YAHOO_CLIENT_ID'),
      secret('clientSecret', 'YAHOO_CLIENT_SECRET'),
      secret('refreshToken', 'YAHOO_REFRESH_TOKEN'),
      plain('authorizedAt', 'YAHOO_AUTHORIZED_AT', false),
      // A public key is not a secret; it is long PEM text, best given as { file = "…" }.
      plain('publicKey', 'YAHOO_PUBLIC_KEY', false),
      plain('publicKeyVersion', 'YAHOO_PUBLIC_KEY_VERSION', false),
      plain('publicKeyExpiresAt', 'YAHOO_PUBLIC_KEY_EXPIRES_AT', false),
    ],
    baseUrlOption: 'baseUrl',
    rotatingCredential: 'refreshToken',
    connector: async () => (await import('@mallkit/yahoo')).createYahooConnector,
    sandbox: async () => (await import('@mallkit/yahoo/testing')).createYahooSandbox,
  }),
  defineMall<AmazonConnectorOptions>({
    mall: 'amazon',
    name: { ja: 'Amazon.co.jp', en: 'Amazon.co.jp' },
    credentials: [
      plain('clientId', 'AMAZON_CLIENT_ID'),
      secret('clientSecret', 'AMAZON_CLIENT_SECRET'),
      secret('refreshToken', 'AMAZON_REFRESH_TOKEN'),
      plain('sellerId', 'AMAZON_SELLER_ID', false),
      plain('authorizedAt', 'AMAZON_AUTHORIZED_AT', false),
      plain('clientSecretRotatedAt', 'AMAZON_CLIENT_SECRET_ROTATED_AT', false),
    ],
    baseUrlOption: 'baseUrl',
    connector: async () => (await import('@mallkit/amazon')).createAmazonConnector,
    sandbox: async () => (await import('@mallkit/amazon/testing')).createAmazonSandbox,
  }),
  defineMall<AupayConnectorOptions>({
    mall: 'aupay',
    name: { ja: 'au PAY マーケット', en: 'au PAY Market' },
    credentials: [
      plain('shopId', 'AUPAY_SHOP_ID'),
      secret('apiKey', 'AUPAY_API_KEY'),
      plain('keyIssuedAt', 'AUPAY_KEY_ISSUED_AT', false),
      plain('keyExpiresAt', 'AUPAY_KEY_EXPIRES_AT', false),
    ],
    baseUrlOption: 'baseUrl',
    connector: async () => (await import('@mallkit/aupay')).createAupayConnector,
    sandbox: async () => (await import('@mallkit/aupay/testing')).createAupaySandbox,
  }),
  defineMall<Qoo10ConnectorOptions>({
    mall: 'qoo10',
    name: { ja: 'Qoo10', en: 'Qoo10' },
    // Either a ready key or the QSM login to mint one: none is required alone, the connector checks the pair.
    credentials: [
      secret('certificationKey', 'QOO10_CERTIFICATION_KEY', false),
      plain('certificationKeyIssuedAt', 'QOO10_CERTIFICATION_KEY_ISSUED_AT', false),
      secret('apiKey', 'QOO10_API_KEY', false),
      plain('userId', 'QOO10_USER_ID', false),
      secret('password', 'QOO10_PASSWORD', false),
    ],
    baseUrlOption: 'baseUrl',
    connector: async () => (await import('@mallkit/qoo10')).createQoo10Connector,
    sandbox: async () => (await import('@mallkit/qoo10/testing')).createQoo10Sandbox,
  }),
  defineMall<ShopserveConnectorOptions>({
    mall: 'shopserve',
    name: { ja: 'ショップサーブ', en: 'Shopserve' },
    credentials: [plain('shopserveId', 'SHOPSERVE_ID'), secret('managerKey', 'SHOPSERVE_MANAGER_KEY'), plain('managerKeyIssuedOn', 'SHOPSERVE_MANAGER_KEY_ISSUED_ON', false)],
    baseUrlOption: 'baseUrl',
    connector: async () => (await import('@mallkit/shopserve')).createShopserveConnector,
    sandbox: async () => (await import('@mallkit/shopserve/testing')).createShopserveSandbox,
  }),
  defineMall<MakeshopConnectorOptions>({
    mall: 'makeshop',
    name: { ja: 'makeshop', en: 'makeshop' },
    credentials: [
      plain('shopId', 'MAKESHOP_SHOP_ID'),
      secret('accessToken', 'MAKESHOP_ACCESS_TOKEN'),
      secret('apiKey', 'MAKESHOP_API_KEY'),
      plain('endpoint', 'MAKESHOP_ENDPOINT'),
    ],
    baseUrlOption: 'endpoint',
    connector: async () => (await import('@mallkit/makeshop')).createMakeshopConnector,
    sandbox: async () => (await import('@mallkit/makeshop/testing')).createMakeshopSandbox,
  }),
];

/** The registry entry of a mall, or undefined for a name no entry has. */
export function findMall(mall: string): MallEntry | undefined {
  return MALLS.find((entry) => entry.mall === mall);
}
