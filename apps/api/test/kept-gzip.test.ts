// keptGzip must give exactly the bytes of zlib.gzipSync with the same options: the /api/nilai answers are sent with it,
// through @fastify/compress's synchronous path (the route's quickGzip options).
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { keptGzip } from '../src/plugins/kept-gzip.ts';
import { quickGzip } from '../src/routes/values.ts';

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

describe('GET /api/nilai compression (quickGzip)', () => {
  it('sends the bytes of gzipSync at level 3 through @fastify/compress, answer after answer', async () => {
    const app = Fastify();
    await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip'] });
    const answers = [answer(57), answer(600), answer(20), answer(57)];
    app.get('/:n', { ...quickGzip }, async (request) => answers[Number((request.params as { n: string }).n)]);
    for (const [n, body] of answers.entries()) {
      const res = await app.inject({ url: `/${n}`, headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.rawPayload.equals(gzipSync(body, { level: 3 }))).toBe(true);
      expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
    }
    await app.close();
  });
});
