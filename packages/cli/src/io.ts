import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';

/**
 * Everything the CLI touches outside itself: output streams, environment, files, time. `bin.ts`
 * passes the real process; tests pass their own, so that they can read exactly what a user sees.
 */
export interface CliIo {
  /**
   * Writes to standard output (data: tables, NDJSON, CSV, JSON). A promise means "wait before
   * writing more": a long export then streams at the reader's pace in constant memory.
   */
  readonly stdout: (text: string) => void | Promise<void>;
  /** Writes to standard error (progress, warnings, errors). */
  readonly stderr: (text: string) => void;
  /** True when standard error is a terminal: the progress line is then redrawn in place. */
  readonly stderrIsTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are read from. */
  readonly cwd: string;
  /** Aborts long-running commands (Ctrl+C, SIGTERM): `sandbox` stops, `orders` ends early. */
  readonly signal: AbortSignal;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly writeFile: (path: string, data: string) => Promise<void>;
  /**
   * Replaces a file in one step (a new file renamed over the old): a sync cursor is never left
   * half-written by a crash, so the next run reads either the old cursor or the new one.
   */
  readonly replaceFile: (path: string, data: string) => Promise<void>;
  /** Milliseconds between progress lines when standard error is not a terminal (a cron log). */
  readonly progressIntervalMs: number;
}

/** The real process's streams, environment and files. */
export function processIo(signal: AbortSignal): CliIo {
  return {
    stdout: (text) => (process.stdout.write(text) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()))),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    signal,
    readFile: (path) => readFile(path),
    // 0o600: a file the CLI writes may hold order data (addresses) or a rotated token.
    writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
    replaceFile: async (path, data) => {
      const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temporary, data, { mode: 0o600 });
      await rename(temporary, path);
    },
    progressIntervalMs: 10_000,
  };
}
