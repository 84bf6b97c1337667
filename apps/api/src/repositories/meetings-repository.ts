// All SQL about meetings, their notes and their actions (tables meeting, meeting_note, meeting_action,
// meeting_action_change; migration 0004). Notes and actions keep history: a note edit is a new row that
// supersedes the old one; an action edit writes its before/after to meeting_action_change in the same transaction.
import { and, asc, desc, eq, inArray, isNull, like, lt, or, sql } from 'drizzle-orm';
import { schema, type Db } from '@peta/db';

const { meeting, meetingNote, meetingAction, meetingActionChange } = schema;

export type MeetingRow = typeof meeting.$inferSelect;
export type NoteRow = typeof meetingNote.$inferSelect;
export type ActionRow = typeof meetingAction.$inferSelect;
export type ActionChangeRow = typeof meetingActionChange.$inferSelect;
export type NewMeeting = typeof meeting.$inferInsert;
export type NewAction = typeof meetingAction.$inferInsert;
export type ActionPatch = Partial<Pick<ActionRow, 'apa' | 'siapa' | 'tenggat' | 'status'>>;

/** What a meeting is about: a kecamatan, or a puskesmas' wilayah kerja. */
export type MeetingAreaKey = { kecamatan: string } | { puskesmas: string };

const areaFilter = (area: MeetingAreaKey) => ('puskesmas' in area
  ? eq(meeting.puskesmasKode, area.puskesmas)
  : and(eq(meeting.wilayahKode, area.kecamatan), isNull(meeting.puskesmasKode)));

