// Builds the web app when its build is missing or stale, then starts the REAL server on a free port with a fresh data
// directory, as `pnpm start` does: the first-start work (data/prepare.ts: boundaries, demo data, demo accounts — it
// takes minutes), then the API (apps/api).
// PETA_E2E_URL=http://127.0.0.1:3000 reuses a running server that serves apps/web/dist (fast loop while
// writing tests; its demo accounts must use PETA_E2E_PASSWORD, default DEMO_PASSWORD below).
// Reading needs an account (READ_ACCESS signed-in, the default): api() and send() act as the demo admin, apiAs() as
// the account a page is signed in with.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const webRoot = resolve(here, '../..');
export const repoRoot = resolve(webRoot, '../..');

const PREPARE_ENTRY = 'data/prepare.ts';
const SERVER_ENTRY = 'apps/api/src/server.ts';
const STARTUP_TIMEOUT_MS = 280_000;

/** The demo accounts' password of the e2e server (DEMO_PASSWORD): fixed, so tests sign in as any role. */
export const DEMO_PASSWORD = process.env.PETA_E2E_PASSWORD ?? 'e2e-sandi-contoh-2026';
export const SESSION_COOKIE = 'peta_sesi';

export interface AppServer {
  url: string;
  /** GET a JSON path of the API as the demo admin (for the expected values of a test). */
  api<T>(path: string): Promise<T>;
  /**
   * GET a JSON path as another demo account: the answer that account's pages show. Readers outside an area get the
   * protected view of its counts (issue 18), so a test expecting what a page shows reads as the page's own account.
   */
  apiAs<T>(username: string, path: string): Promise<T>;
  /** A write as the demo admin (session cookie and CSRF token), for setting up or cleaning up; throws unless 2xx. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** A signed-in session: the cookie value and the CSRF token that goes with it. */
export interface ServerSession {
  username: string;
  token: string;
  csrfToken: string;
}

/** POST /api/auth/masuk from Node; throws with the server's answer when refused. */
export async function signInFetch(url: string, username: string, password = DEMO_PASSWORD): Promise<ServerSession> {
  const response = await fetch(`${url}/api/auth/masuk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} → ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`sign-in as ${username}: no ${SESSION_COOKIE} cookie`);
  const session = (await response.json()) as { csrfToken: string };
  return { username, token: cookie.slice(SESSION_COOKIE.length + 1).split(';')[0]!, csrfToken: session.csrfToken };
}

// One sign-in per account and test file: sign-in is rate-limited per address (20 a minute).
const sessions = new Map<string, Promise<ServerSession>>();
export function sessionOf(url: string, username: string): Promise<ServerSession> {
  const key = `${url} ${username}`;
  if (!sessions.has(key)) {
    const started = signInFetch(url, username);
    started.catch(() => sessions.delete(key));
    sessions.set(key, started);
  }
  return sessions.get(key)!;
}

/** A request with a session (cookie, and the CSRF token on writes); the raw Response. */
export async function fetchAs(session: ServerSession, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('cookie', `${SESSION_COOKIE}=${session.token}`);
  if (init.method && init.method !== 'GET') headers.set('x-csrf-token', session.csrfToken);
  return fetch(url, { ...init, headers });
}

function serverFor(url: string, stop: () => Promise<void>): AppServer {
  const admin = () => sessionOf(url, 'admin');
  return {
    url,
    api: async (path) => getJson(`${url}${path}`, await admin()),
    apiAs: async (username, path) => getJson(`${url}${path}`, await sessionOf(url, username)),
    send: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetchAs(await admin(), `${url}${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    stop,
  };
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** `vite build` unless dist/index.html is newer than every input of the build. */
export async function ensureWebBuild(): Promise<void> {
  const built = join(webRoot, 'dist/index.html');
  const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json', '../../packages/domain/src'].map((p) =>
    resolve(webRoot, p),
  );
  const newestInput = Math.max(...inputs.map(newestMtime));
  if (existsSync(built) && statSync(built).mtimeMs >= newestInput) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: webRoot, configFile: join(webRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function getJson<T>(url: string, session: ServerSession): Promise<T> {
  const response = await fetchAs(session, url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function waitForHealth(url: string, child: ChildProcess | null, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let exited: number | null = null;
  child?.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`Server exited (${exited}) before it was healthy:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`Server not healthy after ${STARTUP_TIMEOUT_MS / 1000} s:\n${log()}`);
}

/** The first-start work ended well (exit 0) within the start-up time. */
function prepared(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolveDone, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${PREPARE_ENTRY} not done after ${STARTUP_TIMEOUT_MS / 1000} s:\n${log()}`)),
      STARTUP_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolveDone();
      else reject(new Error(`${PREPARE_ENTRY} exited (${code}):\n${log()}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    // SIGTERM lets the server stop the embedded PostgreSQL; SIGKILL only if it hangs.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export async function startAppServer(): Promise<AppServer> {
  await ensureWebBuild();
  const external = process.env.PETA_E2E_URL?.replace(/\/$/, '');
  if (external) {
    await waitForHealth(external, null, () => '');
    return serverFor(external, async () => {});
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'peta-e2e-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as user postgres and must traverse it
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Sumatera Utara (the demo accounts' area) and DI Yogyakarta (a provinsi of Java, java-drilldown.test.ts).
    DESA_PROVINSI: '12,34',
    DEMO_DATA: '1',
    DEMO_PASSWORD,
    READ_ACCESS: 'signed-in',
    LOG_LEVEL: 'warn',
    WEB_DIST: join(webRoot, 'dist'),
  };
  if (!process.env.DATABASE_URL) delete env.DATABASE_URL;
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  const start = (entry: string) => {
    const started = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout?.on('data', collect);
    started.stderr?.on('data', collect);
    return started;
  };

  const url = `http://127.0.0.1:${port}`;
  let child = start(PREPARE_ENTRY);
  const stop = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await prepared(child, () => `(DATA_DIR ${dataDir}) …${output.slice(-4000)}`);
    child = start(SERVER_ENTRY);
    await waitForHealth(url, child, () => `(DATA_DIR ${dataDir}) …${output.slice(-4000)}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return serverFor(url, stop);
}

/**
 * The server started once for the project by e2e/global-setup.ts. Its stop() does nothing: the global
 * teardown stops it after the last file.
 */
export function useAppServer(): AppServer {
  const url = inject('appServerUrl');
  if (!url) throw new Error('No app server: run the web-e2e project (its globalSetup starts one)');
  return serverFor(url, async () => {});
}
