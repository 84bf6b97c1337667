import { describe, expect, it } from 'vitest';
import type { PuskesmasList } from '@peta/domain/contract';
import {
  desaColours,
  desaLayer,
  mapTarget,
  mapViewKode,
  shortName,
  WILAYAH_KERJA_OUTLINE,
  wilayahKerjaColours,
  wilayahKerjaLayer,
  type DesaCollection,
  type WilayahKerjaCollection,
} from './map-layers.ts';
import { FADED_COLOUR, NO_PUSKESMAS_COLOUR, STAGE_COLOURS } from './planner-model.ts';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
// P1 implementing holds D1 (confirmed) and D2 (still the proposal); P2 (no desa stage: belum) holds D3; D4 has none.
const list = {
  puskesmas: [
    { kode: 'P1', nama: 'Satu', stage: 'implementasi' },
    { kode: 'P2', nama: 'Dua', stage: 'belum' },
  ],
  desa: [
    { kode: 'D1', nama: 'Alpha', puskesmas: 'P1', confirmed: true, label: [0.5, 0.5] },
    { kode: 'D2', nama: 'Beta', puskesmas: 'P1', confirmed: false, label: null },
    { kode: 'D3', nama: 'Gamma', puskesmas: 'P2', confirmed: true, label: [2, 2] },
    { kode: 'D4', nama: 'Delta', puskesmas: null, confirmed: false, label: [3, 3] },
  ],
} as unknown as PuskesmasList;
const desa: DesaCollection = {
  type: 'FeatureCollection',
  features: ['D1', 'D2', 'D3', 'D4'].map((kode) => ({
    type: 'Feature',
    properties: { kode, nama: kode },
    geometry: square,
  })),
};
const wilayahKerja: WilayahKerjaCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kode: 'P1', nama: 'Puskesmas Satu', desa: 2, unconfirmed: 1, label: [0.4, 0.6] },
      geometry: square,
    },
    {
      type: 'Feature',
      properties: { kode: 'P2', nama: 'Dua', desa: 1, unconfirmed: 0, label: null },
      geometry: square,
    },
  ],
};

describe('planner map layers', () => {
  it("desa mode: each desa in its puskesmas' stage colour, hatched while unconfirmed; no puskesmas apart", () => {
    expect(desaColours(list, null)).toEqual({
      D1: { fillColor: STAGE_COLOURS.implementasi, flag: false },
      D2: { fillColor: STAGE_COLOURS.implementasi, flag: true },
      D3: { fillColor: STAGE_COLOURS.belum, flag: false },
      D4: { fillColor: NO_PUSKESMAS_COLOUR, flag: false },
    });
    // Focused on P1: the other desa fade, without hatch.
    expect(desaColours(list, 'P1')).toEqual({
      D1: { fillColor: STAGE_COLOURS.implementasi, flag: false },
      D2: { fillColor: STAGE_COLOURS.implementasi, flag: true },
      D3: { fillColor: FADED_COLOUR, flag: false },
      D4: { fillColor: FADED_COLOUR, flag: false },
    });
    expect(desaLayer(desa, list).labels.map((l) => l.kode)).toEqual(['D1', 'D3', 'D4']);
  });

  it('wilayah kerja mode: one polygon per puskesmas plus the desa without one, names at the label points', () => {
    const layer = wilayahKerjaLayer(wilayahKerja, desa, list);
    expect(layer.geometry.features.map((f) => f.properties!.kode)).toEqual(['P1', 'P2', 'D4']);
    expect(layer.labels).toEqual([{ kode: 'P1', nama: 'Satu', lngLat: [0.4, 0.6], priority: 2 }]);
    const lineColor = WILAYAH_KERJA_OUTLINE;
    expect(wilayahKerjaColours(wilayahKerja, list, null)).toEqual({
      P1: { fillColor: STAGE_COLOURS.implementasi, flag: true, lineColor },
      P2: { fillColor: STAGE_COLOURS.belum, flag: false, lineColor },
      D4: { fillColor: NO_PUSKESMAS_COLOUR, flag: false, lineColor },
    });
    expect(wilayahKerjaColours(wilayahKerja, list, 'P2')).toEqual({
      P1: { fillColor: FADED_COLOUR, flag: false, lineColor },
      P2: { fillColor: STAGE_COLOURS.belum, flag: false, lineColor },
      D4: { fillColor: FADED_COLOUR, flag: false, lineColor },
    });
  });

  it('drops the "Puskesmas" prefix from names on the map, unless nothing would be left', () => {
    const names = ['Puskesmas Pantai Labu', 'UPTD PUSKESMAS Tanjung Morawa', 'Puskesmas', 'Klinik Puskesmas Baru'];
    expect(names.map(shortName)).toEqual(['Pantai Labu', 'Tanjung Morawa', 'Puskesmas', 'Klinik Puskesmas Baru']);
  });

  it('tells what a map kode points at in each mode', () => {
    expect(mapTarget('P1', 'wilayah-kerja', list)).toEqual({ kind: 'puskesmas', kode: 'P1' });
    expect(mapTarget('D4', 'wilayah-kerja', list)).toMatchObject({ kind: 'desa', desa: { kode: 'D4' } });
    expect(mapTarget('D1', 'desa', list)).toMatchObject({ kind: 'desa', desa: { nama: 'Alpha' } });
    expect(mapTarget('X', 'desa', list)).toBeNull();
    expect(mapViewKode('12.07', 'desa')).toBe('12.07');
    expect(mapViewKode('12.07', 'wilayah-kerja')).toBe('12.07/wilayah-kerja');
  });
});
