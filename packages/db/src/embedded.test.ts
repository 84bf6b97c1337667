// The CLI opens the database while the app runs: it must attach to the running embedded server, not start a second.
import { chmodSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.ts';
import { findRunningEmbedded } from './embedded.ts';

describe('findRunningEmbedded and openDatabase({ reuseRunning })', () => {
  let app: Database;
  let dir: string;
  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'peta-running-'));
    chmodSync(tmp, 0o755);
    dir = join(tmp, 'pg');
    app = await openDatabase({ dataDir: dir, ephemeral: true });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('reads the port of the running server from postmaster.pid', async () => {
    const running = findRunningEmbedded(dir);
    expect(running).not.toBeNull();
    const { rows } = await app.pool.query<{ port: string }>('show port');
    expect(running!.port).toBe(Number(rows[0]!.port));
  });

  it('attaches to the running server and leaves it running on close', async () => {
    const cli = await openDatabase({ dataDir: dir, reuseRunning: true });
    expect(cli.kind).toBe('embedded');
    await cli.pool.query('create table seen_by_both (x int); insert into seen_by_both values (42)');
    await cli.close();
    const { rows } = await app.pool.query('select x from seen_by_both');
    expect(rows).toEqual([{ x: 42 }]);
  });

  it('a second server on the same folder is refused with a clear message, the first keeps running', async () => {
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      /^basis data tertanam di .* sedang dipakai proses lain \(PID \d+\)\. Hentikan server yang berjalan/,
    );
    expect((await app.pool.query('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('finds nothing without a pid file or with a stale one', () => {
    const other = mkdtempSync(join(tmpdir(), 'peta-stale-'));
    expect(findRunningEmbedded(other)).toBeNull();
    mkdirSync(join(other, 'pg'));
    writeFileSync(join(other, 'pg', 'postmaster.pid'), '999999999\n/x\n0\n5432\n\n127.0.0.1\n0\nready\n');
    expect(findRunningEmbedded(join(other, 'pg'))).toBeNull();
  });
});
