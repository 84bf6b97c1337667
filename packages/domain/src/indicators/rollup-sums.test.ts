import { describe, expect, it } from 'vitest';
import { getIndicator, INDICATORS, type IndicatorDef } from './catalogue.ts';
import { desaInputOf, rollUpDesa, type StoredYear } from './evaluate.ts';
import { rangePeriod } from './period.ts';
import {
  addRollupSums,
  desaRollupSums,
  emptyRollupSums,
  keptTriangles,
  rollUpFromSums,
  TRIANGLE_CELLS,
  triangleIndex,
} from './rollup-sums.ts';

const def = (code: string): IndicatorDef => getIndicator(code)!;
const year = (numerators: (number | null)[], denominators: (number | null)[] | null = null): StoredYear => ({
  numerators: [...numerators, ...Array(12 - numerators.length).fill(null)],
  denominators,
});

function sumsOf(d: IndicatorDef, desa: { row: StoredYear | undefined; sasaran: number | null }[]) {
  return desa.reduce((s, x) => addRollupSums(s, desaRollupSums(d, x.row, x.sasaran)), emptyRollupSums());
}

describe('desaRollupSums', () => {
  it('keeps a desa’s months and, per last month t, its last usable month k ≤ t', () => {
    // K1 (ytd_cum, sasaran bumil 40): reports in January (4) and March (3), none in February.
    const s = desaRollupSums(def('KIA_K1'), year([4, null, 3]), 40);
    expect(s.num.slice(0, 4)).toEqual([4, 0, 3, 0]);
    expect(s.den.slice(0, 4)).toEqual([40, 0, 40, 0]);
    expect(s.reports.slice(0, 4)).toEqual([1, 0, 1, 0]);
    // t = 2: last usable month ≤ 2 is January; t = 4: March. K1 reads the sasaran of the triangle only.
    expect(s.lastDen[triangleIndex(2, 1)]).toBe(40);
    expect(s.lastDen[triangleIndex(4, 3)]).toBe(40);
    expect(s.lastDen[triangleIndex(4, 1)]).toBe(0);
    expect(s.lastNum).toEqual(Array(TRIANGLE_CELLS).fill(0));
    // CPR ('point', sasaran pus 40) reads both: the same desa.
    const point = desaRollupSums(def('KIA_CPR'), year([4, null, 3]), 40);
    expect(point.lastNum[triangleIndex(2, 1)]).toBe(4);
    expect(point.lastDen[triangleIndex(2, 1)]).toBe(40);
    expect(point.lastNum[triangleIndex(4, 3)]).toBe(3);
    expect(point.lastDen[triangleIndex(4, 1)]).toBe(0);
  });

  it('keeps only the triangles the period rule reads', () => {
    const kept = (code: string) => keptTriangles(def(code));
    expect(kept('KIA_CPR')).toEqual({ lastNum: true, lastDen: true }); // point, sasaran
    expect(kept('GZ_STUNTING')).toEqual({ lastNum: true, lastDen: true }); // point, counted
    expect(kept('KIA_K4')).toEqual({ lastNum: false, lastDen: true }); // ytd_cum, sasaran counted once per desa
    expect(kept('SPM05_DIKDAS')).toEqual({ lastNum: false, lastDen: true }); // annual, sasaran
    expect(kept('SPM11_TB')).toEqual({ lastNum: false, lastDen: false }); // ytd_cum, counted: monthly sums
    expect(kept('GZ_DS')).toEqual({ lastNum: false, lastDen: false }); // month
    // A triangle not kept stays zero for any desa.
    const tb = desaRollupSums(def('SPM11_TB'), year([4, null, 3], [9, null, 8]), null);
    expect([...tb.lastNum, ...tb.lastDen].every((x) => x === 0)).toBe(true);
    expect(tb.num.slice(0, 3)).toEqual([4, 0, 3]);
  });

  it('adds nothing to the sums of a desa without a sasaran, but counts its reports', () => {
    const s = desaRollupSums(def('KIA_K1'), year([4]), null);
    expect(s.reports[0]).toBe(1);
    expect(s.reportsWithDen[0]).toBe(0);
    expect(s.num[0]).toBe(0);
  });
});

