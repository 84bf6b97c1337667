import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_SOURCES, sharedSourceCandidates, sharedSourceFile } from './shared-sources.ts';

describe('sources kept outside the repository', () => {
  it('reads SHARED_DATA_DIR first, where the file lies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shared-data-'));
    const { folder, file } = SHARED_SOURCES.penduduk;
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, file), 'kode,nama,pria,wanita,total\n');
    expect(sharedSourceFile(SHARED_SOURCES.penduduk, { SHARED_DATA_DIR: dir })).toBe(join(dir, folder, file));
  });

  it('looks in data/sources/ and then ../shared/data/ beside the clone', () => {
    expect(sharedSourceCandidates(SHARED_SOURCES.komdatPuskesmas, {}, '/repo')).toEqual([
      '/repo/data/sources/satudata-komdat-puskesmas/puskesmas.csv',
      '/shared/data/satudata-komdat-puskesmas/puskesmas.csv',
    ]);
  });

  it('says in Bahasa Indonesia where it looked and where to get the file when it is nowhere', () => {
    const missing = { folder: 'tidak-ada', file: 'x.csv', note: 'data/x.SOURCE.md' };
    expect(() => sharedSourceFile(missing, { SHARED_DATA_DIR: '/nonexistent' })).toThrow(
      /Berkas sumber x\.csv tidak ditemukan\. Dicari di: \/nonexistent\/tidak-ada\/x\.csv, .*lihat data\/x\.SOURCE\.md/,
    );
  });
});
