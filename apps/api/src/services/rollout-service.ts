// The planner's reads: puskesmas of a kabupaten with stage, wave, readiness and need; detail; progress per year;
// the next-wave proposal; values per puskesmas wilayah. Writes go straight to the repository (one event each).
// Need = persons not yet served this year ("belum terlayani tahun ini", domain people.ts) on chosen indicators, summed
// per wilayah kerja as it was in each month, over January..the latest month with data (the map's default period).
import {
  ILP_STAGES, READINESS_ITEMS, DEFAULT_NEED_WEIGHT, countsPersons, defaultPeriodOf, evaluateValue, formatWeight, IndicatorError,
  rankNextWave, readiness, requireIndicator, rollUpByWilayahKerja, stageByCode, stageOn, yearProgress, TANPA_PUSKESMAS,
  type DesaMonths, type IlpStageCode, type IndicatorDef, type NeedPart, type Period, type StageEvent,
} from '@peta/domain';
import type {
  ProgressResponse, ProposalResponse, PuskesmasDetail, PuskesmasList, PuskesmasSummary, PuskesmasValueRow,
} from '@peta/domain/contract';
import type { RolloutRepository, StageRow, WaveRow } from '../repositories/rollout-repository.ts';
import type { ValuesRepository } from '../repositories/values-repository.ts';
import type { ValuesService } from './values-service.ts';

