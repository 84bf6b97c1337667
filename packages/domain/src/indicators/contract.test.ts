// The catalogue and the evaluated values fit the HTTP contract (src/contract/indicators.ts, values.ts).
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import {
  IndicatorListSchema,
  IndicatorSchema,
  SeriesMonthSchema,
  SeriesResponseSchema,
  ValueRowSchema,
  ValuesQuerySchema,
  ValuesResponseSchema,
  type IndicatorDto,
  type SeriesMonthDto,
  type ValueRow,
} from '../contract/index.ts';
import { INDICATORS, getIndicator, type IndicatorDef } from './catalogue.ts';
import { evaluateValue, rollUpDesa, seriesOf, type SeriesMonth } from './evaluate.ts';
import { parsePeriod } from './period.ts';

// Compile-time: the domain types are assignable to the contract types.
const _indicator: IndicatorDto = INDICATORS[0] satisfies IndicatorDef;
const _month = (m: SeriesMonth): SeriesMonthDto => m;
void _indicator;
void _month;

describe('IndicatorSchema', () => {
  it('accepts every catalogue entry as served by GET /api/indikator', () => {
    for (const d of INDICATORS) expect(Value.Check(IndicatorSchema, d), d.code).toBe(true);
    expect(Value.Check(IndicatorListSchema, INDICATORS)).toBe(true);
  });
});

describe('ValuesQuerySchema', () => {
  it('needs indikator and periode, wilayah is optional', () => {
    expect(Value.Check(ValuesQuerySchema, { indikator: 'KIA_K1', periode: '2026-Q2' })).toBe(true);
    expect(Value.Check(ValuesQuerySchema, { indikator: 'KIA_K1', periode: '2026-Q2', wilayah: '12.10' })).toBe(true);
    expect(Value.Check(ValuesQuerySchema, { indikator: 'KIA_K1' })).toBe(false);
  });
});

describe('ValueRowSchema / ValuesResponseSchema', () => {
  it('accept a row built from evaluateValue', () => {
    const def = getIndicator('KIA_K1')!;
    const period = parsePeriod('2026-01..2026-09');
    const v = evaluateValue(
      def,
      period,
      rollUpDesa(def, period, [{ months: [{ month: 1, numerator: 30 }], sasaran: 40 }]),
    );
    const row: ValueRow = {
      kode: '12.10.01.2001',
      nama: 'Desa A',
      numerator: v.numerator,
      denominator: v.denominator,
      coverage: v.coverage,
      target: v.target,
      expected: v.expected,
      notYetServed: v.notYetServed,
      shortOfTarget: v.shortOfTarget,
      class: v.class,
      attainment: v.attainment,
      over100: v.over100,
      simulated: true,
      reported: v.reported,
      expectedReports: v.expectedReports,
    };
    expect(Value.Check(ValueRowSchema, row)).toBe(true);
    expect(
      Value.Check(ValuesResponseSchema, {
        indicator: def.code,
        period: period.code,
        periodLabel: period.label,
        parent: '12.10.01',
        simulated: true,
        rows: [row],
      }),
    ).toBe(true);
  });
});

describe('SeriesResponseSchema', () => {
  it('accepts the output of seriesOf', () => {
    const def = getIndicator('KIA_K1')!;
    const months = seriesOf(def, 2026, [{ months: [{ month: 1, numerator: 3 }], sasaran: 40 }]);
    for (const m of months) expect(Value.Check(SeriesMonthSchema, m)).toBe(true);
    expect(
      Value.Check(SeriesResponseSchema, {
        kode: '12.10',
        nama: 'Labuhanbatu',
        indicator: def.code,
        year: 2026,
        target: def.target,
        months,
        simulated: false,
      }),
    ).toBe(true);
  });
});
