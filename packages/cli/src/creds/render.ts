import { pick, type Lang } from '../lang.js';
import { formatTable } from '../text/table.js';
import { CREDS_MESSAGES } from './messages.js';
import { needsAction, type CredentialRow } from './rows.js';

/** The rows as the table a person reads, with notes and a summary line under it. */
export function renderCredsTable(rows: readonly CredentialRow[], lang: Lang): string {
  const m = CREDS_MESSAGES[lang];
  // A shop not checked: the hint, and what exactly failed (a field, a status) unless the hint is all there is.
  const todo = (row: CredentialRow): string => {
    const hint = row.renew ? pick(row.renew, lang) : '';
    const detail = row.state === 'error' && row.error && row.error.code !== 'config' ? row.error.message : '';
    return [hint, detail].filter((text) => text !== '').join(' — ');
  };
  const body = rows.map((row) => [
    row.shop,
    row.mall,
    row.label ? pick(row.label, lang) : (row.credential ?? m.cannotCheck),
    m.states[row.state],
    row.expiresAt?.slice(0, 10) ?? '-',
    row.daysLeft === null ? '-' : m.days(row.daysLeft),
    todo(row),
  ]);
  const notes = rows.flatMap((row) => row.notes.map((note) => m.note(row.shop, row.credential ?? '', pick(note, lang))));
  const shops = new Set(rows.map((row) => row.shop)).size;
  const attention = rows.filter(needsAction).length;
  const summary = attention === 0 ? m.allValid(rows.length, shops) : m.needAction(attention, rows.length, shops);
  return [formatTable(m.header, body), ...(notes.length > 0 ? ['', ...notes] : []), '', summary, ''].join('\n');
}

/** The rows as one JSON document for scripts: `ok`, counts, and every row with both languages' texts. */
export function renderCredsJson(rows: readonly CredentialRow[], checkedAt: string): string {
  const attention = rows.filter(needsAction).length;
  return `${JSON.stringify({ ok: attention === 0, checkedAt, needsAction: attention, credentials: rows }, null, 2)}\n`;
}
