// The queue behind parsing and PDF printing: `concurrency` run, `queue` wait, one more is refused at once; a waiting
// job whose signal aborts leaves the queue; a finished job hands its slot to the next.
import { describe, expect, it } from 'vitest';
import { QueueFull, boundedQueue } from './bounded-queue.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('boundedQueue', () => {
  const full = ({ running, waiting }: { running: number; waiting: number }) =>
    new QueueFull('BUSY', `${running} + ${waiting}`, 7);

  it('runs `concurrency` jobs, queues `queue` more, refuses the next at once, and hands slots on in order', async () => {
    const queue = boundedQueue({ concurrency: 1, queue: 1, full });
    const first = gate();
    const order: string[] = [];
    const a = queue.run(async () => {
      order.push('a');
      await first.opened;
      return 'a';
    });
    const b = queue.run(async () => {
      order.push('b');
      return 'b';
    });
    await expect(queue.run(async () => 'c')).rejects.toMatchObject({
      code: 'BUSY',
      message: '1 + 1',
      retryAfterSeconds: 7,
    });
    expect(queue.load()).toEqual({ running: 1, waiting: 1 });
    expect(order).toEqual(['a']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(queue.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('a failing job frees its slot too', async () => {
    const queue = boundedQueue({ concurrency: 1, queue: 0, full });
    await expect(
      queue.run(async () => {
        throw new Error('gagal');
      }),
    ).rejects.toThrow('gagal');
    expect(await queue.run(async () => 'lagi')).toBe('lagi');
  });

  it('a waiting job whose signal aborts leaves the queue with the reason', async () => {
    const queue = boundedQueue({ concurrency: 1, queue: 1, full });
    const first = gate();
    const a = queue.run(() => first.opened);
    const controller = new AbortController();
    const b = queue.run(async () => 'never', controller.signal);
    controller.abort(new Error('batas waktu'));
    await expect(b).rejects.toThrow('batas waktu');
    expect(queue.load()).toEqual({ running: 1, waiting: 0 });
    first.open();
    await a;
    expect(queue.load()).toEqual({ running: 0, waiting: 0 });
  });
});
