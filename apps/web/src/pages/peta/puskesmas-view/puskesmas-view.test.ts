import { describe, expect, it } from 'vitest';
import type { TFunction } from '../../../i18n/i18n.tsx';
import { hasUnconfirmed, mapStyles, puskesmasCount, puskesmasItems, puskesmasListItems } from './puskesmas-view.ts';
import {
  shortName,
  wilayahKerjaLabels,
  type WilayahKerjaCollection,
} from '../../../shared/wilayah-kerja/wilayah-kerja.ts';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [98, 3],
      [98.1, 3],
      [98.1, 3.1],
      [98, 3],
    ],
  ],
};
const wilayahKerja = (unconfirmed = 0): WilayahKerjaCollection => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: square,
      properties: { kode: '1010453', nama: 'Puskesmas Pantai Labu', desa: 19, unconfirmed, label: [98.05, 3.05] },
    },
    {
      type: 'Feature',
      geometry: square,
      properties: { kode: '1010460', nama: 'UPTD Puskesmas Tanjung Morawa', desa: 26, unconfirmed: 0, label: null },
    },
  ],
});
const rows = [
  { kode: '1010460', nama: 'Puskesmas Tanjung Morawa', desaCount: 26 },
  { kode: '', nama: '', desaCount: 3 },
  { kode: '1010453', nama: 'Puskesmas Pantai Labu', desaCount: 19 },
  { kode: '1010999', nama: 'Puskesmas Lama', desaCount: 2 },
];
/** Messages as "key{params}", so the test reads which text and which number each row gets. */
const t: TFunction = (key, params) => `${key}${params ? JSON.stringify(params) : ''}`;

describe('puskesmasItems', () => {
  it('lists the polygons, then puskesmas with values but no wilayah kerja today, then the desa without a puskesmas', () => {
    expect(puskesmasItems(wilayahKerja(), rows, 'Tanpa puskesmas')).toEqual([
      { kode: '1010453', nama: 'Puskesmas Pantai Labu', desa: 19, unconfirmed: 0, hasGeometry: true },
      { kode: '1010460', nama: 'UPTD Puskesmas Tanjung Morawa', desa: 26, unconfirmed: 0, hasGeometry: true },
      { kode: '1010999', nama: 'Puskesmas Lama', desa: 2, unconfirmed: 0, hasGeometry: false },
      { kode: '', nama: 'Tanpa puskesmas', desa: 3, unconfirmed: 0, hasGeometry: false },
    ]);
  });

  it('lists the polygons alone while the values load', () => {
    expect(puskesmasItems(wilayahKerja(), undefined, 'Tanpa puskesmas').map((i) => i.kode)).toEqual([
      '1010453',
      '1010460',
    ]);
  });

  it("counts puskesmas without the desa that have none (the heading's number)", () => {
    expect(puskesmasCount(puskesmasItems(wilayahKerja(), rows, 'Tanpa puskesmas'))).toBe(3);
  });
});

describe('puskesmasListItems', () => {
  it('gives rows that select (no link), the loose desa a row that cannot be chosen', () => {
    const items = puskesmasListItems(puskesmasItems(wilayahKerja(), rows, 'Tanpa puskesmas'), t);
    expect(items).toEqual([
      { kode: '1010453', nama: 'Puskesmas Pantai Labu', meta: 'list.puskesmasMeta{"n":19}', href: null },
      { kode: '1010460', nama: 'UPTD Puskesmas Tanjung Morawa', meta: 'list.puskesmasMeta{"n":26}', href: null },
      { kode: '1010999', nama: 'Puskesmas Lama', meta: 'list.puskesmasNoArea{"n":2}', href: null },
      { kode: '', nama: 'Tanpa puskesmas', meta: 'list.noPuskesmasMeta{"n":3}', href: null, inert: true },
    ]);
  });
});

describe('hasUnconfirmed', () => {
  it('is true when any wilayah kerja has a desa still proposed', () => {
    expect(hasUnconfirmed(wilayahKerja(0))).toBe(false);
    expect(hasUnconfirmed(wilayahKerja(4))).toBe(true);
  });
});

describe('mapStyles', () => {
  it('leaves out the row without a puskesmas (no polygon) and keeps the others as they are', () => {
    const styles = {
      '1010453': { fillColor: '#1a9850', flag: false },
      '': { fillColor: '#d73027', flag: false },
      '1010460': { fillColor: '#fee08b', flag: true },
    };
    expect(mapStyles(styles)).toEqual({
      '1010453': { fillColor: '#1a9850', flag: false },
      '1010460': { fillColor: '#fee08b', flag: true },
    });
  });
});

describe('wilayahKerjaLabels', () => {
  it('names each wilayah kerja with a label point without the "Puskesmas" prefix, larger ones first in priority', () => {
    expect(wilayahKerjaLabels(wilayahKerja())).toEqual([
      { kode: '1010453', nama: 'Pantai Labu', lngLat: [98.05, 3.05], priority: 19 },
    ]);
    expect(shortName('UPTD Puskesmas Tanjung Morawa')).toBe('Tanjung Morawa');
  });
});
