// Security headers on every answer (issue 14, item 9), and request ids a client cannot abuse. The CSP of the web app was
// checked in headless Chromium (map, sign-in, drill-down, OSM basemap, PNG export, meetings, API description: no
// violation); here: every kind of answer carries the headers.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP, DATA_CSP, DOCS_CSP } from '../src/plugins/security-headers.ts';
import { signIn, useApp } from './helper.ts';
import { buildApp } from '../src/app.ts';

const ctx = useApp(undefined, { readAccess: 'signed-in' });
const dist = mkdtempSync(join(tmpdir(), 'peta-dist-header-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

describe('security headers', () => {
  it('on every kind of answer: data, errors, the web page and its files, the API description', async () => {
    const web = await buildApp({
      database: ctx.database,
      config: { signInLimitPerMinute: 1_000_000, webDist: dist, readAccess: 'signed-in' },
    });
    const viewer = await signIn(ctx.app, ctx.database, 'viewer');
    try {
      const cases: [string, Awaited<ReturnType<typeof web.inject>>, string][] = [
        ['health', await web.inject('/api/health'), DATA_CSP],
        ['401', await web.inject('/api/wilayah'), DATA_CSP],
        ['403', await web.inject({ url: '/api/pengguna', headers: viewer.headers }), DATA_CSP],
        ['404 API', await web.inject('/%61pi/tidak-ada'), DATA_CSP],
        ['400', await web.inject({ url: '/api/nilai?indikator=X', headers: viewer.headers }), DATA_CSP],
        ['write refused', await web.inject({ method: 'POST', url: '/api/rapat', payload: {} }), DATA_CSP],
        ['web page', await web.inject('/rencana-ilp'), APP_CSP],
        ["web script (also a worker's policy)", await web.inject('/assets/app-abc123.js'), APP_CSP],
        ['API description', await web.inject({ url: '/api/docs/', headers: viewer.headers }), DOCS_CSP],
      ];
      for (const [what, res, csp] of cases) {
        expect(res.headers, what).toMatchObject({ ...COMMON, 'content-security-policy': csp });
        expect(res.headers['strict-transport-security'], what).toBeUndefined();
      }
      // A reload revalidates the page: the 304 must not carry a policy that would replace the page's own (a data
      // policy there left the app blank after every reload).
      const page = await web.inject('/rencana-ilp');
      const again = await web.inject({ url: '/rencana-ilp', headers: { 'if-none-match': String(page.headers.etag) } });
      expect(again.statusCode).toBe(304);
      expect(again.headers['content-security-policy']).toBeUndefined();
      expect(again.headers).toMatchObject(COMMON);
      expect(APP_CSP).toContain("frame-ancestors 'none'");
      expect(APP_CSP).toContain("script-src 'self';");
    } finally {
      await web.close();
    }
  });

  it('over https (behind TRUST_PROXY) the browser is told to stay on https', async () => {
    const proxied = await buildApp({
      database: ctx.database,
      config: { signInLimitPerMinute: 1_000_000, webDist: dist, trustProxy: true },
    });
    try {
      const res = await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    } finally {
      await proxied.close();
    }
  });
});

describe('x-request-id', () => {
  const idOfWrite = async (requestId?: string) => {
    const marker = `rid-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/rapat?m=${marker}`,
      payload: {},
      headers: requestId === undefined ? {} : { 'x-request-id': requestId },
    });
    const {
      rows: [row],
    } = await ctx.database.pool.query(`select request_id from audit_log where path = $1`, [`/api/rapat?m=${marker}`]);
    return row.request_id as string;
  };

  it('a short safe id from a proxy is kept; anything else is replaced by a generated one', async () => {
    expect(await idOfWrite('proxy-7f3a.12_b')).toBe('proxy-7f3a.12_b');
    for (const odd of ['x'.repeat(3000), 'a'.repeat(65), 'ada spasi', 'baris\\nbaru', '<script>', '']) {
      const id = await idOfWrite(odd);
      expect(id, odd.slice(0, 20)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(await idOfWrite()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await idOfWrite('a'.repeat(64))).toBe('a'.repeat(64));
  });
});
