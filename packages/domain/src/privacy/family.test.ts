// Indicators that share a count are protected together (family.ts). The attack: GZ_DS (balita ditimbang D over the
// estimated sasaran S) and GZ_TD (T over D, D a protected counted denominator) of one kecamatan, k = 10. Desa A has
// D = 6 (small in both), B has T = 2 (small in GZ_TD only), C nothing small. Protected one at a time, GZ_TD hides
// A and B (both small) and shows C's D = 25; GZ_DS hides A and its cheapest partner C and shows B's D = 30; the
// kecamatan's D (61, shown in both) then gives A's D = 61 − 30 − 25 = 6. The attacker below tries every split of the
// kecamatan's D over the three desa and keeps those under which BOTH indicators look exactly the same.
import { describe, expect, it } from 'vitest';
import { countFamilyOf, getIndicator, type IndicatorDef } from '../indicators/catalogue.ts';
import { evaluateValue, rollUpDesa } from '../indicators/evaluate.ts';
import { protectFamily } from './family.ts';
import { hideCell, primaryReason, privacyClassOf, type AreaLevel, type SuppressionReason } from './rule.ts';
import { periodsOfYear, protectYear, type PrivacyDesa, type PrivacyGroup, type YearProtection } from './suppression.ts';

const YEAR = 2026;
const K = 10;
const DS = getIndicator('GZ_DS')!;
const TD = getIndicator('GZ_TD')!;
const DESA = ['A', 'B', 'C'];
const T: Record<string, number> = { A: 1, B: 2, C: 12 };
const D_TRUE: Record<string, number> = { A: 6, B: 30, C: 25 };
const SASARAN: Record<string, number> = { A: 40, B: 60, C: 50 };
const groups: PrivacyGroup[] = [
  { id: 'K1', level: 'kecamatan', desaIn: () => DESA },
  { id: 'KAB', level: 'kabupaten', desaIn: () => [...DESA, 'E'] },
];
// A large desa of another kecamatan keeps the kabupaten apart from K1.
const tables = (d: Record<string, number>) => ({
  ds: [
    ...DESA.map((k): PrivacyDesa => ({ kode: k, months: [{ month: 1, numerator: d[k]! }], sasaran: SASARAN[k]! })),
    { kode: 'E', months: [{ month: 1, numerator: 80 }], sasaran: 100 },
  ],
  td: [
    ...DESA.map(
      (k): PrivacyDesa => ({ kode: k, months: [{ month: 1, numerator: T[k]!, denominator: d[k]! }], sasaran: null }),
    ),
    { kode: 'E', months: [{ month: 1, numerator: 20, denominator: 80 }], sasaran: null },
  ],
});
const input = (def: IndicatorDef, desa: PrivacyDesa[]) => ({
  def,
  year: YEAR,
  threshold: K,
  desa,
  groups,
  months: 1,
});

/** What a reader sees of one indicator, every area and period, with the hidden areas of `result` (rule.ts forms). */
function view(def: IndicatorDef, desa: PrivacyDesa[], result: YearProtection): string {
  const periods = periodsOfYear(YEAR, 1);
  const areas: { id: string; level: AreaLevel; members: readonly string[] }[] = [
    ...groups.map((g) => ({ id: g.id, level: g.level, members: g.desaIn(1) })),
    ...[...DESA, 'E'].map((k) => ({ id: k, level: 'desa' as const, members: [k] })),
  ];
  return areas
    .map((a) => {
      const values = periods.map((p) =>
        evaluateValue(
          def,
          p,
          rollUpDesa(
            def,
            p,
            desa.filter((d) => a.members.includes(d.kode)),
          ),
        ),
      );
      if (!result.hidden.has(a.id)) return values.map((v) => `${v.numerator}/${v.denominator}`).join(' ');
      const small = values.some((v) => primaryReason(def, a.level, v, K) !== null);
      const reason: SuppressionReason =
        a.level === 'desa' && privacyClassOf(def) === 'sensitive'
          ? 'sensitive'
          : small || result.detail === 'plain'
            ? 'small-count'
            : 'complementary';
      return values
        .map((v, i) =>
          JSON.stringify(hideCell(def, v, reason, K, result.detail === 'bands' && periods[i]!.kind === 'month')),
        )
        .join(' ');
    })
    .join('|');
}

/** Every D of A an attacker cannot rule out: splits of the kecamatan's D under which both indicators look the same. */
function possibleDofA(ds: YearProtection, td: YearProtection): number[] {
  const truth = tables(D_TRUE);
  const seenDs = view(DS, truth.ds, ds);
  const seenTd = view(TD, truth.td, td);
  const total = DESA.reduce((s, k) => s + D_TRUE[k]!, 0);
  const out = new Set<number>();
  for (let a = 0; a <= total; a++)
    for (let b = 0; a + b <= total; b++) {
      const d = { A: a, B: b, C: total - a - b };
      if (DESA.some((k) => d[k as keyof typeof d] < T[k]!)) continue; // a reader knows T ≤ D
      const alt = tables(d);
      if (view(DS, alt.ds, ds) === seenDs && view(TD, alt.td, td) === seenTd) out.add(a);
    }
  return [...out].sort((x, y) => x - y);
}

describe('indicators that share a count are protected together (issue 18)', () => {
  it('the catalogue declares the families once: D/S and T/D, terduga TBC, diukur', () => {
    expect(countFamilyOf('GZ_TD')).toEqual(['GZ_DS', 'GZ_TD']);
    expect(countFamilyOf('TB_POSITIVITY')).toEqual(['SPM11_TB', 'TB_POSITIVITY', 'TB_TERDUGA']);
    expect(countFamilyOf('GZ_STUNTING')).toEqual(['GZ_CAKUPAN_UKUR', 'GZ_STUNTING', 'GZ_WASTING']);
    expect(countFamilyOf('KIA_K1')).toEqual(['KIA_K1']);
  });

  it('one at a time, GZ_DS and GZ_TD together give A’s balita ditimbang (the leak)', () => {
    const truth = tables(D_TRUE);
    const ds = protectYear(input(DS, truth.ds));
    const td = protectYear(input(TD, truth.td));
    // Each indicator on its own is protected (its certificates hold) …
    expect(ds.unprotected).toEqual([]);
    expect(td.unprotected).toEqual([]);
    expect([...ds.hidden].sort()).toEqual(['A', 'C']);
    expect([...td.hidden].sort()).toEqual(['A', 'B']);
    // … but across the two, A's D has one possible value.
    expect(possibleDofA(ds, td)).toEqual([6]);
  });

  it('protected as a family: one pattern for both, certificates checked on both, and A’s D keeps several values', () => {
    const truth = tables(D_TRUE);
    const [ds, td] = protectFamily([input(DS, truth.ds), input(TD, truth.td)]);
    expect([...ds!.hidden].sort()).toEqual([...td!.hidden].sort());
    expect(ds!.unprotected).toEqual([]);
    expect(td!.unprotected).toEqual([]);
    const values = possibleDofA(ds!, td!);
    expect(values.length, `A's D could be ${values.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(values).toContain(6);
  });
});
