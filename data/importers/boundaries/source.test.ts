import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodeList } from './code-list.ts';
import { tinyCodeListDir, tinyUpstreamRepo } from './fixtures/tiny-upstream.ts';
import {
  DOWNLOAD_PHASE,
  formatDesaProvinsi,
  listBoundaryFiles,
  neededUpstreamPaths,
  parseDesaProvinsi,
  resolveBoundarySource,
  type FetchLike,
  type SourceProgress,
} from './source.ts';

const fixtureRepo = tinyUpstreamRepo();

/** A temporary workspace: <tmp>/main is the repo root, <tmp>/shared sits beside it. */
function workspace() {
  const tmp = mkdtempSync(join(tmpdir(), 'peta-source-'));
  const repoRoot = join(tmp, 'main');
  mkdirSync(join(repoRoot, 'data'), { recursive: true });
  return { tmp, repoRoot };
}

describe('resolveBoundarySource: order', () => {
  it('uses BOUNDARIES_DIR, given as the repository root or as its db/ folder', async () => {
    const { repoRoot } = workspace();
    const fromRoot = await resolveBoundarySource({ boundariesDir: fixtureRepo, repoRoot, desaProvinsi: ['99'] });
    expect(fromRoot.origin).toBe('BOUNDARIES_DIR');
    expect(fromRoot.dbDir).toBe(join(fixtureRepo, 'db'));
    const fromDb = await resolveBoundarySource({
      boundariesDir: join(fixtureRepo, 'db'),
      repoRoot,
      desaProvinsi: ['99'],
    });
    expect(fromDb.dbDir).toBe(join(fixtureRepo, 'db'));
    expect([...fromDb.files.kec.keys()]).toEqual(['98', '99']);
    expect(fromDb.files.kel.get('99')!.map((p) => relative(fromDb.dbDir, p))).toEqual([
      'kel/99/wilayah_boundaries_kel_99.01.sql',
    ]);
  });

  it('explains a BOUNDARIES_DIR that does not exist or has no db/', async () => {
    const { tmp, repoRoot } = workspace();
    await expect(
      resolveBoundarySource({ boundariesDir: join(tmp, 'nope'), repoRoot, desaProvinsi: 'all' }),
    ).rejects.toThrow(/BOUNDARIES_DIR tidak ditemukan: .*nope/);
    mkdirSync(join(tmp, 'kosong'));
    await expect(
      resolveBoundarySource({ boundariesDir: join(tmp, 'kosong'), repoRoot, desaProvinsi: 'all' }),
    ).rejects.toThrow(/tidak berisi folder db\//);
  });

  it('then <repoRoot>/data/boundaries, then ../shared/data/wilayah_boundaries', async () => {
    const { tmp, repoRoot } = workspace();
    const shared = join(tmp, 'shared', 'data', 'wilayah_boundaries');
    cpSync(fixtureRepo, shared, { recursive: true });
    const fromShared = await resolveBoundarySource({ repoRoot, desaProvinsi: ['99'] });
    expect(fromShared.origin).toBe('shared');
    expect(fromShared.dbDir).toBe(join(shared, 'db'));

    cpSync(join(fixtureRepo, 'db'), join(repoRoot, 'data', 'boundaries', 'db'), { recursive: true });
    const fromLocal = await resolveBoundarySource({ repoRoot, desaProvinsi: ['99'] });
    expect(fromLocal.origin).toBe('data/boundaries');
    expect(fromLocal.dbDir).toBe(join(repoRoot, 'data', 'boundaries', 'db'));

    const explicit = await resolveBoundarySource({ boundariesDir: shared, repoRoot, desaProvinsi: ['99'] });
    expect(explicit.origin).toBe('BOUNDARIES_DIR');
  });
});

describe('resolveBoundarySource: download', () => {
  /** Serves the fixture files for the paths it has, 404 otherwise; records every URL. */
  function fakeFetch(available: (path: string) => string | null) {
    const urls: string[] = [];
    const fetch: FetchLike = async (url) => {
      urls.push(url);
      const body = available(url.replace('https://example.test/wb/', ''));
      return body === null
        ? { ok: false, status: 404, statusText: 'Not Found', arrayBuffer: async () => new ArrayBuffer(0) }
        : { ok: true, status: 200, arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer };
    };
    return { fetch, urls };
  }
  const fixtureFile = (path: string) => {
    const local = join(fixtureRepo, path);
    if (existsSync(local)) return readFileSync(local, 'utf8');
    // prov_2 … prov_8: upstream has them; for the fixture they hold no province.
    return /^db\/prov\/wilayah_boundaries_prov_[2-8]\.sql$/.test(path) ? '/* kosong */\n' : null;
  };

  it('fetches only the files of the region into data/boundaries/db, with progress', async () => {
    const { repoRoot } = workspace();
    const codeList = await readCodeList(tinyCodeListDir());
    const { fetch, urls } = fakeFetch(fixtureFile);
    const progress: SourceProgress[] = [];
    const source = await resolveBoundarySource({
      repoRoot,
      desaProvinsi: ['99'],
      fetch,
      codeList,
      downloadBase: 'https://example.test/wb/',
      concurrency: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(source.origin).toBe('download');
    expect(source.dbDir).toBe(join(repoRoot, 'data', 'boundaries', 'db'));
    const expected = [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `db/prov/wilayah_boundaries_prov_${n}.sql`),
      'db/kab/wilayah_boundaries_kab_98.sql',
      'db/kab/wilayah_boundaries_kab_99.sql',
      'db/kec/wilayah_boundaries_kec_98.sql',
      'db/kec/wilayah_boundaries_kec_99.sql',
      'db/kel/99/wilayah_boundaries_kel_99.01.sql', // province 98 has no desa layer in this region
    ];
    expect(urls).toEqual(
      [...expected, 'db/prov/wilayah_boundaries_prov_9.sql'].map((p) => `https://example.test/wb/${p}`),
    );
    expect(source.downloaded.map((p) => relative(join(repoRoot, 'data', 'boundaries'), p))).toEqual(expected);
    expect(readFileSync(join(source.dbDir, 'kel', '99', 'wilayah_boundaries_kel_99.01.sql'), 'utf8')).toBe(
      readFileSync(join(fixtureRepo, 'db', 'kel', '99', 'wilayah_boundaries_kel_99.01.sql'), 'utf8'),
    );
    expect(progress[0]).toEqual({ phase: DOWNLOAD_PHASE, done: 0, total: 13 });
    expect(progress.at(-1)).toEqual({ phase: DOWNLOAD_PHASE, done: 13, total: 13 });
    expect([...source.files.kel.keys()]).toEqual(['99']);

    // A second run with a wider region fetches only what is missing.
    // A kabupaten without desa file upstream (404) is remembered, not fatal, and not asked for again.
    const again = fakeFetch(fixtureFile);
    const wider = await resolveBoundarySource({
      repoRoot,
      desaProvinsi: 'all',
      fetch: again.fetch,
      codeList,
      downloadBase: 'https://example.test/wb/',
    });
    expect(again.urls).toEqual(['https://example.test/wb/db/kel/98/wilayah_boundaries_kel_98.01.sql']);
    expect(wider.missing).toEqual(['db/kel/98/wilayah_boundaries_kel_98.01.sql']);
    const third = fakeFetch(fixtureFile);
    const cached = await resolveBoundarySource({
      repoRoot,
      desaProvinsi: 'all',
      fetch: third.fetch,
      codeList,
      downloadBase: 'https://example.test/wb/',
    });
    expect(third.urls).toEqual([]);
    expect(cached.missing).toEqual(['db/kel/98/wilayah_boundaries_kel_98.01.sql']);
  });

  it('fails in Bahasa Indonesia with the way out (BOUNDARIES_DIR) when offline', async () => {
    const { repoRoot } = workspace();
    const codeList = await readCodeList(tinyCodeListDir());
    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND raw.githubusercontent.com') });
    };
    const attempt = resolveBoundarySource({ repoRoot, desaProvinsi: ['99'], fetch: offline, codeList });
    await expect(attempt).rejects.toThrow(/tidak terhubung ke internet/);
    await expect(resolveBoundarySource({ repoRoot, desaProvinsi: ['99'], fetch: offline, codeList })).rejects.toThrow(
      /BOUNDARIES_DIR=\/path\/ke\/wilayah_boundaries/,
    );
    await expect(resolveBoundarySource({ repoRoot, desaProvinsi: ['99'], fetch: offline, codeList })).rejects.toThrow(
      /ENOTFOUND/,
    );
  });

  it('names the file and the HTTP status when a needed file is missing upstream', async () => {
    const { repoRoot } = workspace();
    const codeList = await readCodeList(tinyCodeListDir());
    const { fetch } = fakeFetch((path) => (path.includes('kec_99') ? null : fixtureFile(path)));
    await expect(
      resolveBoundarySource({
        repoRoot,
        desaProvinsi: ['99'],
        fetch,
        codeList,
        downloadBase: 'https://example.test/wb/',
      }),
    ).rejects.toThrow(/Gagal mengunduh https:\/\/example\.test\/wb\/db\/kec\/wilayah_boundaries_kec_99\.sql: HTTP 404/);
  });
});

describe('listBoundaryFiles and region helpers', () => {
  it('prefers the plain .sql when a .sql.gz of the same name exists', () => {
    const { tmp } = workspace();
    const db = join(tmp, 'db');
    mkdirSync(join(db, 'kec'), { recursive: true });
    writeFileSync(join(db, 'kec', 'wilayah_boundaries_kec_11.sql'), '');
    writeFileSync(join(db, 'kec', 'wilayah_boundaries_kec_11.sql.gz'), '');
    writeFileSync(join(db, 'kec', 'wilayah_boundaries_kec_12.sql.gz'), '');
    const files = listBoundaryFiles(db);
    expect(files.kec.get('11')).toBe(join(db, 'kec', 'wilayah_boundaries_kec_11.sql'));
    expect(files.kec.get('12')).toBe(join(db, 'kec', 'wilayah_boundaries_kec_12.sql.gz'));
  });

  it('reads DESA_PROVINSI', () => {
    expect(parseDesaProvinsi(undefined)).toBe('all'); // the default: all of Indonesia
    expect(parseDesaProvinsi('  ')).toBe('all');
    expect(parseDesaProvinsi('92, 12')).toEqual(['12', '92']);
    expect(parseDesaProvinsi('ALL')).toBe('all');
    expect(() => parseDesaProvinsi('12,Sumut')).toThrow(/DESA_PROVINSI tidak sah: "Sumut"/);
    expect(formatDesaProvinsi(['92', '12', '21'])).toBe('12,21,92');
    expect(formatDesaProvinsi('all')).toBe('all');
  });

  it('lists the upstream paths of a region', async () => {
    const codeList = await readCodeList(tinyCodeListDir());
    expect(neededUpstreamPaths(codeList, ['98'], 1)).toEqual([
      'db/prov/wilayah_boundaries_prov_1.sql',
      'db/kab/wilayah_boundaries_kab_98.sql',
      'db/kab/wilayah_boundaries_kab_99.sql',
      'db/kec/wilayah_boundaries_kec_98.sql',
      'db/kec/wilayah_boundaries_kec_99.sql',
      'db/kel/98/wilayah_boundaries_kel_98.01.sql',
    ]);
  });
});
