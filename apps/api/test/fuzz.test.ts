// Fuzzing the public routes: whatever a browser, a script or an attacker puts in the path or the query,
// the answer is never a 500 and every error is JSON with a message in Bahasa Indonesia.
import { describe, expect, it } from 'vitest';
import { useApp } from './helper.ts';
import { isWrite } from '../src/auth/access.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';

const ctx = useApp(loadTinyValues);

/** Deterministic so a failure can be replayed (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  '',
  ' ',
  '.',
  '..',
  '../../etc/passwd',
  '%00',
  '%',
  '%%',
  '%ZZ',
  "' OR 1=1 --",
  '"; DROP TABLE wilayah; --',
  '99',
  '99.01',
  '99.01.01',
  '99.01.01.2001',
  '99.01.01.2001.1',
  '9',
  '999',
  '99..01',
  '99.01.',
  '.99',
  '99.1',
  '9901012001',
  '99 01 01 2001',
  '00',
  '12',
  '-1',
  '1e9',
  'NaN',
  'null',
  'undefined',
  '[]',
  '{}',
  'KIA_K1',
  'kia_k1',
  'SPM01_BUMIL',
  'X'.repeat(5000),
  '٩٩',
  'ü',
  '😀',
  '\u0000',
  '\ud800',
  '<script>',
  '2026',
  '2026-01',
  '2026-13',
  '2026-00',
  '2026-Q0',
  '2026-Q5',
  '2026-Q2',
  '2026-01..2026-09',
  '2026-09..2026-01',
  '2025-01..2026-02',
  '0000',
  '9999-12',
  '2026-1',
  '20260',
  '2026-01..',
  '..2026-01',
  'indonesia',
  'latest',
];

function pick(random: () => number): string {
  const r = random();
  if (r < 0.7) return NASTY[Math.floor(random() * NASTY.length)]!;
  // random printable and non-ASCII characters
  const length = Math.floor(random() * 40);
  return Array.from({ length }, () =>
    String.fromCodePoint(random() < 0.8 ? 32 + Math.floor(random() * 95) : 0xa0 + Math.floor(random() * 0x2000)),
  ).join('');
}

/** Percent-encode; a lone surrogate cannot be, so it goes out as the bytes of an invalid UTF-8 sequence. */
const enc = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};
const ROUTES: ((p: () => string) => string)[] = [
  (p) => `/api/wilayah/${enc(p())}`,
  (p) => `/api/wilayah/${enc(p())}/children`,
  (p) => `/api/geometry/${enc(p())}/${enc(p())}/children.geojson`,
  (p) => `/api/nilai?indikator=${enc(p())}&periode=${enc(p())}&wilayah=${enc(p())}`,
  (p) => `/api/nilai?indikator=KIA_K1&periode=${enc(p())}`,
  (p) => `/api/nilai?indikator=${enc(p())}&periode=2026`,
  (p) => `/api/nilai?indikator=KIA_K1&periode=2026&wilayah=${enc(p())}`,
  (p) => `/api/nilai?${enc(p())}=${enc(p())}`,
  (p) => `/api/wilayah/${enc(p())}/series?indikator=${enc(p())}&tahun=${enc(p())}`,
  (p) => `/api/wilayah/99.01/series?indikator=KIA_K1&tahun=${enc(p())}`,
  // Without dots: ".." (even as %2E%2E) is a path segment the URL parser resolves out of /api/, to the web app.
  (p) => `/api/${enc(p()).replace(/\./g, '_')}`,
  (p) => `/api/puskesmas?kabupaten=${enc(p())}&indikator=${enc(p())}&periode=${enc(p())}`,
  (p) => `/api/puskesmas/${enc(p())}`,
  (p) => `/api/rencana-ilp/progres?kabupaten=${enc(p())}`,
  (p) => `/api/rencana-ilp/usulan?kabupaten=${enc(p())}&indikator=${enc(p())}&bobot=${enc(p())}`,
  (p) => `/api/nilai/puskesmas?kabupaten=${enc(p())}&indikator=${enc(p())}&periode=${enc(p())}`,
  (p) => `/api/rapat?wilayah=${enc(p())}`,
  (p) => `/api/rapat/${enc(p())}`,
  (p) => `/api/templat?wilayah=${enc(p())}&periode=${enc(p())}&indikator=${enc(p())}&format=${enc(p())}`,
];

