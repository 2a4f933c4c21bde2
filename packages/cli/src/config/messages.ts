import type { Lang } from '../lang.js';

const ja = {
  notFound: (path: string) => `設定ファイル ${path} がありません。--config でファイルを指定するか、README の例から作成してください。`,
  unreadable: (path: string, reason: string) => `設定ファイル ${path} を読めません: ${reason}`,
  invalid: (path: string, field: string, problem: string) => `設定ファイル ${path} の ${field}: ${problem}`,
  noShops: (path: string) => `設定ファイル ${path} にショップがありません ([shops.名前] を追加してください)。`,
  unknownShop: (name: string, known: string) => `ショップ「${name}」は設定ファイルにありません (あるのは: ${known})。`,
  unknownKey: (mall: string, valid: string) => `${mall} の認証情報ではありません。使えるのは: ${valid}。その他の接続オプションは [shops.名前.options] に書きます`,
  secretLiteral: (env: string) => `秘密の値は設定ファイルに直接書けません。{ env = "${env}" } (環境変数) か { file = "パス" } (ファイル) で指定してください`,
  secretInOptions: 'は認証情報です。options ではなくショップの直下に { env = "…" } か { file = "…" } で書いてください',
  sandboxWithCredentials: 'sandbox を指定したショップには認証情報を書けません (サンドボックスが渡します)',
  envMissing: (shop: string, option: string, env: string) => `ショップ「${shop}」の ${option}: 環境変数 ${env} が設定されていません。`,
  fileMissing: (shop: string, option: string, path: string, reason: string) => `ショップ「${shop}」の ${option}: ファイル ${path} を読めません (${reason})。`,
  emptySecret: (shop: string, option: string, source: string) => `ショップ「${shop}」の ${option}: ${source} が空です。`,
  sandboxUnreachable: (shop: string, url: string, reason: string) => `ショップ「${shop}」: サンドボックス ${url} に接続できません (${reason})。mallkit sandbox を起動しているか確認してください。`,
  sandboxMallMismatch: (shop: string, url: string, expected: string, actual: string) => `ショップ「${shop}」: ${url} は ${actual} のサンドボックスです (設定は ${expected})。`,
  rotated: (shop: string, option: string, file: string) => `ショップ「${shop}」: モールが ${option} を更新したので ${file} に書き戻しました。`,
  rotatedNotSaved: (shop: string, option: string) => `ショップ「${shop}」: モールが ${option} を更新しましたが、環境変数から読んだため保存できません。次回は古い値で失敗する可能性があります。{ file = "…" } で指定すると自動で書き戻します。`,
};

/** The config file's messages of one language. */
export type ConfigMessages = typeof ja;

const en: ConfigMessages = {
  notFound: (path) => `the config file ${path} does not exist: name one with --config, or create it from the README's example.`,
  unreadable: (path, reason) => `cannot read the config file ${path}: ${reason}`,
  invalid: (path, field, problem) => `config file ${path}, ${field}: ${problem}`,
  noShops: (path) => `the config file ${path} has no shop (add a [shops.NAME] table).`,
  unknownShop: (name, known) => `there is no shop "${name}" in the config file (there are: ${known}).`,
  unknownKey: (mall, valid) => `is not a ${mall} credential; the credentials are: ${valid}. Other connector options go in [shops.NAME.options]`,
  secretLiteral: (env) => `a secret cannot be written in the config file: give { env = "${env}" } (an environment variable) or { file = "PATH" } (a file)`,
  secretInOptions: 'is a credential: write it directly under the shop as { env = "…" } or { file = "…" }, not in options',
  sandboxWithCredentials: 'a shop with sandbox takes no credentials (the sandbox hands them out)',
  envMissing: (shop, option, env) => `shop "${shop}", ${option}: the environment variable ${env} is not set.`,
  fileMissing: (shop, option, path, reason) => `shop "${shop}", ${option}: cannot read the file ${path} (${reason}).`,
  emptySecret: (shop, option, source) => `shop "${shop}", ${option}: ${source} is empty.`,
  sandboxUnreachable: (shop, url, reason) => `shop "${shop}": cannot reach the sandbox at ${url} (${reason}); is mallkit sandbox running?`,
  sandboxMallMismatch: (shop, url, expected, actual) => `shop "${shop}": ${url} is a ${actual} sandbox (the config says ${expected}).`,
  rotated: (shop, option, file) => `shop "${shop}": the mall issued a new ${option}; it was written back to ${file}.`,
  rotatedNotSaved: (shop, option) =>
    `shop "${shop}": the mall issued a new ${option}, which cannot be saved because it was read from the environment; the next run may fail with the old one. Give it as { file = "…" } to have it written back.`,
};

/** The config file's messages, by language. */
export const CONFIG_MESSAGES: Readonly<Record<Lang, ConfigMessages>> = { ja, en };
