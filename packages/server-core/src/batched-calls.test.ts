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
  it('runs a lone call at once, without waiting for the turn to end', async () => {
    const { call, runs, release } = recorder();
    const answer = call(1);
    expect(runs).toEqual([[1]]);
    release();
    expect(await answer).toBe(10);
  });

  it('queues the calls made while a run is under way and runs them together after the turn', async () => {
    const { call, runs, release } = recorder();
    const first = call(1);
    const others = [call(2), call(3), call(4)];
    expect(runs).toEqual([[1]]);
    await nextTurn();
    expect(runs).toEqual([[1], [2, 3, 4]]);
    release();
    expect(await Promise.all([first, ...others])).toEqual([10, 20, 30, 40]);
    // Nothing under way any more: the next call runs at once again.
    const later = call(5);
    expect(runs).toEqual([[1], [2, 3, 4], [5]]);
    release();
    expect(await later).toBe(50);
  });

  it('splits a queue longer than the limit over several runs, in order', async () => {
    const { call, runs, release } = recorder(2);
    const answers = [1, 2, 3, 4, 5, 6].map((n) => call(n));
    await nextTurn();
    expect(runs).toEqual([[1], [2, 3], [4, 5], [6]]);
    release();
    expect(await Promise.all(answers)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('rejects every call of a failed run, and runs the next call at once', async () => {
    let fail = true;
    const runs: number[][] = [];
    const call = batchedCalls(async (calls: number[]) => {
      runs.push(calls);
      if (fail) throw new Error('gagal');
      return calls;
    }, 64);
    const all = [call(1), call(2), call(3)];
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    fail = false;
    const next = call(4);
    expect(runs.at(-1)).toEqual([4]);
    expect(await next).toBe(4);
  });
});
