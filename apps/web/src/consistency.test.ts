// One walk over every indicator of the catalogue × every kind of period (month, quarter, year, January..m — and a
// January..m whose last month has a desa without report): the same desa, indicator and period is built the way each
// place builds it — the row GET /api/nilai gives (rollUpDesa + evaluateValue, as values-service does), the meeting
// agenda (buildAgenda), the profile card (profileIndicator on the server, indicatorCard here), the hover card and the
// table cell (value-text), the desa panel's PWS chart (seriesOf + pwsReadingAt) and the printed pack (meetingPackHtml)
// — and every place showing the same quantity must show the same number and the same judgement (issue 15).
import { describe, expect, it } from 'vitest';
import {
  buildAgenda,
  chartIndicators,
  countsPersons,
  evaluateValue,
  formatNumberId,
  INDICATORS,
  monthPair,
  monthPeriod,
  parsePeriod,
  previousPeriod,
  profileIndicator,
  pwsApplies,
  pwsReadingAt,
  PWS_STATUS_LABELS,
  rollUpDesa,
  sameLastYearPeriod,
  seriesOf,
  seriesUpTo,
  trendOf,
  type AgendaIndicatorInput,
  type AgendaValueRow,
  type DesaInput,
  type IndicatorDef,
  type Period,
} from '@peta/domain';
import type { MeetingDetail, ValueRow } from '@peta/domain/contract';
import { meetingPackHtml, type PackDesaExtras } from '../../../packages/server-core/src/meetings/pack-html.ts';
import { translate, type TFunction } from './i18n/i18n.tsx';
import { classLine, notYetServedLine, shortOfTargetCell, shortOfTargetLine } from './shared/choropleth/value-text.ts';
import { indicatorCard } from './pages/profil/profile-model.ts';

const t: TFunction = (key, params) => translate('id', key, params);

// ---------------------------------------------------------------------------------------------- the data
// Three desa of one kecamatan: A with a round sasaran, B with an estimated one (20.79: "21 dari 20,8"), C tiny (2.34)
// and without a September report. Numbers from a seeded generator, so every indicator shape gets varied cases
// (below and above the line, rising and falling months, coverage above 100 %).
const DESA = [
  { kode: '12.10.09.2001', nama: 'Alfa', sasaran: 40, population: 2000, missing: [] as number[] },
  { kode: '12.10.09.2002', nama: 'Beta', sasaran: 20.79, population: 1500, missing: [] },
  { kode: '12.10.09.2003', nama: 'Cinta', sasaran: 2.34, population: 800, missing: [9] },
];

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The desa's months of one year for an indicator (months 1..lastMonth; a missing month has no report). */
function desaInput(
  def: IndicatorDef,
  d: (typeof DESA)[number],
  year: number,
  lastMonth: number,
  rnd: () => number,
): DesaInput {
  const sasaran =
    def.denominator.kind === 'population' ? d.population : def.denominator.kind === 'sasaran' ? d.sasaran : null;
  const months = [];
  for (let m = 1; m <= lastMonth; m++) {
    if (year === 2026 && d.missing.includes(m)) continue;
    if (def.denominator.kind === 'counted') {
      const den = 2 + Math.floor(rnd() * 20);
      const share = def.polarity === 'lower' ? 0.05 + rnd() * 0.3 : 0.4 + rnd() * 0.7;
      months.push({ month: m, numerator: Math.min(den + 1, Math.round(den * share)), denominator: den });
    } else if (def.periodKind === 'month' || def.periodKind === 'point') {
      months.push({ month: m, numerator: Math.round(sasaran! * (0.4 + rnd() * 0.7)) });
    } else {
      // persons newly served in the month: around the year's level ÷ 12, sometimes none, sometimes many
      months.push({
        month: m,
        numerator: Math.floor(rnd() * Math.max(2, sasaran! * (def.unit === 'per100k' ? 0.0004 : 0.18))),
      });
    }
  }
  return { months, sasaran };
}

const PERIODS = ['2026-10', '2026-Q3', '2026', '2026-01..2026-10', '2026-01..2026-09'].map(parsePeriod);

