// Wilayah by kode: one area with its parents, its children, and the checks every use case makes before it reads or
// writes about an area (a kode of the right form and tingkat that exists). Kode wilayah Kemendagri is the key.
import { ancestorsOf, childTingkat, isKode, tingkatOf, type Tingkat } from '@peta/domain';
import type { Wilayah, WilayahChild } from '@peta/domain/contract';
import { invalid, notFound } from '../errors.ts';
import { kodeParam } from '../inputs.ts';
import type { WilayahRepository, WilayahRow } from './wilayah-repository.ts';

const toChild = (r: WilayahRow): WilayahChild => ({
  kode: r.kode,
  nama: r.nama,
  tingkat: r.tingkat,
  hasGeometry: r.hasGeometry,
  childCount: r.childCount,
  bbox: r.bbox,
  label: r.label,
});

export function wilayahService(repo: WilayahRepository) {
  /** The wilayah with this kode: 400 for a malformed kode, 404 for an unknown one. */
  async function requireWilayah(kode: string): Promise<WilayahRow> {
    const row = await repo.findByKode(kodeParam(kode));
    if (!row) throw notFound(`Wilayah dengan kode ${kode} tidak ditemukan.`);
    return row;
  }

  return {
    requireWilayah,

    /** A kabupaten/kota (the planner's unit): its kode form first, then that it exists. */
    async requireKabupaten(kode: string): Promise<WilayahRow> {
      if (!isKode(kode) || tingkatOf(kode) !== 'kabupaten') {
        throw invalid(
          'INVALID_KABUPATEN',
          `Kode kabupaten/kota tidak sah: "${kode}". Gunakan kode bertitik, misalnya 12.07.`,
        );
      }
      const area = await repo.findByKode(kode);
      if (!area) throw notFound(`Kabupaten/kota dengan kode ${kode} tidak ditemukan.`);
      return area;
    },

    /** A desa/kelurahan: its kode form first, then that it exists. */
    async requireDesa(kode: string): Promise<WilayahRow> {
      if (!isKode(kode) || tingkatOf(kode) !== 'desa') throw invalid('INVALID_KODE', `Kode desa tidak sah: "${kode}".`);
      const desa = await repo.findByKode(kode);
      if (!desa) throw notFound(`Desa dengan kode ${kode} tidak ditemukan.`);
      return desa;
    },

    async provinces(): Promise<WilayahChild[]> {
      return (await repo.children(null)).map(toChild);
    },

    /** One wilayah with its parents (provinsi first) and the tingkat of its children. */
    async detail(kode: string): Promise<Wilayah> {
      const row = await requireWilayah(kode);
      const parents = await repo.findMany(ancestorsOf(row.kode));
      return {
        kode: row.kode,
        nama: row.nama,
        tingkat: row.tingkat,
        parents: parents.map((p) => ({ kode: p.kode, nama: p.nama, tingkat: p.tingkat })),
        bbox: row.bbox,
        label: row.label,
        hasGeometry: row.hasGeometry,
        childCount: row.childCount,
        childTingkat: childTingkat(row.tingkat as Tingkat),
      };
    },

    async children(kode: string): Promise<WilayahChild[]> {
      const row = await requireWilayah(kode);
      return (await repo.children(row.kode)).map(toChild);
    },
  };
}

export type WilayahService = ReturnType<typeof wilayahService>;
