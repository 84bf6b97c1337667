#!/usr/bin/env node
// CI's proof that the API runs as several identical processes on one PostgreSQL server (issue 17, item 5), and that
// DATABASE_READ_URL serves reads from a streaming replica:
//  1. docker-compose.yml's `scale` profile is checked for what it relies on (no Docker on these machines): the API
//     replicas and the first `app` under one network name, the proxy's config file naming it, the replica service;
//  2. two API processes (apps/api src/server.ts on two ports, the same DATABASE_URL): an import previewed through one
//     and committed through the other is visible through both at once (also where the other had the old answer
//     cached), a session cookie of one works on the other, the sign-in lockout of an address × name and the
//     per-address limit hold across both, and a sign-out on one is refused on the other for writes at once (for
//     reads after the session cache's few seconds);
//  3. a streaming replica made by `pg_basebackup -R` from the same server (second data dir, another port, started by
//     pg_ctl as the postgres user): a process with DATABASE_READ_URL on it reads through it — with replay paused, an
//     import it commits (on the primary) is not yet visible in its values; resumed, it is.
// Usage (as root, like .ci/run): DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres PG_BIN=/usr/lib/postgresql/15/bin
//   [REPLICA_PORT=5434] [API_PORTS=3911,3912] node scripts/scale-check.mjs   (the replica's process reuses the first port)
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.DATABASE_URL;
const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const replicaPort = Number(process.env.REPLICA_PORT ?? 5434);
const [portA, portB] = (process.env.API_PORTS ?? '3911,3912').split(',').map(Number);
const portC = portA; // the process with a replica starts after the first two have stopped
if (!adminUrl) throw new Error('DATABASE_URL (a PostgreSQL server where databases may be created) is required');

const started = Date.now();
const children = new Set();
let replicaDir = null;
function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
  if (replicaDir) {
    spawnSync(
      'runuser',
      ['-u', 'postgres', '--', join(pgBin, 'pg_ctl'), '-D', join(replicaDir, 'data'), '-m', 'immediate', '-w', 'stop'],
      { stdio: 'ignore' },
    );
    rmSync(replicaDir, { recursive: true, force: true });
  }
}
const fail = (message) => {
  console.error(`GAGAL: ${message}`);
  cleanUp();
  process.exit(1);
};
const step = (message) => console.log(`== ${message}`);
const ok = (message) => console.log(`ok: ${message}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// 1. The compose profile
step('docker-compose.yml, profile scale');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const services = compose.services ?? {};
const inProfile = (name, profile) => (services[name]?.profiles ?? []).includes(profile);
const { db, app, 'api-replica': replica, proxy, 'db-replica': dbReplica } = services;
if (!db || !app || !replica || !proxy || !dbReplica)
  fail('services db, app, api-replica, proxy and db-replica are required');
if (app.profiles || db.profiles) fail('db and app must start without a profile (docker compose up)');
if (!inProfile('api-replica', 'scale') || !inProfile('proxy', 'scale'))
  fail('api-replica and proxy belong to the profile scale');
if (!inProfile('db-replica', 'replica')) fail('db-replica belongs to the profile replica');
if (!(replica.networks?.default?.aliases ?? []).includes('api'))
  fail('api-replica must answer to the network name api (the proxy balances over it)');
if (replica.ports) fail('api-replica must not be published: only the proxy reaches it (it trusts X-Forwarded-For)');
if (replica.environment?.TRUST_PROXY !== 'true')
  fail("api-replica must trust the proxy (TRUST_PROXY=true): else every client counts as the proxy's address");
if (replica.depends_on?.app?.condition !== 'service_healthy')
  fail('api-replica must wait for a healthy app (app did the first-start work)');
if (!JSON.stringify(replica.command ?? '').includes('@peta/api'))
  fail('api-replica must run the API only, not the first-start work');
for (const key of ['DATABASE_URL', 'DATABASE_READ_URL', 'READ_ACCESS', 'COOKIE_SECURE']) {
  if (replica.environment?.[key] !== app.environment?.[key]) fail(`api-replica and app must have the same ${key}`);
}
if (!/^\$\{API_REPLICAS:-\d+\}$|^\d+$/.test(String(replica.deploy?.replicas ?? '')))
  fail('api-replica.deploy.replicas must be set (API_REPLICAS)');
const proxyConfig = (proxy.volumes ?? []).map(String).find((v) => v.includes('Caddyfile'));
if (!proxyConfig) fail('proxy must mount the Caddyfile of the repository');
const caddyfile = readFileSync(join(root, proxyConfig.split(':')[0]), 'utf8');
if (!/dynamic a \{[^}]*name api\b[^}]*port 3000/s.test(caddyfile))
  fail('the Caddyfile must balance over every address of the name api, port 3000');
if (!/fail_duration/.test(caddyfile))
  fail('the Caddyfile must leave out a process that refuses connections (fail_duration)');
if (!/pg_basebackup -h db .* -R /.test(JSON.stringify(dbReplica.command ?? '')))
  fail('db-replica must be made from db by pg_basebackup -R');
const initScript = (db.volumes ?? []).map(String).find((v) => v.includes('/docker-entrypoint-initdb.d/'));
if (!initScript || !/host replication/.test(readFileSync(join(root, initScript.split(':')[0]), 'utf8')))
  fail('db must let the replica connect for replication');
ok(
  'API_REPLICAS api-replica (API only, after a healthy app, not published) answer to the name api; Caddy balances over it; db-replica by pg_basebackup -R',
);

// 2. Two processes on one database
const base = new URL(adminUrl);
const urlFor = (name, port) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  if (port) u.port = String(port);
  return u.toString();
};
const DB = 'peta_scale_check';
const psql = (url, sql) => {
  const r = spawnSync(join(pgBin, 'psql'), [url, '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], { encoding: 'utf8' });
  if (r.status !== 0) fail(`psql ${sql}: ${r.stderr}`);
  return r.stdout.trim();
};
psql(adminUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
psql(adminUrl, `CREATE DATABASE ${DB}`);
const dbUrl = urlFor(DB);
const dataDir = mkdtempSync(join(tmpdir(), 'peta-scale-'));
// Kepulauan Riau: the smallest first start that still has desa (the national upper levels are always loaded).
const env = {
  ...process.env,
  DATABASE_URL: dbUrl,
  DATA_DIR: dataDir,
  DESA_PROVINSI: '21',
  DEMO_DATA: 'false',
  READ_ACCESS: 'signed-in',
  TRUST_PROXY: 'true',
  SIGN_IN_LIMIT_PER_MINUTE: '8',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  BOUNDARIES_DIR: process.env.BOUNDARIES_DIR ?? '',
};
delete env.DATABASE_READ_URL;

function spawnNode(entry, cwd, extraEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.output = '';
  child.stdout.on('data', (d) => {
    child.output += d;
  });
  child.stderr.on('data', (d) => {
    child.output += d;
  });
  child.once('exit', () => children.delete(child));
  return child;
}
const exited = (child) =>
  new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

async function startApi(port, extraEnv = {}) {
  // Another program on the port would answer the health check in our process's place.
  if (
    await fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => true,
      () => false,
    )
  )
    fail(`port ${port} is in use by another program (API_PORTS)`);
  const child = spawnNode('src/server.ts', join(root, 'apps/api'), { PORT: String(port), ...extraEnv });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`API on ${port} exited ${child.exitCode}:\n${child.output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok)
        return {
          port,
          stop: async () => {
            child.kill('SIGTERM');
            await exited(child);
          },
        };
    } catch {
      /* not listening yet */
    }
    await sleep(300);
  }
  fail(`API on ${port} not healthy within 60 s:\n${child.output}`);
}

