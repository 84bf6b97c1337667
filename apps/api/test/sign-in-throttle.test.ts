// The sign-in throttle (issue 14, item 2): failures slow down the address that makes them, for that name only, with
// growing waits kept in the database; the real user elsewhere is never locked out. The clock is the app's `now`,
// moved by the test (no waiting in real time); the per-address request limit is set out of the way.
import { describe, expect, it } from 'vitest';
import { createUser, SIGN_IN_DELAYS_SECONDS, throttleAddress } from '@peta/server-core';
import { useApp } from './helper.ts';

let clock = Date.parse('2026-11-15T08:00:00Z');
const ctx = useApp(undefined, { now: () => new Date(clock), signInLimitPerMinute: 100_000 });
const PASSWORD = 'sandi-asli-pemilik-akun';
const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';
let serial = 0;

async function newUser(role: 'admin' | 'viewer' = 'viewer') {
  const username = `throttle-${process.pid}-${++serial}`;
  const user = await createUser(ctx.database, { username, nama: username, role, password: PASSWORD, createdBy: 'uji' });
  return { username, id: user.id };
}
const masuk = (username: string, password: string, from: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/masuk', payload: { username, password }, remoteAddress: from });
const minutes = (n: number) => {
  clock += n * 60_000;
};

describe('sign-in throttle per address × name', () => {
  it('four typos are free; the fifth makes that address wait a minute — another address signs in at once', async () => {
    const { username } = await newUser();
    for (let i = 1; i <= 5; i++)
      expect((await masuk(username, `salah-ke-${i}-panjang`, ATTACKER)).statusCode, `failure ${i}`).toBe(401);
    const waiting = await masuk(username, PASSWORD, ATTACKER);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('60');
    expect(waiting.json()).toEqual({
      statusCode: 429,
      code: 'SIGN_IN_THROTTLED',
      error: 'Too Many Requests',
      message:
        'Terlalu banyak percobaan masuk yang gagal untuk akun ini dari alamat Anda. Coba lagi dalam 1 menit, atau minta admin mengatur ulang kata sandi.',
    });
    // The real user, elsewhere, is not affected; nor is another name from the same address.
    expect((await masuk(username, PASSWORD, OWNER)).statusCode).toBe(200);
    const other = await newUser();
    expect((await masuk(other.username, PASSWORD, ATTACKER)).statusCode).toBe(200);
    // Waiting attempts do not count: after the minute the right password works, and lifts the count for the pair.
    minutes(1);
    expect((await masuk(username, PASSWORD, ATTACKER)).statusCode).toBe(200);
    expect((await masuk(username, 'salah-lagi-panjang', ATTACKER)).statusCode).toBe(401);
    expect((await masuk(username, PASSWORD, ATTACKER)).statusCode).toBe(200);
  });

  it('attack: five wrong attempts every five minutes for an hour never keep the owner out; the attacker is slowed down', async () => {
    const { username } = await newUser('admin');
    const attacker: { status: number; retryAfter?: string; message?: string }[] = [];
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 5; i++) {
        const res = await masuk(username, `tebakan-${round}-${i}-panjang`, ATTACKER);
        attacker.push({
          status: res.statusCode,
          retryAfter: res.headers['retry-after'] as string | undefined,
          message: res.json().message,
        });
      }
      // Right after the burst, the owner signs in from the office.
      const owner = await masuk(username, PASSWORD, OWNER);
      expect(owner.statusCode, `round ${round}`).toBe(200);
      minutes(5);
    }
    const guesses = attacker.filter((a) => a.status === 401).length;
    const slowed = attacker.filter((a) => a.status === 429);
    // 5 in the first burst, then one in a round only once the last wait (1, 2, 4, 8, 16, 30 min) is over — at minutes
    // 5, 10, 15, 25 and 45: 10 guesses in an hour instead of 60 (schedule in packages/server-core/src/accounts/throttle.ts).
    expect(guesses).toBe(10);
    expect(slowed.length).toBe(50);
    for (const s of slowed) {
      expect(Number(s.retryAfter)).toBeGreaterThan(0);
      expect(s.message).toMatch(
        /^Terlalu banyak percobaan masuk yang gagal untuk akun ini dari alamat Anda\. Coba lagi dalam \d+ (detik|menit)/,
      );
    }
    expect(attacker.map((a) => a.status)).not.toContain(200);
    // Every attempt is in the audit log, the waiting ones with the reason.
    const { rows } = await ctx.database.pool.query(
      `select status, detail->>'alasan' as alasan from audit_log where username = $1 and action = 'masuk_gagal'`,
      [username],
    );
    expect(rows.filter((r) => r.status === 429).every((r) => r.alasan === 'diperlambat')).toBe(true);
    expect(rows.length).toBe(60);
  });

  it('an admin password reset lifts the wait at every address', async () => {
    const { username, id } = await newUser();
    for (let i = 0; i < 6; i++) await masuk(username, `salah-${i}-panjang-sekali`, ATTACKER);
    expect((await masuk(username, PASSWORD, ATTACKER)).statusCode).toBe(429);
    const reset = await ctx.app.inject({
      method: 'POST',
      url: `/api/pengguna/${id}/reset-sandi`,
      headers: ctx.admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    expect((await masuk(username, reset.json().password, ATTACKER)).statusCode).toBe(200);
  });

  it('the waits grow from one minute to half an hour and stay there; a quiet day starts over', async () => {
    expect(SIGN_IN_DELAYS_SECONDS).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1800]);
    const { username } = await newUser();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect((await masuk(username, `salah-${i}-panjang-sekali`, ATTACKER)).statusCode).toBe(401);
      const {
        rows: [row],
      } = await ctx.database.pool.query(
        `select extract(epoch from blocked_until - last_failure_at)::int as wait from sign_in_throttle where username = $1`,
        [username],
      );
      waits.push(row.wait);
      minutes(31);
    }
    expect(waits).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1800, 1800, 1800]);
    minutes(24 * 60);
    for (let i = 0; i < 4; i++)
      expect((await masuk(username, `lagi-${i}-panjang-sekali`, ATTACKER)).statusCode).toBe(401);
    expect((await masuk(username, PASSWORD, ATTACKER)).statusCode).toBe(200);
  });

  it('parallel attempts cannot slip past the count', async () => {
    const { username } = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => masuk(username, `serentak-${i}-panjang`, ATTACKER)),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('counts an IPv6 client by its /64', () => {
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(throttleAddress('192.0.2.1')).toBe('192.0.2.1');
  });
});
