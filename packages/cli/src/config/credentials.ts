import type { Hint } from '@mallkit/core';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { inBoth } from '../lang.js';
import type { SecretGuard } from '../secret-guard.js';
import type { CredentialSource, ShopConfig } from './load.js';
import { CONFIG_MESSAGES, type ConfigMessages } from './messages.js';

const both = (make: (m: ConfigMessages) => string): Hint => inBoth(CONFIG_MESSAGES, make);

/** The credential values of one shop, and where each came from (to write a rotated token back). */
export interface ResolvedCredentials {
  readonly values: Readonly<Record<string, string>>;
  readonly sources: Readonly<Record<string, CredentialSource>>;
}

/** A file's text without the final line break that editors and `echo >` add. */
function fileValue(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes).replace(/\r?\n$/, '');
}

async function read(shop: ShopConfig, option: string, source: CredentialSource, io: CliIo): Promise<string | undefined> {
  switch (source.kind) {
    case 'literal':
      return source.value;
    case 'env':
      return io.env[source.name];
    case 'file':
      try {
        return fileValue(await io.readFile(source.path));
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new CliError(both((m) => m.fileMissing(shop.name, option, source.path, reason)));
      }
  }
}

/**
 * Reads every credential of a shop: from the source the config file names, else from the mall's
 * environment variable (with the shop's `envPrefix`). A required one that is missing or empty is
 * a usage error naming the variable or file — never the value. Every secret value is registered
 * with the guard before anything else happens, so no later output can show it.
 */
export async function resolveCredentials(shop: ShopConfig, io: CliIo, guard: SecretGuard): Promise<ResolvedCredentials> {
  const values: Record<string, string> = {};
  const sources: Record<string, CredentialSource> = {};
  for (const field of shop.entry.credentials) {
    const source: CredentialSource = shop.credentials[field.option] ?? { kind: 'env', name: `${shop.envPrefix}${field.env}` };
    const value = await read(shop, field.option, source, io);
    if (field.secret) guard.add(value);
    if (value === undefined || value.trim() === '') {
      const explicit = shop.credentials[field.option] !== undefined;
      if (!field.required && !explicit) continue;
      if (source.kind === 'env' && value === undefined) throw new CliError(both((m) => m.envMissing(shop.name, field.option, source.name)));
      const where = source.kind === 'env' ? source.name : source.kind === 'file' ? source.path : field.option;
      throw new CliError(both((m) => m.emptySecret(shop.name, field.option, where)));
    }
    values[field.option] = value;
    sources[field.option] = source;
  }
  return { values, sources };
}
