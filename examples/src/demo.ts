/**
 * `pnpm demo`: for every mall connector, list the last 30 days of orders, show what needs the
 * OMS's attention (unmapped values, sentinel warnings, fraud holds), confirm pending orders, write
 * shipments back and print the credential report. Each mall runs on its sandbox unless its
 * credentials are in the environment (see examples/README.md).
 */
import { runDemo } from './run-demo.js';
import { targets } from './targets/index.js';

await runDemo(targets, new Date(), (line) => console.log(line));
console.log('\ndone.');
