// Agenda generation on a hand-computed kecamatan of three desa, period Januari–September 2026.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../indicators/period.ts';
import type { AttainmentClass } from '../indicators/classify.ts';
import { agendaItemKeys, buildAgenda, previousPeriod, upgradeAgenda, type AgendaValueRow } from './agenda.ts';

const P = parsePeriod('2026-01..2026-09');

function row(
  kode: string,
  nama: string,
  numerator: number | null,
  denominator: number | null,
  expected: number,
  extra: { reported?: number; cls?: AttainmentClass } = {},
): AgendaValueRow {
  const coverage = numerator === null || denominator === null ? null : (numerator / denominator) * 100;
  const attainment = coverage === null ? null : (coverage / expected) * 100;
  const cls: AttainmentClass =
    extra.cls ?? (attainment === null ? 'no-data' : attainment >= 100 ? 'baik' : attainment >= 80 ? 'cukup' : 'kurang');
  return {
    // Persons short of the line by hand: ⌈expected/100 × denominator⌉ − numerator (the tests below state the numbers).
    kode,
    nama,
    numerator,
    denominator,
    coverage,
    target: null,
    expected,
    notYetServed: null,
    shortOfTarget:
      numerator === null || denominator === null ? null : Math.ceil((expected / 100) * denominator - 1e-9) - numerator,
    class: cls,
    attainment,
    over100: coverage !== null && coverage > 100,
    simulated: true,
    reported: extra.reported ?? (numerator === null ? 0 : 9),
    expectedReports: 9,
  };
}

// KIA_K1 (target 95 %): expected by September 95 × 9/12 = 71.25 %, by August 95 × 8/12 = 63.33 %.
//   Alfa 30/40 = 75 % → attainment 105.3; August 27/40 = 67.5 % → 106.6: fell 1.3 points.
//   Beta 10/20 = 50 % → 70.2 (below); August 8/20 = 40 % → 63.2: rose.
//   Cinta: no report at all.
// SPM03_BBL (target 100 %): expected 75 % (September), 66.67 % (August).
//   Alfa 6/4 = 150 % (> 100 %) → 200; August 5/4 = 125 % → 187.5.
//   Beta 3/10 = 30 % → 40 (below), 7 of 9 monthly reports; August 3/10 → 45: fell 5 points.
// GZ_STUNTING: nobody reports it here → not on the agenda, and not a "missing report" of every desa.
const A = ['12.10.09.2001', 'Alfa'] as const;
const B = ['12.10.09.2002', 'Beta'] as const;
const C = ['12.10.09.2003', 'Cinta'] as const;
const K1_EXP = 71.25,
  K1_PREV = (95 * 8) / 12,
  BBL_EXP = 75,
  BBL_PREV = (100 * 8) / 12;

const input = {
  wilayah: { kode: '12.10.09', nama: 'Bilah Hulu' },
  period: P,
  generatedAt: '2026-11-20T08:00:00.000Z',
  indicators: [
    {
      indicator: 'KIA_K1',
      current: [row(...A, 30, 40, K1_EXP), row(...B, 10, 20, K1_EXP), row(...C, null, null, K1_EXP)],
      previous: [row(...A, 27, 40, K1_PREV), row(...B, 8, 20, K1_PREV), row(...C, null, null, K1_PREV)],
      // §4.4: Alfa August 4 (10 %), September 3 (7.5 %); Beta August 1/20 = 5 %, September 2/20 = 10 %.
      monthCoverage: {
        thisMonth: new Map([
          [A[0], 7.5],
          [B[0], 10],
        ]),
        lastMonth: new Map([
          [A[0], 10],
          [B[0], 5],
        ]),
      },
    },
    {
      indicator: 'SPM03_BBL',
      current: [row(...A, 6, 4, BBL_EXP), row(...B, 3, 10, BBL_EXP, { reported: 7 }), row(...C, null, null, BBL_EXP)],
      previous: [row(...A, 5, 4, BBL_PREV), row(...B, 3, 10, BBL_PREV), row(...C, null, null, BBL_PREV)],
    },
    {
      indicator: 'GZ_STUNTING',
      current: [row(...A, null, null, 14), row(...B, null, null, 14), row(...C, null, null, 14)],
      previous: null,
    },
  ],
  openActions: [
    {
      id: 7,
      meetingId: 3,
      meetingTanggal: '2026-08-05',
      desaKode: C[0],
      desaNama: 'Cinta',
      indicator: 'KIA_K1',
      apa: 'Kunjungan rumah',
      siapa: 'Bidan desa',
      tenggat: null,
    },
  ],
};

