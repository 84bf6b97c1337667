// Table readiness_answer: the current answer of each form item of a puskesmas' readiness checklist
// (packages/domain rollout/readiness.ts); the history is in rollout_event.
import { eq, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';
import type { ReadinessItemCode } from '@peta/domain';

const { readinessAnswer, puskesmas } = schema;

export type ReadinessForm = Partial<Record<ReadinessItemCode, boolean>>;

export function readinessRepository(db: DbOrTx) {
  return {
    /** The answered form of every puskesmas of a kabupaten. */
    async formsOf(kabupaten: string): Promise<Map<string, ReadinessForm>> {
      const rows = await db
        .select({ puskesmas: readinessAnswer.puskesmasKode, item: readinessAnswer.item, value: readinessAnswer.value })
        .from(readinessAnswer)
        .innerJoin(puskesmas, eq(puskesmas.kode, readinessAnswer.puskesmasKode))
        .where(eq(puskesmas.kabupatenKode, kabupaten));
      const map = new Map<string, ReadinessForm>();
      for (const row of rows) {
        const form = map.get(row.puskesmas) ?? {};
        form[row.item as ReadinessItemCode] = row.value;
        map.set(row.puskesmas, form);
      }
      return map;
    },

    /** One puskesmas' answers, locked FOR UPDATE (the `before` of a change). */
    async lockAnswers(puskesmasKode: string): Promise<Record<string, boolean>> {
      const rows = await db
        .select({ item: readinessAnswer.item, value: readinessAnswer.value })
        .from(readinessAnswer)
        .where(eq(readinessAnswer.puskesmasKode, puskesmasKode))
        .for('update');
      return Object.fromEntries(rows.map((o) => [o.item, o.value]));
    },

    /** Sets these answers (a user's: no longer simulated); items not named keep theirs. */
    async answer(puskesmasKode: string, answers: Record<string, boolean>, eventId: number): Promise<void> {
      const rows = Object.entries(answers).map(([item, value]) => ({
        puskesmasKode,
        item,
        value,
        simulated: false,
        eventId,
      }));
      if (!rows.length) return;
      await db
        .insert(readinessAnswer)
        .values(rows)
        .onConflictDoUpdate({
          target: [readinessAnswer.puskesmasKode, readinessAnswer.item],
          set: { value: sql`excluded.value`, simulated: false, eventId: sql`excluded.event_id` },
        });
    },
  };
}

export type ReadinessRepository = ReturnType<typeof readinessRepository>;
