import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One temporary directory for the whole run (config files, CSVs, cursors), removed at its end. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mallkit-cli-'));
  // The test workers start after this and inherit the environment.
  process.env['MALLKIT_CLI_TEST_TMP'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
