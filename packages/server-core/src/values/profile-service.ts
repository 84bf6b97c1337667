// The profile of one area — a desa, a kecamatan (its row among its siblings) or a puskesmas wilayah kerja (its row
// among the kabupaten's puskesmas) — every indicator with data for the period: its row as the map shows it, the
// month-on-month line (month m alone against month m − 1 alone), the same period last year, the PWS status — built by
// the domain's profileIndicator so the lines of a card agree —, weakest first; and the open actions of meetings about
// its desa. Values come from the same services (and caches) as the map.
import {
  INDICATORS,
  monthPair,
  profileIndicator,
  sameLastYearPeriod,
  type IndicatorDef,
  type Period,
} from '@peta/domain';
import type { ProfileIndicator, ValueRow, WilayahProfile } from '@peta/domain/contract';
import type { WilayahRow } from '../wilayah/wilayah-repository.ts';
import type { ValuesRepository } from './values-repository.ts';

/** What a profile reads besides values: the open actions of meetings (meetings) and values per wilayah kerja (rollout). */
export interface ProfileSources {
  openActionsUnder(kodes: string[]): Promise<WilayahProfile['openActions']>;
  puskesmasValues(def: IndicatorDef, period: Period, kabupaten: string): Promise<ValueRow[]>;
}

/** Where an area's row for a period comes from. */
interface AreaSource {
  row(def: IndicatorDef, period: Period): Promise<ValueRow | undefined>;
}

/** One wilayah's row among its siblings, as the reader may see it (the reader view masks only that row). */
export interface ChildValue {
  childValue(def: IndicatorDef, period: Period, kode: string): Promise<ValueRow | undefined>;
}

export function profileService(
  values: ChildValue,
  valuesRepo: Pick<ValuesRepository, 'indicatorsWithData'>,
  sources: ProfileSources,
) {
  async function indicatorsOf(source: AreaSource, period: Period): Promise<ProfileIndicator[]> {
    const withData = await valuesRepo.indicatorsWithData();
    const pair = monthPair(period);
    const lastYear = sameLastYearPeriod(period);
    const coverageIn = (row: ValueRow | undefined | null) => row?.coverage ?? null;
    const indicators: ProfileIndicator[] = [];
    // One indicator at a time: each asks for up to four periods, and the pool is shared.
    for (const def of INDICATORS.filter((d) => withData.has(d.code))) {
      const [row, thisMonth, lastMonth, yearRow] = await Promise.all([
        source.row(def, period),
        pair ? source.row(def, pair.thisMonth) : Promise.resolve(null),
        pair ? source.row(def, pair.lastMonth) : Promise.resolve(null),
        source.row(def, lastYear),
      ]);
      if (!row) continue;
      indicators.push(
        profileIndicator({
          def,
          period,
          row,
          months: pair ? { thisMonth: coverageIn(thisMonth), lastMonth: coverageIn(lastMonth) } : null,
          lastYear: coverageIn(yearRow),
        }),
      );
    }
    // Weakest first: lowest attainment of the expected-to-date target; no data last, catalogue order otherwise.
    const rank = (i: ProfileIndicator) => i.row.attainment ?? Number.POSITIVE_INFINITY;
    return indicators.sort((a, b) => rank(a) - rank(b));
  }

  const header = (kode: string, nama: string, tingkat: string, period: Period, indicators: ProfileIndicator[]) => ({
    kode,
    nama,
    tingkat,
    period: period.code,
    periodLabel: period.label,
    simulated: indicators.some((i) => i.row.simulated),
    indicators,
  });

  return {
    async profile(area: Pick<WilayahRow, 'kode' | 'nama' | 'tingkat'>, period: Period): Promise<WilayahProfile> {
      const indicators = await indicatorsOf({ row: (def, p) => values.childValue(def, p, area.kode) }, period);
      return {
        ...header(area.kode, area.nama, area.tingkat, period, indicators),
        openActions: await sources.openActionsUnder([area.kode]),
      };
    },

    /** A puskesmas wilayah kerja: desa summed by the wilayah kerja valid in each month (as GET /api/nilai/puskesmas). */
    async puskesmasProfile(
      p: { kode: string; nama: string; kabupaten: string; desa: string[] },
      period: Period,
    ): Promise<WilayahProfile> {
      const indicators = await indicatorsOf(
        { row: async (def, q) => (await sources.puskesmasValues(def, q, p.kabupaten)).find((r) => r.kode === p.kode) },
        period,
      );
      return {
        ...header(p.kode, p.nama, 'puskesmas', period, indicators),
        openActions: await sources.openActionsUnder(p.desa),
      };
    },
  };
}

export type ProfileService = ReturnType<typeof profileService>;
