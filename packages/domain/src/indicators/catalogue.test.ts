import { describe, expect, it } from 'vitest';
import {
  INDICATORS,
  INDICATOR_GROUPS,
  IndicatorError,
  denominatorLabel,
  getIndicator,
  isIndicatorCode,
  requireIndicator,
} from './catalogue.ts';
import { isSasaranCode } from './sasaran.ts';

describe('INDICATORS', () => {
  it('has unique codes in upper case', () => {
    const codes = INDICATORS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[A-Z0-9_]+$/);
  });
  it('holds the 12 SPM kesehatan services of PP 2/2018', () => {
    const spm = INDICATORS.filter((d) => d.group === 'SPM').map((d) => d.code);
    expect(spm).toHaveLength(12);
    for (let i = 1; i <= 12; i++) expect(spm.some((c) => c.startsWith(`SPM${String(i).padStart(2, '0')}_`))).toBe(true);
    for (const d of INDICATORS.filter((x) => x.group === 'SPM')) expect(d.target).toBe(100);
  });
  it('holds the PWS KIA set (§4.3)', () => {
    const pws = INDICATORS.filter((d) => d.group === 'PWS KIA').map((d) => d.code);
    for (const c of [
      'KIA_K1',
      'KIA_K4',
      'KIA_K6',
      'KIA_PN',
      'KIA_PF',
      'KIA_KF',
      'KIA_DRT_MASY',
      'KIA_DRT_NAKES',
      'KIA_PK',
      'KIA_KN1',
      'KIA_KNL',
      'KIA_NK',
      'KIA_KBY',
      'KIA_KBAL',
      'KIA_MTBS',
      'KIA_CPR',
    ])
      expect(pws).toContain(c);
  });
  it('covers imunisasi, gizi, TB and the ILP klaster', () => {
    for (const c of ['IMM_IDL', 'GZ_DS', 'GZ_STUNTING', 'GZ_WASTING', 'TB_TERDUGA', 'TB_TPT', 'DBD_IR'])
      expect(isIndicatorCode(c)).toBe(true);
    const klaster = new Set(INDICATORS.map((d) => d.klaster));
    expect([...klaster].sort()).toEqual(['K1', 'K2', 'K3', 'K4']);
  });
  it('refers only to known sasaran groups', () => {
    for (const d of INDICATORS)
      if (d.denominator.kind === 'sasaran') expect(isSasaranCode(d.denominator.group), d.code).toBe(true);
  });
  it('is consistent: polarity with target and band, unit with denominator, rollUp sum', () => {
    for (const d of INDICATORS) {
      const def = getIndicator(d.code)!;
      expect(def.rollUp, d.code).toBe('sum');
      if (def.polarity === 'higher' || def.polarity === 'lower') expect(def.target, d.code).not.toBeNull();
      if (def.polarity === 'band') expect(def.band, d.code).not.toBeNull();
      else expect(def.band, d.code).toBeNull();
      if (def.polarity === 'context') expect(def.target, d.code).toBeNull();
      expect(def.unit === 'per100k', d.code).toBe(def.denominator.kind === 'population');
      if (def.notServedText !== null) {
        expect(def.polarity, d.code).toBe('higher');
        expect(def.unit, d.code).toBe('percent');
      }
      for (const f of [def.nameId, def.nameEn, def.short, def.numeratorDef, def.targetSource, def.regulationRef]) {
        expect(f.length, d.code).toBeGreaterThan(0);
      }
    }
  });
  it('has a picker group label for every group used', () => {
    const labelled = new Set(INDICATOR_GROUPS.map((g) => g.code));
    for (const d of INDICATORS) expect(labelled.has(d.group), d.code).toBe(true);
  });
});

describe('getIndicator', () => {
  it('returns the definition or undefined', () => {
    expect(getIndicator('KIA_K1')?.denominator).toEqual({ kind: 'sasaran', group: 'bumil' });
    expect(getIndicator('GZ_STUNTING')?.polarity).toBe('lower');
    expect(getIndicator('NOPE')).toBeUndefined();
  });
});

describe('isIndicatorCode', () => {
  it('is case-sensitive', () => {
    expect(isIndicatorCode('SPM01_BUMIL')).toBe(true);
    expect(isIndicatorCode('spm01_bumil')).toBe(false);
  });
});

describe('requireIndicator', () => {
  it('accepts a code typed in lower case or with spaces', () => {
    expect(requireIndicator(' kia_k4 ').code).toBe('KIA_K4');
  });
  it('throws a Bahasa Indonesia message for an unknown code', () => {
    expect(() => requireIndicator('K99')).toThrow(IndicatorError);
    expect(() => requireIndicator('K99')).toThrow('Indikator tidak dikenal: "K99"');
  });
});

describe('denominatorLabel', () => {
  it('names the denominator of each kind', () => {
    expect(denominatorLabel(getIndicator('KIA_K1')!)).toBe('Ibu hamil');
    expect(denominatorLabel(getIndicator('GZ_TD')!)).toBe('balita ditimbang (D)');
    expect(denominatorLabel(getIndicator('DBD_IR')!)).toBe('penduduk (per 100.000)');
  });
});
