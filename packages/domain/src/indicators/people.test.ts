import { describe, expect, it } from 'vitest';
import { getIndicator, INDICATORS, type IndicatorDef } from './catalogue.ts';
import { classifyAttainment } from './classify.ts';
import {
  countsPersons,
  formatCount,
  notYetServed,
  notYetServedText,
  PEOPLE_LABELS,
  personNoun,
  shortOfTarget,
  shortOfTargetText,
} from './people.ts';
import { parsePeriod } from './period.ts';
import { expectedValue } from './period-value.ts';

const def = (code: string): IndicatorDef => getIndicator(code)!;
const JAN_SEP = parsePeriod('2026-01..2026-09');

describe('notYetServed (belum terlayani tahun ini = sasaran − served)', () => {
  it('§4.4: 40 ibu hamil, 30 with K1 by September → 10 still to serve this year', () => {
    expect(notYetServed(def('KIA_K1'), JAN_SEP, 30, 40)).toBe(10);
    expect(notYetServed(def('KIA_K1'), parsePeriod('2026'), 36, 40)).toBe(4);
  });
  it('counts whole persons: an estimated sasaran of 2.34 ODGJ berat, 1 served → 2 (1.34 persons is 2 people)', () => {
    expect(notYetServed(def('SPM10_ODGJ'), JAN_SEP, 1, 2.34)).toBe(2);
  });
  it('is 0, not "0,2 belum", when 21 are served of an estimated 20.79 (KN1 101,0 %)', () => {
    expect(notYetServed(def('KIA_KN1'), JAN_SEP, 21, 20.79)).toBe(0);
  });
  it('is negative when more were served than the sasaran: 45 of 40 → −5 ("melebihi sasaran")', () => {
    expect(notYetServed(def('SPM01_BUMIL'), parsePeriod('2026'), 45, 40)).toBe(-5);
  });
  it('counts a counted register too: 20 orang terduga TBC, 18 examined → 2', () => {
    expect(notYetServed(def('SPM11_TB'), parsePeriod('2026-01..2026-06'), 18, 20)).toBe(2);
  });
  it('does not exist for a slice of the year: a month, a quarter, a range not from January', () => {
    expect(notYetServed(def('IMM_IDL'), parsePeriod('2026-10'), 3, 35)).toBeNull();
    expect(notYetServed(def('IMM_IDL'), parsePeriod('2026-Q3'), 8, 35)).toBeNull();
    expect(notYetServed(def('IMM_IDL'), parsePeriod('2026-04..2026-09'), 15, 35)).toBeNull();
  });
  it('does not exist for monthly ratios, point values, lower-is-better, rates and non-person denominators', () => {
    expect(notYetServed(def('GZ_DS'), parsePeriod('2026-01..2026-10'), 700, 1000)).toBeNull();
    expect(notYetServed(def('KIA_CPR'), JAN_SEP, 70, 100)).toBeNull();
    expect(notYetServed(def('GZ_STUNTING'), JAN_SEP, 20, 100)).toBeNull();
    expect(notYetServed(def('DBD_IR'), JAN_SEP, 5, 10_000)).toBeNull();
    expect(notYetServed(def('KL_ABJ'), JAN_SEP, 90, 100)).toBeNull();
  });
  it('is null without data', () => {
    expect(notYetServed(def('KIA_K1'), JAN_SEP, null, 40)).toBeNull();
    expect(notYetServed(def('KIA_K1'), JAN_SEP, 30, null)).toBeNull();
  });
});

