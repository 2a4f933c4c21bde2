import type { Hint } from '@mallkit/core';

/** The languages the CLI speaks: every message and every mall hint exists in both. */
export const LANGS = ['ja', 'en'] as const;
/** One of {@link LANGS}. */
export type Lang = (typeof LANGS)[number];

/** The hint in the user's language. */
export function pick(hint: Hint, lang: Lang): string {
  return hint[lang];
}

/** True for a supported language code. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * One message in both languages, from a table of messages per language: `inBoth(TABLE, (m) =>
 * m.notFound(path))`. Errors carry both, and the user's language is picked when they are printed.
 */
export function inBoth<Messages>(tables: Readonly<Record<Lang, Messages>>, make: (messages: Messages) => string): Hint {
  return { ja: make(tables.ja), en: make(tables.en) };
}
