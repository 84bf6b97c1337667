import { describe, expect, it } from 'vitest';
import { INDICATORS } from '@peta/domain';
import type { IndicatorDto } from '@peta/domain/contract';
import { defaultIndicator, firstMatch, groupIndicators, resolveIndicator } from './indicator-choice.ts';

const withData = (codes: string[]): IndicatorDto[] =>
  INDICATORS.map((d) => ({ ...d, hasData: codes.includes(d.code) }) as IndicatorDto);

describe('defaultIndicator', () => {
  it('is the first SPM indicator that has data', () => {
    expect(defaultIndicator(withData(['KIA_K4', 'SPM03_BBL', 'SPM01_BUMIL']))?.code).toBe('SPM01_BUMIL');
    expect(defaultIndicator(withData(['KIA_K4', 'SPM03_BBL']))?.code).toBe('SPM03_BBL');
  });

  it('falls back to any indicator with data, then to the first of the catalogue', () => {
    expect(defaultIndicator(withData(['KIA_K4']))?.code).toBe('KIA_K4');
    expect(defaultIndicator(withData([]))?.code).toBe(INDICATORS[0].code);
    expect(defaultIndicator([])).toBeUndefined();
  });
});

describe('resolveIndicator', () => {
  const list = withData(['SPM01_BUMIL', 'KIA_K4']);
  it('takes the URL indicator, even one without data (the picker marks it)', () => {
    expect(resolveIndicator(list, 'KIA_K4')?.code).toBe('KIA_K4');
    expect(resolveIndicator(list, 'KIA_K6')?.code).toBe('KIA_K6');
  });
  it('uses the default without an indicator or for one the catalogue does not have', () => {
    expect(resolveIndicator(list, null)?.code).toBe('SPM01_BUMIL');
    expect(resolveIndicator(list, 'NOPE')?.code).toBe('SPM01_BUMIL');
  });
});

describe('groupIndicators', () => {
  const list = withData(['SPM01_BUMIL']);

  it('groups the whole catalogue in picker order, SPM first', () => {
    const groups = groupIndicators(list);
    // The catalogue has no indicator in group K3 (its SPM and PWS indicators are in their own groups).
    expect(groups.map((g) => g.code)).toEqual(['SPM', 'PWS KIA', 'K1', 'K2', 'K4']);
    expect(groups.flatMap((g) => g.items)).toHaveLength(INDICATORS.length);
    expect(groups[0]!.items.every((d) => d.group === 'SPM')).toBe(true);
    expect(groups[0]!.items).toHaveLength(12);
  });

  it('finds by short label, name or code, ignoring case, accents and underscores', () => {
    expect(groupIndicators(list, 'k4').flatMap((g) => g.items.map((d) => d.code))).toContain('KIA_K4');
    expect(groupIndicators(list, 'kia k4').flatMap((g) => g.items.map((d) => d.code))).toEqual(['KIA_K4']);
    expect(groupIndicators(list, 'STUNTING').flatMap((g) => g.items.map((d) => d.code))).toEqual(['GZ_STUNTING']);
    expect(groupIndicators(list, 'antenatal').flatMap((g) => g.items.map((d) => d.code))).toContain('SPM01_BUMIL');
  });

  it('needs every word and leaves out empty groups', () => {
    const groups = groupIndicators(list, 'ibu hamil spm');
    expect(groups.map((g) => g.code)).toEqual(['SPM']);
    expect(groups[0]!.items.map((d) => d.code)).toEqual(['SPM01_BUMIL']);
    expect(groupIndicators(list, 'tidak ada yang cocok')).toEqual([]);
  });
});

describe('firstMatch (Enter in the search)', () => {
  const list = withData(['SPM01_BUMIL', 'KIA_K4']);
  it('takes the first indicator listed: "K4" is K4, "stunting" is stunting', () => {
    expect(firstMatch(list, 'K4')?.code).toBe('KIA_K4');
    expect(firstMatch(list, 'stunting')?.code).toBe('GZ_STUNTING');
    expect(firstMatch(list, 'ibu hamil')?.code).toBe('SPM01_BUMIL');
  });
  it('takes nothing when nothing matches', () => {
    expect(firstMatch(list, 'tidak ada yang cocok')).toBeUndefined();
  });
});
