// Time to the first coloured map in a real browser, against a running server:
//   BASE_URL=http://127.0.0.1:3000 BENCH_USER=pembaca BENCH_PASSWORD=… pnpm bench:first-map
// Each run is a fresh browser context (empty cache, as a first visit) opening /?wilayah=12.10 (BENCH_WILAYAH) signed
// in. The app marks the map's `load` event and the first frame drawn with the view coloured by its values
// (apps/web/src/map/test-hooks.ts); the goal is coloured ≤ 1.3 × load in the same run. Also printed: when
// /api/nilai was asked for, since it used to wait for the map's `load`. Runs one after the other (BENCH_RUNS, 7).
import { sessionToken } from './bench-session.ts';
import { launchBenchBrowser } from './browser.ts';

declare global {
  interface Window {
    /** apps/web/src/map/test-hooks.ts: performance.now() of the map's load event and of its first coloured frame. */
    __mapState?: { loadedAt: number | null; colouredAt: number | null };
  }
}

const base = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const wilayah = process.env.BENCH_WILAYAH ?? '12.10';
const runs = Number(process.env.BENCH_RUNS ?? 7);
const GOAL = 1.3;

interface Run {
  load: number;
  coloured: number;
  values: number | null;
  geometry: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const browser = await launchBenchBrowser();
const results: Run[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    if (sessionToken) await context.addCookies([{ name: 'peta_sesi', value: sessionToken, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/?wilayah=${wilayah}`);
    await page
      .waitForFunction(() => !!window.__mapState?.loadedAt && !!window.__mapState.colouredAt, null, { timeout: 60_000 })
      .catch(async () => {
        throw new Error(
          `Peta tidak berwarna dalam 60 dtk (masuk? BENCH_USER/BENCH_PASSWORD). Halaman: ${await page.title()}`,
        );
      });
    // No named helper inside: tsx would wrap it in __name(), which the page does not have (and the app's CSP forbids
    // evaluating strings).
    const run = await page.evaluate(
      (paths): Run => {
        const entries = performance.getEntriesByType('resource');
        const [values, geometry] = paths.map(
          (p) => entries.find((e) => new URL(e.name).pathname.startsWith(p))?.startTime ?? null,
        );
        return {
          load: window.__mapState!.loadedAt!,
          coloured: window.__mapState!.colouredAt!,
          values: values ?? null,
          geometry: geometry ?? null,
        };
      },
      ['/api/nilai', '/api/geometry/'],
    );
    results.push(run);
    const ms = (x: number | null) => (x === null ? '–' : `${Math.round(x)} ms`);
    console.log(
      `run ${i + 1}: load ${ms(run.load)}, first coloured map ${ms(run.coloured)} (${(run.coloured / run.load).toFixed(2)} × load); ` +
        `/api/nilai asked at ${ms(run.values)}, geometry at ${ms(run.geometry)}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}

const load = median(results.map((r) => r.load));
const coloured = median(results.map((r) => r.coloured));
const ratio = median(results.map((r) => r.coloured / r.load));
console.log(
  `\nmedian of ${runs}: load ${Math.round(load)} ms, first coloured map ${Math.round(coloured)} ms, ratio ${ratio.toFixed(2)} (goal ≤ ${GOAL}) ` +
    `${ratio <= GOAL ? 'OK' : 'NOT MET'}; /api/nilai asked at ${Math.round(median(results.map((r) => r.values ?? NaN)))} ms`,
);
