// The three import formats and how a file says which one it is.
//   long      kode_wilayah,periode,indikator,pembilang,penyebut   (exports of other systems)
//   sasaran   kode_wilayah,tahun,sasaran,jumlah,sumber
//   template  the wide Excel/CSV template: a header block (versi_templat, wilayah, periode), then one row per
//             desa and one column per indicator (and "<KODE> (penyebut)" for counted denominators).
import type { CellValue } from './issues.ts';

export const LONG_COLUMNS = ['kode_wilayah', 'periode', 'indikator', 'pembilang', 'penyebut'] as const;
export const SASARAN_COLUMNS = ['kode_wilayah', 'tahun', 'sasaran', 'jumlah', 'sumber'] as const;

/** Bumped when the template layout changes: an older template is refused with a clear message. */
export const TEMPLATE_VERSION = 'peta-desa-templat-1';
export const TEMPLATE_KEYS = { version: 'versi_templat', wilayah: 'wilayah', period: 'periode' } as const;
export const TEMPLATE_KODE_COLUMN = 'kode_wilayah';
export const TEMPLATE_NAMA_COLUMN = 'nama_desa';

/** The three spreadsheet formats, then the exchange formats of other systems (../exchange/files.ts). */
export type ImportFormat = 'long' | 'sasaran' | 'template' | 'dhis2-json' | 'dhis2-csv' | 'adx' | 'fhir' | 'profil';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  long: 'nilai format panjang (kode_wilayah,periode,indikator,pembilang,penyebut)',
  sasaran: 'sasaran (kode_wilayah,tahun,sasaran,jumlah,sumber)',
  template: 'templat isian per desa',
  'dhis2-json': 'DHIS2 dataValueSet (.json)',
  'dhis2-csv': 'DHIS2 dataValueSet CSV (dataelement,period,orgunit,…)',
  adx: 'IHE ADX (.xml)',
  fhir: 'FHIR R4 MeasureReport (.json)',
  profil: 'berkas lain dengan profil impor (kolomnya dipetakan sekali di wizard impor)',
};

export const headerName = (value: CellValue): string =>
  typeof value === 'string'
    ? value.trim().toLowerCase()
    : String(value ?? '')
        .trim()
        .toLowerCase();

/** Which format a sheet is in, from its first non-empty row; null when it is none of them. */
export function detectFormat(firstRow: readonly CellValue[]): ImportFormat | null {
  const names = firstRow.map(headerName);
  if (names[0] === TEMPLATE_KEYS.version) return 'template';
  if (LONG_COLUMNS.slice(0, 4).every((c) => names.includes(c))) return 'long';
  if (SASARAN_COLUMNS.slice(0, 4).every((c) => names.includes(c))) return 'sasaran';
  return null;
}

/** Column header of a counted denominator in the template. */
export const denominatorColumn = (code: string) => `${code} (penyebut)`;
const DENOMINATOR_HEADER = /^(\S+)\s*\(penyebut\)$/i;

/** A template column header: an indicator numerator, its denominator, or something else. */
export function templateColumn(header: string): { code: string; part: 'pembilang' | 'penyebut' } | null {
  const h = header.trim();
  if (!h) return null;
  const m = DENOMINATOR_HEADER.exec(h);
  if (m) return { code: m[1]!.toUpperCase(), part: 'penyebut' };
  if (/^[A-Za-z0-9_]+$/.test(h)) return { code: h.toUpperCase(), part: 'pembilang' };
  return null;
}
