// What the "Unduh templat" form asks the API for: the wilayah (from the cascading selects), the month and the
// indicators, turned into GET /api/templat?…. Pure, unit-tested.
import {
  ancestorAt,
  formatYearMonth,
  isKode,
  monthBefore,
  tingkatOf,
  tryParsePeriod,
  type Tingkat,
  type YearMonth,
  yearMonthOf,
} from '@peta/domain';

export type TemplateFormat = 'xlsx' | 'csv';

export interface TemplateRequest {
  wilayah: string;
  period: YearMonth;
  indicators: readonly string[];
  format: TemplateFormat;
}

/** GET /api/templat?wilayah=12.10.09&periode=2026-10&indikator=KIA_K4,SPM11_TB&format=csv (dots and commas kept readable). */
export function templateUrl(req: TemplateRequest): string {
  const query = new URLSearchParams({
    wilayah: req.wilayah,
    periode: formatYearMonth(req.period),
    indikator: req.indicators.join(','),
    format: req.format,
  });
  return `/api/templat?${query.toString().replace(/%2C/g, ',')}`;
}

/** The file name the API will give the template (Content-Disposition): templat-12.10.09-2026-10.xlsx. */
export function templateFileName(req: Pick<TemplateRequest, 'wilayah' | 'period' | 'format'>): string {
  return `templat-${req.wilayah}-${formatYearMonth(req.period)}.${req.format}`;
}

/** The file name from a Content-Disposition header, or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  const m = header ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header) : null;
  return m ? decodeURIComponent(m[1]!) : null;
}

/** The form's month from the map's ?periode (its last month: 2026-01..2026-10 → 2026-10), else the month before today. */
export function initialMonth(periode: string | null, today: Date): YearMonth {
  const period = periode ? tryParsePeriod(periode) : null;
  const fallback = monthBefore(today); // the last complete reporting month
  if (!period) return fallback;
  const chosen = { year: period.year, month: period.toMonth };
  return isAfter(chosen, yearMonthOf(today)) ? fallback : chosen;
}

export const isAfter = (a: YearMonth, b: YearMonth) => a.year * 12 + a.month > b.year * 12 + b.month;

/** Years offered by the form: this year and the two before it, newest first. */
export function yearOptions(today: Date, count = 3): number[] {
  return Array.from({ length: count }, (_, i) => yearMonthOf(today).year - i);
}

/** Months 1..12 that are not in the future for `year`. */
export function monthOptions(year: number, today: Date): number[] {
  const now = yearMonthOf(today);
  const last = year < now.year ? 12 : year > now.year ? 0 : now.month;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** The month kept within the months offered for its year (switching to this year clamps a later month). */
export function clampMonth(ym: YearMonth, today: Date): YearMonth {
  const months = monthOptions(ym.year, today);
  return months.includes(ym.month) ? ym : { year: ym.year, month: months[months.length - 1] ?? 1 };
}

/** The four levels of the cascading selects, from a kode: 12.10.09 → ['12', '12.10', '12.10.09', '']. */
export function levelsOf(kode: string | null): [string, string, string, string] {
  const at = (tingkat: Tingkat) => ancestorAt(kode, tingkat) ?? '';
  return [at('provinsi'), at('kabupaten'), at('kecamatan'), at('desa')];
}

/** The deepest level chosen: the template's wilayah ('' when none). */
export function chosenKode(levels: readonly string[]): string {
  return [...levels].reverse().find(Boolean) ?? '';
}

/**
 * A template is for a kabupaten/kota, a kecamatan or a desa: a provinsi has thousands of desa (too big a sheet to
 * fill by hand), so the form asks for a kabupaten/kota at least.
 */
export function canBuildTemplate(kode: string): boolean {
  if (!isKode(kode)) return false;
  const tingkat: Tingkat = tingkatOf(kode);
  return tingkat !== 'provinsi';
}
