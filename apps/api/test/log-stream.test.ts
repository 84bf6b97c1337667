import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchedLines } from '../src/log-stream.ts';

describe('batchedLines: the request log written in batches', () => {
  afterEach(() => vi.useRealTimers());

  const recorder = () => {
    const writes: string[] = [];
    return { writes, out: { write: (text: string) => writes.push(text) > 0 } };
  };

  it('writes nothing per line, then the waiting lines in their order once maxBytes are reached', () => {
    const { writes, out } = recorder();
    const lines = batchedLines(out, { maxBytes: 10, maxDelayMs: 1000 });
    lines.write('abcd\n'); // 5 bytes
    expect(writes).toEqual([]);
    lines.write('efgh\n'); // 10: written
    expect(writes).toEqual(['abcd\nefgh\n']);
    lines.write('ij\n');
    lines.flush(); // exit, or a message of the process itself
    expect(writes).toEqual(['abcd\nefgh\n', 'ij\n']);
    lines.flush(); // nothing waits: nothing written
    expect(writes).toHaveLength(2);
  });

  it('writes a lone line maxDelayMs after it came, not before', () => {
    vi.useFakeTimers();
    const { writes, out } = recorder();
    const lines = batchedLines(out, { maxBytes: 16384, maxDelayMs: 100 });
    lines.write('one\n');
    vi.advanceTimersByTime(60);
    lines.write('two\n'); // the delay counts from the first waiting line
    vi.advanceTimersByTime(39);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual(['one\ntwo\n']);
    vi.advanceTimersByTime(1000);
    expect(writes).toHaveLength(1);
  });
});
