// One puskesmas: find it, the area of its profile (its wilayah kerja today), and the two things recorded about it —
// its ILP stage (tahap) and its readiness checklist (kesiapan). Each write is one transaction with its rollout_event.
import { READINESS_ITEMS, titleCase, type IlpStageCode } from '@peta/domain';
import type { DbOrTx } from '@peta/db';
import { invalid, notFound } from '../errors.ts';
import { dateParam } from '../inputs.ts';
import type { PuskesmasRow } from './puskesmas-repository.ts';
import { inTransaction, rolloutRepositories } from './repositories.ts';

export function puskesmasService(db: DbOrTx) {
  const repos = rolloutRepositories(db);

  return {
    /** The puskesmas with this kode; 404 when there is none. */
    async require(kode: string): Promise<PuskesmasRow> {
      const p = await repos.puskesmas.find(kode);
      if (!p) throw notFound(`Puskesmas dengan kode ${kode} tidak ditemukan.`);
      return p;
    },

    /** What a puskesmas profile is about: its name and the desa of its wilayah kerja today. */
    async profileArea(p: PuskesmasRow): Promise<{ kode: string; nama: string; kabupaten: string; desa: string[] }> {
      const desa = (await repos.wilayahKerja.groups(p.kabupaten)).find((g) => g.kode === p.kode)?.desa ?? [];
      return { kode: p.kode, nama: titleCase(p.nama), kabupaten: p.kabupaten, desa };
    },

    /** Records a stage reached on a date (with evidence and SK number); the event keeps the stage before. */
    async addStage(
      p: PuskesmasRow,
      input: { stage: IlpStageCode; date: string; evidence?: string; skNumber?: string | null },
      oleh: string,
    ) {
      const date = dateParam(input.date, 'Tanggal tahap');
      const evidence = input.evidence ?? '';
      const skNumber = input.skNumber ?? null;
      return inTransaction(db, async ({ stages, events }) => {
        const before = await stages.reachedOn(p.kode, date);
        const eventId = await events.record({
          oleh,
          kind: 'tahap',
          puskesmas: p.kode,
          kabupaten: p.kabupaten,
          before: before ?? { stage: 'belum' },
          after: { stage: input.stage, date, evidence, skNumber },
        });
        const id = await stages.insert({ puskesmas: p.kode, stage: input.stage, date, evidence, skNumber, eventId });
        return { id, eventId };
      });
    },

    /** Saves answers of the readiness form; items computed from Pustu/Posyandu data are not answered in the form. */
    async saveReadiness(p: PuskesmasRow, answers: Record<string, boolean>, oleh: string): Promise<{ eventId: number }> {
      for (const item of Object.keys(answers)) {
        const def = READINESS_ITEMS.find((i) => i.code === item);
        if (!def) throw invalid('INVALID_ITEM', `Butir kesiapan tidak dikenal: "${item}".`);
        if (def.source !== 'form')
          throw invalid(
            'DERIVED_ITEM',
            `Butir "${def.labelId}" dihitung dari data Pustu/Posyandu, tidak diisi di formulir.`,
          );
      }
      return inTransaction(db, async ({ readiness, events }) => {
        const before = await readiness.lockAnswers(p.kode);
        const eventId = await events.record({
          oleh,
          kind: 'kesiapan',
          puskesmas: p.kode,
          kabupaten: p.kabupaten,
          before,
          after: answers,
        });
        await readiness.answer(p.kode, answers, eventId);
        return { eventId };
      });
    },
  };
}

export type PuskesmasService = ReturnType<typeof puskesmasService>;
