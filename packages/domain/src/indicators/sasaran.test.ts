import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SASARAN_PARAMS,
  SASARAN_CODES,
  SASARAN_GROUPS,
  deriveSasaran,
  estimateSasaran,
  getSasaranGroup,
  isSasaranCode,
  sasaranSourceTag,
} from './sasaran.ts';

describe('SASARAN_GROUPS', () => {
  it('has exactly one entry per sasaran code, each with a noun, a formula and a source', () => {
    expect(SASARAN_GROUPS.map((g) => g.code).sort()).toEqual([...SASARAN_CODES].sort());
    for (const g of SASARAN_GROUPS) {
      expect(g.noun.length).toBeGreaterThan(0);
      expect(g.formula.length).toBeGreaterThan(0);
      expect(g.sourceRef.length).toBeGreaterThan(0);
    }
  });
  it('derived groups refer to existing groups', () => {
    for (const g of SASARAN_GROUPS) if (g.rule?.kind === 'derived') expect(isSasaranCode(g.rule.of)).toBe(true);
  });
});

describe('isSasaranCode', () => {
  it('accepts known codes and rejects others', () => {
    expect(isSasaranCode('bumil')).toBe(true);
    expect(isSasaranCode('BUMIL')).toBe(false);
    expect(isSasaranCode('ibu hamil')).toBe(false);
  });
});

describe('getSasaranGroup', () => {
  it('gives the person noun used in gap texts', () => {
    expect(getSasaranGroup('bumil').noun).toBe('ibu hamil');
    expect(getSasaranGroup('balita_12_59').noun).toBe('anak balita');
  });
});

describe('estimateSasaran', () => {
  it('computes ibu hamil as 1.10 × CBR × penduduk, unrounded, with whole persons for display (§4.4)', () => {
    // 1.10 × 18/1000 × 2000 = 39.6 → store 39.6, show 40
    const e = estimateSasaran('bumil', 2000, { cbr: 18 })!;
    expect(e.value).toBe(39.6);
    expect(e.persons).toBe(40);
    expect(e.kind).toBe('estimate');
    expect(e.method).toBe('1,10 × CBR 18‰ × penduduk 2000');
  });
  it('uses CBR 16 ‰ by default', () => {
    expect(DEFAULT_SASARAN_PARAMS.cbr).toBe(16);
    // 1.10 × 0.016 × 10000 = 176; 1.05 × 0.016 × 10000 = 168; 0.016 × 10000 = 160
    expect(estimateSasaran('bumil', 10_000)!.value).toBe(176);
    expect(estimateSasaran('bulin', 10_000)!.value).toBe(168);
    expect(estimateSasaran('bufas', 10_000)!.value).toBe(168);
    expect(estimateSasaran('lahir_hidup', 10_000)!.value).toBe(160);
  });
  it('gives surviving infants as live births × (1 − IMR)', () => {
    // 160 × (1 − 17/1000) = 160 × 0.983 = 157.28
    expect(estimateSasaran('bayi', 10_000)!.value).toBe(157.28);
  });
  it('derives risk groups from their base group', () => {
    // 20 % × 176 = 35.2 ; 15 % × 160 = 24
    expect(estimateSasaran('bumil_risti', 10_000)!.value).toBe(35.2);
    expect(estimateSasaran('neonatal_komplikasi', 10_000)!.value).toBe(24);
  });
  it('estimates hypertension, diabetes and ODGJ berat from prevalence', () => {
    // 30.8 % × 75 % × 10000 = 2310 ; 11.7 % × 7500 = 877.5 ; 1.8 ‰ × 10000 = 18
    expect(estimateSasaran('est_ht_15', 10_000)!.value).toBe(2310);
    expect(estimateSasaran('est_dm_15', 10_000)!.value).toBe(877.5);
    expect(estimateSasaran('odgj_berat', 10_000)!.value).toBe(18);
  });
  it('applies proportion parameters and overrides', () => {
    // 8 % × 2500 = 200 ; override 7 % → 175
    expect(estimateSasaran('balita_0_59', 2500)!.value).toBe(200);
    expect(estimateSasaran('balita_0_59', 2500, { propBalita: 0.07 })!.value).toBe(175);
  });
  it('rounds persons half up for display', () => {
    // 1.05 × 0.016 × 1190 = 19.992 → 19.99 → 20 ; 0.032 × 1234 = 39.488 → 39.49 → 39
    expect(estimateSasaran('bulin', 1190)!.persons).toBe(20);
    expect(estimateSasaran('baduta', 1234)!).toMatchObject({ value: 39.49, persons: 39 });
  });
  it('returns null for groups that only come from a register or dinkes', () => {
    expect(estimateSasaran('terduga_tb', 10_000)).toBeNull();
    expect(estimateSasaran('berisiko_hiv', 10_000)).toBeNull();
    expect(estimateSasaran('jumlah_kk', 10_000)).toBeNull();
  });
  it('rejects a negative or non-finite population', () => {
    expect(() => estimateSasaran('bumil', -1)).toThrow(/penduduk tidak sah/);
    expect(() => estimateSasaran('bumil', Number.NaN)).toThrow(/penduduk tidak sah/);
  });
});

describe('deriveSasaran', () => {
  it('applies the factor of a derived group to a register value of its base', () => {
    // register: 50 ibu hamil → 20 % = 10 bumil risti
    expect(deriveSasaran('bumil_risti', 50)).toBe(10);
  });
  it('returns null for groups that are not derived', () => {
    expect(deriveSasaran('bumil', 50)).toBeNull();
  });
});

describe('sasaranSourceTag', () => {
  it('builds the kind:method:source:year tag', () => {
    expect(sasaranSourceTag('estimate', 'proportional', 'dukcapil', 2026)).toBe('estimate:proportional:dukcapil:2026');
  });
});