// A client behind the proxy: its address travels in X-Forwarded-For (TRUST_PROXY=true, as in the compose profile).
const USER_ADDRESS = '192.0.2.10';
async function request(api, method, path, { session, body, type = 'application/json', address = USER_ADDRESS } = {}) {
  const headers = { 'x-forwarded-for': address };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  if (body !== undefined) headers['content-type'] = type;
  const res = await fetch(`http://127.0.0.1:${api.port}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: json ?? text };
}
async function signIn(api, username, password, address = USER_ADDRESS) {
  const res = await fetch(`http://127.0.0.1:${api.port}/api/auth/masuk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json();
  if (!res.ok) return { status: res.status, body };
  return { status: 200, cookie: res.headers.get('set-cookie').split(';')[0], csrf: body.csrfToken, user: body.user };
}
const expectStatus = (what, res, status) => {
  if (res.status !== status)
    fail(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
};

step('first start (data/prepare.ts: boundaries of Kepulauan Riau, no simulated data) and the first admin (CLI)');
let t = Date.now();
const prepare = spawnNode('data/prepare.ts', root);
if ((await exited(prepare)) !== 0) fail(`data/prepare.ts failed:\n${prepare.output}`);
const ADMIN_PASSWORD = 'kepala-dinas-skala-2026';
const cliArgs = ['pengguna', 'tambah', '--nama-pengguna=admin', '--peran=admin', '--sandi-stdin'];
const made = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/cli.ts', ...cliArgs], {
  cwd: root,
  env,
  input: `${ADMIN_PASSWORD}\n`,
  encoding: 'utf8',
});
if (made.status !== 0) fail(`pnpm cli pengguna tambah: ${made.stderr}`);
const desa = psql(dbUrl, `select kode from wilayah where tingkat = 'desa' and kode like '21.%' order by kode limit 1`);
if (!desa) fail('no desa of Kepulauan Riau was imported');
const kecamatan = desa.split('.').slice(0, 3).join('.');
ok(`prepared in ${((Date.now() - t) / 1000).toFixed(1)} s; importing into desa ${desa} (kecamatan ${kecamatan})`);

