import { describe, expect, it } from 'vitest';
import { batchedCalls } from './batched-calls.ts';

/** A batched function that records each run's calls and answers when `release` is called. */
function recorder(limit = 64) {
  const runs: number[][] = [];
  const pending: (() => void)[] = [];
  const call = batchedCalls(
    (calls: number[]) =>
      new Promise<number[]>((resolve) => {
        runs.push(calls);
        pending.push(() => resolve(calls.map((c) => c * 10)));
      }),
    limit,
  );
  const release = () => {
    for (const done of pending.splice(0)) done();
  };
  return { call, runs, release };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('batchedCalls', () => {
  it('runs a lone call after exactly one turn, never later', async () => {
    const { call, runs, release } = recorder();
    const answer = call(1);
    expect(runs).toEqual([]);
    await Promise.resolve(); // microtasks alone do not run it
    expect(runs).toEqual([]);
    await nextTurn();
    expect(runs).toEqual([[1]]);
    release();
    expect(await answer).toBe(10);
  });

  it('runs the calls of one turn together, and a later turn on its own', async () => {
    const { call, runs, release } = recorder();
    const first = [call(1), call(2), call(3)];
    await nextTurn();
    const later = call(4);
    await nextTurn();
    expect(runs).toEqual([[1, 2, 3], [4]]);
    release();
    expect(await Promise.all([...first, later])).toEqual([10, 20, 30, 40]);
  });

  it('splits a turn longer than the limit over several runs, in order', async () => {
    const { call, runs, release } = recorder(2);
    const answers = [1, 2, 3, 4, 5].map((n) => call(n));
    await nextTurn();
    expect(runs).toEqual([[1, 2], [3, 4], [5]]);
    release();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50]);
  });

  it('rejects every call of a failed run', async () => {
    const call = batchedCalls(async (_calls: number[]): Promise<number[]> => {
      throw new Error('gagal');
    }, 64);
    const settled = await Promise.allSettled([call(1), call(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
