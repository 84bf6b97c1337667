// HTTP contract of the ILP roll-out planner (issue 7): puskesmas, wilayah kerja, stages, waves, readiness,
// progress, the next-wave proposal and values per puskesmas wilayah. Who wrote is the signed-in user (never a field).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { ILP_STAGE_CODES } from '../rollout/stages.ts';
import type { READINESS_ITEMS } from '../rollout/readiness.ts';
import { IndicatorCodeSchema } from './indicators.ts';
import { ValueRowSchema } from './values.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description, examples: ['2026-07-01'] });

export const StageCodeSchema = Type.Union(
  [
    Type.Literal('belum'),
    Type.Literal('persiapan'),
    Type.Literal('lokus_ditetapkan'),
    Type.Literal('orientasi'),
    Type.Literal('launching'),
    Type.Literal('implementasi'),
    Type.Literal('implementasi_penuh'),
  ],
  { description: 'Tahap ILP 0 belum … 6 implementasi_penuh' },
);
// The literals above must be the domain's stage codes (a compile error here when they drift apart).
const _stagesMatch: (typeof ILP_STAGE_CODES)[number] extends Static<typeof StageCodeSchema> ? true : never = true;
void _stagesMatch;
export const ReadinessItemCodeSchema = Type.Union([
  Type.Literal('tim_klaster'),
  Type.Literal('orientasi_staf'),
  Type.Literal('alur_layanan'),
  Type.Literal('pencatatan_digital'),
  Type.Literal('pws_lokmin'),
  Type.Literal('pustu_tiap_desa'),
  Type.Literal('pustu_nakes'),
  Type.Literal('posyandu_lkd'),
  Type.Literal('kader_tersertifikasi'),
]);
const _itemsMatch: (typeof READINESS_ITEMS)[number]['code'] extends Static<typeof ReadinessItemCodeSchema>
  ? true
  : never = true;
void _itemsMatch;

export const KabupatenQuerySchema = Type.Object({
  kabupaten: Type.String({ description: 'Kode kabupaten/kota, misalnya 12.07 (Deli Serdang)', examples: ['12.07'] }),
});

export const WaveRefSchema = Type.Object({
  id: Type.Integer(),
  nama: Type.String(),
  year: Type.Integer(),
  simulated: Type.Boolean(),
});

export const NeedPartSchema = Type.Object({
  indicator: IndicatorCodeSchema,
  /**
   * Belum terlayani tahun ini over the puskesmas' desa (sasaran − served, ≥ 0; indicators/people.ts); null: no report of
   * the indicator there (no data, not no need). Replaces `gap` and `gapNoun` (issue 15).
   */
  notYetServed: Nullable(Type.Integer()),
  /** "ibu hamil belum ANC sesuai standar" */
  text: Type.String(),
});

export const PuskesmasSummarySchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  kabupaten: Type.String(),
  sumber: Type.String(),
  stage: StageCodeSchema,
  stageLevel: Type.Integer({ minimum: 0, maximum: 6 }),
  stageDate: Nullable(Type.String()),
  stageSimulated: Type.Boolean(),
  wave: Nullable(WaveRefSchema),
  readinessDone: Type.Integer(),
  readinessTotal: Type.Integer(),
  readinessUnknown: Type.Integer(),
  /** Desa in the wilayah kerja today, and how many of them are still an unconfirmed proposal. */
  desaCount: Type.Integer(),
  unconfirmedDesa: Type.Integer(),
  /** Belum terlayani tahun ini on the proposal's indicators, largest first (no data last). */
  need: Type.Array(NeedPartSchema),
});

export const DesaAssignmentSchema = Type.Object({
  kode: Type.String(),
  nama: Type.String(),
  /** null: tanpa puskesmas. */
  puskesmas: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  confirmed: Type.Boolean(),
  /** [lng, lat] label point inside the desa; null without a polygon. */
  label: Nullable(Type.Tuple([Type.Number(), Type.Number()])),
});

