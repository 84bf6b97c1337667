// The planner's reads (Rencana ILP): the puskesmas of a kabupaten with stage, wave, readiness and need; one puskesmas in
// detail; progress per year against the waves' targets; the next-wave proposal. "Today" is the domain's dayOf(now);
// the need period is January..the latest month with data unless one is asked for (the values' one default period).
import {
  dayOf,
  DEFAULT_NEED_WEIGHT,
  formatWeight,
  ILP_STAGES,
  rankNextWave,
  READINESS_ITEMS,
  readiness,
  stageByCode,
  stageOn,
  yearProgress,
  type IlpStageCode,
  type IndicatorCode,
  type NeedPart,
  type Period,
  type StageEvent,
} from '@peta/domain';
import type {
  ProgressResponse,
  ProposalResponse,
  PuskesmasDetail,
  PuskesmasList,
  PuskesmasSummary,
} from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import { notFound } from '../errors.ts';
import type { ValuesService } from '../values/values-service.ts';
import { rolloutRepositories } from './repositories.ts';
import type { StageRow } from './stage-repository.ts';
import type { WaveRow } from './wave-repository.ts';
import { DEFAULT_NEED_INDICATORS, needIndicators, type WilayahKerjaValues } from './wilayah-kerja-values.ts';

/** The reader's view of need per puskesmas (reader-view maskNeedOf): hidden counts come back as null. */
export type ProtectNeed = <T extends { kode: string; need: NeedPart[] }>(
  kabupaten: string,
  periodCode: string,
  rows: T[],
) => Promise<T[]>;

