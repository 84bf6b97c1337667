// What a meeting is about, and the value rows of its desa. A meeting is about a kecamatan (its desa) or a puskesmas
// (the desa of its wilayah kerja on the meeting date — a desa moved later stays in the meetings held before the move).
import { ancestorAt, titleCase, type IndicatorDef, type Period } from '@peta/domain';
import type { ValueRow } from '@peta/domain/contract';
import { notFound } from '../errors.ts';
import type { WilayahKerjaRepository } from '../rollout/wilayah-kerja-repository.ts';
import type { ValuesService } from '../values/values-service.ts';
import type { WilayahRepository } from '../wilayah/wilayah-repository.ts';
import type { MeetingRow, MeetingsRepository } from './meetings-repository.ts';

/** A meeting's area, resolved. `mapKode` is the wilayah drawn around it: the kecamatan, or the puskesmas' kabupaten/kota. */
export type MeetingArea = {
  kind: 'kecamatan' | 'puskesmas';
  kode: string;
  nama: string;
  mapKode: string;
  desa: string[];
};

/** The meeting with this id; 404 when there is none. */
export async function requireMeeting(repo: Pick<MeetingsRepository, 'findMeeting'>, id: number): Promise<MeetingRow> {
  const m = await repo.findMeeting(id);
  if (!m) throw notFound(`Rapat #${id} tidak ditemukan.`);
  return m;
}

/** "Bilah Hulu" → "Kecamatan Bilah Hulu"; a name that already says it is left alone. */
export const kecamatanName = (nama: string) => (/^kecamatan\s/i.test(nama) ? nama : `Kecamatan ${nama}`);

/** Value rows of one indicator for the desa of a kecamatan, each asked once per use (an agenda asks many times). */
export type ValueRows = (def: IndicatorDef, period: Period, kecamatan: string) => Promise<ValueRow[]>;

/** Rows from the values service (the same roll-up and cache as GET /api/nilai), remembered for one use. */
export function valueRows(values: Pick<ValuesService, 'childValues'>): ValueRows {
  const cache = new Map<string, Promise<ValueRow[]>>();
  return (def, period, kecamatan) => {
    const key = `${def.code}|${period.code}|${kecamatan}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = values.childValues(def, period, kecamatan);
      cache.set(key, hit);
    }
    return hit;
  };
}

/** The value rows of the area's desa: the kecamatan's children, or the puskesmas' desa gathered from their kecamatan. */
export async function areaRows(
  rows: ValueRows,
  def: IndicatorDef,
  period: Period,
  area: Pick<MeetingArea, 'kind' | 'kode' | 'desa'>,
) {
  if (area.kind === 'kecamatan') return rows(def, period, area.kode);
  const desa = new Set(area.desa);
  const kecamatan = new Set(area.desa.map((d) => ancestorAt(d, 'kecamatan')).filter((k): k is string => k !== null));
  const perKecamatan = await Promise.all([...kecamatan].map((k) => rows(def, period, k)));
  return perKecamatan.flat().filter((r) => desa.has(r.kode));
}

export function meetingAreas(deps: {
  wilayah: WilayahRepository;
  wilayahKerja: Pick<WilayahKerjaRepository, 'puskesmasAt'>;
}) {
  return {
    /** The area of a meeting (or of one about to be created) on its date. */
    async areaOf(m: Pick<MeetingRow, 'wilayahKode' | 'puskesmasKode' | 'tanggal'>): Promise<MeetingArea> {
      if (m.puskesmasKode) {
        const p = await deps.wilayahKerja.puskesmasAt(m.puskesmasKode, m.tanggal);
        if (!p) throw notFound(`Puskesmas dengan kode ${m.puskesmasKode} tidak ditemukan.`);
        return { kind: 'puskesmas', kode: p.kode, nama: titleCase(p.nama), mapKode: p.kabupaten, desa: p.desa };
      }
      const kode = m.wilayahKode ?? '';
      const [area, children] = await Promise.all([deps.wilayah.findByKode(kode), deps.wilayah.children(kode)]);
      return { kind: 'kecamatan', kode, nama: area?.nama ?? kode, mapKode: kode, desa: children.map((c) => c.kode) };
    },

    /** Whether a puskesmas exists (any date): its kode and kabupaten, else 404. */
    async requirePuskesmas(kode: string): Promise<{ kode: string; kabupaten: string }> {
      const p = await deps.wilayahKerja.puskesmasAt(kode, '1900-01-01');
      if (!p) throw notFound(`Puskesmas dengan kode ${kode} tidak ditemukan.`);
      return p;
    },

    /** The names of these desa (kode → nama). */
    async desaNames(kodes: string[]): Promise<Map<string, string>> {
      const found = await deps.wilayah.findMany([...new Set(kodes)]);
      return new Map(found.map((w) => [w.kode, w.nama]));
    },
  };
}

export type MeetingAreas = ReturnType<typeof meetingAreas>;