describe('shortOfTarget (kekurangan terhadap target periode ini = expected persons − served)', () => {
  it('§4.4 desa: line 71.25 % × 40 = 28.5 persons, 30 reached → −1 (reached, one ahead)', () => {
    expect(shortOfTarget(def('KIA_K1'), JAN_SEP, 30, 40, 71.25)).toBe(-1);
  });
  it('§4.4 roll-up: 71.25 % × 65 = 46.31 persons, 45 reached → 2 short', () => {
    expect(shortOfTarget(def('KIA_K1'), JAN_SEP, 45, 65, 71.25)).toBe(2);
  });
  it('a month is judged on its share of the annual target: IDL October 3 of 35, 90 % ÷ 12 = 7.5 % → 2.6 persons → reached', () => {
    const october = parsePeriod('2026-10');
    const expected = expectedValue(def('IMM_IDL'), october)!;
    expect(expected).toBeCloseTo(7.5, 9);
    expect(shortOfTarget(def('IMM_IDL'), october, 3, 35, expected)).toBe(0);
    expect(shortOfTarget(def('IMM_IDL'), october, 1, 35, expected)).toBe(2);
  });
  it('a single month of a monthly ratio: D/S 70 of 100 balita, target 80 % → 10; over a quarter: null (balita-months)', () => {
    expect(shortOfTarget(def('GZ_DS'), parsePeriod('2026-06'), 70, 100, 80)).toBe(10);
    expect(shortOfTarget(def('GZ_DS'), parsePeriod('2026-Q2'), 210, 300, 80)).toBeNull();
  });
  it('is null for lower-is-better and without a target or data', () => {
    expect(shortOfTarget(def('GZ_STUNTING'), JAN_SEP, 20, 100, 14)).toBeNull();
    expect(shortOfTarget(def('KIA_K1'), JAN_SEP, 30, 40, null)).toBeNull();
    expect(shortOfTarget(def('KIA_K1'), JAN_SEP, null, 40, 71.25)).toBeNull();
  });
  it('is > 0 exactly when the class is not baik, for every count near the line', () => {
    const k1 = def('KIA_K1');
    for (const denominator of [40, 39.6, 2.34, 20.79, 65, 1]) {
      for (const expected of [71.25, 75, 7.5, 100, 95]) {
        for (let numerator = 0; numerator <= Math.ceil(denominator) + 1; numerator++) {
          const short = shortOfTarget(k1, JAN_SEP, numerator, denominator, expected)!;
          const cls = classifyAttainment(k1, (numerator / denominator) * 100, expected).class;
          expect(short > 0, `${numerator}/${denominator} vs ${expected}`).toBe(cls !== 'baik');
        }
      }
    }
  });
});

describe('countsPersons and personNoun', () => {
  it('name who is counted for every indicator that counts persons ("ibu hamil belum K4" → "ibu hamil")', () => {
    for (const d of INDICATORS) {
      if (!countsPersons(d)) continue;
      expect(d.notServedText, d.code).toContain(' belum ');
      expect(personNoun(d)!.length, d.code).toBeGreaterThan(0);
    }
    expect(personNoun(def('KIA_K4'))).toBe('ibu hamil');
    expect(personNoun(def('SPM11_TB'))).toBe('orang terduga TBC');
    expect(personNoun(def('GZ_STUNTING'))).toBeNull();
  });
});

describe('formatCount', () => {
  it('writes a count or a denominator as used: thousands with a dot, an estimate with one decimal', () => {
    expect(formatCount(21)).toBe('21');
    expect(formatCount(20.79)).toBe('20,8');
    expect(formatCount(59484)).toBe('59.484');
    expect(formatCount(37424.91)).toBe('37.424,9');
    expect(formatCount(20.96)).toBe('21');
  });
});

describe('texts', () => {
  it('names the two quantities differently', () => {
    expect(PEOPLE_LABELS.notYetServed).toBe('Belum terlayani tahun ini');
    expect(PEOPLE_LABELS.shortOfTarget).toBe('Kekurangan terhadap target periode ini');
  });
  it('says how many are not yet served, or that all were, or that the sasaran was exceeded — never "0 belum"', () => {
    expect(notYetServedText(def('KIA_K4'), 14, 25, 39)).toBe('14 ibu hamil belum K4');
    expect(notYetServedText(def('SPM06_PRODUKTIF'), 1250, 100, 1350)).toBe(
      '1.250 penduduk usia 15–59 tahun belum diskrining',
    );
    expect(notYetServedText(def('KIA_KN1'), 0, 21, 20.79)).toBe('melebihi sasaran (21 terlayani dari 20,8)');
    expect(notYetServedText(def('KIA_KN1'), 0, 21, 21)).toBe('semua sasaran terlayani');
    expect(notYetServedText(def('KIA_K4'), null, 25, 39)).toBeNull();
  });
  it('says how many are short of the target, or that it is reached', () => {
    expect(shortOfTargetText(def('KIA_K4'), 5)).toBe('5 ibu hamil');
    expect(shortOfTargetText(def('KIA_K4'), 0)).toBe('tercapai');
    expect(shortOfTargetText(def('KIA_K4'), -3)).toBe('tercapai, lebih 3 ibu hamil');
    expect(shortOfTargetText(def('GZ_STUNTING'), 3)).toBeNull();
  });
});
