// The agenda snapshot a meeting is created with (domain buildAgenda over the value rows of its desa: behind, worsened,
// data quality, open actions), and the value of one desa × indicator at a period — the baseline of an action and its
// "now". Values come from the values service: the same roll-up as GET /api/nilai.
import {
  ancestorAt,
  buildAgenda,
  getIndicator,
  monthPair,
  previousPeriod,
  type AgendaIndicatorInput,
  type IndicatorDef,
  type Period,
} from '@peta/domain';
import type { Agenda, AgendaAction, Baseline } from '@peta/domain/contract';
import type { ValuesRepository } from '../values/values-repository.ts';
import { areaRows, type MeetingArea, type ValueRows } from './meeting-area.ts';

/** The value of one desa for an indicator at a period (numbers null when the indicator or the desa has none). */
export async function valueAt(rows: ValueRows, indicator: string, period: Period, desaKode: string): Promise<Baseline> {
  const def = getIndicator(indicator);
  const kecamatan = ancestorAt(desaKode, 'kecamatan');
  const row = def && kecamatan ? (await rows(def, period, kecamatan)).find((r) => r.kode === desaKode) : undefined;
  return {
    periode: period.code,
    numerator: row?.numerator ?? null,
    denominator: row?.denominator ?? null,
    coverage: row?.coverage ?? null,
  };
}

/** Generates the agenda of `area` for `period` from every indicator with data. */
export async function generateAgenda(
  deps: { rows: ValueRows; valuesRepo: Pick<ValuesRepository, 'indicatorsWithData'>; now: () => Date },
  area: MeetingArea,
  period: Period,
  openActions: AgendaAction[],
): Promise<Agenda> {
  const { rows } = deps;
  const withData = await deps.valuesRepo.indicatorsWithData();
  const defs = [...withData].map((c) => getIndicator(c)).filter((d): d is IndicatorDef => !!d);
  const previous = previousPeriod(period);
  // Month m alone and m − 1 alone: stored with each value, so the PWS status and "dari bulan lalu" read one snapshot.
  const pair = monthPair(period);
  const coverageByKode = async (def: IndicatorDef, p: Period) =>
    new Map((await areaRows(rows, def, p, area)).map((r) => [r.kode, r.coverage] as const));
  const indicators: AgendaIndicatorInput[] = [];
  // One indicator at a time: each asks for up to four periods, and the pool is shared with other requests.
  for (const def of defs) {
    const [current, prev, thisMonth, lastMonth] = await Promise.all([
      areaRows(rows, def, period, area),
      previous ? areaRows(rows, def, previous, area) : Promise.resolve(null),
      pair ? coverageByKode(def, pair.thisMonth) : Promise.resolve(null),
      pair ? coverageByKode(def, pair.lastMonth) : Promise.resolve(null),
    ]);
    // The stored agenda is built from the values service's rows, which are exact (masking happens on read: reader-view).
    indicators.push({
      indicator: def.code,
      current: current as AgendaIndicatorInput['current'],
      previous: prev as AgendaIndicatorInput['previous'],
      monthCoverage: thisMonth && lastMonth ? { thisMonth, lastMonth } : null,
    });
  }
  return buildAgenda({
    wilayah: { kode: area.kode, nama: area.nama },
    period,
    indicators,
    openActions,
    generatedAt: deps.now().toISOString(),
  });
}
