// pnpm bench:national [section …] — all of Indonesia (83,762 desa), one section per question of issue 17.
// Sections (all by default, in this order; others are added beside them):
//   first-start  a fresh DATA_DIR, `DESA_PROVINSI=all` (BENCH_DESA_PROVINSI to narrow), started as `pnpm start` starts
//                it (data/prepare.ts, then the API): seconds until /api/health answers, the phases printed, peak RSS, and
//                the CPU seconds of data/prepare.ts per thread and of its PostgreSQL (what the work costs on a busy machine)
//   semua-desa   headless Chromium (1280×800) on the national "Semua desa" view: bytes on the wire without the JS
//                bundle, time to the first fully coloured map, time to recolour after an indicator switch and the
//                tile bytes that switch fetched (must be 0)
//   import-read  the national import's first phase alone, in this process: reading and validating the month file, its
//                COPY lines, the parse worker's answer (import-read.ts)
//   values-first, views-import, import-upkeep, privacy-first   the values path: see values-at-scale.ts (BENCH_CLIENTS, BENCH_SECONDS
//                shorten the views run; BENCH_DATA_DIR or DATABASE_URL name the database of a server given by BASE_URL)
// BASE_URL=http://127.0.0.1:3000 runs the browser sections against a running server instead of the one
// first-start leaves running; BENCH_USER / BENCH_PASSWORD sign in when reading needs an account.
// Benchmarks are scripts, not tests: they print figures for the README.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTwoSteps } from '../../scripts/start-steps.mjs';
import { launchBenchBrowser } from './browser.ts';
import { importRead } from './import-read.ts';
import { importUpkeep, privacyFirst, valuesFirst, viewsUnderImport } from './values-at-scale.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const INDICATOR = 'KIA_K4';
const OTHER = 'SPM01_BUMIL';
const PERIOD = '2026-01..2026-10';

interface Context {
  baseUrl: string | null;
  server: ChildProcess | null;
  dataDir: string | null;
}

