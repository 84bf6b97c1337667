// Official names of levels, per wilayah: Kabupaten vs Kota (kk ≥ 71), Desa vs Kelurahan (dddd starting with 1).
import { isKelurahan, isKota, type Tingkat } from '@peta/domain';
import type { MessageKey, TFunction } from '../../i18n/i18n.tsx';

export function tingkatLabel(kode: string, tingkat: Tingkat, t: TFunction): string {
  switch (tingkat) {
    case 'provinsi':
      return t('tingkat.provinsi');
    case 'kabupaten':
      return t(isKota(kode) ? 'tingkat.kota' : 'tingkat.kabupaten');
    case 'kecamatan':
      return t('tingkat.kecamatan');
    case 'desa':
      return t(isKelurahan(kode) ? 'tingkat.kelurahan' : 'tingkat.desa');
  }
}

/** "Kecamatan Bilah Hulu", but "Kabupaten Labuhanbatu" as is: boundary names of kabupaten/kota already carry it. */
export function withTingkat(kode: string, tingkat: Tingkat, nama: string, t: TFunction): string {
  const label = tingkatLabel(kode, tingkat, t);
  return hasTingkatPrefix(nama, label) ? nama : `${label} ${nama}`;
}

export const hasTingkatPrefix = (nama: string, label: string) =>
  nama.toLocaleLowerCase('id').startsWith(`${label.toLocaleLowerCase('id')} `);

const COUNT_KEYS: Record<Tingkat, MessageKey> = {
  provinsi: 'count.provinsi',
  kabupaten: 'count.kabupaten',
  kecamatan: 'count.kecamatan',
  desa: 'count.desa',
};

/** "24 desa/kelurahan", "33 kabupaten/kota". */
export const countLabel = (tingkat: Tingkat, n: number, t: TFunction) => t(COUNT_KEYS[tingkat], { n });

const HINT_KEYS: Record<Tingkat, MessageKey> = {
  provinsi: 'list.hint.provinsi',
  kabupaten: 'list.hint.kabupaten',
  kecamatan: 'list.hint.kecamatan',
  desa: 'list.hint.desa',
};
export const hintLabel = (tingkat: Tingkat, t: TFunction) => t(HINT_KEYS[tingkat]);
