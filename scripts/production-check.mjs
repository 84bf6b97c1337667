#!/usr/bin/env node
// CI's stand-in for `docker compose up` on machines without Docker:
//  1. docker-compose.yml is checked for what production relies on (named volume, health-gated start, the
//     app's DATABASE_URL pointing at the db service, a health check on /api/health);
//  2. the app is started exactly as the compose file starts it (NODE_ENV=production, HOST=0.0.0.0, DATABASE_URL,
//     DATA_DIR) against a real PostgreSQL server, and answers;
//  3. backup and restore: pg_dump of that database, pg_restore into an empty one, the app started on the
//     restored copy gives the same answers.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres PG_BIN=/usr/lib/postgresql/15/bin node scripts/production-check.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.DATABASE_URL;
const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
if (!adminUrl) throw new Error('DATABASE_URL (a PostgreSQL server where databases may be created) is required');

const fail = (message) => { console.error(`GAGAL: ${message}`); process.exit(1); };
const step = (message) => console.log(`== ${message}`);

// 1. The compose file
step('docker-compose.yml');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const { db, app } = compose.services ?? {};
if (!db || !app) fail('services db and app are required');
if (!/^postgres:\d+/.test(db.image)) fail(`db.image should be postgres:<major>, is ${db.image}`);
const dataVolume = (db.volumes ?? []).find((v) => String(v).endsWith(':/var/lib/postgresql/data'));
if (!dataVolume || !(String(dataVolume).split(':')[0] in (compose.volumes ?? {}))) fail('db data must be on a named volume');
if (!db.healthcheck) fail('db needs a healthcheck');
if (app.depends_on?.db?.condition !== 'service_healthy') fail('app must wait for a healthy db');
if (!/^postgres:\/\/[^@]+@db:5432\//.test(app.environment?.DATABASE_URL ?? '')) fail('app DATABASE_URL must point at the db service');
if (!JSON.stringify(app.healthcheck?.test ?? '').includes('/api/health')) fail('app healthcheck must call /api/health');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
if (!/NODE_ENV=production/.test(dockerfile) || !/HOST=0\.0\.0\.0/.test(dockerfile)) fail('Dockerfile must set NODE_ENV=production and HOST=0.0.0.0');
console.log('ok: named volume, health-gated start, DATABASE_URL → db, health check on /api/health');

// 2. The app as compose starts it
const base = new URL(adminUrl);
const urlFor = (name) => { const u = new URL(base); u.pathname = `/${name}`; return u.toString(); };
const psql = (sql) => {
  const r = spawnSync(join(pgBin, 'psql'), [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8' });
  if (r.status !== 0) fail(`psql ${sql}: ${r.stderr}`);
};
const run = (cmd, args) => {
  const r = spawnSync(join(pgBin, cmd), args, { encoding: 'utf8' });
  if (r.status !== 0) fail(`${cmd}: ${r.stderr}`);
};
for (const name of ['peta_prod_check', 'peta_restore_check']) psql(`DROP DATABASE IF EXISTS ${name}`);
psql('CREATE DATABASE peta_prod_check');

async function startApp(databaseUrl, port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'peta-prod-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: join(root, 'apps/api'),
    env: { ...process.env, NODE_ENV: 'production', HOST: '0.0.0.0', PORT: String(port), DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`app exited ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }).then(() => rmSync(dataDir, { recursive: true, force: true })), output: () => output };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`app not healthy within 10 minutes:\n${output}`);
}

const PROBES = ['/api/health', '/api/wilayah', '/api/wilayah/12.10/children', '/api/values?indicator=KIA_K4&period=2026-01..2026-10&parent=12.10', '/api/docs/json'];
async function answers(port) {
  const out = {};
  for (const path of PROBES) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    if (!res.ok) fail(`${path} → HTTP ${res.status}`);
    const body = await res.json();
    if (path === '/api/health') { delete body.databaseVersion; }
    out[path] = body;
  }
  const index = await fetch(`http://127.0.0.1:${port}/`);
  if (!index.ok || !(await index.text()).includes('<div id="root">')) fail('the web app is not served at /');
  return out;
}

step('production start on PostgreSQL (first start: boundaries and demo data)');
let t = Date.now();
const prodUrl = urlFor('peta_prod_check');
const first = await startApp(prodUrl, 3901);
console.log(`ok: healthy after ${((Date.now() - t) / 1000).toFixed(1)} s`);
const before = await answers(3901);
await first.stop();

// 3. Backup and restore
step('backup (pg_dump -Fc) and restore (pg_restore into an empty database)');
const dumpFile = join(mkdtempSync(join(tmpdir(), 'peta-dump-')), 'peta.dump');
t = Date.now();
run('pg_dump', ['-Fc', '-f', dumpFile, prodUrl]);
psql('CREATE DATABASE peta_restore_check');
run('pg_restore', ['--no-owner', '-d', urlFor('peta_restore_check'), dumpFile]);
console.log(`ok: dump + restore in ${((Date.now() - t) / 1000).toFixed(1)} s`);
const restored = await startApp(urlFor('peta_restore_check'), 3902);
const after = await answers(3902);
await restored.stop();
if (restored.output().includes('Membaca batas')) fail('the restored database was imported again instead of used as is');
for (const path of PROBES) {
  if (JSON.stringify(before[path]) !== JSON.stringify(after[path])) {
    fail(`the restored database answers ${path} differently:\n${JSON.stringify(before[path]).slice(0, 400)}\n${JSON.stringify(after[path]).slice(0, 400)}`);
  }
}
console.log('ok: the app on the restored copy gives the same answers, without importing again');
for (const name of ['peta_prod_check', 'peta_restore_check']) psql(`DROP DATABASE IF EXISTS ${name}`);
rmSync(dirname(dumpFile), { recursive: true, force: true });
step('production check passed');
