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

/** 69.23 → "69,2%"; 47 (per100k) → "47,0 per 100.000"; null → "tidak ada data". */
export function formatValue(value: number | null, unit: IndicatorUnit, decimals = 1): string {
  if (value === null) return 'tidak ada data';
  return unit === 'percent' ? `${formatNumberId(value, decimals)}%` : `${formatNumberId(value, decimals)} per 100.000`;
}

/** "45/65"; null parts shown as "–". */
export function formatFraction(numerator: number | null, denominator: number | null): string {
  const f = (x: number | null) => (x === null ? '–' : formatNumberId(x, Number.isInteger(x) ? 0 : 1));
  return `${f(numerator)}/${f(denominator)}`;
}
