// One worker process of the multi-process tests: runs the scenarios the parent sends, one at a time.
import { epochNow, type FromWorker, type ToWorker } from '../support/worker-protocol.js';
import { prepareLimiterScenario, type LimiterScenarioConfig } from './limiter-scenario.js';
import { prepareTokenScenario, type TokenScenarioConfig } from './token-scenario.js';

const index = Number(process.env['WORKER_INDEX'] ?? 0);
let run: ((startAt: number) => Promise<unknown>) | undefined;
let runId = 0;

const reply = (message: FromWorker): void => void process.send?.(message);
const failed = (error: unknown, id?: number): void =>
  reply({ type: 'failed', ...(id !== undefined ? { run: id } : {}), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });

process.on('message', (message: ToWorker) => {
  if (message.type === 'exit') process.exit(0);
  if (message.type === 'prepare') {
    const id = message.run;
    runId = id;
    run = undefined;
    const prepared =
      message.scenario === 'limiter'
        ? prepareLimiterScenario(message.config as LimiterScenarioConfig, index)
        : prepareTokenScenario(message.config as TokenScenarioConfig);
    prepared.then(
      (ready) => {
        // A later prepare replaced this one while it warmed up.
        if (runId !== id) return;
        run = ready;
        reply({ type: 'ready', run: id });
      },
      (error: unknown) => failed(error, id),
    );
    return;
  }
  const scenario = run;
  const id = runId;
  run = undefined;
  if (!scenario) return failed(new Error('start without prepare'), id);
  setTimeout(
    () =>
      scenario(message.at).then(
        (result) => reply({ type: 'result', run: id, result }),
        (error: unknown) => failed(error, id),
      ),
    Math.max(0, message.at - epochNow()),
  );
});
reply({ type: 'ready' });
