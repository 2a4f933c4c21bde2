import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** The port to listen on (default: a free one). */
  readonly port?: number;
  /** The executable (default `redis-server` on PATH). */
  readonly command?: string;
  /** Longest wait for "Ready to accept connections" (default 10,000 ms). */
  readonly startTimeoutMs?: number;
}

/** A redis-server child process on 127.0.0.1, without persistence: a restart loses every key. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Kills the server (SIGKILL, as a crash) and resolves when it is gone. */
  stop(): Promise<void>;
  /** Stops the server, then starts a new, empty one on the same port. */
  restart(): Promise<void>;
}

/** A port the OS reports free; the server is started on it right away. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function launch(command: string, port: number, startTimeoutMs: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within ${startTimeoutMs} ms on port ${port}:\n${output}`)), startTimeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'ENOENT'
          ? new Error(`${command} was not found on PATH. These tests need a real Redis: run \`bash scripts/redis.sh\` (installs Debian's redis-server) and try again.`)
          : error,
      );
    });
    child.once('exit', (code) => fail(new Error(`redis-server exited with code ${code} before it was ready:\n${output}`)));
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * Starts a private redis-server for a test or a demo (never a system service): on 127.0.0.1, a
 * free port, no RDB or AOF file. Rejects with an explanation when `redis-server` is not installed.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const command = options.command ?? 'redis-server';
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const port = options.port ?? (await freePort());
  let child = await launch(command, port, startTimeoutMs);
  // A test run that dies (timeout, crash) must not leave the server behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', killOnExit);
      await kill(child);
    },
    async restart() {
      await kill(child);
      child = await launch(command, port, startTimeoutMs);
      process.off('exit', killOnExit);
      process.once('exit', killOnExit);
    },
  };
}