export const PuskesmasListSchema = Type.Object({
  kabupaten: Type.String(),
  nama: Type.String(),
  /** The day the wilayah kerja and stages are read on. */
  tanggal: Type.String(),
  /** Period of the need figures, e.g. 2026-01..2026-10. */
  period: Type.String(),
  periodLabel: Type.String(),
  indicators: Type.Array(IndicatorCodeSchema),
  puskesmas: Type.Array(PuskesmasSummarySchema),
  desa: Type.Array(DesaAssignmentSchema),
  /** Any stage, wave or readiness answer of this kabupaten is simulated demo data. */
  simulated: Type.Boolean(),
});

export const StageEventSchema = Type.Object({
  id: Type.Integer(),
  puskesmas: Type.String(),
  nama: Type.String(),
  stage: StageCodeSchema,
  date: Type.String(),
  evidence: Type.String(),
  skNumber: Nullable(Type.String()),
  simulated: Type.Boolean(),
});

export const ReadinessItemStateSchema = Type.Object({
  code: ReadinessItemCodeSchema,
  source: Type.Union([Type.Literal('form'), Type.Literal('derived')]),
  labelId: Type.String(),
  labelEn: Type.String(),
  state: Nullable(Type.Boolean()),
});

export const RolloutEventSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  oleh: Type.String(),
  kind: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  note: Nullable(Type.String()),
  simulated: Type.Boolean(),
});

export const PuskesmasDetailSchema = Type.Object({
  puskesmas: PuskesmasSummarySchema,
  desa: Type.Array(
    Type.Object({ kode: Type.String(), nama: Type.String(), validFrom: Type.String(), confirmed: Type.Boolean() }),
  ),
  stages: Type.Array(StageEventSchema),
  readiness: Type.Array(ReadinessItemStateSchema),
  pustu: Type.Integer(),
  posyandu: Type.Integer(),
  events: Type.Array(RolloutEventSchema),
});

export const MoveDesaBodySchema = Type.Object({
  desa: Type.String({ description: 'Kode desa', examples: ['12.07.01.2001'] }),
  puskesmas: Type.String({ description: 'Kode puskesmas tujuan' }),
  mulai: IsoDate('Berlaku mulai tanggal ini (angka bulan itu ikut puskesmas lama bila tanggalnya bukan tanggal 1)'),
});

export const MoveDesaResponseSchema = Type.Object({
  eventId: Type.Integer(),
  before: Nullable(
    Type.Object({
      puskesmas: Type.String(),
      validFrom: Type.String(),
      validTo: Nullable(Type.String()),
      confirmed: Type.Boolean(),
    }),
  ),
  after: Type.Object({
    puskesmas: Type.String(),
    validFrom: Type.String(),
    validTo: Nullable(Type.String()),
    confirmed: Type.Boolean(),
  }),
});

export const WilayahKerjaCsvQuerySchema = Type.Object({
  kabupaten: Type.String({ description: 'Kode kabupaten/kota, misalnya 12.07', examples: ['12.07'] }),
  mulai: IsoDate('Desa yang pindah masuk puskesmas barunya mulai tanggal ini'),
});

const WilayahKerjaIssueSchema = Type.Object({
  row: Nullable(Type.Integer({ description: 'Baris seperti di lembar kerja (1 = judul kolom)' })),
  column: Nullable(Type.String({ description: 'kode_puskesmas, nama atau kode_desa' })),
  code: Type.String({
    description: 'KODE_INVALID, KODE_UNKNOWN, KODE_OUTSIDE_WILAYAH, DUPLICATE, PUSKESMAS_UNKNOWN, …',
  }),
  message: Type.String(),
});

export const WilayahKerjaCsvOutcomeSchema = Type.Object({
  status: Type.Union([Type.Literal('valid'), Type.Literal('invalid'), Type.Literal('committed')]),
  kabupaten: Type.String(),
  mulai: Type.String(),
  rows: Type.Integer({ description: 'Baris desa yang dibaca' }),
  errors: Type.Array(WilayahKerjaIssueSchema),
  warnings: Type.Array(WilayahKerjaIssueSchema),
  newPuskesmas: Type.Array(Type.Object({ kode: Type.String(), nama: Type.String() })),
  moves: Type.Array(
    Type.Object({ row: Type.Integer(), desa: Type.String(), from: Nullable(Type.String()), to: Type.String() }),
  ),
  confirms: Type.Array(Type.Object({ row: Type.Integer(), desa: Type.String(), puskesmas: Type.String() })),
  unchanged: Type.Integer({ description: 'Desa yang sudah di puskesmas itu (terkonfirmasi): tidak diubah' }),
  changed: Type.Boolean({ description: 'false: berkas sama dengan yang tersimpan' }),
  eventIds: Type.Array(Type.Integer(), { description: 'Peristiwa rollout_event yang dicatat (hanya saat disimpan)' }),
});

