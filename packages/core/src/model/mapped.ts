/**
 * A value mapped from a mall's own string. The raw string is always kept beside the code, and a
 * string no table knows is reported as `unmapped` instead of being replaced by a silent default:
 * the OMS must see "this payment method is not mapped" and fix its 変換設定.
 */
export type Mapped<Code extends string> =
  | { readonly code: Code; readonly raw: string }
  | { readonly code: 'unmapped'; readonly raw: string };

/** True when the mapper recognised the raw string. */
export function isMapped<Code extends string>(value: Mapped<Code>): value is { readonly code: Code; readonly raw: string } {
  return value.code !== 'unmapped';
}
