// Bahasa Indonesia number and value formatting for tables, legends and tooltips (decimal comma, dot thousands).
import type { IndicatorUnit } from './catalogue.ts';

const formatters = new Map<number, Intl.NumberFormat>();

/** 69.2307 → "69,2"; 100000 → "100.000" with 0 decimals. */
export function formatNumberId(value: number, decimals = 1): string {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(decimals, f);
  }
  const s = f.format(value);
  return /^-0(,0*)?$/.test(s) ? s.slice(1) : s;
}

/** A count as Indonesians write it: 200000 → "200.000", 0.5 → "0,5" (whole numbers without decimals). */
export function formatCountId(value: number): string {
  return formatNumberId(value, Number.isInteger(value) ? 0 : 1);
}

/** A size in bytes for messages: 52428800 → "50 MB", 1572864 → "1,5 MB", 262144 → "256 KB". */
export function formatByteSize(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${formatCountId(Math.round((bytes / MB) * 10) / 10)} MB`;
  return `${formatCountId(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** 69.23 → "69,2%"; 47 (per100k) → "47,0 per 100.000"; null → "tidak ada data". */
export function formatValue(value: number | null, unit: IndicatorUnit, decimals = 1): string {
  if (value === null) return 'tidak ada data';
  return unit === 'percent' ? `${formatNumberId(value, decimals)}%` : `${formatNumberId(value, decimals)} per 100.000`;
}

/** "45/65"; null parts shown as "–". */
export function formatFraction(numerator: number | null, denominator: number | null): string {
  const f = (x: number | null) => (x === null ? '–' : formatCountId(x));
  return `${f(numerator)}/${f(denominator)}`;
}