step(`two API processes on one database (ports ${portA} and ${portB})`);
t = Date.now();
const [a, b] = await Promise.all([startApi(portA), startApi(portB)]);
ok(`both healthy in ${((Date.now() - t) / 1000).toFixed(1)} s`);

// KIA_MTBS has a counted denominator (in the file): the numerator shows without any sasaran loaded. Counts of 10 and
// more, so no small-count rule could hide them.
const VALUES = `/api/nilai?indikator=KIA_MTBS&periode=2026-09&wilayah=${kecamatan}`;
const rowOf = (res) => res.body.rows?.find((r) => r.kode === desa);
const csv = (n) => `kode_wilayah,periode,indikator,pembilang,penyebut\n${desa},2026-09,KIA_MTBS,${n},40\n`;
async function importThrough(previewApi, commitApi, session, n) {
  const preview = await request(previewApi, 'POST', '/api/impor/pratinjau?berkas=k4.csv', {
    session,
    body: csv(n),
    type: 'text/csv',
  });
  expectStatus(`preview on ${previewApi.port}`, preview, 200);
  expectStatus(
    `commit on ${commitApi.port} of a preview made on ${previewApi.port}`,
    await request(commitApi, 'POST', `/api/impor/${preview.body.previewId}/simpan`, { session }),
    200,
  );
}

// A session cookie of one process works on the other, for reads and writes.
const onA = await signIn(a, 'admin', ADMIN_PASSWORD);
if (onA.status !== 200) fail(`sign-in on ${portA}: ${onA.status} ${JSON.stringify(onA.body)}`);
const sesiB = await request(b, 'GET', '/api/auth/sesi', { session: onA });
if (sesiB.body.user?.username !== 'admin')
  fail(`the session of ${portA} is unknown on ${portB}: ${JSON.stringify(sesiB.body).slice(0, 300)}`);
ok(`a session cookie from ${portA} is signed in on ${portB}`);

// An import through one is visible through the other at once, also where the other had the old answer cached.
const beforeB = await request(b, 'GET', VALUES, { session: onA });
expectStatus(`values on ${portB}`, beforeB, 200);
if (rowOf(beforeB)?.numerator != null)
  fail(`desa ${desa} has a value before any import: ${JSON.stringify(rowOf(beforeB))}`);
await importThrough(a, b, onA, 17);
for (const api of [a, b]) {
  const row = rowOf(await request(api, 'GET', VALUES, { session: onA }));
  if (row?.numerator !== 17) fail(`the import is not visible at once through ${api.port}: ${JSON.stringify(row)}`);
}
await importThrough(b, a, onA, 19);
for (const api of [b, a]) {
  const row = rowOf(await request(api, 'GET', VALUES, { session: onA }));
  if (row?.numerator !== 19)
    fail(`the second import is not visible at once through ${api.port}: ${JSON.stringify(row)}`);
}
ok('a preview made on one process is committed on the other; each import is visible through both at the next request');

// The lockout of address × name holds across both: failures alternate between the processes.
const GUESSER = '198.51.100.7';
const attempts = [];
for (let i = 0; i < 5; i++) attempts.push((await signIn(i % 2 ? b : a, 'admin', 'salah-tebak-sandi', GUESSER)).status);
if (attempts.join() !== '401,401,401,401,401') fail(`five wrong passwords: expected 401 each, got ${attempts}`);
for (const api of [a, b]) {
  const locked = await signIn(api, 'admin', ADMIN_PASSWORD, GUESSER);
  if (locked.status !== 429 || locked.body.code !== 'SIGN_IN_THROTTLED')
    fail(
      `after five failures spread over both, ${api.port} let the pair in: ${locked.status} ${JSON.stringify(locked.body)}`,
    );
}
if ((await signIn(b, 'admin', ADMIN_PASSWORD, '192.0.2.11')).status !== 200)
  fail('the real user at another address was locked out');
ok(
  'five failures of one address for admin, spread over both processes, lock that pair on both; another address signs in',
);

// The per-address limit (SIGN_IN_LIMIT_PER_MINUTE=8) is one count for both processes.
const SPRAYER = '198.51.100.8';
const sprayed = [];
for (let i = 0; i < 9; i++) sprayed.push((await signIn(i % 2 ? b : a, `tidak-ada-${i}`, 'x', SPRAYER)).status);
if (sprayed.slice(0, 8).some((s) => s !== 401) || sprayed[8] !== 429)
  fail(`9 sign-ins of one address over both processes: ${sprayed}`);