interface World {
  current: DesaInput[];
  lastDecember: DesaInput[];
}
const world = new Map<string, World>(
  INDICATORS.map((def, i) => {
    const rnd = random(1000 + i);
    return [
      def.code,
      {
        current: DESA.map((d) => desaInput(def, d, 2026, 10, rnd)),
        lastDecember: DESA.map((d) => desaInput(def, d, 2025, 12, rnd)),
      },
    ];
  }),
);

/** Rows as GET /api/nilai gives them for the desa (values-service: rollUpDesa + evaluateValue per child). */
function rowsFor(def: IndicatorDef, period: Pick<Period, 'kind' | 'year' | 'fromMonth' | 'toMonth'>): ValueRow[] {
  const w = world.get(def.code)!;
  const inputs = period.year === 2026 ? w.current : w.lastDecember;
  return DESA.map((d, i) => {
    const v = evaluateValue(def, period, rollUpDesa(def, period, [inputs[i]!]));
    return {
      kode: d.kode,
      nama: d.nama,
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
  });
}

const coverageMap = (rows: ValueRow[]) => new Map(rows.map((r) => [r.kode, r.coverage] as const));
// Rows read as a staff member of the area are exact: never 'disembunyikan'.
const agendaRow = (r: ValueRow): AgendaValueRow => r as AgendaValueRow;

/** The pack's desa table row of one indicator: its cells' texts. */
function packCells(html: string, kode: string, def: IndicatorDef): string[] | null {
  const page = html.match(
    new RegExp(`<section class="page desa" data-desa="${kode.replaceAll('.', '\\.')}">([\\s\\S]*?)</section>`),
  )?.[1];
  const esc = def.short.replace(/&/g, '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tr = page?.match(new RegExp(`<tr><td class="name">${esc}</td>([\\s\\S]*?)</tr>`))?.[1];
  return tr ? [...tr.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')) : null;
}

describe('every place shows the same number and the same judgement', () => {
  for (const period of PERIODS) {
    it(`all ${INDICATORS.length} indicators, ${period.label}`, () => {
      const pair = monthPair(period);
      const previous = previousPeriod(period);
      const inputs: AgendaIndicatorInput[] = [];
      const byCode = new Map<
        string,
        { current: ValueRow[]; thisMonth: ValueRow[] | null; lastMonth: ValueRow[] | null }
      >();
      for (const def of INDICATORS) {
        const current = rowsFor(def, period);
        const thisMonth = pair ? rowsFor(def, pair.thisMonth) : null;
        const lastMonth = pair ? rowsFor(def, pair.lastMonth) : null;
        byCode.set(def.code, { current, thisMonth, lastMonth });
        inputs.push({
          indicator: def.code,
          current: current.map(agendaRow),
          previous: previous ? rowsFor(def, previous).map(agendaRow) : null,
          monthCoverage:
            thisMonth && lastMonth ? { thisMonth: coverageMap(thisMonth), lastMonth: coverageMap(lastMonth) } : null,
        });
      }
      const agenda = buildAgenda({
        wilayah: { kode: '12.10.09', nama: 'Bilah Hulu' },
        period,
        indicators: inputs,
        generatedAt: '2026-11-20T08:00:00Z',
      });

      // The printed pack, with the extras the service adds (month trend from the snapshot, PWS charts from the series).
      const series = new Map<string, ReturnType<typeof seriesOf>[]>(
        INDICATORS.map((def) => {
          const w = world.get(def.code)!;
          return [
            def.code,
            DESA.map((_, i) =>
              seriesOf(def, 2026, [w.current[i]!], {
                previousDecemberCoverage: rollUpDesa(def, monthPeriod(2025, 12), [w.lastDecember[i]!]).coverage,
              }),
            ),
          ] as const;
        }),
      );
      const extras = new Map<string, PackDesaExtras>(
        agenda.desa.map((desa) => {
          const i = DESA.findIndex((d) => d.kode === desa.kode);
          const trends = new Map(
            desa.values.map((v) => {
              const def = INDICATORS.find((d) => d.code === v.indicator)!;
              return [
                v.indicator,
                {
                  bulan: trendOf(pair ? v.monthCoverage : null, pair ? v.previousMonthCoverage : null, 'bulan', def),
                  tahun: trendOf(v.coverage, null, 'tahun', def),
                },
              ] as const;
            }),
          );
          const charts = chartIndicators(desa).map((code) => ({
            indicator: code,
            year: 2026,
            months: seriesUpTo(series.get(code)![i]!, period.toMonth),
          }));
          return [desa.kode, { charts, trends }];
        }),
      );
      const meeting = {
        id: 1,
        jenis: 'lokmin_bulanan',
        jenisLabel: 'Lokakarya Mini bulanan',
        tanggal: '2026-11-20',
        wilayahKode: '12.10.09',
        puskesmasKode: null,
        desaKodes: DESA.map((d) => d.kode),
        judul: 'Lokmin uji',
        periode: period.code,
        periodeLabel: period.label,
        peserta: [],
        createdAt: '',
        oleh: 'uji',
        actionCount: 0,
        openActionCount: 0,
        agenda,
        actions: [],
        earlierActions: [],
        notes: [],
      } as MeetingDetail;
      const square = (x: number) => ({
        type: 'Polygon',
        coordinates: [
          [
            [x, 0],
            [x + 1, 0],
            [x + 1, 1],
            [x, 1],
            [x, 0],
          ],
        ],
      });
      const html = meetingPackHtml({
        meeting,
        features: DESA.map((d, i) => ({ kode: d.kode, nama: d.nama, geometry: square(i) })),
        printedAt: '',
        extras,
      });

      let checked = 0;
      for (const def of INDICATORS) {
        const { current, thisMonth, lastMonth } = byCode.get(def.code)!;
        const reported = current.some((r) => r.reported > 0);
        current.forEach((row, i) => {
          const where = `${def.code} ${period.code} ${row.nama}`;
          const value = agenda.desa.find((d) => d.kode === row.kode)?.values.find((v) => v.indicator === def.code);
          // The agenda keeps exactly the numbers and the class of the row (indicators nobody reports are left out).
          if (!reported) {
            expect(value, where).toBeUndefined();
            return;
          }
          expect(value, where).toMatchObject({
            coverage: row.coverage,
            expected: row.expected,
            class: row.class,
            notYetServed: row.notYetServed,
            shortOfTarget: row.shortOfTarget,
          });
          const item = profileIndicator({
            def,
            period,
            row,
            lastYear: null,
            months: pair
              ? {
                  thisMonth: coverageMap(thisMonth!).get(row.kode) ?? null,
                  lastMonth: coverageMap(lastMonth!).get(row.kode) ?? null,
                }
              : null,
          });
          const card = indicatorCard(item, def, period, t);

          // Kurang dari target: > 0 exactly when the class is below target; the same number in the hover card, the card,
          // the table and the pack, and the agenda's "behind" list.
          if (row.shortOfTarget !== null) {
            expect(row.shortOfTarget > 0, where).toBe(row.class === 'cukup' || row.class === 'kurang');
            expect(card.shortOfTarget, where).toBe(shortOfTargetLine(row, def, t));
            if (row.shortOfTarget > 0)
              expect(card.shortOfTarget, where).toContain(formatNumberId(row.shortOfTarget, 0));
          } else {
            expect(card.shortOfTarget, where).toBeNull();
          }
          const behind = agenda.behind.find((b) => b.desaKode === row.kode && b.indicator === def.code);
          if (behind) expect(behind.shortOfTarget, where).toBe(row.shortOfTarget);
          // Belum terlayani tahun ini: only for January..m and the year, never under the other name.
          if (row.notYetServed !== null) {
            expect(countsPersons(def) && (period.kind === 'year' || period.fromMonth === 1), where).toBe(true);
            expect(card.notYetServed, where).toBe(notYetServedLine(row, def, t));
            if (row.notYetServed > 0) expect(card.notYetServed, where).toContain(formatNumberId(row.notYetServed, 0));
          } else {
            expect(card.notYetServed, where).toBeNull();
          }
          const cells = packCells(html, row.kode, def);
          expect(cells, where).not.toBeNull();
          // Pack columns after the name: target | capaian | pembilang/penyebut | kelas | kekurangan terhadap target |
          // belum terlayani tahun ini | status PWS | …
          expect(cells![4], where).toBe(shortOfTargetCell(row.shortOfTarget, t));
          expect(cells![5], where).toBe(
            row.notYetServed === null
              ? '–'
              : row.notYetServed > 0
                ? formatNumberId(row.notYetServed, 0)
                : row.numerator! > row.denominator!
                  ? 'melebihi sasaran'
                  : '0',
          );

          // The class, in every place, with what it is judged on.
          expect(card.judged, where).toBe(row.coverage === null ? null : classLine(row, def, period, t, 'id'));
          if (card.judged) expect(card.judged, where).toContain(t(`value.class.${row.class}`));

          // The month-on-month line is month m alone against m − 1 alone, in the card and in the pack.
          const packTrend = extras.get(row.kode)?.trends.get(def.code)?.bulan;
          if (pair && row.coverage !== null) {
            expect(item.trendMonth?.direction, where).toBe(packTrend?.direction);
            expect(item.trendMonth?.points, where).toBe(packTrend?.points);
          }

          // The PWS status: the same in the agenda, the profile, the desa panel's chart and the pack — and it agrees
          // with the class (its position) and the month line (its trend).
          const status = value!.pws;
          expect(item.pwsStatus, where).toBe(status);
          if (pwsApplies(def, period)) {
            const reading = pwsReadingAt(seriesUpTo(series.get(def.code)![i]!, period.toMonth), period.toMonth);
            if (row.coverage !== null) expect(reading.status, where).toBe(status);
            expect(cells![6], where).toBe(
              status ? PWS_STATUS_LABELS[status].labelId : row.coverage === null ? '–' : '–†',
            );
            if (status) {
              expect(status === 'baik' || status === 'kurang', where).toBe(row.class === 'baik');
              const trend = item.trendMonth!.direction;
              expect(status === 'baik' || status === 'cukup', where).toBe(
                trend === 'naik' || (trend === 'tetap' && row.class === 'baik'),
              );
              expect(card.pws?.text, where).toContain(t(`pws.${status}`));
            } else if (row.coverage !== null) {
              expect(card.pws?.text, where).toContain('tidak dapat dihitung');
            }
          } else {
            expect(status, where).toBeNull();
            expect(card.pws, where).toBeNull();
          }

          // Polarity: "membaik" and "memburuk" follow the indicator's direction.
          if (
            item.trendMonth &&
            item.trendMonth.direction !== 'tidak-ada-data' &&
            item.trendMonth.direction !== 'tetap'
          ) {
            const up = item.trendMonth.direction === 'naik';
            const good = def.polarity === 'higher' ? up : def.polarity === 'lower' ? !up : null;
            expect(card.trendMonth!.tone, where).toBe(good === null ? 'neutral' : good ? 'good' : 'bad');
          }
          checked++;
        });
      }
      // "Paling memburuk": attainment fell and is below the target now; a prevalence that rose, never one that fell.
      for (const w of agenda.worsened) {
        const def = INDICATORS.find((d) => d.code === w.indicator)!;
        expect(w.attainment, w.indicator).toBeLessThan(100);
        expect(w.attainment, w.indicator).toBeLessThan(w.previousAttainment);
        if (def.polarity === 'lower' && w.coverage !== null && w.previousCoverage !== null)
          expect(w.coverage).toBeGreaterThan(w.previousCoverage);
      }
      expect(checked).toBeGreaterThan(60);
    });
  }

  it('the walk covers every kind of period and the cases that used to disagree', () => {
    expect(PERIODS.map((p) => p.kind)).toEqual(['month', 'quarter', 'year', 'cumulative', 'cumulative']);
    // Cinta has no September report: in Januari–Oktober its PWS status cannot be given and every place says so.
    const k4 = INDICATORS.find((d) => d.code === 'KIA_K4')!;
    const oct = rowsFor(k4, PERIODS[3]!)[2]!;
    expect(oct.coverage).not.toBeNull();
    expect(rowsFor(k4, monthPeriod(2026, 9))[2]!.coverage).toBeNull();
    // Beta's estimated sasaran is used as it is (20,79), so its counts read "dari 20,8".
    expect(rowsFor(k4, PERIODS[3]!)[1]!.denominator).toBe(20.79);
    expect(sameLastYearPeriod(PERIODS[3]!).code).toBe('2025-01..2025-10');
  });
});