describe('buildAgenda', () => {
  const agenda = buildAgenda(input);

  it('keeps the indicators reported in the wilayah, in catalogue order, and names the periods', () => {
    expect(agenda.indicators).toEqual(['SPM03_BBL', 'KIA_K1']);
    expect(agenda).toMatchObject({
      periode: '2026-01..2026-09',
      periodeLabel: 'Januari–September 2026',
      previousPeriode: '2026-01..2026-08',
      previousPeriodeLabel: 'Januari–Agustus 2026',
      simulated: true,
    });
  });

  it('lists desa × indicator below the expected-to-date target, furthest behind first', () => {
    expect(agenda.behind.map((b) => [b.desaNama, b.indicator])).toEqual([
      ['Beta', 'SPM03_BBL'],
      ['Beta', 'KIA_K1'],
    ]);
    expect(agenda.behind[0]!.attainment).toBeCloseTo(40, 9);
    expect(agenda.behind[1]!.attainment).toBeCloseTo((50 / 71.25) * 100, 9); // 70.18
    expect(agenda.behind[1]).toMatchObject({ coverage: 50, expected: 71.25 });
    // Persons short of the line, never the other count: BBL 75 % × 10 = 7.5 → 8 − 3 = 5; K1 71.25 % × 20 = 14.25 → 15 − 10 = 5
    expect(agenda.behind.map((b) => b.shortOfTarget)).toEqual([5, 5]);
  });

  it('lists what worsened since the previous period and is below the target now, by the fall of attainment', () => {
    // Beta BBL 45 → 40 % of the line. Alfa K1 fell too (106.58 → 105.26) but is still above the line: not "memburuk".
    expect(agenda.worsened.map((w) => [w.desaNama, w.indicator])).toEqual([['Beta', 'SPM03_BBL']]);
    expect(agenda.worsened[0]!.drop).toBeCloseTo(45 - 40, 9);
  });

  it('honours polarity: a prevalence that fell never worsens, one that rose past the target does', () => {
    // Stunting (lower is better, target 14 %): attainment = 14 ÷ prevalence. Alfa 8.3 % → 6 % (fell: better);
    // Beta 12 % → 17 % (rose past 14 %: attainment 116.7 → 82.4, worse, below target).
    const lower = (kode: string, nama: string, prevalence: number) => {
      const attainment = (14 / prevalence) * 100;
      return {
        ...row(kode, nama, prevalence, 100, 14),
        attainment,
        class: (attainment >= 100 ? 'baik' : attainment >= 80 ? 'cukup' : 'kurang') as AttainmentClass,
        shortOfTarget: null,
      };
    };
    const stunting = buildAgenda({
      ...input,
      indicators: [
        {
          indicator: 'GZ_STUNTING',
          current: [lower(...A, 6), lower(...B, 17)],
          previous: [lower(...A, 8.3), lower(...B, 12)],
        },
      ],
    });
    expect(stunting.worsened.map((w) => [w.desaNama, w.previousCoverage, w.coverage])).toEqual([['Beta', 12, 17]]);
    expect(stunting.behind.map((b) => b.desaNama)).toEqual(['Beta']);
  });

  it('flags missing reports (most missing months first) and coverage above 100 %', () => {
    expect(agenda.dataQuality.map((d) => [d.desaNama, d.kind])).toEqual([
      ['Cinta', 'laporan'],
      ['Beta', 'laporan'],
      ['Alfa', 'lebih100'],
    ]);
    expect(agenda.dataQuality[0]!.indicators.map((i) => [i.indicator, i.reported, i.expectedReports])).toEqual([
      ['SPM03_BBL', 0, 9],
      ['KIA_K1', 0, 9],
    ]);
    expect(agenda.dataQuality[1]!.indicators).toEqual([
      { indicator: 'SPM03_BBL', reported: 7, expectedReports: 9, coverage: 30 },
    ]);
    expect(agenda.dataQuality[2]!.indicators).toEqual([
      { indicator: 'SPM03_BBL', reported: 9, expectedReports: 9, coverage: 150 },
    ]);
  });

  it('orders the desa by agenda entries (Beta 4, Cinta 2, Alfa 1) and picks the weakest indicator first', () => {
    expect(agenda.desa.map((d) => [d.nama, d.mentions, d.behindCount])).toEqual([
      ['Beta', 4, 2],
      ['Cinta', 2, 0],
      ['Alfa', 1, 0],
    ]);
    expect(agenda.desa.map((d) => d.focusIndicator)).toEqual(['SPM03_BBL', 'SPM03_BBL', 'KIA_K1']);
    expect(agenda.openActions).toHaveLength(1);
  });

  it('gives each desa its values with the previous period and the PWS status (§4.4: above the line and falling = kurang)', () => {
    const alfa = agenda.desa.find((d) => d.nama === 'Alfa')!;
    expect(alfa.values.map((v) => v.indicator)).toEqual(['SPM03_BBL', 'KIA_K1']);
    const k1 = alfa.values[1]!;
    // The month-on-month numbers the PWS trend read are stored with it: September 7.5 % after August 10 %.
    expect(k1).toMatchObject({
      coverage: 75,
      previousCoverage: 67.5,
      monthCoverage: 7.5,
      previousMonthCoverage: 10,
      pws: 'kurang',
    });
    expect(alfa.values[0]!.pws).toBeNull(); // no monthly coverages given for SPM03_BBL
    expect(agenda.desa.find((d) => d.nama === 'Beta')!.values[1]!.pws).toBe('cukup'); // below the line, rising
  });

  it('keeps at most perDesa entries per desa', () => {
    const one = buildAgenda({ ...input, limits: { perDesa: 1 } });
    expect(one.behind.map((b) => [b.desaNama, b.indicator])).toEqual([['Beta', 'SPM03_BBL']]);
  });

  it('applies the limits', () => {
    const short = buildAgenda({ ...input, limits: { behind: 1, worsened: 1, dataQuality: 1 } });
    expect([short.behind.length, short.worsened.length, short.dataQuality.length]).toEqual([1, 1, 1]);
    // Beta: behind 1 + worsened 1 = 2; Cinta: missing reports 1 + open action 1 = 2; Alfa: 0.
    expect(short.desa.map((d) => d.nama)).toEqual(['Beta', 'Cinta', 'Alfa']);
  });

  it('has one note key per step', () => {
    expect(agendaItemKeys(agenda)).toEqual([
      'ringkasan',
      'desa:12.10.09.2002',
      'desa:12.10.09.2003',
      'desa:12.10.09.2001',
      'tindak-lanjut',
    ]);
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2026-01', '2025-12'],
    ['2026-07', '2026-06'],
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026-01..2026-09', '2026-01..2026-08'],
    ['2026-04..2026-06', '2026-01..2026-03'],
    ['2026', '2025'],
  ])('%s → %s', (p, expected) => {
    expect(previousPeriod(parsePeriod(p))?.code).toBe(expected);
  });
  it('has none before Januari s.d. Januari or before a range that starts too early', () => {
    expect(previousPeriod(parsePeriod('2026-01..2026-01'))).toBeNull();
    expect(previousPeriod(parsePeriod('2026-02..2026-04'))).toBeNull();
  });
});