ok('the 9th sign-in request of one address in a minute is refused (8 a minute), counted over both processes');

// Sign-out on one: the other refuses the session's writes at once, and its reads once its session cache has expired.
const leaving = await signIn(a, 'admin', ADMIN_PASSWORD);
expectStatus(`a read on ${portB} with a fresh session`, await request(b, 'GET', VALUES, { session: leaving }), 200);
expectStatus(`sign-out on ${portA}`, await request(a, 'POST', '/api/auth/keluar', { session: leaving }), 200);
const write = await request(b, 'POST', '/api/impor/pratinjau?berkas=k4.csv', {
  session: leaving,
  body: csv(21),
  type: 'text/csv',
});
expectStatus(`a write on ${portB} after sign-out on ${portA}`, write, 401);
await sleep(5_100); // auth/session-cache.ts CACHE_MS
expectStatus(
  `a read on ${portB} five seconds after sign-out on ${portA}`,
  await request(b, 'GET', VALUES, { session: leaving }),
  401,
);
ok(
  `after sign-out on ${portA}, ${portB} refuses the session's writes at once and its reads after the 5 s session cache`,
);
await Promise.all([a.stop(), b.stop()]);

// 3. A streaming replica
step(`a streaming replica by pg_basebackup -R (port ${replicaPort}) and an API process with DATABASE_READ_URL on it`);
t = Date.now();
replicaDir = mkdtempSync(join(tmpdir(), 'peta-replica-'));
chmodSync(replicaDir, 0o755);
spawnSync('chown', ['postgres:postgres', replicaDir]);
const asPostgres = (cmd, args) => {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', join(pgBin, cmd), ...args], { encoding: 'utf8' });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')}: ${r.stderr}${r.stdout}`);
};
asPostgres('pg_basebackup', [
  '-d',
  urlFor('postgres'),
  '-D',
  join(replicaDir, 'data'),
  '-R',
  '-X',
  'stream',
  '-c',
  'fast',
]);
asPostgres('pg_ctl', [
  '-D',
  join(replicaDir, 'data'),
  '-l',
  join(replicaDir, 'log'),
  '-w',
  '-o',
  `-p ${replicaPort} -k ${replicaDir} -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off`,
  'start',
]);
const replicaUrl = urlFor(DB, replicaPort);
if (psql(replicaUrl, 'select pg_is_in_recovery()') !== 't')
  fail('the replica is not in recovery (standby.signal missing?)');
ok(`replica streaming after ${((Date.now() - t) / 1000).toFixed(1)} s`);
const c = await startApi(portC, { DATABASE_READ_URL: replicaUrl });
const onC = await signIn(c, 'admin', ADMIN_PASSWORD);
if (onC.status !== 200) fail(`sign-in with a replica configured: ${onC.status} ${JSON.stringify(onC.body)}`);
for (const path of ['/api/meta', '/api/wilayah', `/api/wilayah/${kecamatan}/children`, VALUES]) {
  expectStatus(`${path} through the replica`, await request(c, 'GET', path, { session: onC }), 200);
}
if (rowOf(await request(c, 'GET', VALUES, { session: onC }))?.numerator !== 19)
  fail('the replica does not serve the values imported before');
ok('sign-in (primary) and reads of meta, wilayah and values (replica) work');

// With replay paused, a write lands on the primary and the values read through the replica do not show it yet:
// proof that those reads go to the replica, and what replica lag looks like to a user.
const loads = () => Number(psql(dbUrl, 'select count(*) from data_load'));
const loadsBefore = loads();
psql(replicaUrl, 'select pg_wal_replay_pause()');
await importThrough(c, c, onC, 23);
if (loads() !== loadsBefore + 1) fail('the import through the process with a replica did not reach the primary');
const paused = rowOf(await request(c, 'GET', VALUES, { session: onC }));
if (paused?.numerator !== 19)
  fail(`with replay paused the values should still be the replica's (19), got ${JSON.stringify(paused)}`);
psql(replicaUrl, 'select pg_wal_replay_resume()');
t = Date.now();
let seen = null;
while (Date.now() - t < 15_000) {
  seen = rowOf(await request(c, 'GET', VALUES, { session: onC }))?.numerator;
  if (seen === 23) break;
  await sleep(100);
}
if (seen !== 23) fail(`the import did not become visible through the replica within 15 s (still ${seen})`);
ok(
  `an import through the process lands on the primary; through the replica it shows once replayed (${Date.now() - t} ms after resuming)`,
);
await c.stop();

cleanUp();
replicaDir = null;
psql(adminUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
rmSync(dataDir, { recursive: true, force: true });
step(`scale check passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
