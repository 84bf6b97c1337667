import { describe, expect, it } from 'vitest';
import {
  DASHBOARD_CRITERIA_NOTE,
  PALETTE,
  attainmentLegend,
  getIndicator,
  quantileClasses,
  quantileLegend,
} from '@peta/domain';
import type { ValueRow } from '@peta/domain/contract';
import { translate, type TFunction } from '../../i18n/i18n.tsx';
import { choroplethModel, QUANTILE_CLASS_COUNT } from './legend-model.ts';

const tId: TFunction = (key, params) => translate('id', key, params);
const tEn: TFunction = (key, params) => translate('en', key, params);

function row(kode: string, coverage: number | null, cls: ValueRow['class'], extra: Partial<ValueRow> = {}): ValueRow {
  return {
    kode,
    nama: `Wilayah ${kode}`,
    numerator: coverage === null ? null : coverage,
    denominator: coverage === null ? null : 100,
    coverage,
    target: 90,
    expected: 75,
    notYetServed: null,
    shortOfTarget: null,
    class: cls,
    attainment: null,
    over100: false,
    simulated: true,
    reported: coverage === null ? 0 : 10,
    expectedReports: 10,
    ...extra,
  };
}

const K4 = getIndicator('KIA_K4')!;
const STUNTING = getIndicator('GZ_STUNTING')!;
const POSITIVITY = getIndicator('TB_POSITIVITY')!;
const CNR = getIndicator('TB_CNR')!;
const rows = [
  row('1', 80, 'baik'),
  row('2', 65, 'cukup'),
  row('3', 40, 'kurang'),
  row('4', null, 'no-data'),
  row('5', 104.5, 'baik', { over100: true }),
];

describe('attainment mode', () => {
  it('colours each kode by the class the API gave it, grey without data, and flags > 100 %', () => {
    const model = choroplethModel('target', K4, rows, tId);
    expect(model.styles['1']).toEqual({ fillColor: PALETTE.attainment.baik, flag: false });
    expect(model.styles['2']!.fillColor).toBe(PALETTE.attainment.cukup);
    expect(model.styles['3']!.fillColor).toBe(PALETTE.attainment.kurang);
    expect(model.styles['4']!.fillColor).toBe(PALETTE.noData);
    expect(model.styles['5']).toEqual({ fillColor: PALETTE.attainment.baik, flag: true });
    expect(model.colourOf('not-shown')).toBe(PALETTE.noData);
  });

  it('states the dashboard-criteria note and the class limits at the expected value', () => {
    const model = choroplethModel('target', K4, rows, tId);
    expect(model.note).toContain(DASHBOARD_CRITERIA_NOTE);
    expect(model.title).toBe('K4: capaian terhadap target');
    expect(model.items.map((i) => i.label)).toEqual([
      'Baik: ≥ 100% target (capaian ≥ 75,0%)',
      'Cukup: 80–<100% target (capaian 60,0% – < 75,0%)',
      'Kurang: < 80% target (capaian < 60,0%)',
      'Tidak ada laporan',
      'Arsiran: capaian > 100% (periksa sasaran/data)',
    ]);
  });

  it('words every polarity exactly as the domain legend does in Bahasa Indonesia', () => {
    for (const [def, expected] of [
      [K4, 75],
      [STUNTING, 14],
      [POSITIVITY, null],
      [CNR, null],
    ] as const) {
      const model = choroplethModel('target', def, [row('1', 10, 'baik', { expected })], tId);
      const domain = attainmentLegend(def, expected);
      expect(
        model.items.map((i) => i.label),
        def.code,
      ).toEqual(domain.items.map((i) => i.label));
      expect(model.items.map((i) => [i.key, i.color, i.pattern])).toEqual(
        domain.items.map((i) => [i.key, i.color, i.pattern]),
      );
      expect(model.title).toBe(domain.title);
    }
  });

  it('has an English legend with the same limits', () => {
    const model = choroplethModel('target', K4, rows, tEn);
    expect(model.items[0]!.label).toBe('Good: ≥ 100% of target (coverage ≥ 75,0%)');
    expect(model.note).toMatch(/not official rules/);
  });
});

describe('quantile mode', () => {
  const many = Array.from({ length: 10 }, (_, i) => row(String(i), 10 + i * 10, 'cukup'));

  it('uses the domain quantile classes and viridis colours, light for low values', () => {
    const model = choroplethModel('kuantil', K4, [...many, row('x', null, 'no-data')], tId);
    const q = quantileClasses(
      many.map((r) => r.coverage),
      QUANTILE_CLASS_COUNT,
    );
    expect(model.items.map((i) => i.label)).toEqual(quantileLegend(q, 'percent', K4.short).items.map((i) => i.label));
    expect(model.items).toHaveLength(QUANTILE_CLASS_COUNT + 1);
    expect(model.styles['0']!.fillColor).toBe(PALETTE.quantile[5][0]);
    expect(model.styles['9']!.fillColor).toBe(PALETTE.quantile[5][4]);
    expect(model.styles.x!.fillColor).toBe(PALETTE.noData);
    expect(model.note).toContain('5 kelas');
    expect(model.note).toContain('bukan penilaian terhadap target');
  });

  it('has fewer classes when there are few distinct values', () => {
    const model = choroplethModel(
      'kuantil',
      K4,
      [row('a', 50, 'kurang'), row('b', 50, 'kurang'), row('c', 70, 'cukup')],
      tId,
    );
    expect(model.items.map((i) => i.key)).toEqual(['q1', 'q2', 'no-data']);
    expect(model.styles.a!.fillColor).toBe(model.styles.b!.fillColor);
  });
});
