#!/usr/bin/env node
// CI's stand-in for `docker compose up` on machines without Docker:
//  1. docker-compose.yml is checked for what production relies on (named volume, health-gated start, the
//     app's DATABASE_URL pointing at the db service, a health check on /api/health);
//  2. the app is started exactly as the compose file starts it (NODE_ENV=production, HOST=0.0.0.0, DATABASE_URL,
//     DATA_DIR; the first-start work of data/prepare.ts, then the API) against a real PostgreSQL server, and answers;
//     The "Done when": the first admin is created with the CLI, creates a puskesmas user and a camat;
//     each signs in, changes the temporary password, lands on their own area, may change it and not anyone else's;
//  3. backup and restore: pg_dump of that database, pg_restore into an empty one, the app started on the
//     restored copy gives the same answers and the same people can sign in.
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

// Apps this script started: stopped on failure too, so a failed run leaves no server holding the database.
const children = new Set();
const fail = (message) => {
  console.error(`GAGAL: ${message}`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
};
const step = (message) => console.log(`== ${message}`);

// 1. The compose file
step('docker-compose.yml');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const { db, app } = compose.services ?? {};
if (!db || !app) fail('services db and app are required');
if (!/^postgres:\d+/.test(db.image)) fail(`db.image should be postgres:<major>, is ${db.image}`);
const dataVolume = (db.volumes ?? []).find((v) => String(v).endsWith(':/var/lib/postgresql/data'));
if (!dataVolume || !(String(dataVolume).split(':')[0] in (compose.volumes ?? {})))
  fail('db data must be on a named volume');
if (!db.healthcheck) fail('db needs a healthcheck');
if (app.depends_on?.db?.condition !== 'service_healthy') fail('app must wait for a healthy db');
if (!/^postgres:\/\/[^@]+@db:5432\//.test(app.environment?.DATABASE_URL ?? ''))
  fail('app DATABASE_URL must point at the db service');
if (!JSON.stringify(app.healthcheck?.test ?? '').includes('/api/health')) fail('app healthcheck must call /api/health');
// `${VAR:-default}` → default: the environment compose gives the app when nothing is set.
const composeEnv = Object.fromEntries(
  Object.entries(app.environment ?? {})
    .filter(([, v]) => typeof v === 'string' && !v.includes('@db:'))
    .map(([k, v]) => [k, v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]),
);
if (composeEnv.DEMO_DATA !== 'false')
  fail('production must not start with simulated data and demo accounts by default (DEMO_DATA)');
if (composeEnv.READ_ACCESS !== 'signed-in') fail('production reading must need an account by default (READ_ACCESS)');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
if (!/NODE_ENV=production/.test(dockerfile) || !/HOST=0\.0\.0\.0/.test(dockerfile))
  fail('Dockerfile must set NODE_ENV=production and HOST=0.0.0.0');
console.log('ok: named volume, health-gated start, DATABASE_URL → db, health check on /api/health');

// 2. The app as compose starts it
const base = new URL(adminUrl);
const urlFor = (name) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
};
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
  const env = {
    ...process.env,
    ...composeEnv,
    BOUNDARIES_DIR: process.env.BOUNDARIES_DIR ?? '',
    DESA_PROVINSI: process.env.DESA_PROVINSI ?? '12,21,92', // explicit: the check must stay quick whatever the app's default
    NODE_ENV: 'production',
    HOST: '0.0.0.0',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  let output = '';
  // As the container does: the first-start work (data/prepare.ts), then the API.
  const spawnNode = (entry, cwd) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.once('exit', () => children.delete(child));
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    return child;
  };
  const deadline = Date.now() + 10 * 60_000;
  const prepare = spawnNode('data/prepare.ts', root);
  const prepared = await new Promise((resolveExit) => prepare.once('exit', (code) => resolveExit(code)));
  if (prepared !== 0) fail(`data/prepare.ts exited ${prepared}:\n${output}`);
  const child = spawnNode('src/server.ts', join(root, 'apps/api'));
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`app exited ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok)
        return {
          stop: () =>
            new Promise((r) => {
              child.once('exit', r);
              child.kill('SIGTERM');
            }).then(() => rmSync(dataDir, { recursive: true, force: true })),
          output: () => output,
        };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`app not healthy within 10 minutes:\n${output}`);
}

// Accounts: a session is a cookie and a CSRF token, as a browser holds them.
async function signIn(port, username, password) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/masuk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) fail(`sign-in ${username} → HTTP ${res.status} ${await res.text()}`);
  const body = await res.json();
  return { cookie: res.headers.get('set-cookie').split(';')[0], csrf: body.csrfToken, user: body.user };
}
async function call(port, session, method, path, body, type = 'application/json') {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  if (body !== undefined) headers['content-type'] = type;
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  return { status: res.status, body: await res.json() };
}
const expectStatus = (what, res, status) => {
  if (res.status !== status)
    fail(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
};

const ADMIN_PASSWORD = 'kepala-dinas-produksi-2026';
const BILAH_HULU = '12.10.09';
const LONG_CSV = (desa, n) => `kode_wilayah,periode,indikator,pembilang,penyebut\n${desa},2026-09,KIA_K4,${n},\n`;

async function accounts(port, databaseUrl) {
  const cli = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'apps/cli/src/cli.ts',
      'pengguna',
      'tambah',
      '--nama-pengguna=admin',
      '--peran=admin',
      '--sandi-stdin',
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, input: `${ADMIN_PASSWORD}\n`, encoding: 'utf8' },
  );
  if (cli.status !== 0) fail(`pnpm cli pengguna tambah: ${cli.stderr}`);
  const anonymous = await fetch(`http://127.0.0.1:${port}/api/wilayah`);
  if (anonymous.status !== 401) fail(`anonymous read → HTTP ${anonymous.status}, expected 401 (READ_ACCESS signed-in)`);
  const admin = await signIn(port, 'admin', ADMIN_PASSWORD);
  const pkmKode = spawnSync(
    join(pgBin, 'psql'),
    [
      databaseUrl,
      '-Atc',
      `select puskesmas_kode from puskesmas_wilayah where valid_to is null and desa_kode like '${BILAH_HULU}.%' group by 1 order by count(*) desc, 1 limit 1`,
    ],
    { encoding: 'utf8' },
  ).stdout.trim();
  if (!pkmKode) fail('no puskesmas holds desa of Bilah Hulu');
  const otherDesa = spawnSync(
    join(pgBin, 'psql'),
    [
      databaseUrl,
      '-Atc',
      `select kode from wilayah where tingkat = 'desa' and kode like '12.10.%' and kode not like '${BILAH_HULU}.%' order by kode limit 1`,
    ],
    { encoding: 'utf8' },
  ).stdout.trim();
  const otherKecamatan = otherDesa.split('.').slice(0, 3).join('.');
  const people = {};
  for (const [username, role, scope] of [
    ['pkm.bilahhulu', 'puskesmas', { scopePuskesmas: pkmKode }],
    ['camat.bilahhulu', 'camat', { scopeKode: BILAH_HULU }],
  ]) {
    const created = await call(port, admin, 'POST', '/api/pengguna', { username, nama: username, role, ...scope });
    expectStatus(`admin creates ${username}`, created, 201);
    const first = await signIn(port, username, created.body.password);
    if (!first.user.mustChangePassword) fail(`${username} must change the temporary password`);
    const changed = await call(port, first, 'POST', '/api/auth/sandi', {
      current: created.body.password,
      new: `${role}-sandi-sendiri-2026`,
    });
    expectStatus(`${username} changes the password`, changed, 200);
    people[username] = await signIn(port, username, `${role}-sandi-sendiri-2026`);
    if (people[username].user.home !== BILAH_HULU)
      fail(`${username} lands on ${people[username].user.home}, expected ${BILAH_HULU}`);
  }
  const pkm = people['pkm.bilahhulu'];
  const own = pkm.user.scopeDesa[0];
  const preview = await call(port, pkm, 'POST', '/api/impor/pratinjau?berkas=k4.csv', LONG_CSV(own, 7), 'text/csv');
  expectStatus('puskesmas previews its own desa', preview, 200);
  expectStatus(
    'puskesmas imports its own desa',
    await call(port, pkm, 'POST', `/api/impor/${preview.body.previewId}/simpan`),
    200,
  );
  const foreign = await call(
    port,
    pkm,
    'POST',
    '/api/impor/pratinjau?berkas=lain.csv',
    LONG_CSV(otherDesa, 7),
    'text/csv',
  );
  if (foreign.body.errors?.[0]?.code !== 'KODE_OUT_OF_SCOPE')
    fail(`a desa outside the wilayah kerja was not refused: ${JSON.stringify(foreign.body).slice(0, 300)}`);
  const camat = people['camat.bilahhulu'];
  const meeting = (wilayah) => ({ jenis: 'lintas_sektor', tanggal: '2026-10-05', wilayah, periode: '2026-09' });
  expectStatus(
    'camat records a meeting of another kecamatan',
    await call(port, camat, 'POST', '/api/rapat', meeting(otherKecamatan)),
    403,
  );
  expectStatus(
    'camat records a meeting of Bilah Hulu',
    await call(port, camat, 'POST', '/api/rapat', meeting(BILAH_HULU)),
    201,
  );
  expectStatus(
    'camat imports data',
    await call(port, camat, 'POST', '/api/impor/pratinjau?berkas=k4.csv', LONG_CSV(own, 8), 'text/csv'),
    403,
  );
  console.log(
    `ok: admin from the CLI; puskesmas ${pkmKode} and camat of Bilah Hulu sign in, land on ${BILAH_HULU}, change their own area and not others'`,
  );
}

