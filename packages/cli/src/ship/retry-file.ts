import { csvLine, type CsvWriteOptions } from '../text/csv.js';
import { ERROR_COLUMN } from './columns.js';
import type { ShipRow } from './rows.js';

/** Values go back exactly as read: the retry file is the next run's input. */
const EXACT: CsvWriteOptions = { guardFormulas: false };

/**
 * The retry file's default path: beside the input, `shipments.csv` → `shipments.failed.csv`; a
 * retry file sent again is its own retry file (no `.failed.failed.csv` chain).
 */
export function defaultRetryPath(csvPath: string): string {
  if (/\.failed\.csv$/i.test(csvPath)) return csvPath;
  return /\.csv$/i.test(csvPath) ? csvPath.replace(/\.csv$/i, '.failed.csv') : `${csvPath}.failed.csv`;
}

/**
 * The retry file: the input's header and the rows that were not sent, each unchanged, with an
 * `error` column saying why (replacing the one a previous retry file had). UTF-8 with BOM, so that
 * Excel opens it with the Japanese intact.
 */
export function retryFileText(header: readonly string[], errorIndex: number | null, failed: ReadonlyArray<{ row: ShipRow; reason: string }>): string {
  const withError = (fields: readonly string[], reason: string): string[] => {
    if (errorIndex === null) return [...fields, reason];
    const copy = [...fields];
    while (copy.length <= errorIndex) copy.push('');
    copy[errorIndex] = reason;
    return copy;
  };
  const head = errorIndex === null ? [...header, ERROR_COLUMN] : [...header];
  return `\uFEFF${csvLine(head, EXACT)}${failed.map(({ row, reason }) => csvLine(withError(row.fields, reason), EXACT)).join('')}`;
}
