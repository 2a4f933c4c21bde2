/** What the shop or the developer should do about an error, in Japanese and English. */
export interface Hint {
  /** In Japanese, for the shop's staff (「ライセンスキーを更新してください」). */
  readonly ja: string;
  /** In English. */
  readonly en: string;
}
