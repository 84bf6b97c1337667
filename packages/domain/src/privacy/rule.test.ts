import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS, getIndicator } from '../indicators/catalogue.ts';
import {
  DEFAULT_SMALL_CELL_THRESHOLD,
  bandOf,
  bandText,
  coverageMayShow,
  denominatorProtected,
  hideCell,
  parseSmallCellThreshold,
  primaryReason,
  privacyClassOf,
} from './rule.ts';

const def = (code: string) => getIndicator(code)!;
const k = 10;

describe('the catalogue says which indicators are sensitive, and why', () => {
  it('HIV, TB, ODGJ and deaths are sensitive; posyandu and desa flags are not personal; the rest are ordinary counts', () => {
    const all = INDICATORS.map((d) => getIndicator(d.code)!);
    const sensitive = all.filter((d) => privacyClassOf(d) === 'sensitive').map((d) => d.code);
    expect(sensitive).toEqual([
      'SPM10_ODGJ',
      'SPM11_TB',
      'SPM12_HIV',
      'TB_TERDUGA',
      'TB_POSITIVITY',
      'TB_CNR',
      'TB_SR',
      'TB_TPT',
      'DBD_CFR',
    ]);
    expect(all.filter((d) => privacyClassOf(d) === 'not-personal').map((d) => d.code)).toEqual([
      'KL_SBS_DESA',
      'UKBM_POSY_AKTIF',
    ]);
    expect(privacyClassOf(def('KIA_K1'))).toBe('personal');
  });
  it('every class other than ordinary carries a reason in Bahasa Indonesia and English', () => {
    for (const d of INDICATORS.map((x) => getIndicator(x.code)!)) {
      if (!d.privacy) continue;
      expect(d.privacy.reasonId.length, d.code).toBeGreaterThan(30);
      expect(d.privacy.reasonEn.length, d.code).toBeGreaterThan(30);
    }
  });
  it('docs/privacy.md lists every indicator that is not ordinary, with its class', () => {
    const doc = readFileSync(new URL('../../../../docs/privacy.md', import.meta.url), 'utf8');
    for (const d of INDICATORS.map((x) => getIndicator(x.code)!)) {
      if (!d.privacy) continue;
      const label = d.privacy.class === 'sensitive' ? 'sensitif' : 'bukan data orang';
      expect(doc, d.code).toMatch(new RegExp(`\\| ${d.code} \\| ${label} \\|`));
    }
  });
  it('a new indicator about HIV, TB, mental illness or deaths cannot be added without marking it sensitive', () => {
    for (const d of INDICATORS.map((x) => getIndicator(x.code)!)) {
      const text = `${d.nameId} ${d.numeratorDef}`;
      if (/HIV|TBC|tuberkulosis|jiwa|ODGJ|kematian|meninggal/i.test(text))
        expect(privacyClassOf(d), d.code).toBe('sensitive');
    }
  });
});

describe('denominatorProtected', () => {
  it('protects counted denominators and a register sasaran of sensitive indicators, never a population or an estimate', () => {
    expect(denominatorProtected(def('GZ_TD'))).toBe(true); // balita ditimbang (D), a register
    expect(denominatorProtected(def('SPM11_TB'))).toBe(true); // terduga TBC, counted
    expect(denominatorProtected(def('SPM10_ODGJ'))).toBe(false); // ODGJ berat estimated: 1.8 ‰ of the population
    expect(denominatorProtected(def('SPM10_ODGJ'), { sasaranIsRegister: true })).toBe(true); // … or a list of names
    expect(denominatorProtected(def('KIA_K1'), { sasaranIsRegister: true })).toBe(false); // ordinary group: a choice
    expect(denominatorProtected(def('KIA_K1'))).toBe(false); // ibu hamil: estimated sasaran, a planning figure
    expect(denominatorProtected(def('TB_CNR'))).toBe(false); // population per 100,000
    expect(denominatorProtected(def('UKBM_POSY_AKTIF'))).toBe(false); // posyandu, not persons
  });
});