describe('leadIndicator', () => {
  it('is the indicator the most desa are behind on (SPM03_BBL and KIA_K1 both 1: catalogue order)', async () => {
    const { leadIndicator } = await import('./agenda.ts');
    const agenda = buildAgenda(input);
    expect(leadIndicator(agenda)).toBe('SPM03_BBL');
    expect(leadIndicator({ indicators: [], desa: [] })).toBeNull();
  });
});

describe('upgradeAgenda', () => {
  it('reads a stored version-1 agenda (one `gap`) as version 2 with the two counts from its own numbers', () => {
    const v2 = buildAgenda(input);
    // A version-1 snapshot: `gap` instead of the two counts, no single months.
    const v1 = JSON.parse(
      JSON.stringify({
        ...v2,
        version: 1,
        desa: v2.desa.map((d) => ({
          ...d,
          values: d.values.map(
            ({ notYetServed: _n, shortOfTarget: _s, monthCoverage: _m, previousMonthCoverage: _p, ...v }) => ({
              ...v,
              gap: 99,
            }),
          ),
        })),
        behind: v2.behind.map(({ shortOfTarget: _s, ...b }) => ({ ...b, gap: 99 })),
      }),
    );
    const up = upgradeAgenda(v1);
    expect(up.version).toBe(2);
    const betaK1 = up.desa.find((d) => d.nama === 'Beta')!.values.find((v) => v.indicator === 'KIA_K1')!;
    // Beta K1 10 of 20 by September: 20 − 10 = 10 not yet served; 71.25 % × 20 = 14.25 → 15 − 10 = 5 short
    expect(betaK1).toMatchObject({
      notYetServed: 10,
      shortOfTarget: 5,
      monthCoverage: null,
      previousMonthCoverage: null,
    });
    expect('gap' in betaK1).toBe(false);
    expect(up.behind.map((b) => b.shortOfTarget)).toEqual([5, 5]);
    expect(upgradeAgenda(v2)).toBe(v2);
  });
});
