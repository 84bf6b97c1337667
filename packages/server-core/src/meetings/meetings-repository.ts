// All SQL about meetings, their notes and their actions (tables meeting, meeting_note, meeting_action,
// meeting_action_change; migration 0004). Notes and actions keep history: a note edit is a new row that
// supersedes the old one; an action edit writes its before/after to meeting_action_change (actions-service runs both
// in one transaction).
import { and, asc, count, desc, eq, inArray, isNull, like, lt, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';

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

const areaFilter = (area: MeetingAreaKey) =>
  'puskesmas' in area
    ? eq(meeting.puskesmasKode, area.puskesmas)
    : and(eq(meeting.wilayahKode, area.kecamatan), isNull(meeting.puskesmasKode));

export function meetingsRepository(db: DbOrTx) {
  return {
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
      const rows = await db
        .select({
          meeting,
          actionCount: sql<number>`(select count(*)::int from meeting_action a where a.meeting_id = "meeting"."id")`,
          openActionCount: sql<number>`(select count(*)::int from meeting_action a where a.meeting_id = "meeting"."id" and a.status = 'terbuka')`,
        })
        .from(meeting)
        .where(areaFilter(area))
        .orderBy(desc(meeting.tanggal), desc(meeting.id));
      return rows;
    },

    async actionCounts(meetingId: number): Promise<{ actionCount: number; openActionCount: number }> {
      const [row] = await db
        .select({
          actionCount: count(),
          openActionCount: sql<number>`(count(*) filter (where ${meetingAction.status} = 'terbuka'))::int`,
        })
        .from(meetingAction)
        .where(eq(meetingAction.meetingId, meetingId));
      return row ?? { actionCount: 0, openActionCount: 0 };
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
      const rows = await db
        .select({ id: meetingNote.id })
        .from(meetingNote)
        .where(eq(meetingNote.supersedes, noteId))
        .limit(1);
      return rows.length > 0;
    },

    async insertNote(row: typeof meetingNote.$inferInsert): Promise<NoteRow> {
      const [created] = await db.insert(meetingNote).values(row).returning();
      return created!;
    },

    async actionsOf(meetingId: number): Promise<ActionRow[]> {
      return db
        .select()
        .from(meetingAction)
        .where(eq(meetingAction.meetingId, meetingId))
        .orderBy(asc(meetingAction.id));
    },

    /** Open actions of meetings of the same area held before this one (earlier date, or same date and lower id). */
    async openActionsBefore(area: MeetingAreaKey, before: { tanggal: string; id: number } | null) {
      const earlier = before
        ? or(lt(meeting.tanggal, before.tanggal), and(eq(meeting.tanggal, before.tanggal), lt(meeting.id, before.id)))
        : undefined;
      return db
        .select({ action: meetingAction, meetingTanggal: meeting.tanggal, meetingJudul: meeting.judul })
        .from(meetingAction)
        .innerJoin(meeting, eq(meeting.id, meetingAction.meetingId))
        .where(and(areaFilter(area), eq(meetingAction.status, 'terbuka'), earlier))
        .orderBy(asc(meeting.tanggal), asc(meetingAction.id));
    },

    /** Open actions pinned to the given wilayah or to desa under them, oldest meeting first. */
    async openActionsUnder(kodes: string[]) {
      if (!kodes.length) return [];
      const rows = await db
        .select({ action: meetingAction, meetingTanggal: meeting.tanggal, meetingJudul: meeting.judul })
        .from(meetingAction)
        .innerJoin(meeting, eq(meeting.id, meetingAction.meetingId))
        .where(
          and(
            eq(meetingAction.status, 'terbuka'),
            or(
              ...kodes.flatMap((kode) => [eq(meetingAction.desaKode, kode), like(meetingAction.desaKode, `${kode}.%`)]),
            ),
          ),
        )
        .orderBy(asc(meeting.tanggal), asc(meetingAction.id));
      return rows.map(({ action: a, meetingTanggal, meetingJudul }) => ({
        id: a.id,
        meetingId: a.meetingId,
        meetingTanggal,
        meetingJudul,
        desaKode: a.desaKode,
        indicator: a.indicator,
        apa: a.apa,
        siapa: a.siapa,
        tenggat: a.tenggat,
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

    /** One action, locked FOR UPDATE until the transaction ends (an edit reads, compares and writes it). */
    async lockAction(id: number): Promise<ActionRow | null> {
      const [row] = await db.select().from(meetingAction).where(eq(meetingAction.id, id)).for('update');
      return row ?? null;
    },

    async updateAction(id: number, patch: ActionPatch): Promise<ActionRow> {
      const [updated] = await db.update(meetingAction).set(patch).where(eq(meetingAction.id, id)).returning();
      return updated!;
    },

    /** The change log of an action: the changed fields before and after. */
    async insertChange(row: {
      actionId: number;
      oleh: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }): Promise<void> {
      await db.insert(meetingActionChange).values(row);
    },

    async changesOf(actionIds: number[]): Promise<ActionChangeRow[]> {
      if (!actionIds.length) return [];
      return db
        .select()
        .from(meetingActionChange)
        .where(inArray(meetingActionChange.actionId, actionIds))
        .orderBy(asc(meetingActionChange.id));
    },
  };
}

export type MeetingsRepository = ReturnType<typeof meetingsRepository>;
