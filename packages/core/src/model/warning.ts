/**
 * Something the OMS should look at, attached to the order it concerns, never thrown: a sentinel
 * value turned into `null`, a value no mapper knew, a field the mall left empty.
 */
export interface OrderWarning {
  /**
   * Stable machine code: `sentinel_value` (a "not set" value became null), `unmapped_value` (no
   * mapping table knew it), `missing_field`, `inconsistent_amounts`, `unparsed_value` (a value that
   * could not be read, kept raw), `repeated_value` (several values where one was expected; the
   * first was kept), `provisional_order` (not to be shipped before payment is confirmed).
   */
  readonly code:
    | 'sentinel_value'
    | 'unmapped_value'
    | 'missing_field'
    | 'inconsistent_amounts'
    | 'unparsed_value'
    | 'repeated_value'
    | 'provisional_order';
  /** Dotted path of the normalized field concerned, e.g. `amounts.shipping`. */
  readonly field: string;
  /** What happened, in Japanese and English. */
  readonly message: { readonly ja: string; readonly en: string };
  /** The mall's value as it was sent, when there is one. */
  readonly raw?: string | number | null;
}
