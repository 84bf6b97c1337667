import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, nextSort, sortFromUrl, sortRows, sortToUrl, type SortableRow } from './sort-rows.ts';

const rows: SortableRow[] = [
  { nama: 'Bilah Hulu', coverage: 59.8, shortOfTarget: 495 },
  { nama: 'Aek Paing', coverage: null, shortOfTarget: null },
  { nama: 'Rantau Utara', coverage: 104.2, shortOfTarget: 0 },
  { nama: 'bilah barat', coverage: 83.0, shortOfTarget: 56 },
  { nama: 'Pangkatan', coverage: 59.8, shortOfTarget: 120 },
];
const names = (list: SortableRow[]) => list.map((r) => r.nama);

describe('sortRows', () => {
  it('sorts names A→Z ignoring case, and Z→A', () => {
    expect(names(sortRows(rows, { key: 'nama', dir: 'asc' }))).toEqual([
      'Aek Paing',
      'bilah barat',
      'Bilah Hulu',
      'Pangkatan',
      'Rantau Utara',
    ]);
    expect(names(sortRows(rows, { key: 'nama', dir: 'desc' }))).toEqual([
      'Rantau Utara',
      'Pangkatan',
      'Bilah Hulu',
      'bilah barat',
      'Aek Paing',
    ]);
  });

  it('sorts capaian with ties by name, and keeps rows without data last in both directions', () => {
    expect(names(sortRows(rows, { key: 'capaian', dir: 'asc' }))).toEqual([
      'Bilah Hulu',
      'Pangkatan',
      'bilah barat',
      'Rantau Utara',
      'Aek Paing',
    ]);
    expect(names(sortRows(rows, { key: 'capaian', dir: 'desc' }))).toEqual([
      'Rantau Utara',
      'bilah barat',
      'Bilah Hulu',
      'Pangkatan',
      'Aek Paing',
    ]);
  });

  it('sorts by the persons short of the target, rows that reached it (0 or less) included', () => {
    expect(names(sortRows(rows, { key: 'kurang', dir: 'desc' }))).toEqual([
      'Bilah Hulu',
      'Pangkatan',
      'bilah barat',
      'Rantau Utara',
      'Aek Paing',
    ]);
  });

  it('treats values still loading (undefined) like no data and does not change its input', () => {
    const loading = [
      { nama: 'B', coverage: undefined, shortOfTarget: undefined },
      { nama: 'A', coverage: 10, shortOfTarget: 1 },
    ];
    expect(names(sortRows(loading, { key: 'capaian', dir: 'asc' }))).toEqual(['A', 'B']);
    expect(names(loading)).toEqual(['B', 'A']);
  });
});

describe('nextSort', () => {
  it('flips the direction of the same column', () => {
    expect(nextSort({ key: 'capaian', dir: 'asc' }, 'capaian')).toEqual({ key: 'capaian', dir: 'desc' });
  });
  it('starts a new column where it helps: capaian lowest first, shortfall largest first, names A→Z', () => {
    expect(nextSort({ key: 'nama', dir: 'asc' }, 'capaian')).toEqual({ key: 'capaian', dir: 'asc' });
    expect(nextSort({ key: 'nama', dir: 'asc' }, 'kurang')).toEqual({ key: 'kurang', dir: 'desc' });
    expect(nextSort({ key: 'kurang', dir: 'desc' }, 'nama')).toEqual({ key: 'nama', dir: 'asc' });
  });
});

describe('sort in the URL', () => {
  it('writes column and direction in Bahasa Indonesia, and nothing for the default', () => {
    expect(sortToUrl({ key: 'capaian', dir: 'asc' })).toBe('capaian-naik');
    expect(sortToUrl({ key: 'kurang', dir: 'desc' })).toBe('kurang-turun');
    expect(sortToUrl({ key: 'nama', dir: 'desc' })).toBe('nama-turun');
    expect(sortToUrl(DEFAULT_SORT)).toBeNull();
  });

  it('reads them back, and drops what it cannot read', () => {
    expect(sortFromUrl('capaian-naik')).toEqual({ key: 'capaian', dir: 'asc' });
    expect(sortFromUrl('Kurang-Turun')).toEqual({ key: 'kurang', dir: 'desc' });
    expect(sortFromUrl('capaian')).toBeNull();
    expect(sortFromUrl('gap-turun')).toBeNull();
    expect(sortFromUrl(null)).toBeNull();
  });
});
