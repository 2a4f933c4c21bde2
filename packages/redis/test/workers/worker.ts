// One worker process of the multi-process tests: runs the scenarios the parent sends, one at a time.
import { epochNow, type FromWorker, type ToWorker } from '../support/worker-protocol.js';
import { prepareLimiterScenario, type LimiterScenarioConfig } from './limiter-scenario.js';
import { prepareTokenScenario, type TokenScenarioConfig } from './token-scenario.js';

const index = Number(process.env['WORKER_INDEX'] ?? 0);
let run: ((startAt: number) => Promise<unknown>) | undefined;

const reply = (message: FromWorker): void => void process.send?.(message);
const failed = (error: unknown): void => reply({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });

process.on('message', (message: ToWorker) => {
  if (message.type === 'exit') process.exit(0);
  if (message.type === 'prepare') {
    const prepared =
      message.scenario === 'limiter'
        ? prepareLimiterScenario(message.config as LimiterScenarioConfig, index)
        : prepareTokenScenario(message.config as TokenScenarioConfig);
    prepared.then((ready) => {
      run = ready;
      reply({ type: 'ready' });
    }, failed);
    return;
  }
  const scenario = run;
  run = undefined;
  if (!scenario) return failed(new Error('start without prepare'));
  setTimeout(() => scenario(message.at).then((result) => reply({ type: 'result', result }), failed), Math.max(0, message.at - epochNow()));
});
reply({ type: 'ready' });
