// Which indicator is shown, and how the picker groups and filters the catalogue. Pure, unit-tested.
import { INDICATOR_GROUPS, type IndicatorGroup } from '@peta/domain';
import type { IndicatorDto } from '@peta/domain/contract';

/**
 * The indicator shown when the URL names none: the first SPM indicator with data (SPM is the mandate every
 * kabupaten/kota reports on), else any indicator with data, else the first of the catalogue.
 */
export function defaultIndicator(list: readonly IndicatorDto[]): IndicatorDto | undefined {
  return list.find((d) => d.group === 'SPM' && d.hasData) ?? list.find((d) => d.hasData) ?? list[0];
}

/** The indicator of the URL when the catalogue has it, else the default. */
export function resolveIndicator(list: readonly IndicatorDto[], code: string | null): IndicatorDto | undefined {
  return (code ? list.find((d) => d.code === code) : undefined) ?? defaultIndicator(list);
}

export interface IndicatorGroupView {
  code: IndicatorGroup;
  labelId: string;
  labelEn: string;
  items: IndicatorDto[];
}

export const normaliseSearch = (s: string) =>
  s
    .toLocaleLowerCase('id')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_\s]+/g, ' ')
    .trim();

/**
 * The catalogue in picker groups (SPM, PWS KIA, klaster 1–4, in that order), keeping only indicators whose code,
 * names or short label contain every word of `query`. Empty groups are left out; catalogue order is kept.
 */
export function groupIndicators(list: readonly IndicatorDto[], query = ''): IndicatorGroupView[] {
  const words = normaliseSearch(query).split(' ').filter(Boolean);
  const matches = (d: IndicatorDto) => {
    if (words.length === 0) return true;
    const haystack = normaliseSearch([d.code, d.short, d.nameId, d.nameEn].join(' '));
    return words.every((w) => haystack.includes(w));
  };
  return INDICATOR_GROUPS.map((g) => ({
    code: g.code,
    labelId: g.labelId,
    labelEn: g.labelEn,
    items: list.filter((d) => d.group === g.code && matches(d)),
  })).filter((g) => g.items.length > 0);
}

/** What Enter in the picker's search takes: the first indicator listed for `query` (undefined: nothing matches). */
export function firstMatch(list: readonly IndicatorDto[], query: string): IndicatorDto | undefined {
  return groupIndicators(list, query)[0]?.items[0];
}
