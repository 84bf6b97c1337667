// Builds the Fastify app (plugins + routes). Never listens: tests call inject(), server.ts listens.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Database } from '@peta/db';
import { importsService } from '@peta/server-core';
import { DEFAULT_PDF_LIMITS, DEFAULT_TIMEOUTS, DEFAULT_UPLOAD_LIMITS, type Config } from './config.ts';
import { declarePluginAccess, registerAccess, sessionCache, type ReadAccess } from './auth/access.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { DOCS_CSP, registerSecurityHeaders } from './plugins/security-headers.ts';
import { uploads } from './plugins/uploads.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';
import { registerStaticWeb } from './plugins/static-web.ts';
import {
  chromiumPdfRenderer, exchangeService, meetingsCapability, pdfPrinter, profileService, rolloutCapability, valuesCapability, wilayahCapability, type PdfRenderer,
} from '@peta/server-core';
import { registerImmutableBytes } from './plugins/immutable-bytes.ts';
import { fasilitasRoutes } from './routes/fasilitas.ts';
import { gelombangRoutes } from './routes/gelombang.ts';
import { geometryRoutes } from './routes/geometry.ts';
import { tilesRoutes } from './routes/tiles.ts';
import { importRoutes } from './routes/imports.ts';
import { meetingsRoutes } from './routes/meetings.ts';
import { APP_VERSION, metaRoutes } from './routes/meta.ts';
import { puskesmasRoutes } from './routes/puskesmas.ts';
import { valuesRoutes } from './routes/values.ts';
import { exchangeRoutes } from './routes/exchange.ts';
import { wilayahKerjaRoutes } from './routes/wilayah-kerja.ts';
import { wilayahRoutes } from './routes/wilayah.ts';
import { parsePool } from './services/parse-pool.ts';

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'webDist'> & Partial<Pick<Config, 'readAccess' | 'cookieSecure' | 'trustProxy' | 'signInLimitPerMinute' | 'timeouts' | 'uploads' | 'pdf'>>;
  logger?: FastifyServerOptions['logger'];
  /** The clock for "period in the future" checks (tests fix it). */
  now?: () => Date;
  /** HTML → PDF for the meeting pack (default: the system Chromium, launched on first use). */
  pdf?: PdfRenderer;
  /** Sees every route as it is registered, before the access check does (the route access test swaps handlers for spies). */
  observeRoute?: (route: RouteOptions) => void;
  /** Start the parse workers when the app is ready, so the first upload does not wait for them (server: yes; tests: no). */
  warmParseWorkers?: boolean;
}

/** A proxy's x-request-id when it is a short safe token (it lands in every log line and the audit log), else a new one. */
export function requestId(request: IncomingMessage): string {
  const sent = request.headers['x-request-id'];
  return typeof sent === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(sent) ? sent : randomUUID();
}