export const AddStageBodySchema = Type.Object({
  stage: StageCodeSchema,
  date: IsoDate('Tanggal tahap dicapai'),
  evidence: Type.Optional(Type.String({ maxLength: 2000 })),
  skNumber: Type.Optional(Type.String({ maxLength: 200 })),
});

export const WaveBodySchema = Type.Object({
  kabupaten: Type.String({ examples: ['12.07'] }),
  nama: Type.String({ minLength: 1, maxLength: 200 }),
  year: Type.Integer({ minimum: 2023, maximum: 2100 }),
  target: Type.Integer({ minimum: 0, maximum: 1000 }),
  plannedStart: Type.Optional(Nullable(IsoDate('Rencana mulai'))),
  plannedEnd: Type.Optional(Nullable(IsoDate('Rencana selesai'))),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  members: Type.Array(
    Type.Object({
      kode: Type.String(),
      rank: Type.Optional(Nullable(Type.Integer())),
      reason: Type.Optional(Nullable(Type.String())),
    }),
  ),
});

export const WaveSchema = Type.Object({
  id: Type.Integer(),
  kabupaten: Type.String(),
  nama: Type.String(),
  year: Type.Integer(),
  target: Type.Integer(),
  plannedStart: Nullable(Type.String()),
  plannedEnd: Nullable(Type.String()),
  basis: Type.String(),
  note: Type.String(),
  simulated: Type.Boolean(),
  members: Type.Array(
    Type.Object({
      kode: Type.String(),
      nama: Type.String(),
      rank: Nullable(Type.Integer()),
      reason: Nullable(Type.String()),
    }),
  ),
});

export const ReadinessBodySchema = Type.Object({
  answers: Type.Record(Type.String(), Type.Boolean(), { description: 'Butir formulir → ya/tidak' }),
});

export const YearProgressSchema = Type.Object({
  year: Type.Integer(),
  asOf: Type.String(),
  count: Type.Integer(),
  target: Nullable(Type.Integer()),
  percent: Nullable(Type.Number()),
  text: Type.String(),
});

export const ProgressResponseSchema = Type.Object({
  kabupaten: Type.String(),
  years: Type.Array(YearProgressSchema),
  waves: Type.Array(WaveSchema),
  timeline: Type.Array(StageEventSchema),
  simulated: Type.Boolean(),
});

export const ProposalQuerySchema = Type.Object({
  kabupaten: Type.String({ examples: ['12.07'] }),
  indikator: Type.Optional(
    Type.String({ description: 'Indikator kebutuhan dipisah koma', examples: ['SPM01_BUMIL,SPM04_BALITA,SPM08_HT'] }),
  ),
  periode: Type.Optional(
    Type.String({ description: 'Periode kebutuhan; bawaan: Januari s.d. bulan lalu', examples: ['2026-01..2026-10'] }),
  ),
  bobot: Type.Optional(
    Type.Number({ minimum: 0, maximum: 1, description: 'Bobot kebutuhan 0..1 (sisanya kesiapan); bawaan 0.5' }),
  ),
});

export const ProposalRowSchema = Type.Object({
  rank: Type.Integer(),
  kode: Type.String(),
  nama: Type.String(),
  stage: StageCodeSchema,
  need: Type.Array(NeedPartSchema),
  /** False without desa in the wilayah kerja or without any report: need unknown, no score, ranked last. */
  needKnown: Type.Boolean(),
  needTotal: Type.Number(),
  needScore: Nullable(Type.Number()),
  readinessDone: Type.Integer(),
  readinessTotal: Type.Integer(),
  readinessScore: Type.Number(),
  score: Nullable(Type.Number()),
  reason: Type.String(),
});

