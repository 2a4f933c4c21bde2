import type { CliIo } from '../io.js';

/** The cursor stored by the previous sync, or null before the first one (no file, or an empty one). */
export async function readCursorFile(path: string, io: CliIo): Promise<string | null> {
  try {
    const text = new TextDecoder().decode(await io.readFile(path)).trim();
    return text === '' ? null : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Stores the next cursor, replacing the file in one step. */
export function saveCursorFile(path: string, cursor: string, io: CliIo): Promise<void> {
  return io.replaceFile(path, `${cursor}\n`);
}
