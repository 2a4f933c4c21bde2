import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../readme-blocks.js';
import { decodePng, luminanceStats } from './png.js';

/*
 * The documentation site as a reader sees it (decision 0403): `pnpm run docs` builds it into
 * docs/api/, then `pnpm run test:site` opens the home page and a guide in headless Chromium,
 * checks the screenshots are real renders (size, not blank) and that the pages' DOM holds the
 * expected headings. scripts/chromium.sh installs Chromium (Debian's package) where it can; on a
 * machine without one the tests are skipped and say why. MALLKIT_CHROMIUM names another browser,
 * MALLKIT_SITE_DIR another built site.
 */

const run = promisify(execFile);
const siteDir = process.env['MALLKIT_SITE_DIR'] ?? join(repositoryRoot, 'docs', 'api');

function findChromium(): string | null {
  const named = process.env['MALLKIT_CHROMIUM'];
  if (named) return existsSync(named) ? named : null;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

const chromium = findChromium();
const skipReason = chromium ? '' : ' — SKIPPED: no Chromium on this machine (scripts/chromium.sh could not install it; set MALLKIT_CHROMIUM to a browser)';
if (!chromium) console.warn(`site.test.ts${skipReason}`);
const profile = mkdtempSync(join(tmpdir(), 'mallkit-site-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--hide-scrollbars', '--window-size=1280,900'];

/** One Chromium run per page: the screenshot and the DOM after its scripts ran. */
async function browse(page: string, name: string): Promise<{ png: Buffer; dom: string }> {
  const png = join(profile, `${name}.png`);
  const args = [...FLAGS, `--user-data-dir=${join(profile, name)}`, `--screenshot=${png}`, '--dump-dom', pathToFileURL(page).href];
  const { stdout } = await run(chromium!, args, { maxBuffer: 64 * 1024 * 1024, timeout: 45_000 });
  return { png: readFileSync(png), dom: stdout };
}

/** The text of the h1–h3 headings of an HTML page. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) =>
    (match[2] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').trim(),
  );
}

function expectRealRender(png: Buffer): void {
  const image = decodePng(png);
  expect({ width: image.width, height: image.height }).toEqual({ width: 1280, height: 900 });
  const stats = luminanceStats(image);
  // A blank or single-colour page has one or two grey levels; text and navigation give dozens.
  expect(stats.levels).toBeGreaterThan(20);
  expect(stats.stddev).toBeGreaterThan(10);
  expect(stats.darkShare).toBeGreaterThan(0.002);
}

/** The built page of a guide: the page under documents/ whose title is `title`. */
function guidePage(title: string): string {
  const dir = join(siteDir, 'documents');
  const pages = existsSync(dir) ? readdirSync(dir).filter((entry) => entry.endsWith('.html')) : [];
  const found = pages.find((entry) => new RegExp(`<title>${title}[ |<]`).test(readFileSync(join(dir, entry), 'utf8')));
  return join(dir, found ?? `${title}.html`);
}

describe.skipIf(!chromium)(`documentation site in headless Chromium${skipReason}`, () => {
  it('the site is built (pnpm run docs)', () => {
    expect(existsSync(join(siteDir, 'index.html')), `${siteDir}/index.html`).toBe(true);
  });

  let home: { png: Buffer; dom: string };
  let guide: { png: Buffer; dom: string };
  beforeAll(async () => {
    // Both pages at once: Chromium's start-up is most of the time.
    [home, guide] = await Promise.all([browse(join(siteDir, 'index.html'), 'home'), browse(guidePage('はじめに'), 'guide-ja')]);
  }, 60_000);

  it('the home page renders the README', () => {
    expectRealRender(home.png);
    expect(headings(home.dom)).toEqual(expect.arrayContaining(['mallkit', 'はじめる / Getting started', 'パッケージ / Packages']));
  });

  it('the Japanese getting-started guide renders with its headings', () => {
    expectRealRender(guide.png);
    expect(headings(guide.dom)).toEqual(expect.arrayContaining(['はじめに', 'インストール', 'サンドボックスで最初の同期', '本番の認証情報に切り替える']));
  });
});
