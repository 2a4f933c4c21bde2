import { describe, expect, it } from 'vitest';
import { checkReport, summarize } from '../lib/check.js';
import { atLeast, atMost, between, exactly } from '../lib/goals.js';
import { fastestMs, fastestOfAll } from '../lib/real-rate.js';
import { rotation, sideBySide } from '../lib/side-by-side.js';
import { median, significant } from '../lib/stats.js';
import { formatValue, summaryText, toMarkdown, toText } from '../lib/table.js';
import type { BenchReport } from '../report.js';

describe('goals', () => {
  it('are predicates with the text a reader sees', () => {
    expect(atMost(1.05, 'issue 15').text).toBe('≤ 1.05 (issue 15)');
    expect(atMost(1.05).met(1.05)).toBe(true);
    expect(atMost(1.05).met(1.051)).toBe(false);
    expect(atLeast(2).met(1.99)).toBe(false);
    expect(exactly(1).met(1.0001)).toBe(false);
    expect(exactly(10_000).text).toBe('10,000');
    expect(between(0.9, 1).met(0.95)).toBe(true);
  });
});

describe('checkReport', () => {
  const report: BenchReport = {
    suite: 's',
    rows: [
      { name: 'met', value: 1, unit: 'ratio', detail: '', goal: atMost(1.05) },
      { name: 'unmet', value: 1.2, unit: 'ratio', detail: '', goal: atMost(1.05) },
      { name: 'failed', value: Number.NaN, unit: 'ratio', detail: '', goal: atLeast(0) },
      { name: 'context', value: 3, unit: 'ms', detail: '' },
    ],
  };

  it('marks each row met, unmet (a NaN never meets a goal) or informational', () => {
    const checked = checkReport(report, 'f.ts', 1);
    expect(checked.rows.map((row) => row.met)).toEqual([true, false, false, null]);
    expect(checked.rows[0]?.goal).toBe('≤ 1.05');
  });

  it('summarizes the unmet goals by suite and row', () => {
    const summary = summarize([checkReport(report, 'f.ts', 1)]);
    expect(summary).toEqual({ met: 1, unmet: 2, informational: 1, unmetRows: ['s: unmet', 's: failed'] });
    expect(summaryText(summary)).toContain('✖ s: unmet');
  });

  it('prints value, goal and mark side by side, and the same in Markdown', () => {
    const suites = [checkReport(report, 'f.ts', 1)];
    const text = toText(suites);
    expect(text).toMatch(/✔ 1 ratio\s+│ ≤ 1\.05\s+│ met/);
    expect(text).toMatch(/✖ 1\.20 ratio\s+│ ≤ 1\.05\s+│ unmet/);
    expect(toMarkdown(suites, summarize(suites), 'meta')).toContain('| s | unmet | 1.20 | ratio | ≤ 1.05 | ✖ |');
  });
});

describe('statistics', () => {
  it('takes the median of odd and even counts, NaN for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('formats values as people read them', () => {
    expect(formatValue(12_345)).toBe('12,345');
    expect(formatValue(1.23456)).toBe('1.23');
    expect(formatValue(Number.NaN)).toBe('n/a');
    expect(significant(0.0123456, 2)).toBe(0.012);
  });
});

describe('side by side', () => {
  it('rotates the order of the variants from round to round', () => {
    expect(rotation(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotation(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotation(['a', 'b'], 3)).toEqual(['b', 'a']);
  });

  it('warms every variant up and runs each once per round', () => {
    const runs = { base: 0, other: 0 };
    const result = sideBySide({ base: () => (runs.base += 1), other: () => (runs.other += 1) }, { warmup: 2, rounds: 5 });
    expect(runs).toEqual({ base: 7, other: 7 });
    expect(result.rounds).toBe(5);
    expect(Object.keys(result.ratio)).toEqual(['base', 'other']);
  });
});

describe('the fastest a rate allows', () => {
  it('sends the first `limit` at once, then one interval per further `limit`', () => {
    const rule = { limit: 1, intervalMs: 1000 };
    expect(fastestMs({ requests: 1, rule })).toBe(0);
    expect(fastestMs({ requests: 12, rule })).toBe(11_000);
    expect(fastestMs({ requests: 10, rule: { limit: 5, intervalMs: 1000 } })).toBe(1000);
    expect(fastestOfAll([{ requests: 3, rule }, { requests: 12, rule }])).toBe(11_000);
  });
});
