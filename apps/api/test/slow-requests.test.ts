// Slow requests hold connections (issue 14, item 8): `POST /api/auth/masuk` announcing Content-Length 100000 and sending
// one byte every 5 s stayed open for 400 s and more. Against a REALLY listening server (inject has no sockets): the
// request is cut once the whole request is late, although bytes keep trickling in; slow headers likewise; and
// /api/health answers within a second meanwhile. The timeouts come from the environment (config.ts).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '@peta/db';
import { buildApp } from '../src/app.ts';
import { DEFAULT_TIMEOUTS, loadConfig } from '../src/config.ts';

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let port: number;
// Short deadlines so the test takes seconds; the idle timeout is far above the 5 s between bytes, so it is the
// request deadline that cuts.
const timeouts = loadConfig({
  REQUEST_TIMEOUT_SECONDS: '8',
  HEADERS_TIMEOUT_SECONDS: '2',
  IDLE_TIMEOUT_SECONDS: '60',
  KEEP_ALIVE_TIMEOUT_SECONDS: '5',
}).timeouts;

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: inject('databaseUrl') });
  // The sign-in rate limit is counted in the database, shared with the other files' sign-ins from 127.0.0.1 in the
  // same minute: lifted here, where the deadline is tested, not the limit (sign-in-throttle.test.ts tests that).
  app = await buildApp({ database, config: { webDist: '/nonexistent', timeouts, signInLimitPerMinute: 1000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

interface Trickle {
  socket: Socket;
  closedAfterMs: Promise<number>;
  received: () => string;
  sentBytes: () => number;
}

/** Opens a connection, sends `head` and the first character of `rest` at once, then one more every `everyMs`. */
function trickle(head: string, rest: string, everyMs: number): Trickle {
  const socket = connect(port, '127.0.0.1');
  const started = performance.now();
  let received = '';
  let sent = 0;
  socket.setEncoding('utf8');
  socket.on('data', (d) => {
    received += d;
  });
  socket.on('error', () => {});
  const timer = setInterval(() => {
    if (sent < rest.length && !socket.destroyed && socket.writable) socket.write(rest[sent++]!);
  }, everyMs);
  const closedAfterMs = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(performance.now() - started);
    }),
  );
  socket.write(head + rest[sent++]!);
  return { socket, closedAfterMs, received: () => received, sentBytes: () => sent };
}

const BODY_HEAD =
  'POST /api/auth/masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n';

describe('slow requests against a listening server', () => {
  it('a sign-in body of one byte every 5 s is cut at the request deadline (8 s here), not held open', async () => {
    const slow = trickle(BODY_HEAD, '{"username":"x","password":"y"}'.padEnd(100_000, ' '), 5_000);
    const closedAfter = await slow.closedAfterMs;
    // Deadline 8 s, checked every second: closed by 10 s — after the byte at 5 s, before the one at 10 s.
    expect(closedAfter).toBeGreaterThan(7_500);
    expect(closedAfter).toBeLessThan(10_000);
    expect(slow.sentBytes()).toBe(2);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);

  it('slow headers are cut at the header deadline (2 s here); health answers within a second meanwhile', async () => {
    const head = 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n';
    const crowd = Array.from({ length: 20 }, () => trickle(head, `X-Lambat: ${'a'.repeat(200)}`, 300));
    await new Promise((r) => setTimeout(r, 1_000));
    const started = performance.now();
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    const closed = await Promise.all(crowd.map((c) => c.closedAfterMs));
    expect(Math.max(...closed)).toBeLessThan(4_000);
    expect(crowd.every((c) => /^HTTP\/1\.1 408/.test(c.received()))).toBe(true);
  }, 20_000);

  it('the server carries the configured deadlines; by default they are bounded', () => {
    expect(app.server.requestTimeout).toBe(8_000);
    expect(app.server.headersTimeout).toBe(2_000);
    expect(app.server.keepAliveTimeout).toBe(5_000);
    expect(app.server.timeout).toBe(60_000);
    expect(loadConfig({}).timeouts).toEqual(DEFAULT_TIMEOUTS);
    expect(DEFAULT_TIMEOUTS).toEqual({ headers: 15_000, request: 120_000, idle: 120_000, keepAlive: 72_000 });
    expect(() => loadConfig({ REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(
      'REQUEST_TIMEOUT_SECONDS tidak sah: "0" (harus bilangan bulat ≥ 1).',
    );
  });
});