const PROBES = [
  '/api/health',
  '/api/wilayah',
  '/api/wilayah/12.10/children',
  `/api/nilai?indikator=KIA_K4&periode=2026-09&wilayah=${BILAH_HULU}`,
  '/api/docs/json',
];
async function answers(port) {
  const admin = await signIn(port, 'admin', ADMIN_PASSWORD);
  const out = {};
  for (const path of PROBES) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie: admin.cookie } });
    if (!res.ok) fail(`${path} → HTTP ${res.status}`);
    const body = await res.json();
    if (path === '/api/health') {
      delete body.databaseVersion;
    }
    out[path] = body;
  }
  const index = await fetch(`http://127.0.0.1:${port}/`);
  if (!index.ok || !(await index.text()).includes('<div id="root">')) fail('the web app is not served at /');
  return out;
}

step('production start on PostgreSQL (first start: boundaries, no simulated data)');
let t = Date.now();
const prodUrl = urlFor('peta_prod_check');
const first = await startApp(prodUrl, 3901);
console.log(`ok: healthy after ${((Date.now() - t) / 1000).toFixed(1)} s`);
step('accounts: first admin, a puskesmas and a camat, each in their own area');
await accounts(3901, prodUrl);
const before = await answers(3901);
if (!before[PROBES[3]].rows.some((r) => r.reported === 1))
  fail(`the imported value is not served: ${JSON.stringify(before[PROBES[3]]).slice(0, 600)}`);
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
await signIn(3902, 'pkm.bilahhulu', 'puskesmas-sandi-sendiri-2026');
await restored.stop();
if (restored.output().includes('Membaca batas')) fail('the restored database was imported again instead of used as is');
for (const path of PROBES) {
  if (JSON.stringify(before[path]) !== JSON.stringify(after[path])) {
    fail(
      `the restored database answers ${path} differently:\n${JSON.stringify(before[path]).slice(0, 400)}\n${JSON.stringify(after[path]).slice(0, 400)}`,
    );
  }
}
console.log(
  'ok: the app on the restored copy gives the same answers and the same people sign in, without importing again',
);
for (const name of ['peta_prod_check', 'peta_restore_check']) psql(`DROP DATABASE IF EXISTS ${name}`);
rmSync(dirname(dumpFile), { recursive: true, force: true });
step('production check passed');
