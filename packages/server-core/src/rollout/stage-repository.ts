// Table ilp_stage: the ILP stage history of each puskesmas (stages of packages/domain rollout/stages.ts), one row per
// recorded stage with its date, evidence and SK number.
import { and, asc, desc, eq, lte, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';
import type { IlpStageCode } from '@peta/domain';

const { ilpStage, puskesmas } = schema;

export interface StageRow {
  id: number;
  puskesmas: string;
  nama: string;
  stage: IlpStageCode;
  date: string;
  evidence: string;
  skNumber: string | null;
  simulated: boolean;
}

export function stageRepository(db: DbOrTx) {
  return {
    /** Stages of the puskesmas of a kabupaten (and/or of one puskesmas), oldest first. */
    async list(filter: { kabupaten?: string; puskesmas?: string }): Promise<StageRow[]> {
      const where: SQL[] = [];
      if (filter.kabupaten !== undefined) where.push(eq(puskesmas.kabupatenKode, filter.kabupaten));
      if (filter.puskesmas !== undefined) where.push(eq(ilpStage.puskesmasKode, filter.puskesmas));
      const rows = await db
        .select({
          id: ilpStage.id,
          puskesmas: ilpStage.puskesmasKode,
          nama: puskesmas.nama,
          stage: ilpStage.stage,
          date: ilpStage.date,
          evidence: ilpStage.evidence,
          skNumber: ilpStage.skNumber,
          simulated: ilpStage.simulated,
        })
        .from(ilpStage)
        .innerJoin(puskesmas, eq(puskesmas.kode, ilpStage.puskesmasKode))
        .where(and(...where))
        .orderBy(asc(ilpStage.date), asc(ilpStage.id));
      return rows.map((r) => ({ ...r, stage: r.stage as IlpStageCode }));
    },

    /** The stage a puskesmas had reached on `date` (the latest recorded on or before it); null: none yet. */
    async reachedOn(puskesmasKode: string, date: string): Promise<{ stage: string; date: string } | null> {
      const [row] = await db
        .select({ stage: ilpStage.stage, date: ilpStage.date })
        .from(ilpStage)
        .where(and(eq(ilpStage.puskesmasKode, puskesmasKode), lte(ilpStage.date, date)))
        .orderBy(desc(ilpStage.date), desc(ilpStage.id))
        .limit(1);
      return row ?? null;
    },

    async insert(row: {
      puskesmas: string;
      stage: IlpStageCode;
      date: string;
      evidence: string;
      skNumber: string | null;
      eventId: number;
    }): Promise<number> {
      const [created] = await db
        .insert(ilpStage)
        .values({
          puskesmasKode: row.puskesmas,
          stage: row.stage,
          date: row.date,
          evidence: row.evidence,
          skNumber: row.skNumber,
          eventId: row.eventId,
        })
        .returning({ id: ilpStage.id });
      return created!.id;
    },

    /** Any simulated (demo) stage in the kabupaten. */
    async anySimulated(kabupaten: string): Promise<boolean> {
      const [row] = await db
        .select({ id: ilpStage.id })
        .from(ilpStage)
        .innerJoin(puskesmas, eq(puskesmas.kode, ilpStage.puskesmasKode))
        .where(and(eq(puskesmas.kabupatenKode, kabupaten), eq(ilpStage.simulated, true)))
        .limit(1);
      return row !== undefined;
    },
  };
}

export type StageRepository = ReturnType<typeof stageRepository>;
