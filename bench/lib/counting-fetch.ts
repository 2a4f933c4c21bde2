/**
 * A fetch that counts the bytes of every answer body the connector reads: the sync's wire size,
 * against which a sandbox's memory is judged. Bytes are counted as they stream through, so the
 * connector reads the answer as it would from the global fetch.
 */

/** A counting fetch and its running totals. */
export interface CountingFetch {
  readonly fetch: typeof globalThis.fetch;
  /** Answer body bytes read so far. */
  readonly bytes: () => number;
}

/** Wraps the global fetch (which msw intercepts) so that each answer's body bytes are counted. */
export function countingFetch(): CountingFetch {
  let bytes = 0;
  const counted: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (response.body === null) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const relayed = new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
    // A new Response has no URL; keep the original's for clients that name it in errors.
    Object.defineProperty(relayed, 'url', { value: response.url });
    return relayed;
  };
  return { fetch: counted, bytes: () => bytes };
}
