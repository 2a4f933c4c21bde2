import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MALLS } from '../src/registry.js';
import { createOriginMap } from '../src/sandbox/origins.js';
import { SecretGuard } from '../src/secret-guard.js';
import { csvLine, decodeCsvBytes, parseCsv } from '../src/text/csv.js';
import { formatTable } from '../src/text/table.js';
import { displayWidth, printable, truncateCells } from '../src/text/width.js';
import { parseTimeFlag } from '../src/time-input.js';
import { encodeShiftJis } from '@mallkit/aupay/testing';
import { runCli } from './helpers.js';

describe('CSV', () => {
  it('reads quotes, doubled quotes, line breaks in fields, CRLF, LF, a BOM and blank lines, with the line each record starts on', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('refuses a quote never closed, naming its line', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow('unclosed quote starting on line 2');
  });

  it('writes RFC 4180 and, for files people open in Excel, defuses formulas', () => {
    expect(csvLine(['a,b', 'say "hi"', 3, null, '=HYPERLINK("x")'], { guardFormulas: true })).toBe('"a,b","say ""hi""",3,,"\'=HYPERLINK(""x"")"\r\n');
    expect(csvLine(['-12', '+81'], { guardFormulas: false })).toBe('-12,+81\r\n');
  });

  it('decodes UTF-8, else Shift_JIS as Excel saves it', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('注文番号'))).toEqual({ text: '注文番号', encoding: 'utf-8' });
    expect(decodeCsvBytes(encodeShiftJis('注文番号,ヤマト運輸'))).toEqual({ text: '注文番号,ヤマト運輸', encoding: 'shift_jis' });
  });
});

describe('terminal text', () => {
  it('counts Japanese as two cells, cuts with .., and makes control characters harmless', () => {
    expect(displayWidth('山田 taro ｱｲ')).toBe(5 + 5 + 2);
    expect(truncateCells('ヤマト運輸株式会社', 9)).toBe('ヤマト..');
    expect(printable('a\u001b[2Jb\nc')).toBe('a [2Jb c');
  });

  it('aligns a table whose cells are Japanese', () => {
    expect(formatTable(['名前', 'n'], [['山田', '1'], ['ab', '22']])).toBe('名前  n\n----  -\n山田  1\nab    22');
  });
});

describe('times typed on the command line', () => {
  const now = Date.parse('2026-11-22T10:00:00+09:00');
  it('reads a JST day (start or end), a JST time, a time with offset, and "that long ago"', () => {
    expect(parseTimeFlag('--from', '2026-11-01', 'start', now).toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(parseTimeFlag('--to', '2026-11-30', 'end', now).toISOString()).toBe('2026-11-30T14:59:59.999Z');
    expect(parseTimeFlag('--from', '2026-11-01T09:00', 'start', now).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseTimeFlag('--from', '2026-11-01T09:00:00Z', 'start', now).toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(parseTimeFlag('--from', '7d', 'start', now).getTime()).toBe(now - 7 * 86_400_000);
    expect(parseTimeFlag('--from', '90m', 'start', now).getTime()).toBe(now - 90 * 60_000);
  });
  it('refuses what is not on the calendar', () => {
    expect(() => parseTimeFlag('--from', '2026-02-30', 'start', now)).toThrow('--from');
    expect(() => parseTimeFlag('--from', 'yesterday', 'start', now)).toThrow('--from');
  });
});

describe('the origin map of a served sandbox', () => {
  const map = createOriginMap('https://sellingpartnerapi-fe.amazon.com', ['https://api.amazon.com', 'https://sellingpartnerapi-fe.amazon.com']);
  it('serves the API root at / and other hosts under /__mallkit/hosts/', () => {
    expect(map.toUpstream(new URL('http://127.0.0.1:1/orders/2026-01-01/orders?x=1'))).toBe('https://sellingpartnerapi-fe.amazon.com/orders/2026-01-01/orders?x=1');
    expect(map.toUpstream(new URL('http://127.0.0.1:1/__mallkit/hosts/api.amazon.com/auth/o2/token'))).toBe('https://api.amazon.com/auth/o2/token');
    expect(map.toLocal('https://api.amazon.com/auth/o2/token', 'http://127.0.0.1:1')).toBe('http://127.0.0.1:1/__mallkit/hosts/api.amazon.com/auth/o2/token');
    expect(map.toLocal('https://sellingpartnerapi-fe.amazon.com', 'http://127.0.0.1:1')).toBe('http://127.0.0.1:1');
    expect(map.toLocal('https://elsewhere.example/x', 'http://127.0.0.1:1')).toBe('https://elsewhere.example/x');
  });
});

describe('SecretGuard', () => {
  it('masks registered values and their base64 forms, and ignores values too short to be secrets', () => {
    const guard = new SecretGuard();
    guard.add('SL_license_key_1234', 'abc', undefined);
    const b64 = Buffer.from('SL_license_key_1234').toString('base64').replace(/=+$/, '');
    expect(guard.mask(`key=SL_license_key_1234 header=${b64} abc`)).toBe('key=[REDACTED] header=[REDACTED] abc');
  });
});

describe('the command line itself', () => {
  it('prints help in Japanese by default and in English with --lang en', async () => {
    expect((await runCli(['--help'])).stdout).toContain('使い方: mallkit <コマンド> [オプション]');
    expect((await runCli(['ship', '--help', '--lang', 'en'])).stdout).toContain('usage: mallkit ship --shop NAME --csv FILE');
    expect((await runCli([], { env: { MALLKIT_LANG: 'en' } })).stdout).toContain('usage: mallkit <command> [options]');
  });

  it('refuses an unknown command or language with exit 2, and prints the version', async () => {
    expect(await runCli(['shipp'])).toEqual({ code: 2, stdout: '', stderr: 'エラー: 「shipp」というコマンドはありません。mallkit --help で一覧を表示します。\n' });
    expect((await runCli(['creds', '--lang', 'fr'])).stderr).toContain('--lang の値「fr」は使えません: ja か en を指定してください');
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('the README', () => {
  it('documents every credential of every mall the registry knows, by option and variable', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const entry of MALLS) {
      for (const field of entry.credentials) expect(readme, `${entry.mall} ${field.option}`).toContain(`\`${field.option}\` (${field.env})`);
    }
  });
});
