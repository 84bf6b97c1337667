// Rules for the key cells of an import row: kode wilayah, periode, tahun, indikator, kelompok sasaran, sumber.
import { getIndicator, type IndicatorDef } from '../indicators/catalogue.ts';
import { isSasaranCode, type SasaranCode } from '../indicators/sasaran.ts';
import { normaliseKode, tingkatOf } from '../wilayah.ts';
import { cellError, isBlank, cellOk, showCell, type CellResult, type CellValue } from './issues.ts';

import type { YearMonth } from '../indicators/period.ts';

export interface KodeCell {
  kode: string;
  /** Written without dots or with spaces and read as `kode` (reported as a warning). */
  normalised: boolean;
}

/**
 * A desa code. Written without dots (1210092001, as SATUSEHAT exports it) or with spaces, it is read when the
 * digits split one way only; anything else is refused. Values are reported per desa/kelurahan only.
 */
export function parseDesaKode(value: CellValue): CellResult<KodeCell> {
  if (isBlank(value)) return cellError('KODE_INVALID', 'Kode wilayah kosong.');
  const raw = typeof value === 'number' && Number.isInteger(value) ? String(value) : showCell(value).trim();
  const kode = normaliseKode(raw);
  if (kode === null) {
    return cellError(
      'KODE_INVALID',
      `Kode wilayah tidak dapat dibaca: "${raw}". Gunakan kode Kemendagri desa, misalnya 12.10.09.2001.`,
    );
  }
  if (tingkatOf(kode) !== 'desa') {
    return cellError(
      'KODE_NOT_DESA',
      `Kode ${kode} bukan kode desa/kelurahan: nilai dicatat per desa (kode 10 angka, misalnya 12.10.09.2001).`,
    );
  }
  return cellOk({ kode, normalised: kode !== raw });
}

/** Is `kode` the wilayah itself or inside it (12.10.09.2001 is inside 12.10 and 12.10.09)? */
export function isInsideWilayah(kode: string, wilayah: string): boolean {
  return kode === wilayah || kode.startsWith(`${wilayah}.`);
}

/**
 * An import period: one month, YYYY-MM. Excel turns "2026-10" typed in a cell into a date (1 Oktober 2026):
 * such a date cell is read as its month. A month after `today`'s month is refused (data cannot come from the future).
 */
export function parseImportMonth(value: CellValue, today: YearMonth): CellResult<YearMonth> {
  let ym: YearMonth | null = null;
  if (value instanceof Date) {
    ym = { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1 };
  } else if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1900)
      ym = { year: Number(m[1]), month: Number(m[2]) };
  }
  if (!ym) {
    return cellError(
      'PERIOD_INVALID',
      `Periode tidak sah: "${showCell(value)}". Tulis bulan sebagai TTTT-BB, misalnya 2026-10.`,
    );
  }
  if (ym.year * 12 + ym.month > today.year * 12 + today.month) {
    return cellError(
      'PERIOD_FUTURE',
      `Periode ${formatYearMonth(ym)} belum terjadi (bulan ini ${formatYearMonth(today)}).`,
    );
  }
  return cellOk(ym);
}

/** "2026-10" */
export function formatYearMonth({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A sasaran year: four digits; next year is allowed (sasaran are set before the year starts). */
export function parseSasaranYear(value: CellValue, today: YearMonth): CellResult<number> {
  const s = typeof value === 'number' ? String(value) : showCell(value).trim();
  if (!/^\d{4}$/.test(s) || Number(s) < 1900)
    return cellError('YEAR_INVALID', `Tahun tidak sah: "${s}". Tulis empat angka, misalnya 2026.`);
  if (Number(s) > today.year + 1)
    return cellError('YEAR_FUTURE', `Tahun ${s} terlalu jauh di depan (paling lambat ${today.year + 1}).`);
  return cellOk(Number(s));
}

/** An indicator code of the catalogue; case does not matter (kia_k4 is KIA_K4). */
export function parseIndicator(value: CellValue): CellResult<IndicatorDef> {
  const s = showCell(value).trim();
  const def = getIndicator(s.toUpperCase());
  if (!def)
    return cellError(
      'INDICATOR_UNKNOWN',
      `Indikator tidak dikenal: "${s}". Lihat kode indikator di katalog (GET /api/indikator), misalnya KIA_K4.`,
    );
  return cellOk(def);
}

export function parseSasaranGroup(value: CellValue): CellResult<SasaranCode> {
  const s = showCell(value).trim().toLowerCase();
  if (!isSasaranCode(s))
    return cellError(
      'SASARAN_UNKNOWN',
      `Kelompok sasaran tidak dikenal: "${showCell(value).trim()}", misalnya bumil, bayi, balita_0_59.`,
    );
  return cellOk(s);
}

export function parseSource(value: CellValue): CellResult<string> {
  const s = showCell(value).trim();
  if (!s)
    return cellError(
      'SOURCE_REQUIRED',
      'Sumber wajib diisi, misalnya "register kohort ibu 2026" atau "proyeksi Pusdatin 2026".',
    );
  return cellOk(s);
}

/** Sasaran from a register are counted by name; projections and estimates are kind 'estimate'. */
export function sasaranKindOf(source: string): 'register' | 'estimate' {
  return /estimasi|proyeksi|perkiraan|estimate|projection/i.test(source) ? 'estimate' : 'register';
}

/** Does the indicator carry its own (counted) denominator, i.e. a `penyebut` column? */
export function hasCountedDenominator(def: IndicatorDef): boolean {
  return def.denominator.kind === 'counted';
}
