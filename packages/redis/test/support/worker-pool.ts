import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { epochNow, type FromWorker, type ScenarioName, type ToWorker } from './worker-protocol.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const workerScript = fileURLToPath(new URL('../workers/worker.ts', import.meta.url));

/** A running scenario: start it, then collect every worker's result. */
export interface ScenarioRun<R> {
  /** Sends `start` to the scenario's workers, `leadMs` from now; returns that epoch ms. */
  start(leadMs?: number): number;
  readonly results: Promise<R[]>;
}

/** Worker processes booted once (under tsx, on the package's sources) for several scenarios. */
export interface WorkerPool {
  /** Prepares `scenario` on the first `workers` processes and resolves when all are ready. */
  prepare<R>(workers: number, scenario: ScenarioName, config: object): Promise<ScenarioRun<R>>;
  /** Ends every worker. */
  close(): void;
}

/** The next `expected` message of scenario `run` (any, when undefined: a booting worker's ready). */
function next(child: ChildProcess, expected: FromWorker['type'], timeoutMs: number, run?: number): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`worker ${child.pid}: no ${expected} within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: FromWorker): void => {
      if (run !== undefined && message.run !== run) return;
      if (message.type === 'failed') done(new Error(`worker ${child.pid} failed: ${message.error}`));
      else if (message.type === expected) done(undefined, message);
    };
    const onExit = (code: number | null): void => done(new Error(`worker ${child.pid} exited (${code}) before ${expected}`));
    function done(error?: Error, message?: FromWorker): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Forks `count` worker processes and waits until each has loaded its code. */
export async function startWorkerPool(count: number, timeoutMs = 30_000): Promise<WorkerPool> {
  const children = Array.from({ length: count }, (_, index) =>
    fork(workerScript, [], {
      cwd: packageDir,
      execArgv: ['--import', 'tsx', '--conditions=@mallkit/source'],
      env: { ...process.env, WORKER_INDEX: String(index) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const send = (child: ChildProcess, message: ToWorker): void => void child.send(message);
  const close = (): void => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    await Promise.all(children.map((child) => next(child, 'ready', timeoutMs)));
  } catch (error) {
    close();
    throw error;
  }
  let runs = 0;
  return {
    async prepare<R>(workers: number, scenario: ScenarioName, config: object) {
      const chosen = children.slice(0, workers);
      const run = (runs += 1);
      const ready = chosen.map((child) => next(child, 'ready', timeoutMs, run));
      for (const child of chosen) send(child, { type: 'prepare', run, scenario, config });
      await Promise.all(ready);
      const results = chosen.map((child) => next(child, 'result', timeoutMs, run).then((m) => (m as { result: R }).result));
      return {
        start(leadMs = 300) {
          const at = epochNow() + leadMs;
          for (const child of chosen) send(child, { type: 'start', at });
          return at;
        },
        results: Promise.all(results),
      };
    },
    close,
  };
}
