// Streaming reader for the upstream SQL dumps of cahyadsn/wilayah_boundaries:
//   /* licence */  DELETE FROM wilayah_boundaries WHERE …;
//   INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('11','Aceh',4.2,96.9,'[[[lat,lng],…]]'),(…);
// `path` holds GeoJSON *coordinates* with [lat, lng] pairs; we return proper GeoJSON ([lng, lat]).
// Files are read as `.sql` or `.sql.gz` (gunzipped on the fly, never unpacked to disk).
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface UpstreamRecord {
  kode: string;
  nama: string;
  /** Centroid computed upstream (may lie outside the polygon). */
  lat: number | null;
  lng: number | null;
  /** [lng, lat] GeoJSON; null when the path is empty. */
  geometry: Polygon | MultiPolygon | null;
  /** Line of the tuple in its file (1-based), for messages. */
  line: number;
}

export interface ParseOptions {
  /** Name used in error messages (usually the file path). */
  file: string;
}

/** Open an upstream file as a byte stream; `.gz` files are gunzipped while reading. */
export function openUpstreamFile(path: string): AsyncIterable<Buffer> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!path.endsWith('.gz')) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/** Parse one upstream file (`.sql` or `.sql.gz`). */
export function readUpstreamFile(path: string): AsyncGenerator<UpstreamRecord> {
  return parseUpstreamSql(openUpstreamFile(path), { file: path });
}

class NeedMore extends Error {}
const NEED_MORE = new NeedMore('need more input');

