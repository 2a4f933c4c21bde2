/**
 * Heap figures after a full garbage collection: what is still reachable, not what happens to be
 * allocated. Needs `--expose-gc` (the scale workers are started with it); without it the flag is
 * turned on at run time, which V8 allows before the first collection is asked for.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type GarbageCollect = () => void;

/** The `gc` function, exposing it first when the process was started without `--expose-gc`. */
function collector(): GarbageCollect {
  const exposed = (globalThis as { gc?: GarbageCollect }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as GarbageCollect;
}

/** Bytes reachable on the JS heap plus off-heap buffers (answer bodies), after two full collections. */
export function reachableBytes(): number {
  const gc = collector();
  // Twice: the first pass runs finalizers that release what the second pass frees.
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}
