// Bytes that never change for their key — boundary geometry (the children of a wilayah, all desa of a kabupaten: per
// geometry version), vector tiles (per version and tile) and wilayah kerja polygons (per kabupaten and wilayah kerja
// stamp) — leave through ONE reply, `reply.sendBytes`:
//  - built once per key, gzipped once (level 9), kept in a least-recently-used cache bounded in bytes; tiles come
//    gzipped from the database already and are not kept (the database keeps them ready to send);
//  - a strong ETag (the bytes' hash; for bytes not kept, the key's), and 304 when the browser has them;
//  - Cache-Control by who may read the route (auth/access.ts shareable): `public` only when anyone may, else `private`;
//    `immutable` for a year when the URL carries the version, `no-cache` when the URL stays and the key changes;
//  - gzip to whoever accepts it, plain bytes to the others; 204 when there is nothing (a tile of sea).
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { shareable, type ReadAccess } from '../auth/access.ts';
import { etagOf, hasEtag } from './etag.ts';

export interface BytesReply {
  /** What the bytes are a pure function of (`children/{version}/{kode}`): same key, same bytes. */
  key: string;
  /** Content-Type. */
  type: string;
  /** 'immutable': the URL carries the version (cached for a year); 'revalidate': the URL stays while the key changes. */
  lifetime: 'immutable' | 'revalidate';
  /** The bytes; null when there are none (204). */
  build: () => Promise<Buffer | null>;
  /** The bytes come gzip-compressed already (stored vector tiles): sent as they are, not kept. */
  gzipped?: boolean;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Sends immutable bytes (see plugins/immutable-bytes.ts). */
    sendBytes(spec: BytesReply): Promise<FastifyReply>;
  }
}

interface Entry {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

const YEAR = 'max-age=31536000, immutable';

export function registerImmutableBytes(app: FastifyInstance, options: { readAccess: ReadAccess; maxBytes?: number }) {
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024;
  const kept = new Map<string, Entry>();
  let keptBytes = 0;

  function keep(key: string, entry: Entry) {
    kept.set(key, entry);
    keptBytes += entry.raw.length + entry.gzip.length;
    for (const [k, v] of kept) {
      if (keptBytes <= maxBytes) break;
      kept.delete(k);
      keptBytes -= v.raw.length + v.gzip.length;
    }
  }

  /** The entry of a key: from memory (now the most recently used), or built, gzipped and kept. */
  async function entryOf(spec: BytesReply): Promise<Entry | null> {
    const hit = kept.get(spec.key);
    if (hit) {
      kept.delete(spec.key);
      kept.set(spec.key, hit);
      return hit;
    }
    const raw = await spec.build();
    if (!raw) return null;
    const entry = { raw, gzip: gzipSync(raw, { level: 9 }), etag: etagOf(raw) };
    keep(spec.key, entry);
    return entry;
  }

  app.decorateReply('sendBytes', async function sendBytes(this: FastifyReply, spec: BytesReply) {
    const request = this.request;
    const access = request.routeOptions.config.access ?? 'read';
    const cacheControl =
      spec.lifetime === 'revalidate'
        ? 'no-cache'
        : `${shareable(access, options.readAccess) ? 'public' : 'private'}, ${YEAR}`;
    this.header('cache-control', cacheControl).header('vary', 'accept-encoding');
    const ifNoneMatch = request.headers['if-none-match'];
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

    if (spec.gzipped) {
      // Not kept: the key identifies the bytes, so a browser that has them is answered before the database is asked.
      const etag = etagOf(spec.key);
      this.header('etag', etag);
      if (hasEtag(ifNoneMatch, etag)) return this.code(304).send();
      const data = await spec.build();
      if (!data) return this.code(204).send();
      return gzip
        ? this.type(spec.type).header('content-encoding', 'gzip').send(data)
        : this.type(spec.type).send(gunzipSync(data));
    }

    const entry = await entryOf(spec);
    if (!entry) return this.code(204).send();
    this.header('etag', entry.etag).type(spec.type);
    if (hasEtag(ifNoneMatch, entry.etag)) return this.code(304).send();
    return gzip ? this.header('content-encoding', 'gzip').send(entry.gzip) : this.send(entry.raw);
  });
}
