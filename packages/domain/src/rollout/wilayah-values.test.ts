import { describe, expect, it } from 'vitest';
import { requireIndicator } from '../indicators/catalogue.ts';
import { parsePeriod } from '../indicators/period.ts';
import { rollUpDesa } from '../indicators/evaluate.ts';
import {
  holderOn,
  rollUpByWilayahKerja,
  TANPA_PUSKESMAS,
  type DesaMonths,
  type WilayahKerjaRow,
} from './wilayah-values.ts';

const K1 = requireIndicator('KIA_K1'); // ytd_cum over the bumil sasaran
const months = (...n: number[]) => n.map((numerator, i) => ({ month: i + 1, numerator }));
const desa: DesaMonths[] = [
  { kode: 'D1', months: months(1, 2, 3, 4, 5, 6), sasaran: 60 },
  { kode: 'D2', months: months(2, 2, 2, 2, 2, 2), sasaran: 30 },
  { kode: 'D3', months: months(1, 1, 1, 1, 1, 1), sasaran: 12 },
];
const period = parsePeriod('2026-01..2026-06');

describe('values per puskesmas wilayah kerja', () => {
  it('a wilayah held all along equals the sum of its desa (Σ numerators ÷ Σ sasaran)', () => {
    const rows: WilayahKerjaRow[] = [
      { desa: 'D1', puskesmas: 'A', validFrom: '2025-01-01', validTo: null },
      { desa: 'D2', puskesmas: 'A', validFrom: '2025-01-01', validTo: null },
      { desa: 'D3', puskesmas: 'B', validFrom: '2025-01-01', validTo: null },
    ];
    const byP = rollUpByWilayahKerja(K1, period, desa, rows);
    expect(byP.get('A')!.aggregate).toMatchObject({
      numerator: 21 + 12,
      denominator: 90,
      reportedMonths: 12,
      expectedMonths: 12,
    });
    expect(byP.get('A')!.aggregate).toEqual(rollUpDesa(K1, period, [desa[0]!, desa[1]!]));
    expect(byP.get('B')!.aggregate).toMatchObject({ numerator: 6, denominator: 12 });
    expect(byP.has(TANPA_PUSKESMAS)).toBe(false);
  });

  it('a desa moved on 1 April gives Jan–Mar to the old puskesmas and Apr–Jun to the new, sasaran shared by months', () => {
    const rows: WilayahKerjaRow[] = [
      { desa: 'D1', puskesmas: 'A', validFrom: '2025-01-01', validTo: '2026-04-01' },
      { desa: 'D1', puskesmas: 'B', validFrom: '2026-04-01', validTo: null },
      { desa: 'D3', puskesmas: 'B', validFrom: '2025-01-01', validTo: null },
    ];
    const byP = rollUpByWilayahKerja(K1, period, desa, rows);
    // A: D1 Jan–Mar = 1+2+3 = 6 of 60 × 3/6 = 30. B: D1 Apr–Jun 4+5+6 = 15 of 30, plus D3 6 of 12.
    expect(byP.get('A')!.aggregate).toMatchObject({ numerator: 6, denominator: 30, expectedMonths: 3 });
    expect(byP.get('B')!.aggregate).toMatchObject({ numerator: 21, denominator: 42, expectedMonths: 9 });
    // D2 has no puskesmas: reported as such, not dropped.
    expect(byP.get(TANPA_PUSKESMAS)!.aggregate).toMatchObject({ numerator: 12, denominator: 30 });
    // The whole kabupaten is unchanged by the move.
    const total = [...byP.values()].reduce(
      (s, v) => ({ n: s.n + v.aggregate.numerator!, d: s.d + v.aggregate.denominator! }),
      { n: 0, d: 0 },
    );
    expect(total).toEqual({ n: 21 + 12 + 6, d: 102 });
  });

  it('a move dated mid-month takes effect from the next month', () => {
    const rows: WilayahKerjaRow[] = [
      { desa: 'D1', puskesmas: 'A', validFrom: '2025-01-01', validTo: '2026-04-15' },
      { desa: 'D1', puskesmas: 'B', validFrom: '2026-04-15', validTo: null },
    ];
    expect(holderOn(rows, '2026-04-01')).toBe('A');
    expect(holderOn(rows, '2026-05-01')).toBe('B');
    const byP = rollUpByWilayahKerja(K1, period, [desa[0]!], rows);
    expect(byP.get('A')!.aggregate.numerator).toBe(1 + 2 + 3 + 4);
    expect(byP.get('B')!.aggregate.numerator).toBe(5 + 6);
  });
});
