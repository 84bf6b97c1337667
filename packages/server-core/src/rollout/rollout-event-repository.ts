// Table rollout_event: the audit trail of the planner. Every change of a wilayah kerja, stage, wave, readiness answer
// or Pustu/Posyandu list is one event (who, when, before, after), written in the transaction of the change, and the
// rows the change wrote point at it.
import { and, desc, eq, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';

const { rolloutEvent } = schema;

export type RolloutEventKind = 'puskesmas' | 'wilayah_kerja' | 'tahap' | 'gelombang' | 'kesiapan' | 'fasilitas';

export interface NewRolloutEvent {
  oleh: string;
  kind: RolloutEventKind;
  puskesmas?: string | null;
  kabupaten?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string;
}

/** When an event happened, as ISO text in UTC to the second (never a JS Date: time zones). */
const atText = sql<string>`to_char(${rolloutEvent.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export function rolloutEventRepository(db: DbOrTx) {
  return {
    /** Records one event; its id is what the changed rows point at. */
    async record(e: NewRolloutEvent): Promise<number> {
      const [row] = await db
        .insert(rolloutEvent)
        .values({
          oleh: e.oleh,
          kind: e.kind,
          puskesmasKode: e.puskesmas ?? null,
          kabupatenKode: e.kabupaten ?? null,
          before: e.before === undefined ? null : e.before,
          after: e.after === undefined ? null : e.after,
          note: e.note ?? null,
        })
        .returning({ id: rolloutEvent.id });
      return row!.id;
    },

    /** The latest events about a puskesmas, newest first. */
    async ofPuskesmas(puskesmas: string, limit = 50) {
      return db
        .select({
          id: rolloutEvent.id,
          at: atText,
          oleh: rolloutEvent.oleh,
          kind: rolloutEvent.kind,
          before: rolloutEvent.before,
          after: rolloutEvent.after,
          note: rolloutEvent.note,
          simulated: rolloutEvent.simulated,
        })
        .from(rolloutEvent)
        .where(eq(rolloutEvent.puskesmasKode, puskesmas))
        .orderBy(desc(rolloutEvent.id))
        .limit(limit);
    },

    /** Who last changed the Pustu/Posyandu of a desa, and when; null when nobody ever did. */
    async lastFacilitiesChange(desa: string): Promise<{ oleh: string; at: string } | null> {
      const [row] = await db
        .select({ oleh: rolloutEvent.oleh, at: atText })
        .from(rolloutEvent)
        .where(and(eq(rolloutEvent.kind, 'fasilitas'), sql`${rolloutEvent.after}->>'desa' = ${desa}`))
        .orderBy(desc(rolloutEvent.id))
        .limit(1);
      return row ?? null;
    },
  };
}

export type RolloutEventRepository = ReturnType<typeof rolloutEventRepository>;
