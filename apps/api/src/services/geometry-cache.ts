// Geometry is immutable per geometry version, so a children FeatureCollection is built once (string
// concatenation of the stored GeoJSON, no parse), gzipped once, and kept in memory.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { WilayahRepository } from '../repositories/wilayah-repository.ts';

export interface GeometryPayload {
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

export function geometryCache(repo: WilayahRepository, maxBytes = 200 * 1024 * 1024) {
  const cache = new Map<string, GeometryPayload>();
  let bytes = 0;

  async function build(parent: string | null): Promise<GeometryPayload> {
    const rows = await repo.childGeometries(parent);
    const features = rows.map((r) =>
      `{"type":"Feature","properties":{"kode":${JSON.stringify(r.kode)},"nama":${JSON.stringify(r.nama)}},"geometry":${r.geojson}}`);
    const raw = Buffer.from(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    const etag = `"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`;
    return { raw, gzip: gzipSync(raw, { level: 9 }), etag };
  }

  return {
    async get(version: string, parent: string | null): Promise<GeometryPayload> {
      const key = `${version}/${parent ?? ''}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key); // LRU: re-insert as newest
        cache.set(key, hit);
        return hit;
      }
      const payload = await build(parent);
      cache.set(key, payload);
      bytes += payload.raw.length + payload.gzip.length;
      for (const [k, v] of cache) {
        if (bytes <= maxBytes) break;
        cache.delete(k);
        bytes -= v.raw.length + v.gzip.length;
      }
      return payload;
    },
  };
}
