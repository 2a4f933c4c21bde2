/**
 * Child processes of the bench: a TypeScript worker that answers with one message (scale syncs),
 * and plain Node commands whose output is read (cold imports). Workers inherit the parent's
 * `--conditions` flags, so that a run against the sources stays one.
 */
import { execFile, fork } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The parent's `--conditions` flags (e.g. `--conditions=@mallkit/source`), to pass on. */
export function conditionFlags(): string[] {
  const flags: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] as string;
    if (flag.startsWith('--conditions=') || flag.startsWith('-C=')) flags.push(flag);
    else if ((flag === '--conditions' || flag === '-C') && argv[i + 1] !== undefined) flags.push(flag, argv[(i += 1)] as string);
  }
  return flags;
}

/**
 * Runs a TypeScript module in a fresh Node process (tsx, `--expose-gc`, a 4 GB heap) and resolves
 * with the one message it sends; rejects when it exits without one.
 */
export function forkForMessage<T>(module: string, args: readonly string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = fork(module, [...args], {
      execArgv: ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', ...conditionFlags()],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (message) => {
      answered = true;
      resolve(message as T);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`${module} ${args.join(' ')} exited with code ${code} before answering`));
    });
  });
}

/** Runs `node <args>` in `cwd` with a clean environment for timing (no compile cache) and resolves with its stdout. */
export async function nodeOutput(args: readonly string[], cwd: string): Promise<string> {
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_OPTIONS;
  const { stdout } = await run(process.execPath, [...args], { cwd, env, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}