export function meetingsRepository(db: Db) {
  return {
    /** A puskesmas and the desa of its wilayah kerja on a date (valid_from ≤ date < valid_to). */
    async puskesmasAt(kode: string, date: string): Promise<{ kode: string; nama: string; kabupaten: string; desa: string[] } | null> {
      const r = await db.execute<{ kode: string; nama: string; kabupaten: string; desa: string[] }>(sql`
        select p.kode, p.nama, p.kabupaten_kode as kabupaten,
          coalesce(array_agg(w.desa_kode order by w.desa_kode) filter (where w.desa_kode is not null), '{}') as desa
        from puskesmas p left join puskesmas_wilayah w on w.puskesmas_kode = p.kode and w.valid_from <= ${date}::date
          and (w.valid_to is null or w.valid_to > ${date}::date)
        where p.kode = ${kode} group by p.kode, p.nama, p.kabupaten_kode`);
      return r.rows[0] ?? null;
    },

    async insertMeeting(row: NewMeeting): Promise<MeetingRow> {
      const [created] = await db.insert(meeting).values(row).returning();
      return created!;
    },

    async findMeeting(id: number): Promise<MeetingRow | null> {
      const rows = await db.select().from(meeting).where(eq(meeting.id, id));
      return rows[0] ?? null;
    },

    /** Meetings of a kecamatan (puskesmas_kode null) or of a puskesmas' wilayah kerja, newest first, with their action counts. */
    async listByArea(area: MeetingAreaKey) {
      const rows = await db.select({
        meeting,
        actionCount: sql<number>`(select count(*)::int from meeting_action a where a.meeting_id = "meeting"."id")`,
        openActionCount: sql<number>`(select count(*)::int from meeting_action a where a.meeting_id = "meeting"."id" and a.status = 'terbuka')`,
      }).from(meeting).where(areaFilter(area)).orderBy(desc(meeting.tanggal), desc(meeting.id));
      return rows;
    },

    async actionCounts(meetingId: number): Promise<{ actionCount: number; openActionCount: number }> {
      const r = await db.execute<{ actionCount: number; openActionCount: number }>(sql`
        select count(*)::int as "actionCount", count(*) filter (where status = 'terbuka')::int as "openActionCount"
        from meeting_action where meeting_id = ${meetingId}`);
      return r.rows[0] ?? { actionCount: 0, openActionCount: 0 };
    },

    async notes(meetingId: number): Promise<NoteRow[]> {
      return db.select().from(meetingNote).where(eq(meetingNote.meetingId, meetingId)).orderBy(asc(meetingNote.id));
    },

    async findNote(id: number): Promise<NoteRow | null> {
      const rows = await db.select().from(meetingNote).where(eq(meetingNote.id, id));
      return rows[0] ?? null;
    },

    /** Is a note already superseded by a later one? (an edit must start from the current version) */
    async isSuperseded(noteId: number): Promise<boolean> {
      const rows = await db.select({ id: meetingNote.id }).from(meetingNote).where(eq(meetingNote.supersedes, noteId)).limit(1);
      return rows.length > 0;
    },

    async insertNote(row: typeof meetingNote.$inferInsert): Promise<NoteRow> {
      const [created] = await db.insert(meetingNote).values(row).returning();
      return created!;
    },

    async actionsOf(meetingId: number): Promise<ActionRow[]> {
      return db.select().from(meetingAction).where(eq(meetingAction.meetingId, meetingId)).orderBy(asc(meetingAction.id));
    },

    /** Open actions of meetings of the same area held before this one (earlier date, or same date and lower id). */
    async openActionsBefore(area: MeetingAreaKey, before: { tanggal: string; id: number } | null) {
      const earlier = before
        ? or(lt(meeting.tanggal, before.tanggal), and(eq(meeting.tanggal, before.tanggal), lt(meeting.id, before.id)))
        : undefined;
      return db.select({ action: meetingAction, meetingTanggal: meeting.tanggal, meetingJudul: meeting.judul })
        .from(meetingAction).innerJoin(meeting, eq(meeting.id, meetingAction.meetingId))
        .where(and(areaFilter(area), eq(meetingAction.status, 'terbuka'), earlier))
        .orderBy(asc(meeting.tanggal), asc(meetingAction.id));
    },

    /** Open actions pinned to the given wilayah or to desa under them, oldest meeting first. */
    async openActionsUnder(kodes: string[]) {
      if (!kodes.length) return [];
      const rows = await db.select({ action: meetingAction, meetingTanggal: meeting.tanggal, meetingJudul: meeting.judul })
        .from(meetingAction).innerJoin(meeting, eq(meeting.id, meetingAction.meetingId))
        .where(and(eq(meetingAction.status, 'terbuka'), or(...kodes.flatMap((kode) => [eq(meetingAction.desaKode, kode), like(meetingAction.desaKode, `${kode}.%`)]))))
        .orderBy(asc(meeting.tanggal), asc(meetingAction.id));
      return rows.map(({ action: a, meetingTanggal, meetingJudul }) => ({
        id: a.id, meetingId: a.meetingId, meetingTanggal, meetingJudul, desaKode: a.desaKode, indicator: a.indicator, apa: a.apa, siapa: a.siapa, tenggat: a.tenggat,
      }));
    },

    async findAction(id: number): Promise<ActionRow | null> {
      const rows = await db.select().from(meetingAction).where(eq(meetingAction.id, id));
      return rows[0] ?? null;
    },

    async insertAction(row: NewAction): Promise<ActionRow> {
      const [created] = await db.insert(meetingAction).values(row).returning();
      return created!;
    },

    /** Applies the patch and logs before/after of the changed fields, in one transaction. Null: nothing changed. */
    async updateAction(id: number, patch: ActionPatch, oleh: string): Promise<ActionRow | null> {
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(meetingAction).where(eq(meetingAction.id, id)).for('update');
        if (!current) return null;
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(patch) as [keyof ActionPatch, unknown][]) {
          if (value === undefined || current[key] === value) continue;
          before[key] = current[key];
          after[key] = value;
        }
        if (!Object.keys(after).length) return current;
        const [updated] = await tx.update(meetingAction).set(after as ActionPatch).where(eq(meetingAction.id, id)).returning();
        await tx.insert(meetingActionChange).values({ actionId: id, oleh, before, after });
        return updated!;
      });
    },

    async changesOf(actionIds: number[]): Promise<ActionChangeRow[]> {
      if (!actionIds.length) return [];
      return db.select().from(meetingActionChange).where(inArray(meetingActionChange.actionId, actionIds)).orderBy(asc(meetingActionChange.id));
    },
  };
}

export type MeetingsRepository = ReturnType<typeof meetingsRepository>;
