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

  it('random tables of GZ_DS + GZ_TD: no hidden balita ditimbang of a desa can be pinned across the two (brute force)', () => {
    let seed = Number(process.env.PRIVACY_SEED ?? 20261204);
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let checked = 0;
    let targets = 0;
    for (let attempt = 0; checked < 25 && attempt < 400; attempt++) {
      const kode = ['A', 'B', 'C', 'D'].slice(0, 3 + Math.floor(rand() * 2));
      const split = 1 + Math.floor(rand() * (kode.length - 1));
      const gs: PrivacyGroup[] = [
        { id: 'K1', level: 'kecamatan', desaIn: () => kode.slice(0, split) },
        { id: 'K2', level: 'kecamatan', desaIn: () => kode.slice(split) },
        { id: 'KAB', level: 'kabupaten', desaIn: () => kode },
      ];
      const t = Object.fromEntries(
        kode.map((k) => [k, rand() < 0.5 ? Math.floor(rand() * 4) : 4 + Math.floor(rand() * 4)]),
      );
      const d = Object.fromEntries(kode.map((k) => [k, t[k]! + Math.floor(rand() * 9)]));
      const k = 4;
      const make = (dd: Record<string, number>) => ({
        ds: kode.map((c): PrivacyDesa => ({ kode: c, months: [{ month: 1, numerator: dd[c]! }], sasaran: 30 })),
        td: kode.map(
          (c): PrivacyDesa => ({
            kode: c,
            months: [{ month: 1, numerator: t[c]!, denominator: dd[c]! }],
            sasaran: null,
          }),
        ),
      });
      const truth = make(d);
      const inputOf = (def: IndicatorDef, desa: PrivacyDesa[]) => ({
        def,
        year: YEAR,
        threshold: k,
        desa,
        groups: gs,
        months: 1,
      });
      const [ds, td] = protectFamily([inputOf(DS, truth.ds), inputOf(TD, truth.td)]);
      expect([...ds!.hidden].sort()).toEqual([...td!.hidden].sort());
      const hiddenDesa = kode.filter((c) => ds!.hidden.has(c));
      if (hiddenDesa.length === 0) continue;
      const areas = [
        ...gs.map((g) => ({ id: g.id, level: g.level, members: g.desaIn(1) })),
        ...kode.map((c) => ({ id: c, level: 'desa' as const, members: [c] })),
      ];
      const seen = (def: IndicatorDef, desa: PrivacyDesa[], r: YearProtection) =>
        areas
          .map((a) => {
            const p = periodsOfYear(YEAR, 1)[0]!;
            const v = evaluateValue(
              def,
              p,
              rollUpDesa(
                def,
                p,
                desa.filter((x) => a.members.includes(x.kode)),
              ),
            );
            if (!r.hidden.has(a.id)) return `${v.numerator}/${v.denominator}`;
            const small = primaryReason(def, a.level, v, k) !== null;
            return JSON.stringify(
              hideCell(
                def,
                v,
                small || r.detail === 'plain' ? 'small-count' : 'complementary',
                k,
                r.detail === 'bands',
              ),
            );
          })
          .join('|');
      const [seenDs, seenTd] = [seen(DS, truth.ds, ds!), seen(TD, truth.td, td!)];
      const total = hiddenDesa.reduce((sum, c) => sum + d[c]!, 0);
      const values = new Map(hiddenDesa.map((c) => [c, new Set<number>()]));
      const assign = (i: number, left: number, acc: Record<string, number>) => {
        if (i === hiddenDesa.length - 1) {
          const alt = { ...acc, [hiddenDesa[i]!]: left };
          if (hiddenDesa.some((c) => alt[c]! < t[c]!)) return; // a reader knows T ≤ D
          const m = make(alt);
          if (seen(DS, m.ds, ds!) === seenDs && seen(TD, m.td, td!) === seenTd)
            for (const c of hiddenDesa) values.get(c)!.add(alt[c]!);
          return;
        }
        for (let x = 0; x <= left; x++) assign(i + 1, left - x, { ...acc, [hiddenDesa[i]!]: x });
      };
      assign(0, total, { ...d });
      const p = periodsOfYear(YEAR, 1)[0]!;
      for (const c of hiddenDesa) {
        const small = [DS, TD].some((def) => {
          const v = evaluateValue(
            def,
            p,
            rollUpDesa(
              def,
              p,
              (def === DS ? truth.ds : truth.td).filter((x) => x.kode === c),
            ),
          );
          return primaryReason(def, 'desa', v, k) !== null;
        });
        const unprotected = [...ds!.unprotected, ...td!.unprotected].some(
          (u) => u.startsWith(`${c}|`) || u.startsWith('cert:'),
        );
        if (!small || unprotected) continue;
        targets++;
        expect(
          values.get(c)!.size,
          `${c}: ${[...values.get(c)!]} in ${JSON.stringify({ t, d, split })}`,
        ).toBeGreaterThanOrEqual(2);
      }
      checked++;
    }
    expect(checked).toBe(25);
    expect(targets).toBeGreaterThan(25);
  }, 120_000);
});
