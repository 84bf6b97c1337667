// keptGzip must give exactly the bytes of zlib.gzipSync with the same options: the /api/nilai answers are sent with it.
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keptGzip } from '../src/plugins/kept-gzip.ts';

const answer = (n: number) =>
  Buffer.from(
    JSON.stringify({
      periodLabel: 'Januari–Mei 2026',
      rows: Array.from({ length: n }, (_, i) => ({ kode: `33.06.02.${2000 + i}`, coverage: i / 3, class: 'baik' })),
    }),
  );

describe('keptGzip', () => {
  it('gives the bytes of gzipSync, call after call on one context', () => {
    const gzip = keptGzip({ level: 3 });
    const inputs = [
      answer(57),
      Buffer.alloc(0),
      Buffer.from('x'),
      answer(2000), // ~150 KB of JSON
      // Incompressible input larger than the 64 KB scratch buffer: the output takes more than one write.
      randomBytes(200_000),
      answer(3),
      answer(57),
    ];
    for (const input of inputs) {
      const bytes = gzip(input);
      expect(bytes.equals(gzipSync(input, { level: 3 }))).toBe(true);
      expect(gunzipSync(bytes).equals(input)).toBe(true);
    }
  });

  it('hands out bytes that later calls do not overwrite', () => {
    const gzip = keptGzip({ level: 3 });
    const first = gzip(answer(57));
    const copy = Buffer.from(first);
    gzip(answer(400));
    expect(first.equals(copy)).toBe(true);
  });
});
