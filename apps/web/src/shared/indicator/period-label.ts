// Period and month names in the UI language. Bahasa Indonesia labels are the domain's own (period.label);
// English month names come from Intl, so no month name is written twice.
import { MONTH_NAMES_ID, MONTH_SHORT_ID, type Period } from '@peta/domain';
import type { Lang, TFunction } from '../../i18n/i18n.tsx';

const EN_MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 1))),
);

const EN_SHORT = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 1))),
);

/**
 * The period in a few characters for a phone's control bar: "Jan–Okt 2026", "Okt 2026", "TW III 2026" / "Q3 2026",
 * "2026". The full label stays the button's accessible name and the legend's.
 */
export function shortPeriodLabel(period: Period, lang: Lang): string {
  const month = (m: number) => (lang === 'id' ? MONTH_SHORT_ID : EN_SHORT)[m - 1] ?? String(m);
  const { year, fromMonth, toMonth } = period;
  switch (period.kind) {
    case 'month':
      return `${month(fromMonth)} ${year}`;
    case 'quarter': {
      const q = Math.ceil(toMonth / 3);
      return lang === 'id' ? `TW ${['I', 'II', 'III', 'IV'][q - 1]} ${year}` : `Q${q} ${year}`;
    }
    case 'year':
      return String(year);
    case 'cumulative':
      return fromMonth === toMonth ? `${month(fromMonth)} ${year}` : `${month(fromMonth)}–${month(toMonth)} ${year}`;
  }
}

export function monthName(month: number, lang: Lang): string {
  return (lang === 'id' ? MONTH_NAMES_ID : EN_MONTHS)[month - 1] ?? String(month);
}

export function periodLabel(period: Period, lang: Lang, t: TFunction): string {
  if (lang === 'id') return period.label;
  const { year, fromMonth, toMonth } = period;
  switch (period.kind) {
    case 'month':
      return `${monthName(fromMonth, lang)} ${year}`;
    case 'quarter':
      return t('period.quarterLabel', { q: Math.ceil(toMonth / 3), year });
    case 'year':
      return String(year);
    case 'cumulative':
      return fromMonth === toMonth
        ? `${monthName(fromMonth, lang)} ${year}`
        : `${monthName(fromMonth, lang)}–${monthName(toMonth, lang)} ${year}`;
  }
}
