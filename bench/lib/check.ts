/**
 * Checks every row's goal: the results say met or unmet per row, and a summary counts them. An
 * unmet goal is reported, never thrown: the bench tells the truth and exits 0.
 */
import type { BenchReport } from '../report.js';

/** A row as the results file keeps it: the goal's text and whether the value met it. */
export interface CheckedRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly detail: string;
  /** The goal's text, or null for a row without a goal (a figure for context). */
  readonly goal: string | null;
  /** True or false for a row with a goal, null for one without. */
  readonly met: boolean | null;
}

/** One suite's checked rows, and how long the suite took. */
export interface CheckedSuite {
  readonly suite: string;
  /** Source file, relative to the repository root. */
  readonly file: string;
  readonly seconds: number;
  readonly rows: readonly CheckedRow[];
}

/** How many goals were met and which were not. */
export interface GoalSummary {
  readonly met: number;
  readonly unmet: number;
  /** Rows without a goal. */
  readonly informational: number;
  /** `suite: row name` of each unmet goal. */
  readonly unmetRows: readonly string[];
}

/** Applies each row's goal to its value. A NaN value (a measurement that failed) never meets a goal. */
export function checkReport(report: BenchReport, file: string, seconds: number): CheckedSuite {
  return {
    suite: report.suite,
    file,
    seconds,
    rows: report.rows.map((row) => ({
      name: row.name,
      value: row.value,
      unit: row.unit,
      detail: row.detail,
      goal: row.goal?.text ?? null,
      met: row.goal === undefined ? null : !Number.isNaN(row.value) && row.goal.met(row.value),
    })),
  };
}

/** Counts met and unmet goals over every suite. */
export function summarize(suites: readonly CheckedSuite[]): GoalSummary {
  let met = 0;
  let informational = 0;
  const unmetRows: string[] = [];
  for (const suite of suites) {
    for (const row of suite.rows) {
      if (row.met === null) informational += 1;
      else if (row.met) met += 1;
      else unmetRows.push(`${suite.suite}: ${row.name}`);
    }
  }
  return { met, unmet: unmetRows.length, informational, unmetRows };
}