describe('rollUpFromSums', () => {
  it('gives the §4.4 example: 45 of 65 for Jan–Sep, the desa without a report left out', () => {
    const k1 = def('KIA_K1');
    const desa = [
      { row: year([4, 3, 3, 4, 3, 3, 3, 4, 3]), sasaran: 40 },
      { row: year([1, 1, 1, 1, 1, 1, 1, 1, 2]), sasaran: 20 },
      { row: year([1, 0, 1, 0, 1, 0, 1, 0, 1]), sasaran: 5 },
      { row: undefined, sasaran: 10 },
    ];
    const agg = rollUpFromSums(k1, rangePeriod(2026, 1, 9), sumsOf(k1, desa), 4);
    expect(agg).toMatchObject({
      numerator: 45,
      denominator: 65,
      reportedMonths: 27,
      expectedMonths: 36,
      complete: false,
    });
    expect(agg.coverage).toBeCloseTo(69.2307692, 6);
  });

  it('is no data when no desa with a denominator reported, and 0 when they reported zeros', () => {
    const k1 = def('KIA_K1');
    expect(
      rollUpFromSums(k1, rangePeriod(2026, 1, 3), sumsOf(k1, [{ row: year([4]), sasaran: null }]), 1).numerator,
    ).toBeNull();
    expect(rollUpFromSums(k1, rangePeriod(2026, 1, 3), null, 3)).toMatchObject({
      numerator: null,
      reportedMonths: 0,
      expectedMonths: 9,
    });
    expect(rollUpFromSums(k1, rangePeriod(2026, 1, 1), sumsOf(k1, [{ row: year([0]), sasaran: 40 }]), 1)).toMatchObject(
      { numerator: 0, denominator: 40, coverage: 0 },
    );
  });

  // Seeded random desa sets: for every indicator kind and every period of the year, the sums give rollUpDesa's value.
  it('equals rollUpDesa for random desa, every indicator and every from..to of the year', () => {
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (p: number, v: () => number) => (random() < p ? v() : null);
    const kinds = new Map<string, IndicatorDef>();
    for (const d of INDICATORS) kinds.set(`${d.periodKind}|${d.denominator.kind}|${d.unit}`, d);
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    for (const d of kinds.values()) {
      for (let trial = 0; trial < 25; trial++) {
        const counted = d.denominator.kind === 'counted';
        const desa = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
          if (random() < 0.15) return { row: undefined, sasaran: pick(0.8, () => Math.round(random() * 5000) / 100) };
          const numerators = Array.from({ length: 12 }, () => pick(0.6, () => Math.floor(random() * 9)));
          const denominators = counted
            ? numerators.map((n) => (n === null ? pick(0.2, () => 3) : pick(0.9, () => n + Math.floor(random() * 5))))
            : null;
          return {
            row: { numerators, denominators },
            sasaran: counted ? null : pick(0.85, () => Math.round(random() * 5000) / 100),
          };
        });
        const sums = sumsOf(d, desa);
        for (let from = 1; from <= 12; from++) {
          for (let to = from; to <= 12; to++) {
            const period = rangePeriod(2026, from, to);
            const expected = rollUpDesa(
              d,
              period,
              desa.map((x) => desaInputOf(x.row, x.sasaran)),
            );
            const actual = rollUpFromSums(d, period, sums, desa.length);
            const where = `${d.code} ${from}..${to} trial ${trial}`;
            expect(actual.numerator, where).toBe(expected.numerator);
            if (expected.denominator === null) expect(actual.denominator, where).toBeNull();
            else expect(actual.denominator!, where).toBeCloseTo(expected.denominator, 9);
            if (expected.coverage === null) expect(actual.coverage, where).toBeNull();
            else expect(actual.coverage!, where).toBeCloseTo(expected.coverage, 9);
            expect([actual.reportedMonths, actual.expectedMonths, actual.complete, actual.over100], where).toEqual([
              expected.reportedMonths,
              expected.expectedMonths,
              expected.complete,
              expected.over100,
            ]);
          }
        }
      }
    }
    // 5.5–14 s measured with the 2 cores shared by other runs (load 17–29): past vitest's default 5 s.
  }, 60_000);
});
