#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './run.js';

// Ctrl+C and SIGTERM end long commands cleanly (sandbox closes its port, orders stops between pages).
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort());
}
// `mallkit orders | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo(controller.signal));