describe('primaryReason', () => {
  // shortOfTarget: persons short of the target; notYetServed is d − n, which the complement rule covers.
  const c = (numerator: number | null, denominator: number | null, shortOfTarget: number | null = null) => ({
    numerator,
    denominator,
    shortOfTarget,
    notYetServed: denominator === null || numerator === null ? null : denominator - numerator,
  });
  it('hides a numerator below the threshold at desa, kecamatan and puskesmas level, zero included', () => {
    expect(primaryReason(def('KIA_K1'), 'desa', c(3, 40), k)).toBe('small-count');
    expect(primaryReason(def('KIA_K1'), 'desa', c(0, 40), k)).toBe('small-count');
    expect(primaryReason(def('KIA_K1'), 'kecamatan', c(9, 400), k)).toBe('small-count');
    expect(primaryReason(def('KIA_K1'), 'puskesmas', c(9, 400), k)).toBe('small-count');
    expect(primaryReason(def('KIA_K1'), 'desa', c(10, 40), k)).toBeNull();
  });
  it('leaves kabupaten and larger areas alone, and cells without a report', () => {
    expect(primaryReason(def('KIA_K1'), 'kabupaten', c(3, 40), k)).toBeNull();
    expect(primaryReason(def('KIA_K1'), 'provinsi', c(0, 40), k)).toBeNull();
    expect(primaryReason(def('KIA_K1'), 'desa', c(null, null), k)).toBeNull();
  });
  it('hides 1..9 persons short of the target over a protected denominator, not over an estimated sasaran, nor ≤ 0', () => {
    // ODGJ berat from a register (protected): 30 of 33 served, 3 not yet — at kecamatan level.
    expect(primaryReason(def('SPM10_ODGJ'), 'kecamatan', c(30, 33, 3), k, { sasaranIsRegister: true })).toBe(
      'small-count',
    );
    expect(primaryReason(def('SPM10_ODGJ'), 'kecamatan', c(30, 33, 3), k)).toBeNull(); // over an estimate
    // Terduga TBC (counted): 40 of 43 examined — 3 not yet examined, 3 short of the 100 % target.
    expect(primaryReason(def('SPM11_TB'), 'kecamatan', c(40, 43, 3), k)).toBe('small-count');
    // "3 ibu hamil belum K1" against an ESTIMATED 40 names nobody, and follows from 35 and 40 anyway.
    expect(primaryReason(def('KIA_K1'), 'desa', c(35, 40, 3), k)).toBeNull();
    expect(primaryReason(def('SPM11_TB'), 'kecamatan', c(43, 43, 0), k)).toBe('small-count'); // all of them: complement 0
  });
  it('hides a small protected denominator and a small complement ("all or nearly all")', () => {
    expect(primaryReason(def('GZ_TD'), 'desa', c(12, 30), k)).toBeNull(); // T = 12 of D = 30
    expect(primaryReason(def('GZ_TD'), 'kecamatan', c(12, 20), k)).toBe('small-count'); // 8 gained weight
    expect(primaryReason(def('GZ_TD'), 'kecamatan', c(25, 25), k)).toBe('small-count'); // all of them
    // An ordinary sasaran is not a count of people: 38 of an estimated 40 is shown.
    expect(primaryReason(def('KIA_CPR'), 'desa', c(38, 40), k)).toBeNull();
  });
  it('hides a sensitive indicator at desa level whatever the count, and small counts elsewhere', () => {
    expect(primaryReason(def('SPM10_ODGJ'), 'desa', c(60, 80), k)).toBe('sensitive');
    expect(primaryReason(def('SPM10_ODGJ'), 'kecamatan', c(60, 80, 20), k)).toBeNull();
    expect(primaryReason(def('SPM10_ODGJ'), 'kecamatan', c(9, 15, 6), k)).toBe('small-count');
    expect(primaryReason(def('SPM10_ODGJ'), 'kabupaten', c(2, 15, 13), k)).toBeNull();
  });
  it('never hides counts that are not about persons', () => {
    expect(primaryReason(def('KL_SBS_DESA'), 'desa', c(0, 1), k)).toBeNull();
    expect(primaryReason(def('UKBM_POSY_AKTIF'), 'desa', c(2, 3), k)).toBeNull();
  });
});

describe('bands', () => {
  it('are "< k" (0 included) and "≥ k", written Indonesian style', () => {
    expect([0, 9, 10, 250].map((x) => bandOf(x, 10))).toEqual(['below', 'below', 'atLeast', 'atLeast']);
    expect(bandText('below', 10)).toBe('< 10');
    expect(bandText('atLeast', 1000)).toBe('≥ 1.000');
  });
});

