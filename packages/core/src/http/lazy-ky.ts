import type * as Ky from 'ky';
import type { KyInstance, Options } from 'ky';

/*
 * ky is imported on a pipeline's first request, not when core loads. Importing ky evaluates its
 * feature checks (`new Request(…)`), and touching Request loads Node's fetch (undici): about a third
 * of a connector's cold import, paid by every program that only imports a connector — a CLI printing
 * its help, a test runner collecting files (issue 15, decision 0304).
 */

/** A ky instance and the check for its timeout error (ky's class, from the same module copy). */
export interface LazyKy {
  /** Sends a request as ky does. */
  readonly send: KyInstance;
  /** True when `error` is ky's TimeoutError. */
  readonly isTimeout: (error: unknown) => boolean;
}

let kyModule: Promise<typeof Ky> | undefined;

/** Creates a ky instance with these defaults once ky is loaded (loaded once per process). */
export async function createLazyKy(defaults: Options): Promise<LazyKy> {
  kyModule ??= import('ky');
  const { default: ky, TimeoutError } = await kyModule;
  return { send: ky.create(defaults), isTimeout: (error) => error instanceof TimeoutError };
}
