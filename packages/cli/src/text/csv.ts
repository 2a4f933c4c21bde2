/*
 * CSV as RFC 4180 writes it (CRLF, quotes doubled) and as spreadsheets really save it (LF or CR
 * line ends, a UTF-8 BOM, quoted fields with line breaks). Small enough to keep here rather than
 * add a dependency for it.
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** A cell a spreadsheet would run as a formula (`=HYPERLINK(…)` in a buyer's name). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** How a CSV is written. */
export interface CsvWriteOptions {
  /**
   * Prefix texts that a spreadsheet would run as a formula with `'` (the OWASP advice against CSV
   * injection): on for files people open in Excel (order exports, whose data buyers typed), off
   * for files the CLI reads back (the retry file must keep each value exactly).
   */
  readonly guardFormulas: boolean;
}

/** One CSV field; numbers are never prefixed. */
export function csvField(value: string | number | null | undefined, options: CsvWriteOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = options.guardFormulas && FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF. */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>, options: CsvWriteOptions): string {
  return `${values.map((value) => csvField(value, options)).join(',')}\r\n`;
}

/** A record as parsed, with the line it started on (1-based), for messages that name it. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** Thrown for a quote that is never closed: the rest of the file would be one field. */
export class CsvSyntaxError extends Error {
  /** Creates the error; `line` is where the unclosed field starts. */
  constructor(readonly line: number) {
    super(`unclosed quote starting on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV text into records. Blank lines are skipped; a leading BOM is dropped. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;

  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };

  for (let i = 0; i < input.length; i += 1) {
    const char = input[i] as string;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && input[i + 1] !== '\n')) line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && input[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine);
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

/**
 * Decodes a CSV file's bytes: UTF-8 (with or without BOM) when they are valid UTF-8, else
 * Shift_JIS (CP932) — what Excel on a Japanese Windows saves "CSV" as, and what most malls' and
 * carriers' CSV downloads are.
 */
export function decodeCsvBytes(bytes: Uint8Array): { readonly text: string; readonly encoding: 'utf-8' | 'shift_jis' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}
