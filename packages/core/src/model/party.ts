/** A person or company: the buyer (注文者) or a recipient (送付先). Strings are as the mall sent them, trimmed. */
export interface Party {
  /** Full name as one string (姓 名 joined by a space when the mall splits them). */
  readonly name: string;
  readonly familyName: string | null;
  readonly givenName: string | null;
  /** Full name in kana (フリガナ), when the mall provides it. */
  readonly nameKana: string | null;
  readonly companyName: string | null;
  /** Seven-digit postal code without hyphen (`1500001`), or as sent when it is not seven digits. */
  readonly postalCode: string | null;
  /** 都道府県, e.g. `東京都`. */
  readonly prefecture: string | null;
  /** 市区町村. */
  readonly city: string | null;
  /** The rest of the address, one line per mall field (番地, 建物名…). */
  readonly addressLines: readonly string[];
  readonly phone: string | null;
  /** E-mail as given: malls mask or relay addresses (Rakuten `…@fw.rakuten.ne.jp`, Amazon relay); never "fixed". */
  readonly email: string | null;
  /** ISO 3166-1 alpha-2, `JP` unless the mall says otherwise. */
  readonly country: string;
}
