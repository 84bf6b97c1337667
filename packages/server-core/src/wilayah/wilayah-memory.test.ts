// The wilayah kept in process memory: read once per parent, found through the parent's children, and forgotten when
// the database names another boundary import (another process, or the importer, changed the wilayah).
import { describe, expect, it } from 'vitest';
import { wilayahMemory } from './wilayah-memory.ts';
import type { WilayahRow } from './wilayah-repository.ts';

const row = (kode: string, nama: string, tingkat: WilayahRow['tingkat']): WilayahRow => ({
  kode,
  nama,
  tingkat,
  parentKode: kode.includes('.') ? kode.slice(0, kode.lastIndexOf('.')) : null,
  bbox: null,
  label: null,
  hasGeometry: false,
  childCount: 0,
});

/** A repository over a table that a test can change, counting its reads. */
function fakeRepository(initial: WilayahRow[], boundary = 1) {
  const state = { rows: initial, boundary, reads: 0 };
  return {
    state,
    async childrenWithBoundary(parent: string | null) {
      state.reads++;
      const rows = state.rows.filter((r) => r.parentKode === parent);
      return { boundary: rows.length ? state.boundary : null, rows };
    },
    async findByKode(kode: string) {
      state.reads++;
      return state.rows.find((r) => r.kode === kode) ?? null;
    },
  };
}

const TABLE = [
  row('12', 'Sumatera Utara', 'provinsi'),
  row('12.10', 'Labuhanbatu', 'kabupaten'),
  row('12.10.09', 'Bilah Hulu', 'kecamatan'),
  row('12.10.09.2001', 'Sumber Jaya', 'desa'),
];

describe('wilayahMemory', () => {
  it('reads the children of a parent once, and finds a wilayah among its parent’s children', async () => {
    const repo = fakeRepository(TABLE);
    const memory = wilayahMemory(repo);
    expect((await memory.children('12.10')).map((r) => r.kode)).toEqual(['12.10.09']);
    expect((await memory.children('12.10')).map((r) => r.kode)).toEqual(['12.10.09']);
    expect(repo.state.reads).toBe(1);
    // 12.10.09 was among the children of 12.10: no read.
    expect((await memory.find('12.10.09'))?.nama).toBe('Bilah Hulu');
    expect(repo.state.reads).toBe(1);
    // The provinsi: read through its parent (the provinces), then known.
    expect((await memory.find('12'))?.nama).toBe('Sumatera Utara');
    expect(await memory.find('12')).not.toBeNull();
    expect(repo.state.reads).toBe(2);
  });

  it('answers null for a kode that does not exist', async () => {
    const memory = wilayahMemory(fakeRepository(TABLE));
    expect(await memory.find('12.10.08')).toBeNull();
  });

  it('forgets everything when the database names another boundary import, and reads the new wilayah', async () => {
    const repo = fakeRepository(TABLE, 1);
    const memory = wilayahMemory(repo);
    await memory.children('12.10.09');
    expect(memory.sameBoundary(1)).toBe(true);
    // Another boundary import renamed the desa and added one.
    repo.state.rows = [
      ...TABLE.slice(0, 3),
      row('12.10.09.2001', 'Sumber Jaya Baru', 'desa'),
      row('12.10.09.2002', 'Tanjung Medan', 'desa'),
    ];
    repo.state.boundary = 2;
    expect((await memory.children('12.10.09')).map((r) => r.nama)).toEqual(['Sumber Jaya']); // still boundary 1
    expect(memory.sameBoundary(2)).toBe(false);
    expect(memory.sameBoundary(2)).toBe(true);
    expect((await memory.children('12.10.09')).map((r) => r.nama)).toEqual(['Sumber Jaya Baru', 'Tanjung Medan']);
    expect((await memory.find('12.10.09.2001'))?.nama).toBe('Sumber Jaya Baru');
  });

  it('a read that comes back under a newer boundary import starts the memory over from it', async () => {
    const repo = fakeRepository(TABLE, 1);
    const memory = wilayahMemory(repo);
    await memory.children('12.10');
    repo.state.boundary = 3;
    await memory.children('12.10.09'); // read under boundary 3: the older entries go
    expect(memory.sameBoundary(3)).toBe(true);
    const reads = repo.state.reads;
    await memory.children('12.10');
    expect(repo.state.reads).toBe(reads + 1);
  });
});
