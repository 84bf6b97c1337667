// Fuzzing the public routes: whatever a browser, a script or an attacker puts in the path or the query,
// the answer is never a 500 and every error is JSON with a message in Bahasa Indonesia.
import { describe, expect, it } from 'vitest';
import { useApp } from './helper.ts';
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
  '', ' ', '.', '..', '../../etc/passwd', '%00', '%', '%%', '%ZZ', "' OR 1=1 --", '"; DROP TABLE wilayah; --',
  '99', '99.01', '99.01.01', '99.01.01.2001', '99.01.01.2001.1', '9', '999', '99..01', '99.01.', '.99',
  '99.1', '9901012001', '99 01 01 2001', '00', '12', '-1', '1e9', 'NaN', 'null', 'undefined', '[]', '{}',
  'KIA_K1', 'kia_k1', 'SPM01_BUMIL', 'X'.repeat(5000), '٩٩', 'ü', '😀', '\u0000', '\ud800', '<script>',
  '2026', '2026-01', '2026-13', '2026-00', '2026-Q0', '2026-Q5', '2026-Q2', '2026-01..2026-09', '2026-09..2026-01',
  '2025-01..2026-02', '0000', '9999-12', '2026-1', '20260', '2026-01..', '..2026-01', 'indonesia', 'latest',
];

function pick(random: () => number): string {
  const r = random();
  if (r < 0.7) return NASTY[Math.floor(random() * NASTY.length)]!;
  // random printable and non-ASCII characters
  const length = Math.floor(random() * 40);
  return Array.from({ length }, () => String.fromCodePoint(random() < 0.8 ? 32 + Math.floor(random() * 95) : 0xa0 + Math.floor(random() * 0x2000))).join('');
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
  (p) => `/api/values?indicator=${enc(p())}&period=${enc(p())}&parent=${enc(p())}`,
  (p) => `/api/values?indicator=KIA_K1&period=${enc(p())}`,
  (p) => `/api/values?indicator=${enc(p())}&period=2026`,
  (p) => `/api/values?indicator=KIA_K1&period=2026&parent=${enc(p())}`,
  (p) => `/api/values?${enc(p())}=${enc(p())}`,
  (p) => `/api/wilayah/${enc(p())}/series?indicator=${enc(p())}&year=${enc(p())}`,
  (p) => `/api/wilayah/99.01/series?indicator=KIA_K1&year=${enc(p())}`,
  // Without dots: ".." (even as %2E%2E) is a path segment the URL parser resolves out of /api/, to the web app.
  (p) => `/api/${enc(p()).replace(/\./g, '_')}`,
  (p) => `/api/puskesmas?kabupaten=${enc(p())}&indicators=${enc(p())}&period=${enc(p())}`,
  (p) => `/api/puskesmas/${enc(p())}`,
  (p) => `/api/rencana-ilp/progres?kabupaten=${enc(p())}`,
  (p) => `/api/rencana-ilp/usulan?kabupaten=${enc(p())}&indicators=${enc(p())}&bobot=${enc(p())}`,
  (p) => `/api/values/puskesmas?kabupaten=${enc(p())}&indicator=${enc(p())}&period=${enc(p())}`,
  (p) => `/api/meetings?wilayah=${enc(p())}`,
  (p) => `/api/meetings/${enc(p())}`,
  (p) => `/api/templates?wilayah=${enc(p())}&period=${enc(p())}&indicators=${enc(p())}&format=${enc(p())}`,
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

  it('refuses a malformed percent-encoding with a JSON 400', async () => {
    const res = await ctx.app.inject('/api/wilayah/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, message: expect.any(String) });
  });
});
