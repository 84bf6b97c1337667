// Builds the Fastify app (plugins + routes). Never listens: tests call inject(), server.ts listens.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyReply, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Database } from '@peta/db';
import { gridService, importsService } from '@peta/server-core';
import {
  DEFAULT_PDF_LIMITS,
  DEFAULT_PRIVACY_WAIT_MS,
  DEFAULT_TIMEOUTS,
  DEFAULT_UPLOAD_LIMITS,
  type Config,
} from './config.ts';
import { declarePluginAccess, registerAccess, sessionCache, type ReadAccess } from './auth/access.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { databaseRateLimitStore } from './plugins/rate-limit-store.ts';
import { DOCS_CSP, registerSecurityHeaders } from './plugins/security-headers.ts';
import { uploads } from './plugins/uploads.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';
import { registerStaticWeb } from './plugins/static-web.ts';
import {
  chromiumPdfRenderer,
  exchangeService,
  meetingsCapability,
  pdfPrinter,
  privacyCapability,
  privacyWorkerPool,
  type ProtectRunner,
  profileService,
  readerView,
  rolloutCapability,
  valuesCapability,
  wilayahCapability,
  type PdfRenderer,
} from '@peta/server-core';
import { DEFAULT_SMALL_CELL_THRESHOLD } from '@peta/domain';
import type { FastifyRequest } from 'fastify';
import { registerImmutableBytes } from './plugins/immutable-bytes.ts';
import { registerOldNames } from './plugins/old-names.ts';
import { fasilitasRoutes } from './routes/fasilitas.ts';
import { gelombangRoutes } from './routes/gelombang.ts';
import { geometryRoutes } from './routes/geometry.ts';
import { tilesRoutes } from './routes/tiles.ts';
import { importRoutes } from './routes/imports.ts';
import { gridRoutes } from './routes/imports-grid.ts';
import { importProfileRoutes } from './routes/import-profiles.ts';
import { meetingsRoutes } from './routes/meetings.ts';
import { APP_VERSION, metaRoutes } from './routes/meta.ts';
import { puskesmasRoutes } from './routes/puskesmas.ts';
import { valuesRoutes } from './routes/values.ts';
import { exchangeRoutes } from './routes/exchange.ts';
import { wilayahKerjaRoutes } from './routes/wilayah-kerja.ts';
import { wilayahRoutes } from './routes/wilayah.ts';
import { parsePool } from './services/parse-pool.ts';
import { codeVersion } from './code-version.ts';

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'webDist'> &
    Partial<
      Pick<
        Config,
        | 'readAccess'
        | 'cookieSecure'
        | 'trustProxy'
        | 'signInLimitPerMinute'
        | 'timeouts'
        | 'uploads'
        | 'pdf'
        | 'smallCellThreshold'
        | 'privacyWaitMs'
      >
    >;
  logger?: FastifyServerOptions['logger'];
  /** The clock for "period in the future" checks (tests fix it). */
  now?: () => Date;
  /** HTML → PDF for the meeting pack (default: the system Chromium, launched on first use). */
  pdf?: PdfRenderer;
  /** Sees every route as it is registered, before the access check does (the route access test swaps handlers for spies). */
  observeRoute?: (route: RouteOptions) => void;
  /** Where the privacy protection runs (default: one worker thread); the tests count its jobs with their own. */
  protectRunner?: ProtectRunner;
  /**
   * When the app is ready, start the parse workers and read what the values path keeps (every wilayah, its prepared
   * statements on each pooled connection), so neither the first upload nor the first answer waits for them (server:
   * yes; tests: no).
   */
  warm?: boolean;
  /** Part of every values ETag (default: `codeVersion()`, BUILD_ID or a hash of the sources): a new rule, a new ETag. */
  codeVersion?: string;
}

/** A proxy's x-request-id when it is a short safe token (it lands in every log line and the audit log), else a new one. */
export function requestId(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(sent) ? sent : randomUUID();
}

/**
 * One log line per request, when it is answered: method, path, status, time and request id (Fastify's default writes a
 * second line as each request arrives). A pino line costs a serialization and a synchronous write to stdout; on
 * 2 cores the arrival line was a measurable part of a small answer's CPU (a map view asks for many). A request that
 * fails is logged with its error as before.
 */
class AnsweredRequestLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function buildApp({
  database,
  config,
  logger = false,
  now = () => new Date(),
  pdf = chromiumPdfRenderer(),
  observeRoute,
  warm = false,
  protectRunner: givenRunner,
  codeVersion: code = codeVersion(),
}: AppOptions) {
  const timeouts = config.timeouts ?? DEFAULT_TIMEOUTS;
  // Request ids in every log line (pino); behind a reverse proxy TRUST_PROXY makes request.ip and https right.
  const app = Fastify({
    logger,
    logController: new AnsweredRequestLog(),
    trustProxy: config.trustProxy ?? false,
    requestIdHeader: false,
    genReqId: requestId,
    // Slow requests (a body one byte every few seconds) are cut when the whole request is late, not only when the
    // line goes quiet. Node checks the request/header deadlines every connectionsCheckingInterval (30 s by default).
    requestTimeout: timeouts.request,
    connectionTimeout: timeouts.idle,
    keepAliveTimeout: timeouts.keepAlive,
    http: {
      requestTimeout: timeouts.request,
      headersTimeout: Math.min(timeouts.headers, timeouts.request),
      connectionsCheckingInterval: 1000,
    },
    // One spelling per route (Fastify's defaults, written down because access tests depend on them): no case folding,
    // no trailing-slash or duplicate-slash variants; `;` is no delimiter either (useSemicolonDelimiter, default false,
    // missing from the router option types). Any other spelling matches nothing: a JSON 404 (route-access.test.ts).
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, ignoreDuplicateSlashes: false },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (observeRoute) app.addHook('onRoute', observeRoute);
  registerErrorHandling(app);
  // Old API paths and query parameters (before the one vocabulary) answer as the new ones; before access, which must see them.
  registerOldNames(app);
  registerSecurityHeaders(app);
  const readAccess: ReadAccess = config.readAccess ?? 'signed-in';
  // Cookies first (the access hook reads the session cookie), then access: its onRoute hook must see every route.
  await app.register(cookie);
  const sessions = sessionCache(database);
  registerAccess(app, { sessions, readAccess, database });
  // OpenAPI description from the route schemas (/api/docs/json) and a browsable UI (/api/docs), served from the
  // package's own files: no CDN. It describes every route, so it follows the read policy like the data.
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Peta Situasi Kesehatan Desa — API',
        version: APP_VERSION,
        description:
          'Wilayah (kode Kemendagri), geometri, katalog indikator SPM/PWS, nilai per wilayah, impor data. Pesan galat dalam Bahasa Indonesia.',
      },
    },
  });
  await app.register(async (docs) => {
    declarePluginAccess(docs, 'read');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
  });
  // JSON lists compress well; geometry arrives pre-gzipped and is left alone (content-encoding is set).
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip'] });

  // Only routes that ask for it (sign-in) are rate-limited; counted in the database, for every API process at once.
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(database),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'TOO_MANY_REQUESTS',
      error: 'Too Many Requests',
      message: `Terlalu banyak permintaan. Coba lagi dalam ${Math.ceil(context.ttl / 1000)} detik.`,
    }),
  });
  await app.register(
    authRoutes({
      database,
      sessions,
      readAccess,
      cookieSecure: config.cookieSecure ?? 'auto',
      signInLimitPerMinute: config.signInLimitPerMinute ?? 30,
      now,
    }),
  );
  await app.register(userRoutes(database, sessions));

  // The use cases (@peta/server-core), built once on the database: one values service (and so one values cache) per
  // database handle. Writers, and what they read before writing (an agenda, a planner's proposal, a scope check), use
  // the primary; the GET routes of wilayah, geometry, tiles, values and profiles read through `database.read` — the
  // replica of DATABASE_READ_URL, which may lag the primary by its replay delay, or the primary itself when there is
  // none (then both are the same objects). Every cache of these services is keyed by a version read from the same
  // handle as the data, so a lagging replica never mixes a newer key with older rows.
  const wilayah = wilayahCapability(database.db);
  const values = valuesCapability(database.db, wilayah, now, database.genericPlanPool);
  const readWilayah = database.read === database.db ? wilayah : wilayahCapability(database.read);
  const readValues =
    database.read === database.db
      ? values
      : valuesCapability(database.read, readWilayah, now, database.readGenericPlanPool ?? database.genericPlanPool);
  // The values path's wilayah and prepared statements, read before the server says it is ready (server.ts: warm).
  if (warm)
    app.addHook('onReady', async () => {
      await readValues.service.warm().catch((error) => app.log.warn({ err: error }, 'values warm-up failed'));
    });
  const rollout = rolloutCapability(database.db, { wilayah, values, now });
  const meetings = meetingsCapability(database.db, {
    wilayah,
    values,
    now,
    printer: pdfPrinter(pdf, config.pdf ?? DEFAULT_PDF_LIMITS),
  });
  // Small counts stay private (issue 18): every answer with counts goes through the reader's view after the values
  // service (whose caches stay per answer); the profile is assembled from the reader's masked rows. The protection is
  // computed through the read handle, from the same rows (and versions) as the answers of the GET routes it masks.
  // protectYear runs in one worker thread, never on the event loop: the first national map of a pembaca computes a
  // table per kabupaten, which in process stalled every other request for tens of seconds. A reader waits at most 2 s
  // for a table (PRIVACY_WAIT_MS); past that (or with the queue full) the kabupaten's small areas are answered hidden.
  const protectRunner = givenRunner ?? privacyWorkerPool({ queue: 2000, timeoutMs: 60_000 });
  protectRunner.warm();
  const privacy = privacyCapability(database.read, {
    values: readValues,
    threshold: config.smallCellThreshold ?? DEFAULT_SMALL_CELL_THRESHOLD,
    runner: protectRunner,
    maxWaitMs: config.privacyWaitMs ?? DEFAULT_PRIVACY_WAIT_MS,
  });
  app.addHook('onClose', async () => privacy.close());
  // Write-time warm-up: once an import, an undo or a saved isian has landed, the tables it touched are protected for
  // readers outside in the background at once (the worker serves waiting readers first), so those readers see the
  // kabupaten hidden for less time than when the first request starts the work. The first call sets the baseline.
  const LANDS_DATA = new Set([
    '/api/impor/:id/simpan',
    '/api/impor/:id/batalkan',
    '/api/impor/isian',
    '/api/imports/:id/commit',
    '/api/imports/:id/undo',
    '/api/imports/grid',
  ]);
  void privacy.warmNewLoads().catch(() => undefined);
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method === 'POST' && reply.statusCode < 300 && LANDS_DATA.has(request.routeOptions.url ?? ''))
      void privacy.warmNewLoads().catch((error) => request.log.warn({ err: error }, 'privacy warm-up failed'));
    done();
  });
  const viewOf = (request: FastifyRequest) =>
    readerView(
      { privacy, values: readValues.service, perPuskesmas: rollout.perPuskesmas },
      request.auth?.actor ?? null,
    );
  const profilesOf = (request: FastifyRequest) => {
    const view = viewOf(request);
    return profileService(view, readValues.repository, {
      openActionsUnder: meetings.openActionsUnder,
      puskesmasValues: view.puskesmasRows,
    });
  };

  // The health check asks the pools themselves (no table, no query builder), so its error is the connection's own;
  // with a replica, a replica that is away makes the process unhealthy too (its reads would fail).
  const ping = async () => {
    if (database.readPool) await database.readPool.query('SELECT 1');
    return (await database.pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  };
  // Geometry, tiles and wilayah kerja polygons: gzipped once, strong ETag, Cache-Control by the route's access.
  registerImmutableBytes(app, { readAccess });
  await app.register(metaRoutes(readWilayah.repository, readValues.service, database.kind, ping, readAccess));
  await app.register(wilayahRoutes(readWilayah.areas));
  await app.register(geometryRoutes(readWilayah.areas, readWilayah.geometry));
  await app.register(tilesRoutes(readWilayah.geometry));
  await app.register(
    valuesRoutes({ values: readValues.service, areas: readWilayah.areas, viewOf, profilesOf, codeVersion: code }),
  );
  // Exports (GET only) read values like the map: through the read handle.
  await app.register(exchangeRoutes(exchangeService(readValues.service, readWilayah.areas, now)));
  // Every uploaded file is read in the parse pool's worker threads, within the configured limits.
  const uploadLimits = config.uploads ?? DEFAULT_UPLOAD_LIMITS;
  const upload = uploads(parsePool(uploadLimits), uploadLimits);
  app.addHook('onClose', async () => upload.parsing.close());
  if (warm) app.addHook('onReady', async () => upload.parsing.warm());
  const imports = importsService(database, {
    parse: upload.parsing.parseImport,
    previewCaps: uploadLimits.preview,
    now,
  });
  await app.register(importRoutes(imports, upload));
  await app.register(importProfileRoutes(imports));
  await app.register(gridRoutes(gridService(database, { now })));
  await app.register(puskesmasRoutes({ areas: wilayah.areas, rollout, viewOf, profilesOf }));
  await app.register(wilayahKerjaRoutes({ areas: wilayah.areas, rollout, uploads: upload }));
  await app.register(gelombangRoutes({ areas: wilayah.areas, rollout, viewOf }));
  await app.register(fasilitasRoutes({ areas: wilayah.areas, rollout }));
  await app.register(meetingsRoutes(meetings, viewOf));
  app.addHook('onClose', async () => pdf.close());
  await registerStaticWeb(app, config.webDist);
  return app;
}