export const ProposalResponseSchema = Type.Object({
  kabupaten: Type.String(),
  period: Type.String(),
  periodLabel: Type.String(),
  indicators: Type.Array(IndicatorCodeSchema),
  needWeight: Type.Number(),
  /** How the score is computed, in words. */
  method: Type.String(),
  confirmed: Type.Literal(false),
  rows: Type.Array(ProposalRowSchema),
});

export const PuskesmasValuesQuerySchema = Type.Object({
  indikator: Type.String({ examples: ['KIA_K4'] }),
  periode: Type.String({ examples: ['2026-01..2026-10'] }),
  kabupaten: Type.String({ examples: ['12.07'] }),
});

export const PuskesmasValueRowSchema = Type.Composite([
  ValueRowSchema,
  Type.Object({
    /** Desa that contributed a month of the period (moved desa count for both puskesmas). */
    desaCount: Type.Integer(),
  }),
]);

export const PuskesmasValuesResponseSchema = Type.Object({
  indicator: IndicatorCodeSchema,
  period: Type.String(),
  periodLabel: Type.String(),
  kabupaten: Type.String(),
  simulated: Type.Boolean(),
  /** One row per puskesmas; kode '' = desa-months without a puskesmas. */
  rows: Type.Array(PuskesmasValueRowSchema),
});

export type PuskesmasSummary = Static<typeof PuskesmasSummarySchema>;
export type PuskesmasList = Static<typeof PuskesmasListSchema>;
export type DesaAssignment = Static<typeof DesaAssignmentSchema>;
export type PuskesmasDetail = Static<typeof PuskesmasDetailSchema>;
export type StageEventDto = Static<typeof StageEventSchema>;
export type WilayahKerjaCsvOutcome = Static<typeof WilayahKerjaCsvOutcomeSchema>;
export type MoveDesaBody = Static<typeof MoveDesaBodySchema>;
export type MoveDesaResponse = Static<typeof MoveDesaResponseSchema>;
export type AddStageBody = Static<typeof AddStageBodySchema>;
export type WaveBody = Static<typeof WaveBodySchema>;
export type WaveDto = Static<typeof WaveSchema>;
export type ReadinessBody = Static<typeof ReadinessBodySchema>;
export type ProgressResponse = Static<typeof ProgressResponseSchema>;
export type ProposalResponse = Static<typeof ProposalResponseSchema>;
export type ProposalRow = Static<typeof ProposalRowSchema>;
export type PuskesmasValuesResponse = Static<typeof PuskesmasValuesResponseSchema>;
export type PuskesmasValueRow = Static<typeof PuskesmasValueRowSchema>;

// ---- Pustu and Posyandu of one desa (readiness of the puskesmas' network, and the desa profile) ----------------

export const PustuSchema = Type.Object({
  nama: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  perawat: Type.Integer({ minimum: 0, maximum: 100 }),
  bidan: Type.Integer({ minimum: 0, maximum: 100 }),
});

export const PosyanduSchema = Type.Object({
  nama: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  /** Dusun or RW. */
  lokasi: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  /** SK as Lembaga Kemasyarakatan Desa/Kelurahan. */
  sk: Type.Boolean(),
  kader: Type.Integer({ minimum: 0, maximum: 200 }),
  kaderTersertifikasi: Type.Integer({ minimum: 0, maximum: 200 }),
});

/** The whole list of a desa: saving replaces it in one recorded event (before/after), nothing is lost. */
export const FacilitiesBodySchema = Type.Object({
  pustu: Type.Array(PustuSchema, { maxItems: 20 }),
  posyandu: Type.Array(PosyanduSchema, { maxItems: 100 }),
});

export const FacilitiesSchema = Type.Object({
  desa: Type.String(),
  pustu: Type.Array(PustuSchema),
  posyandu: Type.Array(PosyanduSchema),
  /** Some records come from the simulated demo. */
  simulated: Type.Boolean(),
  /** false: never entered for this desa (unknown, not zero). */
  known: Type.Boolean(),
  /** The last change: who and when. */
  lastChange: Type.Union([Type.Object({ oleh: Type.String(), at: Type.String() }), Type.Null()]),
});

export type Facilities = Static<typeof FacilitiesSchema>;
export type FacilitiesBody = Static<typeof FacilitiesBodySchema>;
