import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/run-demo.js';
import { targets } from '../src/targets/index.js';

describe('pnpm demo', () => {
  it('runs every mall on its sandbox and prints orders, attention items, writes and credentials', async () => {
    // Without any mall's credentials every target falls back to its sandbox.
    for (const name of Object.keys(process.env)) {
      if (/^(RAKUTEN|YAHOO|AMAZON|AUPAY|QOO10|MAKESHOP|SHOPSERVE)_/.test(name)) delete process.env[name];
    }
    const lines: string[] = [];
    await runDemo(targets, new Date('2026-11-22T10:00:00+09:00'), (line) => lines.push(line));
    const out = lines.join('\n');
    const malls = ['rakuten', 'yahoo', 'amazon', 'aupay', 'qoo10', 'makeshop', 'shopserve'];
    for (const mall of malls) expect(out).toContain(`━━ ${mall} (sandbox`);
    expect(out.match(/orders in the last 30 days: 24/g)).toHaveLength(malls.length);
    expect(out).toContain('送料が未設定の注文です'); // Rakuten's -9999 postage becomes a warning
    expect(out).toContain('already done (alreadyDone)'); // confirming twice is idempotent
    expect(out).toContain('amazon has no confirm step');
    expect(out).toMatch(/licenseKey\s+valid/);
    expect(out).not.toMatch(/✖/); // no connector failed as a whole
  }, 60_000);
});
