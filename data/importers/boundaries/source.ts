// Where the upstream boundary files (cahyadsn/wilayah_boundaries, folder db/) come from:
//   1. BOUNDARIES_DIR (passed in as boundariesDir): the repository root or its db/ folder;
//   2. <repoRoot>/data/boundaries/ (gitignored; also where downloads go);
//   3. <repoRoot>/../shared/data/wilayah_boundaries/ (the team's shared copy, gzip-compressed);
//   4. download only the needed files from GitHub (raw .sql) into <repoRoot>/data/boundaries/db/.
// Files are read as `.sql` or `.sql.gz`, whichever exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { ancestorAt } from '@peta/domain';
import { readCodeList, type CodeList } from './code-list.ts';
import { type DesaProvinsi, desaProvinsiIncludes } from './desa-provinsi.ts';

export const UPSTREAM_RAW_BASE = 'https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/main';
export const UPSTREAM_REPOSITORY = 'https://github.com/cahyadsn/wilayah_boundaries';

export { type DesaProvinsi, desaProvinsiIncludes, formatDesaProvinsi, parseDesaProvinsi } from './desa-provinsi.ts';

export interface BoundaryFiles {
  /** db/prov/wilayah_boundaries_prov_N.sql[.gz], in N order. */
  prov: string[];
  /** Per kode provinsi: db/kab/wilayah_boundaries_kab_PP.sql[.gz]. */
  kab: Map<string, string>;
  /** Per kode provinsi: db/kec/wilayah_boundaries_kec_PP.sql[.gz]. */
  kec: Map<string, string>;
  /** Per kode provinsi: db/kel/PP/wilayah_boundaries_kel_PP.KK.sql[.gz], in KK order. */
  kel: Map<string, string[]>;
}

export interface BoundarySource {
  /** The folder holding prov/, kab/, kec/ and kel/. */
  dbDir: string;
  origin: 'BOUNDARIES_DIR' | 'data/boundaries' | 'shared' | 'download';
  /** For people: where the data came from. */
  label: string;
  files: BoundaryFiles;
  /** Files fetched by this call (download only). */
  downloaded: string[];
  /** Upstream paths that do not exist there (404; only desa files may be missing). */
  missing: string[];
}

export interface SourceProgress {
  phase: string;
  done: number;
  total: number;
}