export async function buildApp({ database, config, logger = false, now = () => new Date(), pdf = chromiumPdfRenderer(), observeRoute,
  warmParseWorkers = false }: AppOptions) {
  const timeouts = config.timeouts ?? DEFAULT_TIMEOUTS;
  // Request ids in every log line (pino); behind a reverse proxy TRUST_PROXY makes request.ip and https right.
  const app = Fastify({
    logger, trustProxy: config.trustProxy ?? false, requestIdHeader: false, genReqId: requestId,
    // Slow requests (a body one byte every few seconds) are cut when the whole request is late, not only when the
    // line goes quiet. Node checks the request/header deadlines every connectionsCheckingInterval (30 s by default).
    requestTimeout: timeouts.request, connectionTimeout: timeouts.idle, keepAliveTimeout: timeouts.keepAlive,
    http: { requestTimeout: timeouts.request, headersTimeout: Math.min(timeouts.headers, timeouts.request), connectionsCheckingInterval: 1000 },
    // One spelling per route (Fastify's defaults, written down because access tests depend on them): no case folding,
    // no trailing-slash or duplicate-slash variants; `;` is no delimiter either (useSemicolonDelimiter, default false,
    // missing from the router option types). Any other spelling matches nothing: a JSON 404 (route-access.test.ts).
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, ignoreDuplicateSlashes: false },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (observeRoute) app.addHook('onRoute', observeRoute);
  registerErrorHandling(app);
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
        description: 'Wilayah (kode Kemendagri), geometri, katalog indikator SPM/PWS, nilai per wilayah, impor data. Pesan galat dalam Bahasa Indonesia.',
      },
    },
  });
  await app.register(async (docs) => {
    declarePluginAccess(docs, 'read');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
  });
  // JSON lists compress well; geometry arrives pre-gzipped and is left alone (content-encoding is set).
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip'] });

  // Only routes that ask for it (sign-in) are rate-limited.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'TOO_MANY_REQUESTS', error: 'Too Many Requests',
      message: `Terlalu banyak permintaan. Coba lagi dalam ${Math.ceil(context.ttl / 1000)} detik.` }),
  });
  await app.register(authRoutes({ database, sessions, readAccess, cookieSecure: config.cookieSecure ?? 'auto',
    signInLimitPerMinute: config.signInLimitPerMinute ?? 30, now }));
  await app.register(userRoutes(database, sessions));

  // The use cases (@peta/server-core), built once on the database: one values service (and so one values cache) for
  // every route that reads values.
  const wilayah = wilayahCapability(database.db);
  const values = valuesCapability(database.db, wilayah, now);
  const rollout = rolloutCapability(database.db, { wilayah, values, now });
  const meetings = meetingsCapability(database.db, { wilayah, values, now, printer: pdfPrinter(pdf, config.pdf ?? DEFAULT_PDF_LIMITS) });
  const profiles = profileService(values.service, values.repository, { openActionsUnder: meetings.openActionsUnder, puskesmasValues: rollout.perPuskesmas.rows });

  // The health check asks the pool itself (no table, no query builder), so its error is the connection's own.
  const ping = async () => (await database.pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  // Geometry, tiles and wilayah kerja polygons: gzipped once, strong ETag, Cache-Control by the route's access.
  registerImmutableBytes(app, { readAccess });
  await app.register(metaRoutes(wilayah.repository, values.service, database.kind, ping, readAccess));
  await app.register(wilayahRoutes(wilayah.areas));
  await app.register(geometryRoutes(wilayah.areas, wilayah.geometry));
  await app.register(tilesRoutes(wilayah.geometry));
  await app.register(valuesRoutes({ values: values.service, areas: wilayah.areas, profiles, perPuskesmas: rollout.perPuskesmas }));
  await app.register(exchangeRoutes(exchangeService(values.service, wilayah.areas, now)));
  // Every uploaded file is read in the parse pool's worker threads, within the configured limits.
  const uploadLimits = config.uploads ?? DEFAULT_UPLOAD_LIMITS;
  const upload = uploads(parsePool(uploadLimits), uploadLimits);
  app.addHook('onClose', async () => upload.parsing.close());
  if (warmParseWorkers) app.addHook('onReady', async () => upload.parsing.warm());
  await app.register(importRoutes(importsService(database, { parse: upload.parsing.parseImport, previewCaps: uploadLimits.preview, now }), upload));
  await app.register(puskesmasRoutes({ areas: wilayah.areas, rollout, profiles }));
  await app.register(wilayahKerjaRoutes({ areas: wilayah.areas, rollout, uploads: upload }));
  await app.register(gelombangRoutes({ areas: wilayah.areas, rollout }));
  await app.register(fasilitasRoutes({ areas: wilayah.areas, rollout }));
  await app.register(meetingsRoutes(meetings));
  app.addHook('onClose', async () => pdf.close());
  await registerStaticWeb(app, config.webDist);
  return app;
}
