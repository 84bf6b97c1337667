import { describe, expect, it } from 'vitest';
import type { WilayahFeatureCollection } from '../../api/queries.ts';
import { withOfflineCache } from './meeting-cache.ts';
import {
  areaOfMeeting,
  areaTitle,
  createFieldsOf,
  defaultPuskesmas,
  geometryPathOf,
  kecamatanOfDesa,
  listPathOf,
  meetingGeometry,
  meetingLabels,
  targetOfArea,
} from './meeting-area.ts';

const kecamatanMeeting = {
  puskesmasKode: null,
  wilayahKode: '12.10.09',
  desaKodes: ['12.10.09.2001', '12.10.09.2002'],
};
// A puskesmas whose wilayah kerja spans two kecamatan; the map is drawn from its kabupaten's desa.
const puskesmasMeeting = {
  puskesmasKode: '1010453',
  wilayahKode: '12.10',
  desaKodes: ['12.10.09.2001', '12.10.08.2003'],
};

const feature = (kode: string) => ({
  type: 'Feature' as const,
  properties: { kode, nama: kode },
  geometry: { type: 'Point' as const, coordinates: [0, 0] },
});
const collection = (kodes: string[]): WilayahFeatureCollection => ({
  type: 'FeatureCollection',
  features: kodes.map(feature),
});

describe('what a meeting is about', () => {
  it('a kecamatan meeting is checked and listed by its kecamatan', () => {
    const area = areaOfMeeting(kecamatanMeeting);
    expect(area).toEqual({ kind: 'kecamatan', kode: '12.10.09' });
    expect(targetOfArea(area)).toEqual({ wilayah: '12.10.09' });
    expect(createFieldsOf(area)).toEqual({ wilayah: '12.10.09' });
    expect(listPathOf(area)).toBe('/api/rapat?wilayah=12.10.09');
  });

  it('a puskesmas meeting by its puskesmas (in its kabupaten), as the server checks it', () => {
    const area = areaOfMeeting(puskesmasMeeting);
    expect(area).toEqual({ kind: 'puskesmas', kode: '1010453', kabupaten: '12.10' });
    expect(targetOfArea(area)).toEqual({ puskesmas: '1010453', kabupaten: '12.10' });
    expect(createFieldsOf(area)).toEqual({ puskesmas: '1010453' });
    expect(listPathOf(area)).toBe('/api/rapat?puskesmas=1010453');
  });

  it('titles the map by the kecamatan or the wilayah kerja', () => {
    expect(areaTitle({ puskesmasKode: null, agenda: { wilayah: { nama: 'Bilah Hulu' } } })).toBe(
      'Kecamatan Bilah Hulu',
    );
    expect(areaTitle({ puskesmasKode: null, agenda: { wilayah: { nama: 'Kecamatan Bilah Hulu' } } })).toBe(
      'Kecamatan Bilah Hulu',
    );
    expect(areaTitle({ puskesmasKode: '1010453', agenda: { wilayah: { nama: 'Puskesmas Perbaungan' } } })).toBe(
      'Wilayah kerja Puskesmas Perbaungan',
    );
  });
});

describe('the puskesmas offered by default', () => {
  const list = {
    desa: [
      { kode: '12.10.09.2001', puskesmas: 'B' },
      { kode: '12.10.09.2002', puskesmas: 'A' },
      { kode: '12.10.09.2003', puskesmas: 'B' },
      { kode: '12.10.08.2001', puskesmas: 'A' },
      { kode: '12.10.08.2002', puskesmas: 'A' },
      { kode: '12.10.09.2004', puskesmas: null },
    ],
  } as never;

  it("is a puskesmas user's own", () => {
    expect(defaultPuskesmas({ role: 'puskesmas', scopePuskesmas: 'Z' }, list, '12.10.09')).toBe('Z');
  });

  it('else the one holding most desa of the kecamatan on screen (B: 2 of Bilah Hulu, though A holds more overall)', () => {
    expect(defaultPuskesmas({ role: 'camat', scopePuskesmas: null }, list, '12.10.09')).toBe('B');
    expect(defaultPuskesmas(null, list, '12.10.08')).toBe('A');
  });

  it('none without a kecamatan, or when none of its desa has a puskesmas; ties go to the lower kode', () => {
    expect(defaultPuskesmas(null, list, null)).toBeNull();
    expect(defaultPuskesmas(null, list, '12.10.07')).toBeNull();
    const tie = {
      desa: [
        { kode: '12.10.09.2001', puskesmas: 'B' },
        { kode: '12.10.09.2002', puskesmas: 'A' },
      ],
    } as never;
    expect(defaultPuskesmas(null, tie, '12.10.09')).toBe('A');
  });
});

describe("the meeting map: only the meeting's desa", () => {
  it("cuts a kecamatan meeting from the kecamatan's children, a puskesmas meeting from its kabupaten's desa", async () => {
    expect(geometryPathOf(kecamatanMeeting, 'v1')).toBe('/api/geometry/v1/12.10.09/children.geojson');
    expect(geometryPathOf(puskesmasMeeting, 'v1')).toBe('/api/geometry/v1/12.10/desa.geojson');
    const kabupaten = collection(['12.10.08.2001', '12.10.08.2003', '12.10.09.2001', '12.10.09.2002']);
    const drawn = await meetingGeometry(puskesmasMeeting, 'v1', async () => kabupaten);
    expect(drawn.features.map((f) => f.properties.kode)).toEqual(['12.10.08.2003', '12.10.09.2001']);
  });

  it('labels the desa from the children of each kecamatan they lie in', async () => {
    expect(kecamatanOfDesa(puskesmasMeeting.desaKodes)).toEqual(['12.10.09', '12.10.08']);
    const asked: string[] = [];
    const labels = await meetingLabels(puskesmasMeeting, async (kecamatan) => {
      asked.push(kecamatan);
      return [
        { kode: `${kecamatan}.2001`, label: [1, 2] },
        { kode: `${kecamatan}.2003`, label: null },
      ];
    });
    expect(asked).toEqual(['12.10.09', '12.10.08']);
    expect(labels).toEqual([
      ['12.10.09.2001', [1, 2]],
      ['12.10.08.2003', null],
    ]);
  });

  it('keeps working offline for both kinds: the cut geometry is what is remembered per meeting', async () => {
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const offline = new Error('NETWORK');
    const isNetwork = (e: unknown) => e === offline;
    const kabupaten = collection(['12.10.08.2003', '12.10.09.2001', '12.10.09.2002', '12.10.01.1001']);
    for (const [id, meeting] of [
      [1, kecamatanMeeting],
      [2, puskesmasMeeting],
    ] as const) {
      const online = await withOfflineCache(
        id,
        'geometry',
        () => meetingGeometry(meeting, 'v1', async () => kabupaten),
        isNetwork,
        store,
      );
      const later = await withOfflineCache(
        id,
        'geometry',
        () =>
          meetingGeometry(meeting, 'v1', async () => {
            throw offline;
          }),
        isNetwork,
        store,
      );
      expect(later).toEqual(online);
      // 12.10.01.1001 is in the kabupaten but in neither meeting: never drawn, never stored.
      expect(later.features.map((f) => f.properties.kode).sort()).toEqual([...meeting.desaKodes].sort());
    }
  });
});
