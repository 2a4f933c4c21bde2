/**
 * The bench's two renderings of checked results: a plain-text table for the terminal (value, goal
 * and ✔/✖ side by side) and the Markdown of bench/results/latest.md (the same plus each row's
 * detail).
 */
import type { CheckedRow, CheckedSuite, GoalSummary } from './check.js';

/** A value as people read it: whole numbers with separators, fractions to three significant digits. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

/** ✔ met, ✖ unmet, a blank for a row without a goal. */
export function mark(row: Pick<CheckedRow, 'met'>): string {
  return row.met === null ? ' ' : row.met ? '✔' : '✖';
}

/** Pads `text` to `width` columns (one column per code point: enough for the bench's own text). */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** The terminal table: one block per suite, its rows aligned as `✔ value unit │ goal │ measure`. */
export function toText(suites: readonly CheckedSuite[]): string {
  const rows = suites.flatMap((suite) => suite.rows);
  const valueWidth = Math.max(5, ...rows.map((row) => [...`${formatValue(row.value)} ${row.unit}`].length));
  const goalWidth = Math.max(4, ...rows.map((row) => [...(row.goal ?? '')].length));
  const lines: string[] = [];
  for (const suite of suites) {
    lines.push('', `${suite.suite}  (${suite.seconds.toFixed(1)} s)`);
    for (const row of suite.rows) {
      lines.push(`  ${mark(row)} ${pad(`${formatValue(row.value)} ${row.unit}`, valueWidth)} │ ${pad(row.goal ?? '', goalWidth)} │ ${row.name}`);
    }
  }
  return lines.join('\n');
}

/** The summary line under the table. */
export function summaryText(summary: GoalSummary): string {
  const head = `goals: ${summary.met} met, ${summary.unmet} unmet (${summary.informational} rows without a goal)`;
  return summary.unmet === 0 ? head : [head, ...summary.unmetRows.map((row) => `  ✖ ${row}`)].join('\n');
}

/** Escapes the characters that would break a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** bench/results/latest.md: the meta line, the summary, then one table of every row. */
export function toMarkdown(suites: readonly CheckedSuite[], summary: GoalSummary, meta: string): string {
  const lines = [
    '# mallkit benchmarks',
    '',
    meta,
    '',
    `**${summaryText(summary).split('\n')[0]}**`,
    '',
    '| suite | measure | value | unit | goal | met | detail |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const suite of suites) {
    for (const row of suite.rows) {
      lines.push(`| ${cell(suite.suite)} | ${cell(row.name)} | ${formatValue(row.value)} | ${cell(row.unit)} | ${cell(row.goal ?? '')} | ${mark(row)} | ${cell(row.detail)} |`);
    }
  }
  lines.push('', '| suite | seconds |', '|---|---|', ...suites.map((suite) => `| ${cell(suite.suite)} | ${suite.seconds.toFixed(1)} |`));
  return `${lines.join('\n')}\n`;
}