export function plannerService(
  db: DbOrTx,
  values: Pick<ValuesService, 'periodOrDefault' | 'defaultPeriod'>,
  perPuskesmas: WilayahKerjaValues,
  now: () => Date,
) {
  const repos = rolloutRepositories(db);

  function currentWave(waves: WaveRow[], kode: string) {
    const w = [...waves].reverse().find((x) => x.members.some((m) => m.kode === kode));
    return w ? { id: w.id, nama: w.nama, year: w.year, simulated: w.simulated } : null;
  }

  async function summaries(kabupaten: string, tanggal: string, indicators: IndicatorCode[], period: Period) {
    const [puskesmas, stages, waves, forms, facilities, assignments, need] = await Promise.all([
      repos.puskesmas.inKabupaten(kabupaten),
      repos.stages.list({ kabupaten }),
      repos.waves.ofKabupaten(kabupaten),
      repos.readiness.formsOf(kabupaten),
      repos.facilities.ofKabupaten(kabupaten),
      repos.wilayahKerja.assignments(kabupaten, tanggal),
      perPuskesmas.needs(kabupaten, indicators, period),
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
      const r = readiness({
        form: forms.get(p.kode) ?? {},
        desa: desa.map((d) => d.desa),
        pustu: facilities.pustu,
        posyandu: facilities.posyandu,
      });
      return {
        kode: p.kode,
        nama: p.nama,
        kabupaten: p.kabupaten,
        sumber: p.sumber,
        stage,
        stageLevel: stageByCode(stage).level,
        stageDate: last?.date ?? null,
        stageSimulated: last?.simulated ?? false,
        wave: currentWave(waves, p.kode),
        readinessDone: r.done,
        readinessTotal: r.total,
        readinessUnknown: r.unknown,
        desaCount: desa.length,
        unconfirmedDesa: desa.filter((d) => !d.confirmed).length,
        need: need.get(p.kode) ?? [],
      };
    });
    return { list, assignments, stages, waves };
  }

  return {
    /** GET /api/puskesmas: every puskesmas of the kabupaten today, with need on `indicatorsText` over `periodText`. */
    async list(
      area: { kode: string; nama: string },
      indicatorsText: string | undefined,
      periodText: string | undefined,
    ): Promise<PuskesmasList> {
      const indicators = needIndicators(indicatorsText);
      const period = await values.periodOrDefault(periodText);
      const tanggal = dayOf(now());
      const { list, assignments } = await summaries(area.kode, tanggal, indicators, period);
      const [waves, stages] = await Promise.all([
        repos.waves.anySimulated(area.kode),
        repos.stages.anySimulated(area.kode),
      ]);
      return {
        kabupaten: area.kode,
        nama: area.nama,
        tanggal,
        period: period.code,
        periodLabel: period.label,
        indicators,
        puskesmas: list,
        desa: assignments.map((a) => ({
          kode: a.desa,
          nama: a.nama,
          puskesmas: a.puskesmas,
          validFrom: a.validFrom,
          confirmed: a.confirmed,
          label: a.label,
        })),
        simulated: waves || stages,
      };
    },

    /** GET /api/puskesmas/{kode}: its desa today, stage history, readiness checklist and the latest changes. */
    async detail(p: { kode: string; kabupaten: string }): Promise<PuskesmasDetail> {
      const tanggal = dayOf(now());
      const { list, assignments, stages } = await summaries(
        p.kabupaten,
        tanggal,
        DEFAULT_NEED_INDICATORS,
        await values.defaultPeriod(),
      );
      const summary = list.find((x) => x.kode === p.kode);
      if (!summary) throw notFound(`Puskesmas dengan kode ${p.kode} tidak aktif.`);
      const [forms, facilities, events] = await Promise.all([
        repos.readiness.formsOf(p.kabupaten),
        repos.facilities.ofKabupaten(p.kabupaten),
        repos.events.ofPuskesmas(p.kode),
      ]);
      const desa = assignments.filter((a) => a.puskesmas === p.kode);
      const desaSet = new Set(desa.map((d) => d.desa));
      const r = readiness({
        form: forms.get(p.kode) ?? {},
        desa: [...desaSet],
        pustu: facilities.pustu,
        posyandu: facilities.posyandu,
      });
      return {
        puskesmas: summary,
        desa: desa.map((d) => ({ kode: d.desa, nama: d.nama, validFrom: d.validFrom!, confirmed: d.confirmed })),
        stages: stages.filter((s) => s.puskesmas === p.kode),
        readiness: READINESS_ITEMS.map((i) => ({
          code: i.code,
          source: i.source,
          labelId: i.labelId,
          labelEn: i.labelEn,
          state: r.items[i.code],
        })),
        pustu: facilities.pustu?.filter((x) => desaSet.has(x.kodeDesa)).length ?? 0,
        posyandu: facilities.posyandu?.filter((x) => desaSet.has(x.kodeDesa)).length ?? 0,
        events,
      };
    },

    /** GET /api/rencana-ilp/progres: per year, puskesmas at ILP against the waves' targets, and the stage timeline. */
    async progress(kabupaten: string): Promise<ProgressResponse> {
      const today = dayOf(now());
      const [puskesmas, stages, waves] = await Promise.all([
        repos.puskesmas.inKabupaten(kabupaten),
        repos.stages.list({ kabupaten }),
        repos.waves.ofKabupaten(kabupaten),
      ]);
      const histories = new Map<string, StageEvent[]>(puskesmas.map((p) => [p.kode, []]));
      for (const s of stages) histories.get(s.puskesmas)?.push(s);
      const thisYear = Number(today.slice(0, 4));
      const firstYear = Math.min(
        thisYear,
        ...waves.map((w) => w.year),
        ...stages.map((s) => Number(s.date.slice(0, 4))),
      );
      const years = [];
      for (let y = firstYear; y <= Math.max(thisYear, ...waves.map((w) => w.year)); y++) {
        years.push(yearProgress([...histories.values()], waves, y, today));
      }
      return {
        kabupaten,
        years,
        waves,
        timeline: stages,
        simulated: stages.some((s) => s.simulated) || waves.some((w) => w.simulated),
      };
    },

    /**
     * GET /api/rencana-ilp/usulan: the next wave, ranked by need and readiness, with the method in words.
     * `protectNeed` is the reader's view of the need (issue 18, the same as the puskesmas list's): the ranking, the
     * totals, the scores and the reasons are computed from what it leaves, so none of them gives a hidden count back.
     */
    async proposal(
      kabupaten: string,
      indicatorsText: string | undefined,
      periodText: string | undefined,
      needWeight = DEFAULT_NEED_WEIGHT,
      protectNeed: ProtectNeed = async (_kabupaten, _period, rows) => rows,
    ): Promise<ProposalResponse> {
      const indicators = needIndicators(indicatorsText);
      const period = await values.periodOrDefault(periodText);
      const list = await protectNeed(
        kabupaten,
        period.code,
        (await summaries(kabupaten, dayOf(now()), indicators, period)).list,
      );
      const ranked = rankNextWave(
        list.map((p) => ({
          kode: p.kode,
          nama: p.nama,
          stage: p.stage as IlpStageCode,
          desaCount: p.desaCount,
          need: p.need,
          readinessDone: p.readinessDone,
          readinessTotal: p.readinessTotal,
        })),
        needWeight,
      );
      return {
        kabupaten,
        period: period.code,
        periodLabel: period.label,
        indicators,
        needWeight,
        confirmed: false,
        method:
          `Skor = ${formatWeight(needWeight)} × kebutuhan ÷ kebutuhan terbesar + ${formatWeight(1 - needWeight)} × ceklis kesiapan terpenuhi ÷ ${READINESS_ITEMS.length}. ` +
          `Kebutuhan = jumlah orang belum terlayani tahun ini (${period.label}: sasaran dikurangi yang sudah terlayani) pada indikator terpilih di desa wilayah kerjanya. ` +
          `Puskesmas tanpa desa di wilayah kerja atau tanpa laporan tidak diberi skor (kebutuhan tidak diketahui) dan diletakkan paling bawah. ` +
          `Hanya puskesmas di bawah tahap ${ILP_STAGES[5]!.labelId}.`,
        rows: ranked.map((r) => ({
          rank: r.rank,
          kode: r.kode,
          nama: r.nama,
          stage: r.stage,
          need: [...r.need],
          needKnown: r.needKnown,
          needTotal: r.needTotal,
          needScore: r.needScore,
          readinessDone: r.readinessDone,
          readinessTotal: r.readinessTotal,
          readinessScore: r.readinessScore,
          score: r.score,
          reason: r.reason,
        })),
      };
    },
  };
}

export type PlannerService = ReturnType<typeof plannerService>;
