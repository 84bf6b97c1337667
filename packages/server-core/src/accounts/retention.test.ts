// Retention: expired sessions and audit entries past AUDIT_RETENTION_DAYS are deleted, and the deletion is logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { openTestDatabase } from '../testing/test-database.ts';
import {
  DEFAULT_AUDIT_RETENTION_DAYS,
  parseAuditRetentionDays,
  purgeExpired,
  RETENTION_LOCK_KEY,
} from './retention.ts';

let database: Database;
let close: () => Promise<void>;
const now = new Date('2026-11-20T08:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  const {
    rows: [user],
  } = await database.pool.query(
    `insert into app_user (username, nama, role, scope_kode, password_hash, created_by) values ('camat.uji', 'Camat Uji', 'camat', '99.01.01', 'x', 'uji') returning id`,
  );
  await database.pool.query(
    `insert into app_session (token_hash, user_id, csrf_token, expires_at, ip) values
    ('lama', $1, 'c1', $2, '10.0.0.1'), ('baru', $1, 'c2', $3, '10.0.0.2')`,
    [user.id, daysAgo(1), daysAgo(-13)],
  );
  await database.pool.query(
    `insert into import_preview (id, expires_at, file_name, file_hash, oleh, bytes, summary) values
    ('p-lama', $1, 'k4.csv', 'h1', 'camat.uji', '\\x00', '{}'), ('p-baru', $2, 'k4.csv', 'h2', 'camat.uji', '\\x00', '{}')`,
    [daysAgo(1), daysAgo(-1)],
  );
  await database.pool.query(
    `insert into sign_in_throttle (address, username, failures, last_failure_at, blocked_until) values
    ('10.0.0.9', 'camat.uji', 3, $1, $1), ('10.0.0.8', 'admin', 6, $2, $3)`,
    [daysAgo(2), new Date(now.getTime() - 3_600_000), new Date(now.getTime() + 3_600_000)],
  );
  await database.pool.query(
    `insert into request_rate (key, window_start, requests) values
    ('POST /api/auth/masuk 10.0.0.9', $1, 30), ('POST /api/auth/masuk 10.0.0.8', $2, 2)`,
    [daysAgo(2), new Date(now.getTime() - 60_000)],
  );
  await database.pool.query(
    `insert into audit_log (at, username, action, ip) values
    ($1, 'camat.uji', 'masuk', '10.0.0.1'), ($2, 'camat.uji', 'tulis', '10.0.0.1'), ($3, 'camat.uji', 'masuk_gagal', '10.0.0.9')`,
    [daysAgo(800), daysAgo(729), daysAgo(2)],
  );
}, 120_000);
afterAll(async () => close());

describe('purgeExpired', () => {
  it('deletes expired sessions, import files, quiet throttle rows and old audit entries, keeps the rest, logs it', async () => {
    const result = await purgeExpired(database, { auditRetentionDays: 730, now });
    expect(result).toEqual({ sessions: 1, previews: 1, throttle: 1, requestRate: 1, audit: 1 });
    expect((await database.pool.query('select key from request_rate')).rows.map((r) => r.key)).toEqual([
      'POST /api/auth/masuk 10.0.0.8',
    ]);
    // The pair still waiting (an hour ago, blocked for another hour) stays; the one quiet for two days goes.
    expect((await database.pool.query('select address from sign_in_throttle')).rows.map((r) => r.address)).toEqual([
      '10.0.0.8',
    ]);
    const sessions = await database.pool.query('select token_hash from app_session order by token_hash');
    expect(sessions.rows.map((r) => r.token_hash)).toEqual(['baru']);
    expect((await database.pool.query('select id from import_preview')).rows.map((r) => r.id)).toEqual(['p-baru']);
    const audit = await database.pool.query(`select action, detail from audit_log order by at`);
    expect(audit.rows.map((r) => r.action)).toEqual(['tulis', 'masuk_gagal', 'retensi']);
    expect(audit.rows[2].detail).toEqual({
      sessions: 1,
      previews: 1,
      throttle: 1,
      requestRate: 1,
      audit: 1,
      retensiAuditHari: 730,
    });
  });
  it('a shorter retention deletes more; a run with nothing to delete leaves no entry', async () => {
    expect(await purgeExpired(database, { auditRetentionDays: 30, now })).toEqual({
      sessions: 0,
      previews: 0,
      throttle: 0,
      requestRate: 0,
      audit: 1,
    });
    const before = (await database.pool.query('select count(*)::int as n from audit_log')).rows[0].n;
    expect(await purgeExpired(database, { auditRetentionDays: 30, now })).toEqual({
      sessions: 0,
      previews: 0,
      throttle: 0,
      requestRate: 0,
      audit: 0,
    });
    expect((await database.pool.query('select count(*)::int as n from audit_log')).rows[0].n).toBe(before);
  });
  it('runs in one process at a time: while another holds the retention lock, a run skips (null) and writes nothing', async () => {
    await database.pool.query(
      `insert into app_session (token_hash, user_id, csrf_token, expires_at, ip)
      select 'lama-lagi', id, 'c3', $1, '10.0.0.3' from app_user where username = 'camat.uji'`,
      [daysAgo(1)],
    );
    const other = await database.pool.connect();
    try {
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock($1)', [RETENTION_LOCK_KEY]);
      expect(await purgeExpired(database, { auditRetentionDays: 730, now })).toBeNull();
      expect(
        (await database.pool.query(`select count(*)::int as n from app_session where token_hash = 'lama-lagi'`)).rows[0]
          .n,
      ).toBe(1);
    } finally {
      await other.query('rollback');
      other.release();
    }
    expect(await purgeExpired(database, { auditRetentionDays: 730, now })).toMatchObject({ sessions: 1 });
  });
});

describe('parseAuditRetentionDays', () => {
  it('defaults to two years and refuses less than 30 days', () => {
    expect(parseAuditRetentionDays(undefined)).toBe(DEFAULT_AUDIT_RETENTION_DAYS);
    expect(parseAuditRetentionDays('365')).toBe(365);
    expect(() => parseAuditRetentionDays('7')).toThrow('AUDIT_RETENTION_DAYS tidak sah: "7"');
    expect(() => parseAuditRetentionDays('setahun')).toThrow('≥ 30 hari');
  });
});
