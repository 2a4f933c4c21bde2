import { displayWidth, padCells, printable } from './width.js';

/**
 * Lays out rows as aligned columns (two spaces apart, Japanese counted as two cells), the header
 * first and a rule under it. Cells are made printable; the last column is not padded.
 */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const clean = [header, ...rows].map((row) => row.map((cell) => printable(cell)));
  const widths = header.map((_, column) => Math.max(...clean.map((row) => displayWidth(row[column] ?? ''))));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : padCells(cell, widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  // The last column is free text (hints run long): its rule is as wide as its header.
  const rule = widths.map((width, column) => '-'.repeat(column === widths.length - 1 ? displayWidth(clean[0]?.[column] ?? '') : width)).join('  ');
  const [head, ...body] = clean;
  return [line(head ?? []), rule, ...body.map(line)].join('\n');
}
