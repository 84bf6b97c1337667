// The built web app on the same port as the API. Hashed assets are immutable; index.html is not.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { body } from './errors.ts';

export async function registerStaticWeb(app: FastifyInstance, webDist: string) {
  const hasBuild = existsSync(resolve(webDist, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Any spelling of an API path that matched no route (`/%61pi/x`, `//api/x`, `/API/x`, `/api/x/`) and every
    // non-read request: a JSON 404, never the web page with 200 (a script would take that for an answer).
    if (spellsApiPath(request.url) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply
        .code(404)
        .send(
          body(
            404,
            'NOT_FOUND',
            `Alamat API tidak dikenal: ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`,
          ),
        );
    }
    if (!hasBuild) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Aplikasi web belum dibangun. Jalankan `pnpm start` (membangun web otomatis) atau `pnpm build`.');
    }
    // Assets of a build made after the server started (the static plugin lists files once, at start): a plain file
    // name under /assets/ only, so no path can leave the folder.
    const path = request.url.split('?')[0]!;
    if (/^\/assets\/[\w.-]+$/.test(path) && existsSync(resolve(webDist, `.${path}`))) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path.slice(1));
    }
    // Client-side routes (?wilayah=… and later paths) all load the single page.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

/**
 * Does a URL, however spelled, point under /api? Percent escapes decoded (also twice encoded), case ignored,
 * repeated slashes, backslashes and `.` segments folded. Only for choosing the kind of 404; access is decided
 * on the matched route (auth/access.ts).
 */
export function spellsApiPath(url: string): boolean {
  let path = url.split('?')[0]!;
  for (let i = 0; i < 3 && path.includes('%'); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      break;
    }
  }
  path = path
    .toLowerCase()
    .replace(/\\/g, '/')
    .replace(/\/(\.\/)+/g, '/')
    .replace(/\/{2,}/g, '/');
  return /^\/api(?![a-z0-9_-])/.test(path);
}
