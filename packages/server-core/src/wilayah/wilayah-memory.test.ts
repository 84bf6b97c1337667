// The wilayah kept in process memory: every wilayah read in one go, children and desa counts answered from it, and
// everything read again when the database names another boundary import (another process, or the importer, changed
// the wilayah) or holds a wilayah the memory does not.
import { describe, expect, it } from 'vitest';
import { wilayahMemory } from './wilayah-memory.ts';
import type { WilayahName } from './wilayah-repository.ts';

const row = (kode: string, nama: string, tingkat: WilayahName['tingkat']): WilayahName => ({
  kode,
  nama,
  tingkat,
  parentKode: kode.includes('.') ? kode.slice(0, kode.lastIndexOf('.')) : null,
});

/** A repository over a table that a test can change, counting its reads. */
function fakeRepository(initial: WilayahName[], boundary = 1) {
  const state = { rows: initial, boundary, reads: 0 };
  return {
    state,
    async allNamesWithBoundary() {
      state.reads++;
      return { boundary: state.boundary, rows: [...state.rows] };
    },
    async findByKode(kode: string) {
      state.reads++;
      const found = state.rows.find((r) => r.kode === kode);
      return found ? { ...found, bbox: null, label: null, hasGeometry: false, childCount: 0 } : null;
    },
  };
}

// Out of kode order on purpose: children come back ordered.
const TABLE = [
  row('12.10.09.2002', 'Tanjung Medan', 'desa'),
  row('12', 'Sumatera Utara', 'provinsi'),
  row('12.10', 'Labuhanbatu', 'kabupaten'),
  row('12.10.09', 'Bilah Hulu', 'kecamatan'),
  row('12.10.09.2001', 'Sumber Jaya', 'desa'),
  row('12.10.10', 'Pangkatan', 'kecamatan'),
];

describe('wilayahMemory', () => {
  it('reads every wilayah once and answers children, names and desa counts from memory', async () => {
    const repo = fakeRepository(TABLE);
    const memory = wilayahMemory(repo);
    await memory.warm();
    expect((await memory.children(null)).map((r) => r.kode)).toEqual(['12']);
    expect((await memory.children('12.10')).map((r) => [r.kode, r.desa])).toEqual([
      ['12.10.09', 2],
      ['12.10.10', 0],
    ]);
    expect((await memory.children('12.10.09')).map((r) => r.nama)).toEqual(['Sumber Jaya', 'Tanjung Medan']);
    expect(await memory.children('12.10.09.2001')).toEqual([]);
    expect((await memory.find('12'))?.desa).toBe(2);
    expect((await memory.find('12.10.09.2001'))?.desa).toBe(1);
    expect(repo.state.reads).toBe(1);
  });

  it('answers null for a kode that does not exist (asking the database once)', async () => {
    const repo = fakeRepository(TABLE);
    const memory = wilayahMemory(repo);
    expect(await memory.find('12.10.08')).toBeNull();
    expect(repo.state.reads).toBe(2);
  });

  it('forgets everything when the database names another boundary import, and reads the new wilayah', async () => {
    const repo = fakeRepository(TABLE, 1);
    const memory = wilayahMemory(repo);
    const before = await memory.children('12.10.09');
    expect(memory.sameBoundary(1)).toBe(true);
    // Another boundary import renamed a desa and added one.
    repo.state.rows = [
      ...TABLE.filter((r) => r.kode !== '12.10.09.2001'),
      row('12.10.09.2001', 'Sumber Jaya Baru', 'desa'),
      row('12.10.09.2003', 'Sei Kasih', 'desa'),
    ];
    repo.state.boundary = 2;
    expect(await memory.children('12.10.09')).toBe(before); // still boundary 1
    expect(memory.sameBoundary(2)).toBe(false);
    const after = await memory.children('12.10.09');
    expect(memory.sameBoundary(2)).toBe(true);
    expect(after.map((r) => r.nama)).toEqual(['Sumber Jaya Baru', 'Tanjung Medan', 'Sei Kasih']);
    expect((await memory.find('12.10'))?.desa).toBe(3);
    expect(repo.state.reads).toBe(2);
  });

  it('reads everything again when the database holds a wilayah the memory does not', async () => {
    const repo = fakeRepository(TABLE, 1);
    const memory = wilayahMemory(repo);
    await memory.warm();
    // Written without a new boundary import (a test fixture, a hand fix).
    repo.state.rows = [...TABLE, row('12.11', 'Asahan', 'kabupaten')];
    expect((await memory.find('12.11'))?.nama).toBe('Asahan');
    expect((await memory.children('12')).map((r) => r.kode)).toEqual(['12.10', '12.11']);
  });
});
