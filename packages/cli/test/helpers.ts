import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MallId, Order } from '@mallkit/core';
import { expect } from 'vitest';
import { processIo, type CliIo } from '../src/io.js';
import { findMall } from '../src/registry.js';
import { run } from '../src/run.js';
import { serveSandbox, type ServedSandbox } from '../src/sandbox/serve.js';

/** What a user sees from one run: the exit code and both streams. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  readonly signal?: AbortSignal;
  readonly progressIntervalMs?: number;
  readonly stderrIsTty?: boolean;
}

/** Every secret of every sandbox served by these tests: no run of the CLI may print one. */
const SECRETS = new Set<string>();

/** Fails the test when the text holds a known secret, or its base64 form (ESA and Basic headers). */
export function expectNoSecret(text: string, where: string): void {
  for (const secret of SECRETS) {
    expect(text, `${where} shows a secret`).not.toContain(secret);
    expect(text, `${where} shows a secret in base64`).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
  }
}

/**
 * Runs the CLI in this process with real files and captured output. Every run, in every test,
 * is also checked for secrets: no path of the CLI may print one.
 */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTty: options.stderrIsTty ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? tmpdir(),
    signal: options.signal ?? new AbortController().signal,
    readFile: (path) => readFile(path),
    writeFile: (path, data) => writeFile(path, data),
    replaceFile: processIo(new AbortController().signal).replaceFile,
    progressIntervalMs: options.progressIntervalMs ?? 60_000,
  };
  const code = await run(argv, io);
  expectNoSecret(stdout, `stdout of mallkit ${argv.join(' ')}`);
  expectNoSecret(stderr, `stderr of mallkit ${argv.join(' ')}`);
  return { code, stdout, stderr };
}

/** A fresh temporary directory, inside the run's own (test/global-setup.ts removes it at the end). */
export function tempDir(): string {
  const root = process.env['MALLKIT_CLI_TEST_TMP'] ?? tmpdir();
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, 'case-'));
}

/** Writes a file and returns its path. */
export function writeText(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Reads a file as UTF-8 text. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Serves a mall's sandbox in this process, 100 times faster than the mall's real rate; its secrets join the checked ones. */
export async function serve(mall: MallId, orders = 20, seed = 7): Promise<ServedSandbox> {
  const entry = findMall(mall);
  if (entry === undefined) throw new Error(`no registry entry for ${mall}`);
  const served = await serveSandbox({ entry, port: 0, orders, seed, days: 20, rateScale: 100 });
  for (const secret of served.sandbox.secrets) SECRETS.add(secret);
  for (const field of entry.credentials) {
    const value = served.connection.options[field.option];
    if (field.secret && typeof value === 'string') SECRETS.add(value);
  }
  return served;
}

/** A config file with one shop per served sandbox. */
export function sandboxConfig(dir: string, shops: Record<string, ServedSandbox>): string {
  const text = Object.entries(shops)
    .map(([name, served]) => `[shops.${name}]\nmall = "${served.sandbox.mall}"\nsandbox = "${served.server.url}"\n`)
    .join('\n');
  return writeText(dir, 'mallkit.toml', text);
}

/** The orders of an NDJSON output. */
export function ndjsonOrders(stdout: string): Order[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Order);
}

/** Requests of the sandbox whose operation is not a read (what `ship` may have sent). */
export function writeRequests(served: ServedSandbox, operations: readonly string[]): number {
  return served.sandbox.kit.log.entries.filter((entry) => operations.includes(entry.operation)).length;
}
