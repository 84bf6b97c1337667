import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { HIDDEN_VALUE_ROW_EXAMPLE, ProtectionSchema } from '../contract/privacy.ts';
import { getIndicator } from '../indicators/catalogue.ts';
import { evaluateValue, rollUpDesa, seriesOf } from '../indicators/evaluate.ts';
import { monthPeriod } from '../indicators/period.ts';
import { maskRow, maskSeriesMonth, protectionText } from './mask.ts';
import { hideCell } from './rule.ts';

const k1 = getIndicator('KIA_K1')!;
// One desa: 3 ibu hamil K1 in March, an estimated sasaran of 36.
const desa = [{ months: [{ month: 3, numerator: 3 }], sasaran: 36 }];
const march = monthPeriod(2026, 3);
const row = evaluateValue(k1, march, rollUpDesa(k1, march, desa));

describe('maskRow', () => {
  it('leaves a shown row as it is, with protection null', () => {
    expect(maskRow(row, null, 10)).toEqual({ ...row, protection: null });
  });
  it('sends a row already marked shown as that very row, and still hides it when its cell is hidden', () => {
    const shown = { ...row, protection: null };
    expect(maskRow(shown, null, 10)).toBe(shown);
    const cell = hideCell(k1, row, 'small-count', 10);
    expect(maskRow(shown, cell, 10)).toMatchObject({
      numerator: null,
      class: 'disembunyikan',
      protection: { suppressed: 'small-count' },
    });
    expect(shown.numerator).toBe(3);
  });
  it('drops the counts of a hidden row and says why; the estimated sasaran, target and expected stay', () => {
    const cell = hideCell(k1, { ...row, coverage: row.coverage }, 'small-count', 10);
    const masked = maskRow(row, cell, 10);
    // March alone: 3 of an estimated 36, expected 95 % × 36 / 12 = 2.85 persons → reached (shortOfTarget 0 or less).
    expect(row).toMatchObject({ numerator: 3, denominator: 36, coverage: (3 * 100) / 36, notYetServed: null });
    expect(masked).toMatchObject({
      numerator: null,
      denominator: 36,
      coverage: null,
      notYetServed: null,
      shortOfTarget: null,
      attainment: null,
      class: 'disembunyikan',
      over100: false,
      target: 95,
      expected: row.expected,
      protection: {
        suppressed: 'small-count',
        threshold: 10,
        bands: { numerator: 'below', denominator: null, notYetServed: null, shortOfTarget: null },
        text: 'disembunyikan: jumlah kecil · < 10',
      },
    });
    expect(Value.Check(ProtectionSchema, masked.protection)).toBe(true);
  });
});

describe('maskSeriesMonth', () => {
  it('hides the month and the line "s.d. bulan ini" separately, and the PWS status with either', () => {
    const series = seriesOf(k1, 2026, [{ months: [1, 2, 3].map((m) => ({ month: m, numerator: 40 })), sasaran: 400 }]);
    const m3 = series[2]!;
    const monthCell = hideCell(
      k1,
      { numerator: 40, denominator: 400, notYetServed: null, shortOfTarget: 8, coverage: 10 },
      'complementary',
      10,
    );
    const masked = maskSeriesMonth(m3, monthCell, null, 10);
    expect(masked).toMatchObject({
      numerator: null,
      coverage: null,
      denominator: 400,
      cumulativeNumerator: 120,
      pwsStatus: null,
      protection: { suppressed: 'complementary' },
      cumulativeProtection: null,
    });
    expect(maskSeriesMonth(m3, null, null, 10)).toEqual({ ...m3, protection: null, cumulativeProtection: null });
  });
});

describe('texts and contract', () => {
  it('says why in Bahasa Indonesia first, English on request', () => {
    expect(protectionText('sensitive', null, 10)).toBe('disembunyikan: indikator sensitif');
    expect(protectionText('small-count', 'atLeast', 10, 'en')).toBe('hidden: small count · ≥ 10');
    expect(protectionText('complementary', null, 10)).toBe('disembunyikan: melindungi jumlah kecil di baris lain');
  });
  it('the OpenAPI example of a hidden row carries a valid protection', () => {
    expect(Value.Check(ProtectionSchema, HIDDEN_VALUE_ROW_EXAMPLE.protection)).toBe(true);
    expect(Value.Check(ProtectionSchema, { suppressed: 'hidden', threshold: 10, bands: null, text: '' })).toBe(false);
  });
});
