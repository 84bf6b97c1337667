// Secondary suppression on hand-made tables: which cells hide, which stay, and why (numbers checked by hand).
import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/catalogue.ts';
import { monthPeriod, rangePeriod, yearPeriod } from '../indicators/period.ts';
import { periodsOfYear, protectYear, type PrivacyDesa, type PrivacyGroup } from './suppression.ts';

// DBD_IR: cases per 100,000 population — the numerator is the only protected count (population is public).
const dbd = getIndicator('DBD_IR')!;
const desa = (kode: string, ...n: (number | null)[]): PrivacyDesa => ({
  kode,
  months: n.map((x, i) => ({ month: i + 1, numerator: x })),
  sasaran: 2000,
});
const group = (id: string, level: PrivacyGroup['level'], members: string[]): PrivacyGroup => ({
  id,
  level,
  desaIn: () => members,
});
const jan = monthPeriod(2026, 1);

describe('periodsOfYear', () => {
  it('lists every period the API accepts: 12 months, 4 quarters, the year and 78 ranges a..b', () => {
    const all = periodsOfYear(2026);
    expect(all).toHaveLength(12 + 4 + 1 + 78);
    expect(all.map((p) => p.code)).toContain('2026-03..2026-07');
    expect(periodsOfYear(2026, 2).map((p) => p.code)).toEqual([
      '2026-01',
      '2026-02',
      '2026-01..2026-01',
      '2026-01..2026-02',
      '2026-02..2026-02',
    ]);
  });
});

describe('protectYear — one kecamatan, one month', () => {
  // Kecamatan K: A 3, B 25, C 40, D 12, E 30 (total 110, shown). A alone hidden → 110 − (25 + 40 + 12 + 30) = 3.
  const table = [desa('A', 3), desa('B', 25), desa('C', 40), desa('D', 12), desa('E', 30)];
  const K = group('K', 'kecamatan', ['A', 'B', 'C', 'D', 'E']);

  it('hides the small cell and its smallest sibling, so the shown total leaves two unknowns', () => {
    const r = protectYear({ def: dbd, year: 2026, threshold: 10, desa: table, groups: [K], months: 1 });
    expect([...r.hidden].sort()).toEqual(['A', 'D']);
    expect(r.unprotected).toEqual([]);
    // The certificate: A 4 and D 11 show the same as A 3 and D 12 (A "< 10", D "≥ 10", K 110).
    expect(r.certificates[0]).toMatchObject({ to: 'A', from: 'D', month: 1, moves: 'numerator' });
    expect(r.cell('A', jan)).toEqual({
      suppressed: 'small-count',
      bands: { numerator: 'below', denominator: null, notYetServed: null, shortOfTarget: null },
      denominator: 2000,
      coverage: null,
    });
    expect(r.cell('D', jan)?.suppressed).toBe('complementary');
    expect(r.cell('D', jan)?.bands?.numerator).toBe('atLeast');
    expect(r.cell('B', jan)).toBeNull();
    expect(r.cell('K', jan)).toBeNull();
  });

  it('skips a partner that would pin the value: next to a 0, a hidden 10 gives "A + B = 10, B ≥ 10" → A = 0', () => {
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: [desa('A', 0), desa('B', 10), desa('C', 50)],
      groups: [group('K', 'kecamatan', ['A', 'B', 'C'])],
      months: 1,
    });
    // Moving one case A→B or B→A changes a band (A would be −1, or B 9 "< 10"), so B cannot protect A; C (50) can.
    expect([...r.hidden].sort()).toEqual(['A', 'C']);
  });

  it('two small cells protect each other: nothing else is hidden', () => {
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: [desa('A', 2), desa('B', 7), desa('C', 50), desa('D', 60)],
      groups: [group('K', 'kecamatan', ['A', 'B', 'C', 'D'])],
      months: 1,
    });
    expect([...r.hidden].sort()).toEqual(['A', 'B']);
  });

  it('a kecamatan whose total is small hides a sibling kecamatan too (the kabupaten total is shown)', () => {
    // K2 = F 2 + G 3 = 5 < 10. Kabupaten = K 110 + K2 5 = 115 shown: K2 = 115 − K unless K is hidden as well.
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: [...table, desa('F', 2), desa('G', 3)],
      groups: [K, group('K2', 'kecamatan', ['F', 'G']), group('KAB', 'kabupaten', ['A', 'B', 'C', 'D', 'E', 'F', 'G'])],
      months: 1,
    });
    expect([...r.hidden].sort()).toEqual(['A', 'D', 'F', 'G', 'K', 'K2']);
    expect(r.cell('K2', jan)?.suppressed).toBe('small-count');
    expect(r.cell('K', jan)?.suppressed).toBe('complementary');
    expect(r.cell('KAB', jan)).toBeNull();
    expect(r.unprotected).toEqual([]);
  });
});

