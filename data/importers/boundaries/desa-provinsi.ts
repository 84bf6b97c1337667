// DESA_PROVINSI, the provinces whose desa are loaded: parsed before anything heavy loads (data/prepare.ts reads it
// while the embedded database starts), so this module imports nothing.
export type DesaProvinsi = string[] | 'all';

export function desaProvinsiIncludes(desaProvinsi: DesaProvinsi, kodeProvinsi: string): boolean {
  return desaProvinsi === 'all' || desaProvinsi.includes(kodeProvinsi);
}

/** Normal form stored in boundary_import.desa_provinsi: "all" or sorted codes joined by commas. */
export function formatDesaProvinsi(desaProvinsi: DesaProvinsi): string {
  return desaProvinsi === 'all' ? 'all' : [...new Set(desaProvinsi)].sort().join(',');
}

/**
 * Read DESA_PROVINSI: "12,21,92", "12 21", "all" (case-insensitive). Empty → the default, all of Indonesia (issue 17:
 * the national first start is ≤ 120 s on 2 cores, README "Measured figures").
 */
export function parseDesaProvinsi(value: string | undefined, fallback: DesaProvinsi = 'all'): DesaProvinsi {
  const text = (value ?? '').trim();
  if (!text) return fallback;
  if (/^(all|semua)$/i.test(text)) return 'all';
  const codes = text.split(/[\s,;]+/).filter(Boolean);
  for (const code of codes) {
    if (!/^\d{2}$/.test(code)) {
      throw new Error(
        `DESA_PROVINSI tidak sah: "${code}" bukan kode provinsi dua angka (contoh: DESA_PROVINSI=12,21,92 atau DESA_PROVINSI=all)`,
      );
    }
  }
  return [...new Set(codes)].sort();
}
