// Builds the app on the test database; each test file gets its own app and closes it after.
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database } from '@peta/db';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import type { Role } from '@peta/domain';
import { createUser } from '@peta/server-core';
import { buildApp } from '../src/app.ts';
import type { PdfLimits, UploadLimits } from '../src/config.ts';
import type { PdfRenderer, ProtectRunner } from '@peta/server-core';

type App = Awaited<ReturnType<typeof buildApp>>;

export interface TestUser {
  username: string;
  /** Cookie and CSRF header of a signed-in session: spread into inject({ headers }). */
  headers: Record<string, string>;
}

let userSerial = 0;

/** Creates a user with this role and scope and signs them in through the real sign-in route. */
export async function signIn(
  app: App,
  database: Database,
  role: Role,
  scope: { kode?: string; puskesmas?: string } = {},
): Promise<TestUser> {
  const username = `uji-${role.replace('_', '-')}-${process.pid}-${++userSerial}`;
  const password = 'kata-sandi-uji-panjang';
  await createUser(database, {
    username,
    nama: username,
    role,
    scopeKode: scope.kode ?? '',
    scopePuskesmas: scope.puskesmas ?? null,
    password,
    createdBy: 'uji',
  });
  const res = await app.inject({ method: 'POST', url: '/api/auth/masuk', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'peta_sesi')!;
  return { username, headers: { cookie: `peta_sesi=${cookie.value}`, 'x-csrf-token': res.json().csrfToken } };
}

export interface AppTestOptions {
  /** The rules' version in values ETags (default: the sources' hash, as in production). */
  codeVersion?: string;
  readAccess?: 'public' | 'signed-in';
  signInLimitPerMinute?: number;
  trustProxy?: boolean;
  /** The clock (default: 2026-11-15, see buildTestApp). */
  now?: () => Date;
  /** Lowered limits (tests of hostile uploads and previews); default: the production defaults. */
  uploads?: UploadLimits;
  pdf?: PdfLimits;
  pdfRenderer?: PdfRenderer;
  /**
   * 'admin': reads (GET) made without a session cookie are made as the admin. Files that check the numbers as the
   * staff of an area see them use it: an anonymous reader sees the protected view (small counts hidden, issue 18),
   * which privacy.test.ts checks. Default: reads are anonymous.
   */
  readAs?: 'admin';
  /** Where the privacy protection runs (default: the app's worker thread); a test counting its jobs passes its own. */
  protectRunner?: ProtectRunner;
}

/**
 * The app as the tests build it, on an open database (also for files that need a second app with other limits).
 * A fixed clock: the fixtures hold 2026 data, and "a period in the future" must not depend on the machine's date.
 * Reads are public here (most files test what is read); files about access use 'signed-in'. Writes always need a
 * session.
 */
export function buildTestApp(database: Database, options: AppTestOptions = {}) {
  return buildApp({
    database,
    // The per-address count is kept in the database and every test file signs in from 127.0.0.1: no limit by default.
    config: {
      webDist: '/nonexistent',
      readAccess: options.readAccess ?? 'public',
      signInLimitPerMinute: options.signInLimitPerMinute ?? 1_000_000,
      trustProxy: options.trustProxy ?? false,
      uploads: options.uploads,
      pdf: options.pdf,
      // Tests compare exact protected answers: never the deny-by-default one of a slow (shared) machine.
      privacyWaitMs: 120_000,
    },
    now: options.now ?? (() => new Date('2026-11-15T12:00:00Z')),
    ...(options.pdfRenderer ? { pdf: options.pdfRenderer } : {}),
    ...(options.protectRunner ? { protectRunner: options.protectRunner } : {}),
    ...(options.codeVersion ? { codeVersion: options.codeVersion } : {}),
  });
}

export function useApp(seed?: (database: Database) => Promise<void>, options: AppTestOptions = {}) {
  const ctx = {} as { app: App; database: Database; admin: TestUser };
  beforeAll(async () => {
    ctx.database = await openDatabase({ databaseUrl: inject('databaseUrl') });
    await seed?.(ctx.database);
    ctx.app = await buildTestApp(ctx.database, options);
    ctx.admin = await signIn(ctx.app, ctx.database, 'admin'); // may do everything
    if (options.readAs === 'admin') readAsAdmin(ctx.app, ctx.admin);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  return ctx;
}

/** GET requests without a cookie get the admin's (AppTestOptions.readAs). */
function readAsAdmin(app: App, admin: TestUser) {
  const raw = app.inject.bind(app) as (options: unknown) => unknown;
  const withAdmin = (options: unknown) => {
    type Options = { method?: string; url?: string; headers?: Record<string, string> };
    const o: Options = typeof options === 'string' ? { method: 'GET', url: options } : (options as Options);
    const method = (o.method ?? 'GET').toUpperCase();
    if (method !== 'GET' || o.headers?.cookie) return raw(o);
    return raw({ ...o, headers: { ...o.headers, cookie: admin.headers.cookie } });
  };
  (app as { inject: unknown }).inject = withAdmin;
}

/** Responses must match the published contract, not only serialise through it. */
export function expectSchema(schema: TSchema, value: unknown) {
  const errors = [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`);
  if (errors.length) throw new Error(`Response does not match schema:\n${errors.slice(0, 5).join('\n')}`);
  // Nothing beyond the schema either: some answers are sent with JSON.stringify (routes/values.ts), not filtered by it.
  const extra = JSON.stringify(Value.Clean(schema, Value.Clone(value))) !== JSON.stringify(value);
  if (extra) throw new Error('Response holds properties the schema does not declare.');
}

/** Empties meetings and the roll-out tables (files that seed their own puskesmas start from here). */
export async function clearMeetingsAndRollout({ pool }: Database) {
  await pool.query(`delete from meeting_action_change; delete from meeting_action; delete from meeting_note; delete from meeting;
    delete from ilp_wave_member; delete from ilp_wave; delete from ilp_stage; delete from readiness_answer; delete from pustu; delete from posyandu;
    delete from puskesmas_wilayah; delete from puskesmas; delete from rollout_event`);
}

/** Accounts pointing at a puskesmas block the next file's clearing of the puskesmas table: a file that made some drops them. */
export async function dropPuskesmasUsers({ pool }: Database) {
  await pool.query(`delete from app_session where user_id in (select id from app_user where scope_puskesmas is not null);
    delete from audit_log where user_id in (select id from app_user where scope_puskesmas is not null);
    delete from app_user where scope_puskesmas is not null`);
}