describe('protectYear — months against quarters, ranges and the year', () => {
  it('hides every period of an area that is small in any month: months cannot be subtracted from cumulatives', () => {
    // A: 3, 4, 5 (Jan..Mar 12 ≥ 10 would be shown alone — and Jan..Mar − Jan..Feb = 5).
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: [desa('A', 3, 4, 5), desa('B', 20, 25, 30), desa('C', 15, 9, 40)],
      groups: [group('K', 'kecamatan', ['A', 'B', 'C'])],
      months: 3,
    });
    expect([...r.hidden].sort()).toEqual(['A', 'C']);
    for (const p of periodsOfYear(2026, 3)) {
      expect(r.cell('A', p), p.code).not.toBeNull();
      expect(r.cell('B', p), p.code).toBeNull();
    }
    // One reason for the whole year, bands for single months only: Jan..Mar (12) does not say it is ≥ 10.
    expect(r.cell('A', rangePeriod(2026, 1, 3))).toMatchObject({ suppressed: 'small-count', bands: null });
    expect(r.cell('A', monthPeriod(2026, 2))).toMatchObject({
      suppressed: 'small-count',
      bands: { numerator: 'below' },
    });
    expect(r.cell('C', monthPeriod(2026, 1))).toMatchObject({
      suppressed: 'small-count',
      bands: { numerator: 'atLeast' },
    });
    expect(r.unprotected).toEqual([]);
  });

  it('a desa with 1 case every month: the year is hidden, and without per-range bands one partner protects all 95 periods', () => {
    const twelve = (x: number) => Array.from({ length: 12 }, () => x);
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: [desa('A', ...twelve(1)), desa('B', ...twelve(30)), desa('C', ...twelve(20))],
      groups: [group('K', 'kecamatan', ['A', 'B', 'C'])],
    });
    expect([...r.hidden].sort()).toEqual(['A', 'C']);
    expect(r.cell('A', yearPeriod(2026))).toMatchObject({ suppressed: 'small-count', bands: null });
    expect(r.cell('C', yearPeriod(2026))).toMatchObject({ suppressed: 'complementary', bands: null });
    expect(r.certificates.map((c) => c.month)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(r.unprotected).toEqual([]);
  });
});

describe('protectYear — puskesmas wilayah kerja next to kecamatan', () => {
  // Kecamatan K1 = {A, B, C}, K2 = {X, Y}. Puskesmas P1 = {A, X}, P2 = {B, C, Y}. Both roll-ups are shown.
  // A (2) is alone in K1 ∩ P1: a partner in K1 (B or C) changes P1 and P2; a partner in P1 (X) changes K1 and K2.
  const values = [desa('A', 2), desa('B', 30), desa('C', 40), desa('X', 25), desa('Y', 35)];
  const groups = [
    group('K1', 'kecamatan', ['A', 'B', 'C']),
    group('K2', 'kecamatan', ['X', 'Y']),
    group('P1', 'puskesmas', ['A', 'X']),
    group('P2', 'puskesmas', ['B', 'C', 'Y']),
    group('KAB', 'kabupaten', ['A', 'B', 'C', 'X', 'Y']),
  ];
  it('hides the cheaper pair of totals that separate A from its partner (here both puskesmas, not both kecamatan)', () => {
    const r = protectYear({ def: dbd, year: 2026, threshold: 10, desa: values, groups, months: 1 });
    // Partner B: hide B (1) + P1 (1 + 2 desa) + P2 (1 + 3 desa) = 8; partner X: X (1) + K1 (4) + K2 (3) = 8; tie → the
    // smaller counts hidden: B 30 + P1 27 + P2 105 = 162 vs X 25 + K1 72 + K2 60 = 157 → X, K1, K2.
    expect([...r.hidden].sort()).toEqual(['A', 'K1', 'K2', 'X']);
    expect(r.cell('P1', jan)).toBeNull();
    expect(r.unprotected).toEqual([]);
  });

  it('a desa that changes puskesmas mid-year is counted where it was each month; the partner must share both', () => {
    // B moves from P2 to P1 in February: in January only C shares K1 ∩ P2 with … nobody small; A (P1, K1) is small.
    const moving: PrivacyGroup[] = [
      group('K1', 'kecamatan', ['A', 'B', 'C']),
      { id: 'P1', level: 'puskesmas', desaIn: (m) => (m === 1 ? ['A'] : ['A', 'B']) },
      { id: 'P2', level: 'puskesmas', desaIn: (m) => (m === 1 ? ['B', 'C'] : ['C']) },
      group('KAB', 'kabupaten', ['A', 'B', 'C']),
    ];
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: [desa('A', 2, 3), desa('B', 20, 20), desa('C', 30, 30)],
      groups: moving,
      months: 2,
    });
    expect(r.unprotected).toEqual([]);
    expect(r.hidden.has('A')).toBe(true);
    // In January A is alone in P1, so P1 (or K1 with a partner outside — there is none) must hide: P1 = A in January.
    expect(r.hidden.has('P1')).toBe(true);
  });
});

