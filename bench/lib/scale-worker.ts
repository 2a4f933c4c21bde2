/**
 * Entry point of a scale worker process: `scale-worker.ts <bench file> <orders>`. Loads the mall's
 * declaration from the bench file, runs one scale measurement in this fresh process (a clean heap,
 * `--expose-gc`) and sends the result to the parent.
 */
import { pathToFileURL } from 'node:url';
import type { MallBenchModule } from './mall.js';
import { measureScale } from './scale-sync.js';

const [file, countText] = process.argv.slice(2);
if (file === undefined || countText === undefined) throw new Error('usage: scale-worker.ts <bench file> <orders>');
const { bench } = (await import(pathToFileURL(file).href)) as MallBenchModule;
const result = await measureScale(bench, Number(countText));
process.send?.(result);
