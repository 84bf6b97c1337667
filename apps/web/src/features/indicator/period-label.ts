// Period and month names in the UI language. Bahasa Indonesia labels are the domain's own (period.label);
// English month names come from Intl, so no month name is written twice.
import { MONTH_NAMES_ID, type Period } from '@peta/domain';
import type { Lang, TFunction } from '../../i18n/i18n.tsx';

const EN_MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 1))));

export function monthName(month: number, lang: Lang): string {
  return (lang === 'id' ? MONTH_NAMES_ID : EN_MONTHS)[month - 1] ?? String(month);
}

export function periodLabel(period: Period, lang: Lang, t: TFunction): string {
  if (lang === 'id') return period.label;
  const { year, fromMonth, toMonth } = period;
  switch (period.kind) {
    case 'month': return `${monthName(fromMonth, lang)} ${year}`;
    case 'quarter': return t('period.quarterLabel', { q: Math.ceil(toMonth / 3), year });
    case 'year': return String(year);
    case 'cumulative': return fromMonth === toMonth
      ? `${monthName(fromMonth, lang)} ${year}`
      : `${monthName(fromMonth, lang)}–${monthName(toMonth, lang)} ${year}`;
  }
}
