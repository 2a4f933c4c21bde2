/**
 * The last line of defence: every secret the CLI read (from the environment, a file or a served
 * sandbox) is registered here, and everything the CLI prints passes through `mask`. The
 * connectors already redact their errors at the source; this catches what a future code path
 * might print by mistake. Only exact values (and their base64 forms, as in Basic or ESA headers)
 * are masked — not secret-shaped patterns, which could alter order data on standard output.
 */
export class SecretGuard {
  readonly #values = new Set<string>();
  #matcher: RegExp | null = null;

  /** Registers secret values; values shorter than 4 characters are ignored (they would mask ordinary words). */
  add(...values: ReadonlyArray<string | null | undefined>): void {
    let changed = false;
    for (const value of values) {
      if (typeof value !== 'string' || value.length < 4 || this.#values.has(value)) continue;
      this.#values.add(value);
      this.#values.add(Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, ''));
      changed = true;
    }
    if (!changed) return;
    const parts = [...this.#values].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.#matcher = new RegExp(parts.join('|'), 'g');
  }

  /** The text with every registered secret replaced by `[REDACTED]`. */
  mask(text: string): string {
    return this.#matcher === null ? text : text.replace(this.#matcher, '[REDACTED]');
  }
}
