import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot, userMarkdown } from '../readme-blocks.js';

/*
 * What readme-blocks.test.ts does not look for in the READMEs and guides (decision 0404): a
 * Windows drive path, and "id" followed by eight or more digits, the way search indexes and file
 * stores label what they return. Unix machine paths and numbered search indexes are checked there.
 */
describe('no Windows path or stored-file id in the READMEs and guides', () => {
  it.each(userMarkdown())('%s', (file) => {
    const text = readFileSync(join(repositoryRoot, file), 'utf8');
    const found = [...text.matchAll(/\b[A-Z]:\\{1,2}[\w.-]/g), ...text.matchAll(/\bids?:? ?#?\d{8,}\b/gi)].map((match) => match[0]);
    expect(found).toEqual([]);
  });
});