export const DEFAULT_NEED_INDICATORS = ['SPM01_BUMIL', 'SPM04_BALITA', 'SPM08_HT'];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function sasaranGroupOf(def: IndicatorDef): string | null {
  if (def.denominator.kind === 'sasaran') return def.denominator.group;
  if (def.denominator.kind === 'population') return 'penduduk';
  return null;
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export function rolloutService(repo: RolloutRepository, values: ValuesRepository, valuesSvc: Pick<ValuesService, 'latestMonth'>, now: () => Date) {
  /** January..the latest month with data: the same default period as the map (GET /api/meta latestMonth). */
  const defaultPeriod = async () => defaultPeriodOf(await valuesSvc.latestMonth());

  async function desaMonths(def: IndicatorDef, kabupaten: string, year: number): Promise<DesaMonths[]> {
    const group = sasaranGroupOf(def);
    const [desa, rows, sasaran] = await Promise.all([
      values.desaUnder(kabupaten), values.values(def.code, kabupaten, year),
      group ? values.sasaran(group, kabupaten, year) : Promise.resolve(new Map<string, number>()),
    ]);
    return desa.map((kode) => {
      const row = rows.get(kode);
      const months = [];
      if (row) for (let i = 0; i < 12; i++) {
        const numerator = row.numerators[i];
        if (numerator === null || numerator === undefined) continue;
        months.push({ month: i + 1, numerator, denominator: row.denominators?.[i] ?? null });
      }
      return { kode, months, sasaran: group ? sasaran.get(kode) ?? null : null, simulatedMonths: row?.monthSimulated.map((s) => s === true) };
    });
  }

  async function valuesByPuskesmas(def: IndicatorDef, period: Period, kabupaten: string) {
    const [desa, wilayahKerja] = await Promise.all([desaMonths(def, kabupaten, period.year), repo.wilayahKerja(kabupaten)]);
    const byPuskesmas = rollUpByWilayahKerja(def, period, desa, wilayahKerja);
    return new Map([...byPuskesmas].map(([kode, v]) => [kode, { ...v, value: evaluateValue(def, period, v.aggregate) }]));
  }

  /** Belum terlayani tahun ini per puskesmas per indicator, largest first; null (no report there) last. */
  async function needs(kabupaten: string, indicators: string[], period: Period) {
    const result = new Map<string, NeedPart[]>();
    for (const code of indicators) {
      const def = requireIndicator(code);
      for (const [kode, v] of await valuesByPuskesmas(def, period, kabupaten)) {
        if (kode === TANPA_PUSKESMAS) continue;
        const list = result.get(kode) ?? [];
        const n = v.value.notYetServed;
        list.push({ indicator: code, notYetServed: n === null ? null : Math.max(0, n), textId: def.notServedTextId ?? def.nameId });
        result.set(kode, list);
      }
    }
    for (const list of result.values()) list.sort((a, b) => (b.notYetServed ?? -1) - (a.notYetServed ?? -1));
    return result;
  }

  function currentWave(waves: WaveRow[], kode: string) {
    const w = [...waves].reverse().find((x) => x.members.some((m) => m.kode === kode));
    return w ? { id: w.id, nama: w.nama, tahun: w.tahun, simulated: w.simulated } : null;
  }

  async function summaries(kabupaten: string, tanggal: string, indicators: string[], period: Period) {
    const [puskesmas, stages, waves, forms, facilities, assignments, need] = await Promise.all([
      repo.puskesmasOf(kabupaten), repo.stages(kabupaten), repo.waves(kabupaten), repo.readinessForm(kabupaten),
      repo.facilities(kabupaten), repo.assignments(kabupaten, tanggal), needs(kabupaten, indicators, period),
    ]);
    const desaOf = new Map<string, typeof assignments>();
    for (const a of assignments) if (a.puskesmas) desaOf.set(a.puskesmas, [...(desaOf.get(a.puskesmas) ?? []), a]);
    const stagesOf = new Map<string, StageRow[]>();
    for (const s of stages) stagesOf.set(s.puskesmas, [...(stagesOf.get(s.puskesmas) ?? []), s]);
    const list: PuskesmasSummary[] = puskesmas.map((p) => {
      const history = stagesOf.get(p.kode) ?? [];
      const stage = stageOn(history, tanggal);
      const last = [...history].reverse().find((s) => s.date <= tanggal && s.stage === stage) ?? null;
      const desa = desaOf.get(p.kode) ?? [];
      const r = readiness({ form: forms.get(p.kode) ?? {}, desa: desa.map((d) => d.desa), pustu: facilities.pustu, posyandu: facilities.posyandu });
      return {
        kode: p.kode, nama: p.nama, kabupaten: p.kabupaten, sumber: p.sumber, stage, stageLevel: stageByCode(stage).level,
        stageDate: last?.date ?? null, stageSimulated: last?.simulated ?? false, wave: currentWave(waves, p.kode),
        readinessDone: r.done, readinessTotal: r.total, readinessUnknown: r.unknown,
        desaCount: desa.length, unconfirmedDesa: desa.filter((d) => !d.confirmed).length, need: need.get(p.kode) ?? [],
      };
    });
    return { list, assignments, stages, waves };
  }

  /** Need is counted in persons not yet served: an indicator that does not count persons (lower is better, rates…) is refused. */
  function parseIndicators(text: string | undefined): string[] {
    const codes = text ? text.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : DEFAULT_NEED_INDICATORS;
    for (const c of codes) {
      const def = requireIndicator(c);
      if (!countsPersons(def)) {
        throw new IndicatorError(`Indikator ${def.code} (${def.shortId}) tidak menghitung orang yang belum terlayani`
          + `${def.polarity === 'lower' ? ' (makin rendah makin baik)' : ''}, jadi tidak dapat dipakai sebagai kebutuhan. Pilih indikator layanan, misalnya SPM01_BUMIL.`);
      }
    }
    return codes;
  }

  return {
    parseIndicators,
    today: () => isoDay(now()),
    defaultPeriod,

    async list(kabupaten: string, nama: string, indicators: string[], period: Period): Promise<PuskesmasList> {
      const tanggal = isoDay(now());
      const { list, assignments } = await summaries(kabupaten, tanggal, indicators, period);
      return {
        kabupaten, nama, tanggal, period: period.code, periodLabel: period.label, indicators, puskesmas: list,
        desa: assignments.map((a) => ({ kode: a.desa, nama: a.nama, puskesmas: a.puskesmas, validFrom: a.validFrom, confirmed: a.confirmed, label: a.label })),
        simulated: await repo.anySimulated(kabupaten),
      };
    },

    async detail(kode: string, kabupaten: string): Promise<PuskesmasDetail | null> {
      const tanggal = isoDay(now());
      const { list, assignments, stages } = await summaries(kabupaten, tanggal, DEFAULT_NEED_INDICATORS, await defaultPeriod());
      const p = list.find((x) => x.kode === kode);
      if (!p) return null;
      const [forms, facilities, events] = await Promise.all([repo.readinessForm(kabupaten), repo.facilities(kabupaten), repo.events(kode)]);
      const desa = assignments.filter((a) => a.puskesmas === kode);
      const desaSet = new Set(desa.map((d) => d.desa));
      const r = readiness({ form: forms.get(kode) ?? {}, desa: [...desaSet], pustu: facilities.pustu, posyandu: facilities.posyandu });
      return {
        puskesmas: p,
        desa: desa.map((d) => ({ kode: d.desa, nama: d.nama, validFrom: d.validFrom!, confirmed: d.confirmed })),
        stages: stages.filter((s) => s.puskesmas === kode),
        readiness: READINESS_ITEMS.map((i) => ({ code: i.code, source: i.source, labelId: i.labelId, labelEn: i.labelEn, state: r.items[i.code] })),
        pustu: facilities.pustu?.filter((x) => desaSet.has(x.kodeDesa)).length ?? 0,
        posyandu: facilities.posyandu?.filter((x) => desaSet.has(x.kodeDesa)).length ?? 0,
        events,
      };
    },

    async progress(kabupaten: string): Promise<ProgressResponse> {
      const today = isoDay(now());
      const [puskesmas, stages, waves] = await Promise.all([repo.puskesmasOf(kabupaten), repo.stages(kabupaten), repo.waves(kabupaten)]);
      const histories = new Map<string, StageEvent[]>(puskesmas.map((p) => [p.kode, []]));
      for (const s of stages) histories.get(s.puskesmas)?.push(s);
      const thisYear = Number(today.slice(0, 4));
      const firstYear = Math.min(thisYear, ...waves.map((w) => w.tahun), ...stages.map((s) => Number(s.date.slice(0, 4))));
      const years = [];
      for (let y = firstYear; y <= Math.max(thisYear, ...waves.map((w) => w.tahun)); y++) {
        years.push(yearProgress([...histories.values()], waves, y, today));
      }
      return { kabupaten, years, waves, timeline: stages, simulated: stages.some((s) => s.simulated) || waves.some((w) => w.simulated) };
    },

    async proposal(kabupaten: string, indicators: string[], period: Period, needWeight = DEFAULT_NEED_WEIGHT): Promise<ProposalResponse> {
      const tanggal = isoDay(now());
      const { list } = await summaries(kabupaten, tanggal, indicators, period);
      const ranked = rankNextWave(list.map((p) => ({
        kode: p.kode, nama: p.nama, stage: p.stage as IlpStageCode, desaCount: p.desaCount, need: p.need,
        readinessDone: p.readinessDone, readinessTotal: p.readinessTotal,
      })), needWeight);
      return {
        kabupaten, period: period.code, periodLabel: period.label, indicators, needWeight, confirmed: false,
        methodId: `Skor = ${formatWeight(needWeight)} × kebutuhan ÷ kebutuhan terbesar + ${formatWeight(1 - needWeight)} × ceklis kesiapan terpenuhi ÷ ${READINESS_ITEMS.length}. `
          + `Kebutuhan = jumlah orang belum terlayani tahun ini (${period.label}: sasaran dikurangi yang sudah terlayani) pada indikator terpilih di desa wilayah kerjanya. `
          + `Puskesmas tanpa desa di wilayah kerja atau tanpa laporan tidak diberi skor (kebutuhan tidak diketahui) dan diletakkan paling bawah. `
          + `Hanya puskesmas di bawah tahap ${ILP_STAGES[5]!.labelId}.`,
        rows: ranked.map((r) => ({
          rank: r.rank, kode: r.kode, nama: r.nama, stage: r.stage, need: [...r.need], needKnown: r.needKnown, needTotal: r.needTotal,
          needScore: r.needScore, readinessDone: r.readinessDone, readinessTotal: r.readinessTotal, readinessScore: r.readinessScore,
          score: r.score, reasonId: r.reasonId,
        })),
      };
    },

    async puskesmasValues(def: IndicatorDef, period: Period, kabupaten: string): Promise<PuskesmasValueRow[]> {
      const [byP, puskesmas] = await Promise.all([valuesByPuskesmas(def, period, kabupaten), repo.puskesmasOf(kabupaten)]);
      const names = new Map(puskesmas.map((p) => [p.kode, p.nama]));
      const rows: PuskesmasValueRow[] = [];
      for (const p of [...puskesmas.map((x) => x.kode), TANPA_PUSKESMAS]) {
        const v = byP.get(p);
        if (!v) continue;
        const value = v.value;
        rows.push({
          kode: p, nama: p === TANPA_PUSKESMAS ? 'Tanpa puskesmas' : names.get(p) ?? p,
          numerator: value.numerator, denominator: round2(value.denominator), coverage: value.coverage, target: value.target,
          expected: value.expected, notYetServed: value.notYetServed, shortOfTarget: value.shortOfTarget, class: value.class,
          attainment: value.attainment, over100: value.over100,
          simulated: v.simulated, reported: value.reported, expectedReports: value.expectedReports, desaCount: v.desa.length,
        });
      }
      return rows;
    },
  };
}

export type RolloutService = ReturnType<typeof rolloutService>;