describe('protectYear — the reader sees part of the table exactly', () => {
  const table = [desa('A', 3), desa('B', 25), desa('C', 40)];
  const K = group('K', 'kecamatan', ['A', 'B', 'C']);
  it('the kepala desa of B knows B: A is then protected with C, never with B', () => {
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: table,
      groups: [K],
      months: 1,
      exact: (id) => id === 'B',
    });
    expect([...r.hidden].sort()).toEqual(['A', 'C']);
  });
  it('the camat of K sees K and its desa exactly: nothing hidden there', () => {
    const r = protectYear({
      def: dbd,
      year: 2026,
      threshold: 10,
      desa: table,
      groups: [K],
      months: 1,
      exact: (id) => ['K', 'A', 'B', 'C'].includes(id),
    });
    expect(r.hidden.size).toBe(0);
  });
});

describe('protectYear — sensitive indicators and protected denominators', () => {
  it('SPM ODGJ: every desa hidden whatever its count; an estimated sasaran stays shown', () => {
    const odgj = getIndicator('SPM10_ODGJ')!;
    const d = (kode: string, n: number, sasaran: number): PrivacyDesa => ({
      kode,
      months: [{ month: 1, numerator: n }],
      sasaran,
    });
    const r = protectYear({
      def: odgj,
      year: 2026,
      threshold: 10,
      desa: [d('A', 12, 15), d('B', 30, 40), d('C', 4, 6)],
      groups: [group('K', 'kecamatan', ['A', 'B', 'C'])],
      months: 1,
    });
    expect([...r.hidden].sort()).toEqual(['A', 'B', 'C']);
    expect(r.cell('B', jan)).toMatchObject({
      suppressed: 'sensitive',
      denominator: 40,
      bands: { numerator: 'atLeast', denominator: null },
    });
    expect(r.cell('K', jan)).toBeNull(); // K: 46 of 61 — nothing small
    expect(r.unprotected).toEqual([]);
  });
  it('SPM ODGJ from a register: the sasaran is protected too, and moved between desa in its certificates', () => {
    const odgj = getIndicator('SPM10_ODGJ')!;
    const d = (kode: string, n: number, sasaran: number): PrivacyDesa => ({
      kode,
      months: [{ month: 1, numerator: n }],
      sasaran,
    });
    const r = protectYear({
      def: odgj,
      year: 2026,
      threshold: 10,
      desa: [d('A', 12, 15), d('B', 30, 40), d('C', 4, 6)],
      groups: [group('K', 'kecamatan', ['A', 'B', 'C'])],
      months: 1,
      sasaranIsRegister: true,
    });
    expect(r.cell('B', jan)).toMatchObject({
      suppressed: 'sensitive',
      denominator: null,
      bands: { numerator: 'atLeast', denominator: 'atLeast' },
    });
    expect(r.certificates.some((c) => c.moves === 'sasaran')).toBe(true);
    expect(r.unprotected).toEqual([]);
  });
  it('counted denominators (T/D: balita tidak naik berat badan of balita ditimbang) are protected with their numerator', () => {
    const td = getIndicator('GZ_TD')!;
    const d = (kode: string, t: number, dd: number): PrivacyDesa => ({
      kode,
      months: [{ month: 1, numerator: t, denominator: dd }],
      sasaran: null,
    });
    const r = protectYear({
      def: td,
      year: 2026,
      threshold: 10,
      desa: [d('A', 2, 8), d('B', 12, 40), d('C', 15, 50), d('D', 20, 45)],
      groups: [group('K', 'kecamatan', ['A', 'B', 'C', 'D'])],
      months: 1,
    });
    expect(r.hidden.has('A')).toBe(true);
    expect(r.hidden.size).toBe(2);
    expect(r.cell('A', jan)).toMatchObject({ denominator: null, bands: { numerator: 'below', denominator: 'below' } });
    expect(r.unprotected).toEqual([]);
  });
  it('counts that are not about persons are never hidden', () => {
    const sbs = getIndicator('KL_SBS_DESA')!;
    const d = (kode: string, n: number): PrivacyDesa => ({
      kode,
      months: [{ month: 1, numerator: n, denominator: 1 }],
      sasaran: null,
    });
    const r = protectYear({
      def: sbs,
      year: 2026,
      threshold: 10,
      desa: [d('A', 0), d('B', 1)],
      groups: [group('K', 'kecamatan', ['A', 'B'])],
      months: 1,
    });
    expect(r.hidden.size).toBe(0);
  });
});
