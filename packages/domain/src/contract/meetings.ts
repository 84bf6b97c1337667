// HTTP contract for meetings (issue 8): Lokakarya Mini and other coordination meetings about one kecamatan, the
// agenda generated from the data (stored as a snapshot), notes per agenda item with history, and actions
// (rencana tindak lanjut) pinned to a desa and an indicator with their "movement since".
// The agenda is built by buildAgenda (src/meetings/agenda.ts), movement by movementSince (src/meetings/movement.ts).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ValueRowSchema } from './values.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DATE = { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'TTTT-BB-HH', examples: ['2026-11-20'] };

export const MEETING_TYPES = ['lokmin_bulanan', 'lokmin_tribulanan', 'lintas_sektor', 'lainnya'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Readonly<Record<MeetingType, string>> = {
  lokmin_bulanan: 'Lokakarya Mini bulanan',
  lokmin_tribulanan: 'Lokakarya Mini tribulanan',
  lintas_sektor: 'Rapat lintas sektor',
  lainnya: 'Rapat lainnya',
};
export const ACTION_STATUSES = ['terbuka', 'selesai', 'batal'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const MeetingTypeSchema = Type.Union([
  Type.Literal('lokmin_bulanan'),
  Type.Literal('lokmin_tribulanan'),
  Type.Literal('lintas_sektor'),
  Type.Literal('lainnya'),
]);
export const ActionStatusSchema = Type.Union([Type.Literal('terbuka'), Type.Literal('selesai'), Type.Literal('batal')]);
const PwsStatus = Nullable(
  Type.Union([Type.Literal('baik'), Type.Literal('kurang'), Type.Literal('cukup'), Type.Literal('jelek')]),
);

export const PesertaSchema = Type.Object({
  nama: Type.String({ minLength: 1, maxLength: 200 }),
  peran: Type.String({ maxLength: 200 }),
});

// ------------------------------------------------------------------------------------------------ agenda

/** One indicator of one desa at the meeting's period (and the previous period, for "worsened"). */
/** A row of GET /api/nilai for one desa (without kode, nama, simulated), with the previous period and PWS status. */
export const DesaIndicatorValueSchema = Type.Composite([
  Type.Object({ indicator: Type.String() }),
  Type.Omit(ValueRowSchema, ['kode', 'nama', 'simulated']),
  Type.Object({
    previousCoverage: Nullable(Type.Number()),
    previousAttainment: Nullable(Type.Number()),
    /** Coverage of month m alone and of month m − 1 alone (monthPair; null for other periods and in version-1 agendas). */
    monthCoverage: Nullable(Type.Number()),
    previousMonthCoverage: Nullable(Type.Number()),
    /** PWS KIA status at the last month of the period (cumulative periods from January, higher-is-better). */
    pws: PwsStatus,
  }),
]);

export const AgendaDesaSchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  simulated: Type.Boolean(),
  /** Indicators below the expected-to-date target (class cukup or kurang). */
  behindCount: Type.Integer(),
  /** Agenda entries naming this desa (behind, worsened, data quality, open actions): the stepping order. */
  mentions: Type.Integer(),
  /** The indicator to show first (lowest attainment), or null. */
  focusIndicator: Nullable(Type.String()),
  values: Type.Array(DesaIndicatorValueSchema),
});

export const BehindItemSchema = Type.Object({
  desaKode: Type.String(),
  desaNama: Type.String(),
  indicator: Type.String(),
  coverage: Type.Number(),
  expected: Type.Number(),
  attainment: Type.Number(),
  /** Persons short of the expected-to-date target (the row's shortOfTarget). */
  shortOfTarget: Nullable(Type.Integer()),
});

export const WorsenedItemSchema = Type.Object({
  desaKode: Type.String(),
  desaNama: Type.String(),
  indicator: Type.String(),
  previousAttainment: Type.Number(),
  attainment: Type.Number(),
  /** previousAttainment − attainment, in points of attainment (> 0). */
  drop: Type.Number(),
  previousCoverage: Nullable(Type.Number()),
  coverage: Nullable(Type.Number()),
});

export const DataQualityItemSchema = Type.Object({
  desaKode: Type.String(),
  desaNama: Type.String(),
  kind: Type.Union([Type.Literal('laporan'), Type.Literal('lebih100')]),
  /** laporan: indicators with missing monthly reports; lebih100: indicators above 100 %. */
  indicators: Type.Array(
    Type.Object({
      indicator: Type.String(),
      reported: Type.Integer(),
      expectedReports: Type.Integer(),
      coverage: Nullable(Type.Number()),
    }),
  ),
});