/** What the web app exposes for browser tests (apps/web/src/map/test-hooks.ts). */
interface MapWindow {
  __mapState?: { desaShown: boolean; desaReady: boolean; desaValueCount: number; desaValuesVersion: number };
  __mapDesaRendered?: () => { features: number; coloured: number };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Peak RSS (VmHWM) of a process and its children (the embedded PostgreSQL is a child of the server). */
function peakRssMb(pid: number): number {
  const read = (p: number) => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  return Math.round(read(pid));
}

/** CPU seconds (user + system) of a thread or process from its /proc stat line; 0 when it is gone. */
function cpuSeconds(statPath: string): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(statPath, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU time of the first-start process per thread and of its PostgreSQL processes (the embedded server is its child),
 * kept at the last value seen: on a machine others are using, CPU seconds say what the work costs where wall time
 * mostly says how busy the machine was.
 */
function cpuTracker(pid: number) {
  const threads = new Map<number, number>();
  const postgres = new Map<number, number>();
  const children = (parent: number) => {
    try {
      return readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  return {
    sample() {
      try {
        for (const tid of readdirSync(`/proc/${pid}/task`).map(Number))
          threads.set(tid, Math.max(threads.get(tid) ?? 0, cpuSeconds(`/proc/${pid}/task/${tid}/stat`)));
      } catch {
        /* exited */
      }
      for (const server of children(pid))
        for (const p of [server, ...children(server)])
          postgres.set(p, Math.max(postgres.get(p) ?? 0, cpuSeconds(`/proc/${p}/stat`)));
    },
    summary() {
      const main = threads.get(pid) ?? 0;
      const node = [...threads.values()].reduce((a, b) => a + b, 0);
      const others = [...threads.entries()]
        .filter(([tid, cpu]) => tid !== pid && cpu >= 1)
        .map(([, cpu]) => Math.round(cpu))
        .sort((a, b) => b - a);
      const pg = [...postgres.values()].reduce((a, b) => a + b, 0);
      const small = node - main - others.reduce((a, b) => a + b, 0);
      return { main, node, others, small, pg, total: node + pg };
    },
  };
}

async function firstStart(ctx: Context) {
  const dataDir = mkdtempSync(join(tmpdir(), 'peta-bench-national-'));
  chmodSync(dataDir, 0o755);
  const env = {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    DESA_PROVINSI: process.env.BENCH_DESA_PROVINSI ?? 'all',
    DEMO_PASSWORD: 'bench-sandi-contoh-2026',
    READ_ACCESS: 'public',
    LOG_LEVEL: 'warn',
  };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const started = performance.now();
  const phases: { at: number; line: string }[] = [];
  let peak = 0;
  const onLine = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim() && !line.startsWith('  (')) phases.push({ at: performance.now() - started, line: line.trim() });
  };
  // The first-start work, then the server, started as `pnpm start` starts them (scripts/start-steps.mjs: the server's
  // process loads beside prepare's tail and opens the database after it); the peak RSS is the larger of the two's.
  let exitCode: number | null = null;
  const steps = startTwoSteps({
    root: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    onSpawn: (proc) => {
      proc.stdout!.on('data', onLine);
      proc.stderr!.on('data', onLine);
    },
    onExit: (code) => {
      exitCode = code;
    },
  });
  const prepare = steps.prepare;
  const cpu = cpuTracker(prepare.pid!);
  const sample = setInterval(() => {
    peak = Math.max(peak, peakRssMb(prepare.pid!));
    cpu.sample();
  }, 1000);
  const prepared = await new Promise<number | null>((done) => prepare.once('exit', (code) => done(code)));
  const load = (await import('node:os')).loadavg();
  if (prepared !== 0)
    throw new Error(`data/prepare.ts berhenti (${prepared}):\n${phases.map((p) => p.line).join('\n')}`);
  const child: ChildProcess = steps.server()!;
  const url = `http://127.0.0.1:${PORT}`;
  for (;;) {
    if (exitCode !== null) throw new Error(`Server berhenti (${exitCode}):\n${phases.map((p) => p.line).join('\n')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const ready = performance.now() - started;
  clearInterval(sample);
  peak = Math.max(peak, peakRssMb(child.pid!));
  console.log(`\n## first-start (DESA_PROVINSI=${env.DESA_PROVINSI}, empty DATA_DIR, embedded PostgreSQL)`);
  for (const p of phases) if (!p.line.startsWith('{')) console.log(`  ${s(p.at).padStart(7)}  ${p.line.slice(0, 140)}`);
  console.log(`  ready after ${s(ready)}; peak RSS of the preparing and the server process ${peak} MB`);
  const c = cpu.summary();
  console.log(
    `  CPU of data/prepare.ts: ${c.total.toFixed(0)} s = node ${c.node.toFixed(0)} s (main thread ${c.main.toFixed(0)} s; workers and GC ${c.others.join(', ')} s, the rest ${c.small.toFixed(0)} s) + PostgreSQL ${c.pg.toFixed(0)} s; ` +
      `on 2 idle cores at least ${Math.max(c.main, c.total / 2).toFixed(0)} s (load average when it ended ${load.map((l) => l.toFixed(1)).join(', ')})`,
  );
  try {
    const report = readFileSync(join(dataDir, 'laporan-batas-wilayah.txt'), 'utf8');
    const timings = report
      .slice(report.indexOf('WAKTU (ms)'))
      .split('\n')
      .slice(1, 10)
      .filter((l) => /^\s+\w+\s+\d+$/.test(l));
    console.log(`  boundary import (ms): ${timings.map((l) => l.trim().replace(/\s+/, ' ')).join(', ')}`);
  } catch {
    /* no report */
  }
  ctx.baseUrl ??= url;
  ctx.server = child;
  ctx.dataDir = dataDir;
}

async function semuaDesa(ctx: Context) {
  const baseUrl = process.env.BASE_URL ?? ctx.baseUrl;
  if (!baseUrl) throw new Error('semua-desa: set BASE_URL, or run first-start before it.');
  const browser = await launchBenchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (process.env.BENCH_USER && process.env.BENCH_PASSWORD) {
      const res = await page.request.post(`${baseUrl}/api/auth/masuk`, {
        data: { username: process.env.BENCH_USER, password: process.env.BENCH_PASSWORD },
      });
      if (!res.ok()) throw new Error(`Gagal masuk: HTTP ${res.status()}`);
    }
    // Bytes as they crossed the wire (compressed body + headers), per request — also the tiles MapLibre's web
    // worker fetches, which Playwright reports with the page's requests.
    const sizes: { url: string; bytes: number }[] = [];
    const pending: Promise<unknown>[] = [];
    page.on('requestfinished', (request) => {
      const entry = { url: request.url(), bytes: 0 };
      sizes.push(entry);
      pending.push(
        request.sizes().then(
          (z) => {
            entry.bytes = z.responseBodySize + z.responseHeadersSize;
          },
          () => {},
        ),
      );
    });
    const settled = () => Promise.all(pending);
    const isScript = (u: string) => /\.m?js(\?|$)/.test(new URL(u).pathname);
    const sum = (from: number, pick: (u: string) => boolean) =>
      sizes
        .slice(from)
        .filter((x) => x.url && pick(x.url))
        .reduce((n, x) => n + x.bytes, 0);

    const fullyColoured = async (minValues: number, version: number) =>
      page.waitForFunction(
        ({ min, v }) => {
          const w = globalThis as unknown as MapWindow;
          const st = w.__mapState;
          if (!st?.desaShown || !st.desaReady || st.desaValueCount < min || st.desaValuesVersion <= v) return false;
          const r = w.__mapDesaRendered?.();
          return !!r && r.features > 0 && r.coloured === r.features;
        },
        { min: minValues, v: version },
        { timeout: 300_000, polling: 100 },
      );

    const t0 = performance.now();
    await page.goto(`${baseUrl}/?tampilan=semua-desa&indikator=${INDICATOR}&periode=${PERIOD}`);
    await fullyColoured(1, 0);
    const firstMs = performance.now() - t0;
    await page.waitForTimeout(1000); // stragglers (labels, late tiles) belong to the first view too
    await settled();
    const rendered = await page.evaluate(() => (globalThis as unknown as MapWindow).__mapDesaRendered?.());
    const state = await page.evaluate(() => (globalThis as unknown as MapWindow).__mapState!);
    const total = sum(0, (u) => !isScript(u));
    const tiles = sum(0, (u) => u.includes('/api/tiles/'));
    const values = sum(0, (u) => u.includes('/api/nilai/desa'));
    const scripts = sum(0, isScript);
    console.log(`\n## semua-desa (Indonesia, ${INDICATOR} ${PERIOD}, 1280×800, headless Chromium/SwiftShader)`);
    console.log(
      `  first fully coloured map: ${s(firstMs)} (${state.desaValueCount} desa values applied, ${rendered?.features} desa drawn, all coloured)`,
    );
    console.log(
      `  bytes on the wire without the JS bundle: ${kb(total)} — tiles ${kb(tiles)} in ${sizes.filter((x) => x.url.includes('/api/tiles/')).length} requests, desa values ${kb(values)}, the rest ${kb(total - tiles - values)}; JS ${kb(scripts)}`,
    );

    const mark = sizes.length;
    const before = state.desaValuesVersion;
    const t1 = performance.now();
    await page.getByTestId('indicator-button').click();
    await page.getByTestId('indicator-search').fill('ibu hamil');
    await page.locator(`[data-testid="indicator-option"][data-code="${OTHER}"]`).click();
    await fullyColoured(1, before);
    const switchMs = performance.now() - t1;
    await page.waitForTimeout(500);
    await settled();
    console.log(
      `  indicator switch to ${OTHER}: recoloured in ${s(switchMs)}; fetched ${kb(sum(mark, (u) => u.includes('/api/nilai/desa')))} of desa values and ${kb(sum(mark, (u) => u.includes('/api/tiles/') || u.includes('/api/geometry/')))} of geometry`,
    );
    await page.screenshot({ path: join(tmpdir(), 'bench-national-semua-desa.png') });
  } finally {
    await browser.close();
  }
}

const SECTIONS: Record<string, (ctx: Context) => Promise<void>> = {
  'first-start': firstStart,
  'values-first': valuesFirst,
  'semua-desa': semuaDesa,
  'views-import': viewsUnderImport,
  'import-upkeep': importUpkeep,
  'import-read': importRead,
  'privacy-first': privacyFirst,
};

// privacy-first signs in with a password of its own: asked for by name.
const wanted = process.argv.slice(2).length
  ? process.argv.slice(2)
  : Object.keys(SECTIONS).filter((name) => name !== 'privacy-first');
const ctx: Context = { baseUrl: null, server: null, dataDir: null };
try {
  for (const name of wanted) {
    const section = SECTIONS[name];
    if (!section) throw new Error(`Bagian tidak dikenal: ${name} (ada: ${Object.keys(SECTIONS).join(', ')})`);
    await section(ctx);
  }
} finally {
  if (ctx.server) {
    ctx.server.kill('SIGTERM');
    await new Promise((r) => ctx.server!.once('exit', r));
  }
  if (ctx.dataDir && !process.env.BENCH_KEEP_DATA) rmSync(ctx.dataDir, { recursive: true, force: true });
}
