import { dirname, isAbsolute, resolve } from 'node:path';
import type { Hint } from '@mallkit/core';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { ZodError } from 'zod';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { inBoth } from '../lang.js';
import { findMall, type MallEntry } from '../registry.js';
import { CONFIG_MESSAGES, type ConfigMessages } from './messages.js';
import { configSchema, type SourceInput } from './schema.js';

/** Where one credential's value comes from, after the config file was checked. */
export type CredentialSource =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string };

/** One shop of the config file, checked against its mall's registry entry. */
export interface ShopConfig {
  readonly name: string;
  readonly entry: MallEntry;
  /** The URL of a running `mallkit sandbox` to take the connection from, or null for the real mall. */
  readonly sandbox: string | null;
  /** Prepended to each credential's default environment variable name. */
  readonly envPrefix: string;
  /** The sources the file names, by option; the others default to `${envPrefix}${field.env}`. */
  readonly credentials: Readonly<Record<string, CredentialSource>>;
  /** Connector options passed as they are. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A checked config file. */
export interface CliConfig {
  readonly path: string;
  readonly shops: readonly ShopConfig[];
}

/** The config file's name when neither --config nor MALLKIT_CONFIG names one. */
export const DEFAULT_CONFIG_FILE = 'mallkit.toml';

const both = (make: (m: ConfigMessages) => string): Hint => inBoth(CONFIG_MESSAGES, make);

function invalid(path: string, field: string, problem: Hint): CliError {
  return new CliError({ ja: CONFIG_MESSAGES.ja.invalid(path, field, problem.ja), en: CONFIG_MESSAGES.en.invalid(path, field, problem.en) });
}

/** Parses the text as JSON for a `.json` file, TOML otherwise. Errors name the line, never echo the text (it may hold a secret). */
function parseText(path: string, text: string): unknown {
  try {
    if (path.toLowerCase().endsWith('.json')) return JSON.parse(text) as unknown;
    return parseToml(text, { unsafeKeyBehaviour: 'throw', maxDepth: 32 });
  } catch (error) {
    const where = error instanceof TomlError ? `line ${error.line}, column ${error.column}` : error instanceof SyntaxError ? 'JSON syntax' : 'syntax';
    const first = error instanceof TomlError ? (error.message.split('\n')[0] ?? '') : '';
    throw new CliError(both((m) => m.unreadable(path, `${where}${first ? `: ${first}` : ''}`)));
  }
}

function zodProblem(path: string, error: ZodError): CliError {
  const issue = error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? '(file)' : issue.path.map(String).join('.');
  const message = issue?.message ?? 'invalid';
  return invalid(path, field, { ja: message, en: message });
}

function toSource(value: SourceInput, baseDir: string): CredentialSource {
  if (value instanceof Date) return { kind: 'literal', value: value.toISOString() };
  if (typeof value === 'string' || typeof value === 'number') return { kind: 'literal', value: String(value) };
  if ('env' in value) return { kind: 'env', name: value.env };
  return { kind: 'file', path: isAbsolute(value.file) ? value.file : resolve(baseDir, value.file) };
}

const RESERVED = new Set(['mall', 'sandbox', 'envPrefix', 'options']);

/** Checks one shop against its mall's credentials: known keys only, secrets never written in the file. */
function checkShop(path: string, name: string, raw: Record<string, unknown>, baseDir: string): ShopConfig {
  const entry = findMall(String(raw['mall'])) as MallEntry; // the schema admitted only known malls
  const fields = new Map(entry.credentials.map((field) => [field.option, field]));
  const credentials: Record<string, CredentialSource> = {};
  const sandbox = typeof raw['sandbox'] === 'string' ? raw['sandbox'] : null;
  for (const [key, value] of Object.entries(raw)) {
    if (RESERVED.has(key)) continue;
    const field = fields.get(key);
    const at = `shops.${name}.${key}`;
    if (field === undefined) throw invalid(path, at, both((m) => m.unknownKey(entry.mall, [...fields.keys()].join(', '))));
    if (sandbox !== null) throw invalid(path, at, both((m) => m.sandboxWithCredentials));
    const source = toSource(value as SourceInput, baseDir);
    if (field.secret && source.kind === 'literal') throw invalid(path, at, both((m) => m.secretLiteral(field.env)));
    credentials[key] = source;
  }
  const options = (raw['options'] ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (fields.has(key)) throw invalid(path, `shops.${name}.options.${key}`, both((m) => m.secretInOptions));
  }
  return { name, entry, sandbox, envPrefix: typeof raw['envPrefix'] === 'string' ? raw['envPrefix'] : '', credentials, options };
}

/** The config file's path: `--config`, else MALLKIT_CONFIG, else ./mallkit.toml. */
export function configPath(flag: string | undefined, io: CliIo): string {
  const chosen = flag ?? io.env['MALLKIT_CONFIG'] ?? DEFAULT_CONFIG_FILE;
  return isAbsolute(chosen) ? chosen : resolve(io.cwd, chosen);
}

/**
 * Reads and checks the config file (TOML, or JSON for a `.json` name). Every problem is a usage
 * error naming the file and the field; secret values are never part of a message.
 */
export async function loadConfig(path: string, io: CliIo): Promise<CliConfig> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? both((m) => m.notFound(path)) : both((m) => m.unreadable(path, code ?? 'error')));
  }
  const parsed = configSchema.safeParse(parseText(path, new TextDecoder().decode(bytes)));
  if (!parsed.success) throw zodProblem(path, parsed.error);
  const names = Object.keys(parsed.data.shops);
  if (names.length === 0) throw new CliError(both((m) => m.noShops(path)));
  const baseDir = dirname(path);
  return { path, shops: names.map((name) => checkShop(path, name, parsed.data.shops[name] as Record<string, unknown>, baseDir)) };
}

/** The shop of that name, or a usage error listing the shops there are. */
export function findShop(config: CliConfig, name: string): ShopConfig {
  const shop = config.shops.find((candidate) => candidate.name === name);
  if (shop === undefined) throw new CliError(both((m) => m.unknownShop(name, config.shops.map((s) => s.name).join(', '))));
  return shop;
}