export type FetchLike = (url: string) => Promise<{
  ok: boolean;
  status: number;
  statusText?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export interface ResolveOptions {
  /** BOUNDARIES_DIR: the upstream repository root or its db/ folder. */
  boundariesDir?: string;
  /** Root of this repository (holds data/). */
  repoRoot: string;
  desaProvinsi: DesaProvinsi;
  onProgress?: (progress: SourceProgress) => void;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: FetchLike;
  /** Defaults to UPSTREAM_RAW_BASE. */
  downloadBase?: string;
  /** Official code list: which provinces and kabupaten to fetch (read from idn-area-data when absent). */
  codeList?: CodeList;
  /** Parallel downloads. */
  concurrency?: number;
}

export const DOWNLOAD_PHASE = 'Mengunduh batas wilayah';
const MARKER = '.unduhan-otomatis';

const FILE = {
  prov: /^wilayah_boundaries_prov_(\d+)\.sql(\.gz)?$/,
  kab: /^wilayah_boundaries_kab_(\d{2})\.sql(\.gz)?$/,
  kec: /^wilayah_boundaries_kec_(\d{2})\.sql(\.gz)?$/,
  kel: /^wilayah_boundaries_kel_(\d{2})\.(\d{2})\.sql(\.gz)?$/,
};

/** Where upstream keeps each file, relative to its repository root (plain .sql; a copy may hold `.sql.gz`). */
export const upstreamPath = {
  prov: (n: number) => `db/prov/wilayah_boundaries_prov_${n}.sql`,
  kab: (provinsi: string) => `db/kab/wilayah_boundaries_kab_${provinsi}.sql`,
  kec: (provinsi: string) => `db/kec/wilayah_boundaries_kec_${provinsi}.sql`,
  kel: (kabupaten: string) => `db/kel/${ancestorAt(kabupaten, 'provinsi')}/wilayah_boundaries_kel_${kabupaten}.sql`,
};

/** The db/ folder inside `dir` (repository root), or `dir` itself when it is a db/ folder. */
export function findDbDir(dir: string): string | null {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  const inner = join(dir, 'db');
  if (existsSync(inner) && statSync(inner).isDirectory()) return inner;
  if (['prov', 'kab', 'kec', 'kel'].some((d) => existsSync(join(dir, d)))) return dir;
  return null;
}

/** Scan a db/ folder. When both `.sql` and `.sql.gz` exist, the plain `.sql` is used. */
export function listBoundaryFiles(dbDir: string): BoundaryFiles {
  const files: BoundaryFiles = { prov: [], kab: new Map(), kec: new Map(), kel: new Map() };
  const scan = (dir: string) => {
    if (!existsSync(dir)) return [] as string[];
    const names = readdirSync(dir).filter((n) => n.endsWith('.sql') || n.endsWith('.sql.gz'));
    // Plain .sql wins over .sql.gz of the same name.
    return names.filter((n) => !(n.endsWith('.gz') && names.includes(n.slice(0, -3)))).sort();
  };
  const provByN: [number, string][] = [];
  for (const name of scan(join(dbDir, 'prov'))) {
    const m = FILE.prov.exec(name);
    if (m) provByN.push([Number(m[1]), join(dbDir, 'prov', name)]);
  }
  files.prov = provByN.sort((a, b) => a[0] - b[0]).map(([, path]) => path);
  for (const layer of ['kab', 'kec'] as const) {
    for (const name of scan(join(dbDir, layer))) {
      const m = FILE[layer].exec(name);
      if (m) files[layer].set(m[1]!, join(dbDir, layer, name));
    }
  }
  const kelDir = join(dbDir, 'kel');
  if (existsSync(kelDir)) {
    for (const pp of readdirSync(kelDir).sort()) {
      if (!/^\d{2}$/.test(pp)) continue;
      const list: string[] = [];
      for (const name of scan(join(kelDir, pp))) {
        const m = FILE.kel.exec(name);
        if (m && m[1] === pp) list.push(join(kelDir, pp, name));
      }
      if (list.length) files.kel.set(pp, list);
    }
  }
  return files;
}

export async function resolveBoundarySource(options: ResolveOptions): Promise<BoundarySource> {
  const repoRoot = resolve(options.repoRoot);
  if (options.boundariesDir) {
    const dir = resolve(options.boundariesDir);
    if (!existsSync(dir)) {
      throw new Error(
        `BOUNDARIES_DIR tidak ditemukan: ${dir}. Arahkan ke salinan repositori ${UPSTREAM_REPOSITORY} ` +
          '(folder yang berisi db/) atau ke folder db/ itu sendiri.',
      );
    }
    const dbDir = findDbDir(dir);
    if (!dbDir) {
      throw new Error(
        `BOUNDARIES_DIR (${dir}) tidak berisi folder db/ dari ${UPSTREAM_REPOSITORY}. ` +
          'Arahkan ke akar repositori itu (yang berisi db/) atau langsung ke folder db/ (yang berisi prov/, kab/, kec/, kel/).',
      );
    }
    return {
      dbDir,
      origin: 'BOUNDARIES_DIR',
      label: `BOUNDARIES_DIR=${dir}`,
      files: listBoundaryFiles(dbDir),
      downloaded: [],
      missing: [],
    };
  }
  const local = join(repoRoot, 'data', 'boundaries');
  const localDb = findDbDir(local);
  if (localDb && !existsSync(join(local, MARKER))) {
    return {
      dbDir: localDb,
      origin: 'data/boundaries',
      label: relative(repoRoot, local) || local,
      files: listBoundaryFiles(localDb),
      downloaded: [],
      missing: [],
    };
  }
  const shared = resolve(repoRoot, '..', 'shared', 'data', 'wilayah_boundaries');
  const sharedDb = localDb ? null : findDbDir(shared);
  if (sharedDb) {
    return {
      dbDir: sharedDb,
      origin: 'shared',
      label: shared,
      files: listBoundaryFiles(sharedDb),
      downloaded: [],
      missing: [],
    };
  }
  return downloadBoundaries({ ...options, repoRoot });
}

/** Upstream paths (relative to the repository root, plain .sql) needed for the given region. */
export function neededUpstreamPaths(codeList: CodeList, desaProvinsi: DesaProvinsi, provFileCount: number): string[] {
  const paths: string[] = [];
  for (let n = 1; n <= provFileCount; n++) paths.push(upstreamPath.prov(n));
  const provinces = [...codeList.entries.values()]
    .filter((e) => e.tingkat === 'provinsi')
    .map((e) => e.kode)
    .sort();
  for (const pp of provinces) paths.push(upstreamPath.kab(pp));
  for (const pp of provinces) paths.push(upstreamPath.kec(pp));
  const kabs = [...codeList.entries.values()]
    .filter(
      (e) => e.tingkat === 'kabupaten' && desaProvinsiIncludes(desaProvinsi, ancestorAt(e.kode, 'provinsi') ?? ''),
    )
    .map((e) => e.kode)
    .sort();
  for (const kk of kabs) paths.push(upstreamPath.kel(kk));
  return paths;
}

/** Upstream splits the provinces over this many files (prov_1 … prov_8); more are probed until a 404. */
const KNOWN_PROV_FILES = 8;

async function downloadBoundaries(options: ResolveOptions & { repoRoot: string }): Promise<BoundarySource> {
  const base = (options.downloadBase ?? UPSTREAM_RAW_BASE).replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((url) => fetch(url));
  const root = join(options.repoRoot, 'data', 'boundaries');
  const dbDir = join(root, 'db');
  const codeList = options.codeList ?? (await readCodeList());
  const paths = neededUpstreamPaths(codeList, options.desaProvinsi, KNOWN_PROV_FILES);
  // The marker file says the folder is a download cache and remembers upstream 404s (not asked again).
  const markerPath = join(root, MARKER);
  const knownMissing = new Set(
    existsSync(markerPath)
      ? readFileSync(markerPath, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('404 '))
          .map((l) => l.slice(4))
      : [],
  );
  const have = (path: string) => existsSync(join(root, path)) || existsSync(join(root, `${path}.gz`));
  const todo = paths.filter((p) => !have(p) && !knownMissing.has(p));
  const downloaded: string[] = [];
  const missing: string[] = paths.filter((p) => knownMissing.has(p));
  await mkdir(root, { recursive: true });
  const writeMarker = () =>
    writeFile(
      markerPath,
      [
        `Diunduh otomatis dari ${base}; boleh dihapus.`,
        ...[...new Set(missing)].sort().map((p) => `404 ${p}`),
        '',
      ].join('\n'),
    );
  await writeMarker();
  let done = paths.length - todo.length;
  const total = paths.length;
  options.onProgress?.({ phase: DOWNLOAD_PHASE, done, total });

  const fetchOne = async (path: string, optional: boolean): Promise<boolean> => {
    const url = `${base}/${path}`;
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await doFetch(url);
    } catch (error) {
      throw offlineError(url, error);
    }
    if (response.status === 404 && (optional || path.startsWith('db/kel/'))) {
      // A kabupaten without desa file upstream: its desa are imported without polygon and reported.
      if (path.startsWith('db/kel/')) missing.push(path);
      return false;
    }
    if (!response.ok) {
      throw new Error(
        `Gagal mengunduh ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. ` +
          `Salin repositori ${UPSTREAM_REPOSITORY} secara manual lalu jalankan lagi dengan BOUNDARIES_DIR=/path/ke/wilayah_boundaries.`,
      );
    }
    let body: ArrayBuffer;
    try {
      body = await response.arrayBuffer();
    } catch (error) {
      throw offlineError(url, error);
    }
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.sebagian`;
    await writeFile(partial, new Uint8Array(body));
    await rename(partial, target);
    downloaded.push(target);
    return true;
  };

  const queue = [...todo];
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await fetchOne(path, false);
      done++;
      options.onProgress?.({ phase: DOWNLOAD_PHASE, done, total });
    }
  });
  try {
    await Promise.all(workers);
    // More province files than we know of? Probe until the first 404 (only while downloading anyway).
    const fetchedProv = todo.some((p) => p.startsWith('db/prov/'));
    for (let n = KNOWN_PROV_FILES + 1; fetchedProv && n < 100; n++) {
      const path = upstreamPath.prov(n);
      if (have(path)) continue;
      if (!(await fetchOne(path, true).catch(() => false))) break;
    }
  } catch (error) {
    queue.length = 0;
    await Promise.allSettled(workers);
    throw error;
  } finally {
    await writeMarker();
  }
  const label = `unduhan ${base} → ${relative(options.repoRoot, root)}`;
  return { dbDir, origin: 'download', label, files: listBoundaryFiles(dbDir), downloaded, missing };
}

function offlineError(url: string, cause: unknown): Error {
  const reason =
    cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return new Error(
    `Tidak dapat mengunduh batas wilayah (${url}): ${reason}. Komputer ini tampaknya tidak terhubung ke internet ` +
      `atau GitHub tidak dapat dijangkau. Unduh atau salin repositori ${UPSTREAM_REPOSITORY} ke komputer ini ` +
      '(cukup folder db/), lalu jalankan lagi dengan BOUNDARIES_DIR=/path/ke/wilayah_boundaries ' +
      '(contoh: BOUNDARIES_DIR=~/wilayah_boundaries pnpm data:import), atau letakkan folder db/ di data/boundaries/.',
    { cause },
  );
}

/** Remove the download cache (tests). */
export async function removeDownloadCache(repoRoot: string): Promise<void> {
  await rm(join(repoRoot, 'data', 'boundaries'), { recursive: true, force: true });
}