describe('coverageMayShow: a hidden count is never given away by its percentage', () => {
  it('needs d ≥ k·M / (½·10^−decimals): 20,000 for one-decimal percentages and k = 10', () => {
    expect(coverageMayShow(19_999, 'percent', 10)).toBe(false);
    expect(coverageMayShow(20_000, 'percent', 10)).toBe(true);
    expect(coverageMayShow(19_999_999, 'per100k', 10)).toBe(false);
    expect(coverageMayShow(20_000_000, 'per100k', 10)).toBe(true);
    expect(coverageMayShow(null, 'percent', 10)).toBe(false);
  });
  it('proof by enumeration: at the bound, every shown one-decimal percentage fits at least k numerators', () => {
    for (const [d, kk] of [
      [20_000, 10],
      [6_000, 3],
      [25_000, 10],
    ] as const) {
      expect(coverageMayShow(d, 'percent', kk)).toBe(true);
      const shown = (n: number) => Math.round(((n * 100) / d) * 10) / 10;
      const fits = new Map<number, number>();
      for (let n = 0; n <= d; n++) fits.set(shown(n), (fits.get(shown(n)) ?? 0) + 1);
      // Each value a reader can see (for any count, small or not) stands for ≥ k numerators.
      expect(Math.min(...fits.values()), `d=${d}`).toBeGreaterThanOrEqual(kk);
    }
  });
  it('is below the bound possibly revealing: with d = 2,000 a shown 0.2 % means 3 or 4 people', () => {
    expect(coverageMayShow(2_000, 'percent', 10)).toBe(false);
    const d = 2_000;
    const fit = [...Array(d + 1).keys()].filter((n) => Math.round(((n * 100) / d) * 10) / 10 === 0.2);
    expect(fit).toEqual([3, 4]);
  });
});

describe('hideCell', () => {
  it('keeps an ordinary sasaran, bands the numerator, drops the percentage below the bound', () => {
    // No bands for the person counts: over the shown 40 they are 40 − 3 and expected − 3, second bands on the same count.
    expect(
      hideCell(
        def('KIA_K1'),
        { numerator: 3, denominator: 40, notYetServed: 37, shortOfTarget: 35, coverage: 7.5 },
        'small-count',
        k,
      ),
    ).toEqual({
      suppressed: 'small-count',
      bands: { numerator: 'below', denominator: null, notYetServed: null, shortOfTarget: null },
      denominator: 40,
      coverage: null,
    });
  });
  it('bands the person counts over a protected denominator (a register of 15 ODGJ berat: 12 served, 3 not)', () => {
    const cell = hideCell(
      def('SPM10_ODGJ'),
      { numerator: 12, denominator: 15, notYetServed: 3, shortOfTarget: 3, coverage: 80 },
      'sensitive',
      k,
      true,
      { sasaranIsRegister: true },
    );
    expect(cell.bands).toEqual({
      numerator: 'atLeast',
      denominator: 'atLeast',
      notYetServed: 'below',
      shortOfTarget: 'below',
    });
    expect(cell.denominator).toBeNull();
  });
  it('bands a protected denominator instead of showing it', () => {
    expect(
      hideCell(
        def('GZ_TD'),
        { numerator: 12, denominator: 20, notYetServed: null, shortOfTarget: null, coverage: 60 },
        'small-count',
        k,
      ),
    ).toEqual({
      suppressed: 'small-count',
      bands: { numerator: 'atLeast', denominator: 'atLeast', notYetServed: null, shortOfTarget: null },
      denominator: null,
      coverage: null,
    });
  });
  it('gives bands for single months only: a band for every range a..b would give the months back', () => {
    expect(
      hideCell(
        def('KIA_K1'),
        { numerator: 30, denominator: 40, notYetServed: 10, shortOfTarget: 8, coverage: 75 },
        'small-count',
        k,
        false,
      ).bands,
    ).toBeNull();
  });
  it('shows the percentage, rounded to one decimal, over a denominator large enough', () => {
    const cell = hideCell(
      def('SPM06_PRODUKTIF'),
      { numerator: 7, denominator: 25_000, notYetServed: 24_993, shortOfTarget: 24_993, coverage: 0.028 },
      'small-count',
      k,
    );
    expect(cell.coverage).toBe(0);
    expect(cell.denominator).toBe(25_000);
  });
});

describe('parseSmallCellThreshold', () => {
  it('defaults to 10 and refuses values that would hide too little', () => {
    expect(parseSmallCellThreshold(undefined)).toBe(DEFAULT_SMALL_CELL_THRESHOLD);
    expect(parseSmallCellThreshold('11')).toBe(11);
    expect(() => parseSmallCellThreshold('3')).toThrow('SMALL_CELL_THRESHOLD tidak sah: "3"');
    expect(() => parseSmallCellThreshold('sepuluh')).toThrow('harus bilangan bulat 5–100');
  });
});