class ParseError extends Error {
  constructor(
    readonly at: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

type SqlValue = string | number | null;

/**
 * Async iterator over the rows of every `INSERT INTO … VALUES` statement of an upstream dump.
 * Comments (`/* *\/`, `-- `, `#`) and other statements (DELETE, SET, …) are skipped.
 * A malformed tuple throws an Error naming the file and the line (in Bahasa Indonesia).
 */
export async function* parseUpstreamSql(
  input: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ParseOptions,
): AsyncGenerator<UpstreamRecord> {
  const file = options.file;
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let pos = 0;
  let line = 1; // line number at `pos`
  let eof = false;
  /** Buffer length at which a NEED_MORE retry makes sense (amortises re-scanning of huge tuples). */
  let wantLength = 0;
  // Parser state between items.
  let state: 'top' | 'values' | 'afterTuple' = 'top';
  let columns: string[] = [];

  const iterator = (async function* () {
    for await (const chunk of input) yield chunk;
  })();

  const fail = (at: number, detail: string): never => {
    throw new ParseError(at, detail);
  };
  const lineAt = (at: number) => {
    // Count in a slice (cheap in V8) so a long line is not rescanned to its end on every step.
    const segment = buf.slice(pos, at);
    let n = line;
    let i = segment.indexOf('\n');
    while (i !== -1) {
      n++;
      i = segment.indexOf('\n', i + 1);
    }
    return n;
  };
  const advance = (to: number) => {
    line = lineAt(to);
    pos = to;
  };
  const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
  const skipSpace = (i: number) => {
    while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
    if (i >= buf.length && !eof) throw NEED_MORE;
    return i;
  };
  /** Index just past the closing quote of the SQL string starting at `i` (a quote). */
  const readString = (i: number): [string, number] => {
    let out = '';
    let start = i + 1;
    for (;;) {
      const q = buf.indexOf("'", start);
      if (q === -1) {
        if (!eof) throw NEED_MORE;
        return fail(i, 'teks tidak ditutup dengan tanda kutip');
      }
      if (q + 1 >= buf.length && !eof) throw NEED_MORE;
      out += buf.slice(start, q);
      if (buf.charCodeAt(q + 1) === 39) {
        out += "'";
        start = q + 2;
        continue;
      }
      // Backslash escapes (MySQL) are not used upstream; keep a literal backslash-quote readable anyway.
      return [out.includes('\\') ? unescapeBackslashes(out) : out, q + 1];
    }
  };
  /** Skip to just past the `;` that ends the current statement (outside quotes). */
  const skipStatement = (i: number) => {
    for (;;) {
      const semi = buf.indexOf(';', i);
      const quote = buf.indexOf("'", i);
      if (quote !== -1 && (semi === -1 || quote < semi)) {
        i = readString(quote)[1];
        continue;
      }
      if (semi === -1) {
        if (!eof) throw NEED_MORE;
        return buf.length;
      }
      return semi + 1;
    }
  };
  const readValue = (i: number): [SqlValue, number] => {
    const c = buf.charCodeAt(i);
    if (c === 39) return readString(i);
    let j = i;
    while (j < buf.length) {
      const d = buf.charCodeAt(j);
      if (d === 44 || d === 41 || isSpace(d)) break; // , )
      j++;
    }
    if (j >= buf.length && !eof) throw NEED_MORE;
    const word = buf.slice(i, j);
    if (/^null$/i.test(word)) return [null, j];
    if (word === '' || !Number.isFinite(Number(word))) {
      return fail(i, `nilai tidak dikenal "${word.slice(0, 40) || buf.slice(i, i + 1)}"`);
    }
    return [Number(word), j];
  };
  /** Parse one `( v, v, … )` tuple starting at `i` (an opening parenthesis). */
  const readTuple = (i: number): [SqlValue[], number] => {
    const values: SqlValue[] = [];
    i = skipSpace(i + 1);
    if (buf.charCodeAt(i) === 41) return [values, i + 1];
    for (;;) {
      const [value, next] = readValue(i);
      values.push(value);
      i = skipSpace(next);
      const c = buf.charCodeAt(i);
      if (c === 44) {
        i = skipSpace(i + 1);
        continue;
      }
      if (c === 41) return [values, i + 1];
      if (i >= buf.length) return fail(i, 'berkas berakhir di tengah tuple');
      return fail(i, `diharapkan "," atau ")" tetapi ditemukan "${buf[i]}"`);
    }
  };

  /** Try to produce the next record; returns null at the end of the input. Throws NEED_MORE. */
  const step = (): UpstreamRecord | 'skip' | null => {
    if (state === 'top') {
      let i = pos;
      while (i < buf.length && isSpace(buf.charCodeAt(i))) i++;
      if (i >= buf.length) {
        if (!eof) throw NEED_MORE;
        advance(i);
        return null;
      }
      if (buf.startsWith('/*', i)) {
        const end = buf.indexOf('*/', i + 2);
        if (end === -1) {
          if (!eof) throw NEED_MORE;
          return fail(i, 'komentar /* tidak ditutup */');
        }
        advance(end + 2);
        return 'skip';
      }
      if (buf.startsWith('--', i) || buf.charCodeAt(i) === 35) {
        const end = buf.indexOf('\n', i);
        if (end === -1 && !eof) throw NEED_MORE;
        advance(end === -1 ? buf.length : end + 1);
        return 'skip';
      }
      if (buf.length - i < 12 && !eof) throw NEED_MORE;
      if (/^insert\s/i.test(buf.slice(i, i + 7))) {
        const head = /^INSERT\s+INTO\s+`?(\w+)`?\s*\(([^)]*)\)\s*VALUES\s*/i.exec(buf.slice(i, i + 4096));
        if (!head) {
          if (buf.length - i < 4096 && !eof) throw NEED_MORE;
          return fail(i, 'perintah INSERT tidak dikenali (diharapkan INSERT INTO nama(kolom,…) VALUES)');
        }
        if (i + head[0].length >= buf.length && !eof) throw NEED_MORE;
        columns = head[2]!.split(',').map((c) => c.trim().replace(/`/g, '').toLowerCase());
        for (const needed of ['kode', 'nama', 'path']) {
          if (!columns.includes(needed)) fail(i, `kolom "${needed}" tidak ada di perintah INSERT`);
        }
        advance(i + head[0].length);
        state = 'values';
        return 'skip';
      }
      // Any other statement (DELETE, SET, LOCK, …): skip it whole.
      advance(skipStatement(i));
      return 'skip';
    }
    const i = skipSpace(pos);
    if (state === 'afterTuple') {
      const c = buf.charCodeAt(i);
      if (c === 44) {
        advance(i + 1);
        state = 'values';
        return 'skip';
      }
      if (c === 59 || i >= buf.length) {
        advance(Math.min(i + 1, buf.length));
        state = 'top';
        return 'skip';
      }
      return fail(i, `diharapkan "," atau ";" setelah tuple tetapi ditemukan "${buf[i]}"`);
    }
    // state === 'values'
    if (buf.charCodeAt(i) !== 40) {
      if (i >= buf.length) return fail(i, 'berkas berakhir setelah VALUES');
      return fail(i, `diharapkan "(" di awal tuple tetapi ditemukan "${buf[i]}"`);
    }
    const [values, end] = readTuple(i);
    advance(i); // line of the tuple's opening parenthesis
    const record = toRecord(values, columns, line, (detail) => fail(i, detail));
    advance(end);
    state = 'afterTuple';
    return record;
  };

  try {
    for (;;) {
      if (!eof && buf.length - pos < wantLength) {
        const chunk = await iterator.next();
        if (chunk.done) {
          buf += decoder.decode();
          eof = true;
        } else {
          buf += typeof chunk.value === 'string' ? chunk.value : decoder.decode(chunk.value, { stream: true });
        }
        continue;
      }
      let result: UpstreamRecord | 'skip' | null;
      try {
        result = step();
      } catch (error) {
        if (error !== NEED_MORE) throw error;
        // Drop what is consumed, then read until the unconsumed text has doubled before retrying.
        buf = buf.slice(pos);
        pos = 0;
        wantLength = buf.length * 2 + 1;
        continue;
      }
      wantLength = 0;
      if (result === null) return;
      if (result !== 'skip') yield result;
    }
  } catch (error) {
    if (error instanceof ParseError) {
      throw new Error(`${basename(file)} baris ${lineAt(error.at)}: ${error.detail} (berkas ${file})`, {
        cause: error,
      });
    }
    if (error instanceof Error && !error.message.includes(file)) {
      throw new Error(`Gagal membaca ${file}: ${error.message}`, { cause: error });
    }
    throw error;
  } finally {
    await iterator.return?.();
  }
}

function unescapeBackslashes(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function toRecord(
  values: SqlValue[],
  columns: string[],
  line: number,
  fail: (detail: string) => never,
): UpstreamRecord {
  if (values.length !== columns.length) {
    fail(`tuple berisi ${values.length} nilai, padahal ada ${columns.length} kolom (${columns.join(',')})`);
  }
  const get = (name: string) => values[columns.indexOf(name)];
  const kode = get('kode');
  const nama = get('nama');
  if (typeof kode !== 'string' || !/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(kode)) {
    fail(`kode wilayah tidak sah: ${JSON.stringify(kode)}`);
  }
  if (typeof nama !== 'string') fail(`nama wilayah ${kode} bukan teks`);
  const lat = columns.includes('lat') ? get('lat') : null;
  const lng = columns.includes('lng') ? get('lng') : null;
  if (lat !== null && typeof lat !== 'number') fail(`lat wilayah ${kode} bukan angka`);
  if (lng !== null && typeof lng !== 'number') fail(`lng wilayah ${kode} bukan angka`);
  const path = get('path');
  if (path !== null && typeof path !== 'string') fail(`path wilayah ${kode} bukan teks JSON`);
  let geometry: Polygon | MultiPolygon | null = null;
  try {
    geometry = parsePath(path as string | null);
  } catch (error) {
    fail(`path wilayah ${kode} tidak sah: ${(error as Error).message}`);
  }
  return {
    kode: kode as string,
    nama: (nama as string).trim(),
    lat: lat as number | null,
    lng: lng as number | null,
    geometry,
    line,
  };
}

/**
 * Upstream `path` (JSON coordinates with [lat, lng] pairs) → GeoJSON geometry with [lng, lat].
 * Depth 3 (`[[[a,b],…]]`) is a Polygon, depth 4 a MultiPolygon; a bare ring (depth 2) is read as a Polygon.
 * Empty, `[]` or `null` → null.
 */
export function parsePath(path: string | null): Polygon | MultiPolygon | null {
  if (path === null) return null;
  const text = path.trim();
  if (text === '' || text === '[]' || text === 'null') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('bukan JSON yang sah');
  }
  if (!Array.isArray(value)) throw new Error('bukan larik koordinat');
  if (value.length === 0) return null;
  const depth = depthOf(value);
  if (depth === 2) return { type: 'Polygon', coordinates: [swapRing(value)] };
  if (depth === 3) return { type: 'Polygon', coordinates: value.map(swapRing) };
  if (depth === 4) {
    const parts = value.map((polygon: unknown) => {
      if (!Array.isArray(polygon)) throw new Error('bagian MultiPolygon bukan larik');
      return polygon.map(swapRing);
    });
    return { type: 'MultiPolygon', coordinates: parts };
  }
  throw new Error(`kedalaman larik ${depth} tidak dikenal (3 = Polygon, 4 = MultiPolygon)`);
}

function depthOf(value: unknown): number {
  let depth = 0;
  let v = value;
  while (Array.isArray(v)) {
    depth++;
    v = v[0];
  }
  if (typeof v !== 'number') throw new Error('larik kosong atau berisi bukan angka');
  return depth;
}

function swapRing(ring: unknown): Position[] {
  if (!Array.isArray(ring)) throw new Error('cincin bukan larik');
  const out: Position[] = new Array(ring.length);
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as unknown;
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
      throw new Error(`titik ke-${i + 1} bukan pasangan [lat, lng]`);
    }
    const lat = p[0];
    const lng = p[1];
    if (!(lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180)) {
      throw new Error(`titik ke-${i + 1} di luar jangkauan: [${lat}, ${lng}]`);
    }
    out[i] = [lng, lat];
  }
  return out;
}
