/** What the shop or the developer should do about an error, in Japanese and English. */
export interface Hint {
  readonly ja: string;
  readonly en: string;
}
