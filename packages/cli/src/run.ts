import { createRequire } from 'node:module';
import { CliError } from './cli-error.js';
import { helpText } from './commands/help.js';
import { createContext, type CommandContext } from './context.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { inBoth, isLang, type Lang } from './lang.js';
import { COMMON_MESSAGES } from './messages.js';
import { reportError } from './report-error.js';

type Command = (argv: readonly string[], ctx: CommandContext) => Promise<ExitCode>;

// Each command is loaded when it runs: `mallkit --help` or a usage error stays quick.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  creds: async () => (await import('./commands/creds.js')).credsCommand,
  orders: async () => (await import('./commands/orders.js')).ordersCommand,
  ship: async () => (await import('./commands/ship.js')).shipCommand,
  sandbox: async () => (await import('./commands/sandbox.js')).sandboxCommand,
};

/** `--lang xx` / `--lang=xx` anywhere, else MALLKIT_LANG, else ja; read before anything so that even a flag error speaks the user's language. */
function langOf(argv: readonly string[], env: CliIo['env']): { lang: Lang; bad: string | null } {
  let chosen: string | undefined = env['MALLKIT_LANG'];
  argv.forEach((arg, i) => {
    if (arg === '--lang') chosen = argv[i + 1];
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
  });
  if (chosen === undefined || chosen === '') return { lang: 'ja', bad: null };
  return isLang(chosen) ? { lang: chosen, bad: null } : { lang: 'ja', bad: chosen };
}

function version(): string {
  // src/run.ts and dist/*.js both sit one level below the package root.
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

/**
 * Runs the `mallkit` command line with these arguments (without `node` and the script) and returns
 * the exit code. Everything it reads and writes goes through `io`, so that it can be embedded and
 * tested; `bin.ts` passes the real process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { lang, bad } = langOf(argv, io.env);
  const ctx = createContext(io, lang, argv.includes('--debug'));
  const [command, ...rest] = argv;
  try {
    if (bad !== null) throw new CliError(inBoth(COMMON_MESSAGES, (m) => m.badValue('--lang', bad, m.badLang)));
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      await ctx.out(helpText(rest[0] ?? null, lang));
      return EXIT.OK;
    }
    if (command === '--version' || command === '-v') {
      await ctx.out(`${version()}\n`);
      return EXIT.OK;
    }
    const load = COMMANDS[command];
    if (load === undefined) throw new CliError(inBoth(COMMON_MESSAGES, (m) => m.unknownCommand(command)));
    if (rest.includes('--help') || rest.includes('-h')) {
      await ctx.out(helpText(command, lang));
      return EXIT.OK;
    }
    return await (await load())(rest, ctx);
  } catch (error) {
    return reportError(error, ctx);
  }
}
