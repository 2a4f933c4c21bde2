import { describe, expect, it } from 'vitest';
import { CredentialError, MallUnavailableError, OrderStateError, TimeoutError } from '../../src/errors/classes.js';
import { runBatchWrite, type WriteOutcome } from '../../src/kit/batch-write.js';

type State = 'new' | 'confirmed' | 'cancelled';

function mall(states: Record<string, State>) {
  const sent: string[][] = [];
  const reads: string[][] = [];
  return {
    sent,
    reads,
    states,
    readStates: async (ids: readonly string[]) => {
      reads.push([...ids]);
      return new Map(ids.flatMap((id) => (states[id] ? [[id, states[id]] as const] : [])));
    },
  };
}

const confirm = (state: State): WriteOutcome =>
  state === 'cancelled' ? { kind: 'failed', error: new OrderStateError('cancelled', { mall: 'rakuten' }) } : { kind: 'done' };

describe('runBatchWrite', () => {
  it('checks states first: alreadyDone without a write, refusals per order, the rest written in batches, results in input order', async () => {
    const m = mall({ a: 'new', b: 'confirmed', c: 'cancelled', d: 'new', e: 'new' });
    const result = await runBatchWrite({
      mall: 'rakuten',
      operation: 'confirm',
      items: ['a', 'b', 'c', 'd', 'e', 'zz'],
      idOf: (id) => id,
      batchSize: 2,
      stateBatchSize: 3,
      call: {},
      readStates: m.readStates,
      precheck: (_id, state) => (state === 'confirmed' ? { kind: 'done', alreadyDone: true } : state === 'cancelled' ? confirm(state) : 'write'),
      write: async (batch) => {
        m.sent.push([...batch]);
        return batch.map(() => ({ kind: 'done' }));
      },
    });
    expect(result.results.map((r) => [r.id, r.ok, r.ok ? r.alreadyDone : r.error.code])).toEqual([
      ['a', true, false],
      ['b', true, true],
      ['c', false, 'order_state'],
      ['d', true, false],
      ['e', true, false],
      ['zz', false, 'not_found'],
    ]);
    expect(m.reads).toEqual([['a', 'b', 'c'], ['d', 'e', 'zz']]);
    expect(m.sent).toEqual([['a'], ['d'], ['e']]);
    expect(result).toMatchObject({ succeeded: 3, alreadyDone: 1, failed: 2 });
  });

  it('resolves an unknown outcome by reading back, never by sending again', async () => {
    const m = mall({ a: 'new', b: 'new' });
    const result = await runBatchWrite({
      mall: 'rakuten',
      operation: 'confirm',
      items: ['a', 'b'],
      idOf: (id) => id,
      batchSize: 2,
      call: {},
      readStates: m.readStates,
      write: async (batch) => {
        m.sent.push([...batch]);
        m.states['a'] = 'confirmed'; // the write landed for a, not for b, and the answer was lost
        throw new TimeoutError('no answer', { mall: 'rakuten' });
      },
      resolve: (_id, state, doubt) => (state === 'confirmed' ? { kind: 'done', warnings: ['answer lost; read back'] } : { kind: 'failed', error: doubt }),
    });
    expect(m.sent).toEqual([['a', 'b']]);
    expect(result.results.map((r) => [r.id, r.ok])).toEqual([['a', true], ['b', false]]);
    expect(result.results[1]?.ok === false && result.results[1].error.code).toBe('timeout');
  });

  it('stops at a connector-wide error and throws it with the progress: results so far and ids never sent', async () => {
    let calls = 0;
    const error = await runBatchWrite({
      mall: 'yahoo',
      operation: 'ship',
      items: ['a', 'b', 'c', 'd'],
      idOf: (id) => id,
      batchSize: 1,
      call: {},
      write: async (batch) => {
        calls += 1;
        if (batch[0] === 'b') throw new CredentialError('expired', { mall: 'yahoo', credential: 'refreshToken' });
        return [{ kind: 'done' }];
      },
    }).catch((e: unknown) => e);
    expect(CredentialError.isInstance(error)).toBe(true);
    expect(calls).toBe(2);
    expect((error as CredentialError).batch).toEqual({ results: [{ id: 'a', ok: true, alreadyDone: false, warnings: [] }], notSent: ['b', 'c', 'd'] });
  });

  it('stops when the read-back fails too, reporting the doubtful orders with their unknown outcome', async () => {
    const error = await runBatchWrite({
      mall: 'amazon',
      operation: 'ship',
      items: ['a', 'b'],
      idOf: (id) => id,
      batchSize: 1,
      call: {},
      readStates: async () => {
        throw new MallUnavailableError('down', { mall: 'amazon' });
      },
      write: async () => {
        throw new TimeoutError('no answer', { mall: 'amazon' });
      },
    }).catch((e: unknown) => e);
    expect(MallUnavailableError.isInstance(error)).toBe(true);
    const batch = (error as MallUnavailableError).batch;
    expect(batch?.notSent).toEqual(['b']);
    expect(batch?.results[0]).toMatchObject({ id: 'a', ok: false, error: { code: 'timeout' } });
  });

  it('re-reads an order between two items of it, so the second sees the first write', async () => {
    const m = mall({ a: 'new' });
    const seenStates: State[] = [];
    await runBatchWrite({
      mall: 'rakuten',
      operation: 'ship',
      items: [{ id: 'a', n: 1 }, { id: 'a', n: 2 }],
      idOf: (item) => item.id,
      batchSize: 1,
      call: {},
      readStates: m.readStates,
      refreshBetweenItemsOfOneOrder: true,
      precheck: (_item, state) => (seenStates.push(state), 'write'),
      write: async () => {
        m.states['a'] = 'confirmed';
        return [{ kind: 'done' }];
      },
    });
    expect(seenStates).toEqual(['new', 'confirmed']);
  });

  it('reports a whole-batch refusal on every order of the batch, and goes on', async () => {
    const result = await runBatchWrite({
      mall: 'rakuten',
      operation: 'confirm',
      items: ['a', 'b', 'c'],
      idOf: (id) => id,
      batchSize: 2,
      call: {},
      write: async (batch) => {
        if (batch.includes('a')) throw new OrderStateError('refused', { mall: 'rakuten' });
        return batch.map(() => ({ kind: 'done' }));
      },
    });
    expect(result.results.map((r) => r.ok)).toEqual([false, false, true]);
  });
});
