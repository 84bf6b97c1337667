// When the database is away (restart, network), the API answers 503 quickly with a JSON message — never a 500,
// never a hang — and /api/health says so.
import { afterAll, describe, expect, it } from 'vitest';
import { connectPool, type Database } from '@peta/db';
import { buildApp } from '../src/app.ts';
import { isDatabaseUnavailable } from '../src/plugins/errors.ts';

// Port 1 on loopback: nothing listens, connections are refused at once.
const { pool, db } = connectPool('postgres://nobody@127.0.0.1:1/none', undefined, 2000);
const database: Database = {
  db,
  pool,
  read: db,
  readPool: null,
  genericPlanPool: pool,
  readGenericPlanPool: null,
  kind: 'postgres',
  close: async () => {
    await pool.end();
  },
};
const app = await buildApp({ database, config: { signInLimitPerMinute: 1_000_000, webDist: '/nonexistent' } });
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('database unavailable', () => {
  it('health answers 503 with status error and the reason (to an anonymous caller: no versions, no details)', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toEqual({ status: 'error', message: 'Basis data tidak dapat dihubungi.' });
  });

  it('data routes answer 503 DATABASE_UNAVAILABLE in Bahasa Indonesia within seconds', async () => {
    for (const url of [
      '/api/wilayah',
      '/api/wilayah/12.10/children',
      '/api/nilai?indikator=KIA_K4&periode=2026',
      '/api/meta',
    ]) {
      const started = performance.now();
      // A signed-in browser: its session is looked up in the database first, which fails the same way.
      const res = await app.inject({ url, headers: { cookie: 'peta_sesi=sesi-apa-saja' } });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(res.statusCode, url).toBe(503);
      expect(res.json()).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        error: 'Service Unavailable',
        message: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
      });
    }
  });

  it('recognises connection failures, also wrapped, and nothing else', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable({
        message: 'Failed query',
        cause: { code: '57P01', message: 'terminating connection due to administrator command' },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key value' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
