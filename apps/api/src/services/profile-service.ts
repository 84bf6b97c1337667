// The profile of one wilayah (a desa, a kecamatan…): every indicator with data for the period — its row as the map
// shows it, the trend against last month and the same period last year, the PWS status — weakest first, and the
// open actions of meetings about its desa. Values come from valuesService (the same roll-up and cache as the map).
import { INDICATORS, lastMonthPeriod, parentOf, sameLastYearPeriod, trendOf, type Period } from '@peta/domain';
import type { ProfileIndicator, ValueRow, WilayahProfile } from '@peta/domain/contract';
import type { MeetingsRepository } from '../repositories/meetings-repository.ts';
import type { ValuesRepository } from '../repositories/values-repository.ts';
import type { WilayahRow } from '../repositories/wilayah-repository.ts';
import type { valuesService } from './values-service.ts';

type ValuesService = ReturnType<typeof valuesService>;

export function profileService(values: ValuesService, valuesRepo: ValuesRepository, meetings: MeetingsRepository) {
  return {
    async profile(area: WilayahRow, period: Period): Promise<WilayahProfile> {
      const withData = await valuesRepo.indicatorsWithData();
      const parent = parentOf(area.kode);
      const lastMonth = lastMonthPeriod(period);
      const lastYear = sameLastYearPeriod(period);
      const coverageIn = (rows: ValueRow[] | null) => rows?.find((r) => r.kode === area.kode)?.coverage ?? null;
      const indicators: ProfileIndicator[] = [];
      // One indicator at a time: each asks for three periods (and a series), and the pool is shared.
      for (const def of INDICATORS.filter((d) => withData.has(d.code))) {
        const [rows, monthRows, yearRows] = await Promise.all([
          values.childValues(def, period, parent),
          lastMonth ? values.childValues(def, lastMonth, parent) : Promise.resolve(null),
          values.childValues(def, lastYear, parent),
        ]);
        const row = rows.find((r) => r.kode === area.kode);
        if (!row) continue;
        const pws = def.polarity === 'higher' && def.periodKind === 'ytd_cum' && (period.kind === 'month' || period.kind === 'cumulative')
          ? (await values.series(def, area, period.year)).months.find((m) => m.month === period.toMonth)?.pwsStatus ?? null
          : null;
        indicators.push({
          indicator: def.code, row, pwsStatus: pws,
          trendMonth: lastMonth ? trendOf(row.coverage, coverageIn(monthRows), 'bulan', def) : null,
          trendYear: trendOf(row.coverage, coverageIn(yearRows), 'tahun', def),
        });
      }
      // Weakest first: lowest attainment of the expected-to-date target; no data last, catalogue order otherwise.
      const rank = (i: ProfileIndicator) => i.row.attainment ?? Number.POSITIVE_INFINITY;
      indicators.sort((a, b) => rank(a) - rank(b));
      return {
        kode: area.kode, nama: area.nama, tingkat: area.tingkat, period: period.code, periodLabel: period.label,
        simulated: indicators.some((i) => i.row.simulated), indicators, openActions: await meetings.openActionsUnder(area.kode),
      };
    },
  };
}

export type ProfileService = ReturnType<typeof profileService>;
