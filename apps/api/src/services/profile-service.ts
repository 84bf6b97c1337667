// The profile of one area — a desa, a kecamatan (its row among its siblings) or a puskesmas wilayah kerja (its row
// among the kabupaten's puskesmas) — every indicator with data for the period: its row as the map shows it, the
// trend against last month and the same period last year, the PWS status, weakest first; and the open actions of
// meetings about its desa. Values come from the same services (and caches) as the map.
import { INDICATORS, lastMonthPeriod, parentOf, sameLastYearPeriod, trendOf, type IndicatorDef, type Period } from '@peta/domain';
import type { ProfileIndicator, ValueRow, WilayahProfile } from '@peta/domain/contract';
import type { MeetingsRepository } from '../repositories/meetings-repository.ts';
import type { ValuesRepository } from '../repositories/values-repository.ts';
import type { WilayahRow } from '../repositories/wilayah-repository.ts';
import type { RolloutService } from './rollout-service.ts';
import type { valuesService } from './values-service.ts';

type ValuesService = ReturnType<typeof valuesService>;

/** Where an area's rows come from, and its PWS status (null where no monthly series exists, as for a puskesmas). */
interface AreaSource {
  rows(def: IndicatorDef, period: Period): Promise<ValueRow[]>;
  pws(def: IndicatorDef, period: Period): Promise<ProfileIndicator['pwsStatus']>;
}

export function profileService(values: ValuesService, valuesRepo: ValuesRepository, meetings: MeetingsRepository, rollout: RolloutService) {
  async function indicatorsOf(kode: string, source: AreaSource, period: Period): Promise<ProfileIndicator[]> {
    const withData = await valuesRepo.indicatorsWithData();
    const lastMonth = lastMonthPeriod(period);
    const lastYear = sameLastYearPeriod(period);
    const coverageIn = (rows: ValueRow[] | null) => rows?.find((r) => r.kode === kode)?.coverage ?? null;
    const indicators: ProfileIndicator[] = [];
    // One indicator at a time: each asks for three periods (and a series), and the pool is shared.
    for (const def of INDICATORS.filter((d) => withData.has(d.code))) {
      const [rows, monthRows, yearRows] = await Promise.all([
        source.rows(def, period), lastMonth ? source.rows(def, lastMonth) : Promise.resolve(null), source.rows(def, lastYear),
      ]);
      const row = rows.find((r) => r.kode === kode);
      if (!row) continue;
      const pwsApplies = def.polarity === 'higher' && def.periodKind === 'ytd_cum' && (period.kind === 'month' || period.kind === 'cumulative');
      indicators.push({
        indicator: def.code, row, pwsStatus: pwsApplies ? await source.pws(def, period) : null,
        trendMonth: lastMonth ? trendOf(row.coverage, coverageIn(monthRows), 'bulan', def) : null,
        trendYear: trendOf(row.coverage, coverageIn(yearRows), 'tahun', def),
      });
    }
    // Weakest first: lowest attainment of the expected-to-date target; no data last, catalogue order otherwise.
    const rank = (i: ProfileIndicator) => i.row.attainment ?? Number.POSITIVE_INFINITY;
    return indicators.sort((a, b) => rank(a) - rank(b));
  }

  const header = (kode: string, nama: string, tingkat: string, period: Period, indicators: ProfileIndicator[]) => ({
    kode, nama, tingkat, period: period.code, periodLabel: period.label, simulated: indicators.some((i) => i.row.simulated), indicators,
  });

  return {
    async profile(area: WilayahRow, period: Period): Promise<WilayahProfile> {
      const parent = parentOf(area.kode);
      const indicators = await indicatorsOf(area.kode, {
        rows: (def, p) => values.childValues(def, p, parent),
        pws: async (def, p) => (await values.series(def, area, p.year)).months.find((m) => m.month === p.toMonth)?.pwsStatus ?? null,
      }, period);
      return { ...header(area.kode, area.nama, area.tingkat, period, indicators), openActions: await meetings.openActionsUnder([area.kode]) };
    },

    /** A puskesmas wilayah kerja: desa summed by the wilayah kerja valid in each month (as GET /api/values/puskesmas). */
    async puskesmasProfile(p: { kode: string; nama: string; kabupaten: string; desa: string[] }, period: Period): Promise<WilayahProfile> {
      const indicators = await indicatorsOf(p.kode, {
        rows: (def, q) => rollout.puskesmasValues(def, q, p.kabupaten),
        pws: async () => null,
      }, period);
      return { ...header(p.kode, p.nama, 'puskesmas', period, indicators), openActions: await meetings.openActionsUnder(p.desa) };
    },
  };
}

export type ProfileService = ReturnType<typeof profileService>;
