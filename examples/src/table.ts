/** Display width: full-width (CJK, kana) characters take two columns in a terminal. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}

/** Formats rows as a plain-text table whose columns line up with Japanese text in them. */
export function formatTable(rows: ReadonlyArray<Record<string, string>>): string {
  if (rows.length === 0) return '  (none)';
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(width(c), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: readonly string[]): string => `  ${cells.map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell))).join('  ')}`.trimEnd();
  return [line(columns), line(widths.map((w) => '─'.repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}
