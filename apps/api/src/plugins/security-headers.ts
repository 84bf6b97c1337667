// Security headers on every answer Fastify sends (issue 14): the browser refuses to run what the app did not ship,
// to frame the app (clickjacking), to guess content types, and to leak URLs (which carry wilayah and periods) to
// other sites. A route with needs of its own (the printable meeting pack) sets its own policy first.
import type { FastifyInstance } from 'fastify';

/** The optional online basemap (apps/web/src/map/base-style.ts OSM_SOURCE), off unless the user turns it on. */
const OSM_TILES = 'https://tile.openstreetmap.org';

/**
 * The web app: scripts and styles only from its own files (the Vite build has no inline script or <style>; React and
 * MapLibre set styles through the DOM, which CSP allows); MapLibre's worker is a file of the build, `blob:` is kept
 * for MapLibre versions that build it from a blob; images include the PNG export (blob:) and the data: favicon; data
 * comes from this server, basemap tiles (fetched by MapLibre) from OpenStreetMap. Checked in headless Chromium: sign-in,
 * map, drill-down, the OSM basemap switch, meetings — no violation.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: blob: ${OSM_TILES}`,
  "font-src 'self'",
  `connect-src 'self' ${OSM_TILES}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API description page (@fastify/swagger-ui): its bundle adds one <style> element at run time. */
export const DOCS_CSP = APP_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** JSON, GeoJSON, CSV, spreadsheets: nothing to run or load, and never inside a frame. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The meeting pack as HTML: self-contained, its styles inline, no script at all. */
export const PACK_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function registerSecurityHeaders(app: FastifyInstance) {
  // A callback hook, not an async one: it runs on every answer, and an async hook costs a promise and a turn of the
  // microtask queue per answer (as do the other hooks on the GET path: values.ts, access.ts, old-names.ts, app.ts).
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    // frame-ancestors for current browsers, X-Frame-Options for the others.
    reply.header('x-frame-options', 'DENY');
    // 'same-origin', not 'no-referrer': with no-referrer a browser sends `Origin: null` on its own POSTs, which the
    // cross-site check (auth/access.ts) must refuse.
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    // A 304 has no body and no content type: a policy on it would replace the cached page's own (browsers update the
    // stored headers from a 304), and a reloaded page would then run under the data policy, blank.
    if (!reply.hasHeader('content-security-policy') && reply.statusCode !== 304) {
      const type = String(reply.getHeader('content-type') ?? '');
      // Scripts get the app's policy too: a worker (MapLibre's) runs under the policy of its own script's answer.
      // A PDF is shown by the browser's viewer inside a document of its own making: a CSP without object-src would
      // blank it, so a PDF only says it may not be framed.
      const csp = /^(text\/html|text\/javascript|application\/javascript)/.test(type)
        ? APP_CSP
        : type.startsWith('application/pdf')
          ? "frame-ancestors 'none'"
          : DATA_CSP;
      reply.header('content-security-policy', csp);
    }
    // Over https (directly, or behind TRUST_PROXY), tell the browser to stay on https.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=15552000');
    done(null, payload);
  });
}
