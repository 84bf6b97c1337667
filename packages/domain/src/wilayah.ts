// Kode wilayah Kemendagri: pp.kk.cc.dddd (provinsi . kabupaten/kota . kecamatan . desa/kelurahan).
// The level follows from the number of segments; BPS and Kemenkes codes are other schemes and never derived from it.

export const TINGKAT = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
export type Tingkat = (typeof TINGKAT)[number];

const KODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const SEGMENT_LENGTHS = [2, 2, 2, 4];

export function isKode(value: string): boolean {
  return KODE_PATTERN.test(value);
}

export function tingkatOf(kode: string): Tingkat {
  if (!isKode(kode)) throw new Error(`Kode wilayah tidak sah: "${kode}"`);
  return TINGKAT[kode.split('.').length - 1]!;
}

export function parentOf(kode: string): string | null {
  const i = kode.lastIndexOf('.');
  return i < 0 ? null : kode.slice(0, i);
}

/**
 * The wilayah at `tingkat` that holds `kode`, or `kode` itself at its own level: ancestorAt('12.10.09.2001',
 * 'kecamatan') = '12.10.09', ancestorAt('12.10.09.2001', 'provinsi') = '12'. Null when `kode` lies above `tingkat`
 * (a kabupaten has no kecamatan) or is not a kode wilayah (missing, a puskesmas code, a typo). The one way to cut a
 * kode: never slice its text by hand.
 */
export function ancestorAt(kode: string | null | undefined, tingkat: Tingkat): string | null {
  if (!kode || !isKode(kode)) return null;
  const parts = kode.split('.');
  const depth = TINGKAT.indexOf(tingkat) + 1;
  return parts.length >= depth ? parts.slice(0, depth).join('.') : null;
}

/** All ancestors, from the provinsi down to the direct parent. */
export function ancestorsOf(kode: string): string[] {
  const parts = kode.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

export function childTingkat(tingkat: Tingkat | null): Tingkat | null {
  if (tingkat === null) return 'provinsi';
  return TINGKAT[TINGKAT.indexOf(tingkat) + 1] ?? null;
}

/** Desa code `dddd` starting with 1 is a kelurahan, with 2 a desa (Kemendagri convention). */
export function isKelurahan(kode: string): boolean {
  return tingkatOf(kode) === 'desa' && kode.split('.')[3]!.startsWith('1');
}

/** Kota codes use kk 71–79; kabupaten 01–69. */
export function isKota(kode: string): boolean {
  return tingkatOf(kode) === 'kabupaten' && Number(kode.split('.')[1]) >= 71;
}

/**
 * Normalise a code as people type it: spaces removed, and a code without dots (2, 4, 6 or 10 digits,
 * SATUSEHAT style) given its dots. Returns null when it cannot be read unambiguously.
 */
export function normaliseKode(input: string): string | null {
  const s = input.replace(/\s+/g, '');
  if (isKode(s)) return s;
  if (!/^\d+$/.test(s)) return null;
  const parts: string[] = [];
  let rest = s;
  for (const len of SEGMENT_LENGTHS) {
    if (!rest) break;
    if (rest.length < len) return null;
    parts.push(rest.slice(0, len));
    rest = rest.slice(len);
  }
  if (rest) return null;
  return parts.join('.');
}