describe('fuzzed public routes', () => {
  it('answer 2xx/3xx/4xx with a JSON message, never 5xx (1,900 requests)', async () => {
    const random = prng(20261123);
    const p = () => pick(random);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      for (const route of ROUTES) {
        const url = route(p);
        const res = await ctx.app.inject({ method: 'GET', url });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) failures.push(`${res.statusCode} ${url.slice(0, 200)}: ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400) {
          const body = res.json() as { statusCode?: number; message?: unknown };
          if (body.statusCode !== res.statusCode || typeof body.message !== 'string' || !body.message) {
            failures.push(`no JSON message: ${res.statusCode} ${url.slice(0, 200)}: ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The fuzz reached both refusals and real answers.
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(statuses.get(404)).toBeGreaterThan(10);
    expect(statuses.get(200)).toBeGreaterThan(10);
  }, 120_000);

  it('write routes, signed in as admin, with fuzzed path ids, query and JSON or raw bodies: never 5xx (1,000 requests)', async () => {
    const random = prng(20261124);
    const p = () => pick(random);
    // A JSON value shaped like a request body: objects with the field names the routes know, odd values.
    const FIELDS = [
      'username',
      'password',
      'nama',
      'role',
      'scopeKode',
      'scopePuskesmas',
      'aktif',
      'current',
      'baru',
      'jenis',
      'tanggal',
      'wilayah',
      'periode',
      'peserta',
      'itemKey',
      'text',
      'supersedes',
      'desaKode',
      'indicator',
      'apa',
      'siapa',
      'tenggat',
      'status',
      'desa',
      'puskesmas',
      'mulai',
      'stage',
      'date',
      'evidence',
      'skNumber',
      'kabupaten',
      'tahun',
      'target',
      'members',
      'answers',
    ];
    const value = (depth: number): unknown => {
      const r = random();
      if (r < 0.45 || depth > 2) return p();
      if (r < 0.6) return Math.floor(random() * 2 ** 31) * (random() < 0.5 ? -1 : 1);
      if (r < 0.7) return null;
      if (r < 0.85) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => [
          FIELDS[Math.floor(random() * FIELDS.length)]!,
          value(depth + 1),
        ]),
      );
    };
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const writes = ctx.app.apiRoutes.filter((r) => isWrite(r.method) && r.url !== '/api/auth/keluar');
    for (let i = 0; i < 1000; i++) {
      const route = writes[i % writes.length]!;
      const url =
        route.url.replace(/:(\w+)/g, () => enc(p()).replace(/\./g, '_')) +
        (random() < 0.5 ? `?${enc(p())}=${enc(p())}&berkas=${enc(p())}&kabupaten=${enc(p())}&mulai=${enc(p())}` : '');
      const raw = random() < 0.25;
      const res = await ctx.app.inject({
        method: route.method as 'POST',
        url,
        headers: { ...ctx.admin.headers, 'content-type': raw ? 'text/csv' : 'application/json' },
        payload: raw ? p() : JSON.stringify(value(0)),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500)
        failures.push(`${res.statusCode} ${route.method} ${url.slice(0, 150)}: ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400 && (res.json() as { message?: unknown }).message === undefined)
        failures.push(`no message: ${res.statusCode} ${url}`);
    }
    expect(failures).toEqual([]);
    // Mostly refused by the schemas, some reach the handlers' own checks (404), a few are valid writes.
    expect(statuses.get(400)).toBeGreaterThan(300);
    expect(statuses.get(404)).toBeGreaterThan(10);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it('odd session cookies and CSRF headers are simply not a session', async () => {
    for (const cookie of [
      'peta_sesi=',
      'peta_sesi=%00',
      `peta_sesi=${'x'.repeat(5000)}`,
      'peta_sesi=a; peta_sesi=b',
      'peta_sesi="\u00ff"',
      'peta_sesi=%ZZ',
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/rapat',
        headers: { cookie, 'x-csrf-token': '%00' },
        payload: {},
      });
      expect(res.statusCode, cookie).toBeLessThan(500);
      expect([400, 401]).toContain(res.statusCode);
    }
  });

  it('refuses a malformed percent-encoding with a JSON 400', async () => {
    const res = await ctx.app.inject('/api/wilayah/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, message: expect.any(String) });
  });
});
