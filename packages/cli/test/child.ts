import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package directory: the child runs from here so that `--import tsx` resolves. */
export const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

/** Node flags to run the TypeScript sources as the installed bin would run the build. */
const NODE_FLAGS = ['--conditions=@mallkit/source', '--import', 'tsx'];

/** What a finished child printed, and how it ended. */
export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `mallkit …` as a real process: its own stdout, stderr, environment and exit code. */
export function startCli(argv: readonly string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...NODE_FLAGS, BIN, ...argv], {
    cwd: CLI_DIR,
    // Only what a cron job would have: PATH and the given variables (no inherited secrets).
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

/** Runs `mallkit …` to its end. */
export function runChild(argv: readonly string[], env: Record<string, string> = {}): Promise<ChildRun> {
  const child = startCli(argv, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Resolves with the first match of `pattern` in the child's standard output (rejects on exit first). */
export function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match) {
        child.stdout.off('data', onData);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${seen}`)));
  });
}