export const AgendaActionSchema = Type.Object({
  id: Type.Integer(),
  meetingId: Type.Integer(),
  meetingTanggal: Type.String(),
  desaKode: Type.String(),
  desaNama: Type.String(),
  indicator: Type.String(),
  apa: Type.String(),
  siapa: Type.String(),
  tenggat: Nullable(Type.String()),
});

export const AgendaSchema = Type.Object({
  /** 2 since issue 15 (two counts of people instead of `gap`); stored version-1 agendas are upgraded on read (upgradeAgenda). */
  version: Type.Literal(2),
  wilayah: Type.Object({ kode: Type.String(), nama: Type.String() }),
  periode: Type.String(),
  periodeLabel: Type.String(),
  previousPeriode: Nullable(Type.String()),
  previousPeriodeLabel: Nullable(Type.String()),
  /** Indicators with at least one report in the wilayah in the period, catalogue order. */
  indicators: Type.Array(Type.String()),
  behind: Type.Array(BehindItemSchema),
  worsened: Type.Array(WorsenedItemSchema),
  dataQuality: Type.Array(DataQualityItemSchema),
  /** Open actions of the last earlier meeting of the wilayah, at generation time. */
  openActions: Type.Array(AgendaActionSchema),
  /** Every desa, in stepping order (most agenda entries first, then by name). */
  desa: Type.Array(AgendaDesaSchema),
  simulated: Type.Boolean(),
  generatedAt: Type.String(),
});

// ------------------------------------------------------------------------------------------------ actions

export const BaselineSchema = Type.Object({
  periode: Type.String(),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  coverage: Nullable(Type.Number()),
});

export const MovementSchema = Type.Object({
  direction: Type.Union([
    Type.Literal('naik'),
    Type.Literal('turun'),
    Type.Literal('tetap'),
    Type.Literal('tidak-ada-data'),
    Type.Literal('belum-ada-periode-baru'),
  ]),
  /** Coverage now − baseline coverage, in percentage points. */
  coveragePoints: Nullable(Type.Number()),
  numeratorChange: Nullable(Type.Number()),
  /** "naik 12,5 poin (dari 54,0% ke 66,5%)" */
  text: Type.String(),
  /** "+5 orang (dari 20 ke 25)" or null. */
  numeratorText: Nullable(Type.String()),
  now: BaselineSchema,
});

export const ActionChangeSchema = Type.Object({
  at: Type.String(),
  oleh: Type.String(),
  before: Type.Record(Type.String(), Type.Unknown()),
  after: Type.Record(Type.String(), Type.Unknown()),
});

export const MeetingActionSchema = Type.Object({
  id: Type.Integer(),
  meetingId: Type.Integer(),
  desaKode: Type.String(),
  desaNama: Type.String(),
  indicator: Type.String(),
  apa: Type.String(),
  siapa: Type.String(),
  tenggat: Nullable(Type.String()),
  status: ActionStatusSchema,
  baseline: BaselineSchema,
  createdAt: Type.String(),
  oleh: Type.String(),
  /** Movement from the baseline to the period of the meeting being viewed. */
  movement: MovementSchema,
  changes: Type.Array(ActionChangeSchema),
});

export const EarlierActionSchema = Type.Composite([
  MeetingActionSchema,
  Type.Object({
    meetingTanggal: Type.String(),
    meetingJudul: Type.String(),
  }),
]);

// ------------------------------------------------------------------------------------------------ notes

export const NoteSchema = Type.Object({
  id: Type.Integer(),
  itemKey: Type.String(),
  text: Type.String(),
  at: Type.String(),
  oleh: Type.String(),
  supersedes: Nullable(Type.Integer()),
});
export const NoteWithHistorySchema = Type.Composite([
  NoteSchema,
  Type.Object({
    /** Earlier versions, newest first. */
    history: Type.Array(NoteSchema),
  }),
]);

// ------------------------------------------------------------------------------------------------ meetings

export const MeetingSummarySchema = Type.Object({
  id: Type.Integer(),
  jenis: MeetingTypeSchema,
  jenisLabel: Type.String(),
  tanggal: Type.String(),
  /** The area on the map: the kecamatan, or for a puskesmas meeting the puskesmas' kabupaten/kota. */
  wilayahKode: Type.String(),
  /** Set for a meeting about a puskesmas' wilayah kerja. */
  puskesmasKode: Nullable(Type.String()),
  /** The desa the meeting is about (the kecamatan's, or the wilayah kerja on the meeting date). */
  desaKodes: Type.Array(Type.String()),
  judul: Type.String(),
  periode: Type.String(),
  periodeLabel: Type.String(),
  peserta: Type.Array(PesertaSchema),
  createdAt: Type.String(),
  oleh: Type.String(),
  actionCount: Type.Integer(),
  openActionCount: Type.Integer(),
});

export const MeetingDetailSchema = Type.Composite([
  MeetingSummarySchema,
  Type.Object({
    agenda: AgendaSchema,
    actions: Type.Array(MeetingActionSchema),
    /** Open actions of earlier meetings of the same wilayah, with movement up to this meeting's period. */
    earlierActions: Type.Array(EarlierActionSchema),
    notes: Type.Array(NoteWithHistorySchema),
  }),
]);

export const CreateMeetingSchema = Type.Object({
  jenis: MeetingTypeSchema,
  tanggal: Type.String(DATE),
  /** Exactly one of wilayah (a kecamatan) and puskesmas (its wilayah kerja on the meeting date). */
  wilayah: Type.Optional(Type.String({ description: 'Kode kecamatan', examples: ['12.10.09'] })),
  puskesmas: Type.Optional(
    Type.String({
      description: 'Kode puskesmas: rapat tentang desa wilayah kerjanya pada tanggal rapat',
      examples: ['1010453'],
    }),
  ),
  periode: Type.String({ description: 'Periode data, misalnya 2026-01..2026-09', examples: ['2026-01..2026-09'] }),
  judul: Type.Optional(Type.String({ maxLength: 300 })),
  peserta: Type.Optional(Type.Array(PesertaSchema, { maxItems: 200 })),
});

export const MeetingListQuerySchema = Type.Object({
  wilayah: Type.Optional(Type.String({ description: 'Kode kecamatan', examples: ['12.10.09'] })),
  puskesmas: Type.Optional(
    Type.String({ description: 'Kode puskesmas (rapat wilayah kerjanya)', examples: ['1010453'] }),
  ),
});

export const MeetingIdParamsSchema = Type.Object({ id: Type.String({ pattern: '^\\d{1,9}$' }) });

export const CreateNoteSchema = Type.Object({
  itemKey: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'ringkasan, desa:12.10.09.2001 atau tindak-lanjut',
  }),
  text: Type.String({ maxLength: 10_000 }),
  /** Id of the note this one replaces (an edit); omitted for a new note. */
  supersedes: Type.Optional(Type.Integer()),
});

export const CreateActionSchema = Type.Object({
  desaKode: Type.String(),
  indicator: Type.String(),
  apa: Type.String({ minLength: 1, maxLength: 2000 }),
  siapa: Type.String({ maxLength: 300 }),
  tenggat: Type.Optional(Nullable(Type.String(DATE))),
});

export const UpdateActionSchema = Type.Object({
  apa: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  siapa: Type.Optional(Type.String({ maxLength: 300 })),
  tenggat: Type.Optional(Nullable(Type.String(DATE))),
  status: Type.Optional(ActionStatusSchema),
});

export type Peserta = Static<typeof PesertaSchema>;
export type DesaIndicatorValue = Static<typeof DesaIndicatorValueSchema>;
export type AgendaDesa = Static<typeof AgendaDesaSchema>;
export type BehindItem = Static<typeof BehindItemSchema>;
export type WorsenedItem = Static<typeof WorsenedItemSchema>;
export type DataQualityItem = Static<typeof DataQualityItemSchema>;
export type AgendaAction = Static<typeof AgendaActionSchema>;
export type Agenda = Static<typeof AgendaSchema>;
export type Baseline = Static<typeof BaselineSchema>;
export type Movement = Static<typeof MovementSchema>;
export type MeetingAction = Static<typeof MeetingActionSchema>;
export type EarlierAction = Static<typeof EarlierActionSchema>;
export type Note = Static<typeof NoteSchema>;
export type NoteWithHistory = Static<typeof NoteWithHistorySchema>;
export type MeetingSummary = Static<typeof MeetingSummarySchema>;
export type MeetingDetail = Static<typeof MeetingDetailSchema>;
export type CreateMeeting = Static<typeof CreateMeetingSchema>;
export type CreateNote = Static<typeof CreateNoteSchema>;
export type CreateAction = Static<typeof CreateActionSchema>;
export type UpdateAction = Static<typeof UpdateActionSchema>;
