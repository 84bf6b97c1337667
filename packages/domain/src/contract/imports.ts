// HTTP contract for data imports (issue 6): template download, preview → commit, history, undo.
// Files are uploaded as the raw request body (Content-Type application/octet-stream, text/csv or the .xlsx type),
// with the file name in the query: `fetch('/api/impor/pratinjau?berkas=' + encodeURIComponent(file.name), { method: 'POST', body: file })`.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const TemplateQuerySchema = Type.Object({
  wilayah: Type.String({
    description: 'Kode wilayah Kemendagri; templat memuat setiap desa di dalamnya',
    examples: ['12.10.09'],
  }),
  periode: Type.String({ description: 'Bulan TTTT-BB (tidak di masa depan)', examples: ['2026-10'] }),
  indikator: Type.String({ description: 'Kode indikator dipisah koma', examples: ['KIA_K4,SPM01_BUMIL'] }),
  format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' })),
});

export const PreviewQuerySchema = Type.Object({
  berkas: Type.String({
    minLength: 1,
    description: 'Nama berkas yang diunggah (akhiran .xlsx atau .csv menentukan cara membacanya)',
    examples: ['k4-oktober.xlsx'],
  }),
  profil: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,9}$',
      description:
        'Baca berkas dengan profil impor bernomor ini (tanpa: format dikenali, atau profil yang judulnya cocok)',
    }),
  ),
});

/** Reading a previewed file again (the wizard): with a drafted or saved profile and the desa names the user confirmed. */
export const ReadAgainBodySchema = Type.Object(
  {
    /** Without a profile: show the first rows of this worksheet (the wizard's sheet choice). */
    lembar: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** A drafted profile (domain exchange/profile.ts ImportProfile), checked by validateProfile. */
    profil: Type.Optional(Type.Unknown()),
    profilId: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Desa name as the file writes it → kode desa chosen among the near matches (or among same-named desa). */
    konfirmasi: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 20 }), { maxProperties: 5000 }),
    ),
  },
  { additionalProperties: false },
);

export const SheetLayoutSchema = Type.Object({
  sheets: Type.Array(Type.String()),
  sheet: Nullable(Type.String()),
  headerRow: Type.Integer(),
  rows: Type.Array(Type.Array(Type.String())),
});

export const NameToConfirmSchema = Type.Object({
  nama: Type.String(),
  rows: Type.Array(Type.Integer()),
  candidates: Type.Array(
    Type.Object({ kode: Type.String(), nama: Type.String(), kecamatan: Type.Optional(Type.String()) }),
  ),
  /** Several desa carry exactly this name: the choice holds for this file only (never kept as an alias). */
  ambiguous: Type.Optional(Type.Boolean()),
});

export const ImportProfileSummarySchema = Type.Object({
  id: Type.Integer(),
  nama: Type.String(),
  kabupaten: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  /** Saved over an older profile of the same name (which is kept as history). */
  versions: Type.Integer(),
});
export type ImportProfileSummaryDto = Static<typeof ImportProfileSummarySchema>;

export const ImportIssueSchema = Type.Object({
  /** Row as the spreadsheet shows it; null for the whole file. */
  row: Nullable(Type.Integer()),
  /** Column header (pembilang, KIA_K4…); null for a whole row or file. */
  column: Nullable(Type.String()),
  /** Stable code, e.g. KODE_UNKNOWN, VALUE_NOT_WHOLE, JUMP (see packages/domain/src/imports/issues.ts). */
  code: Type.String(),
  /** Bahasa Indonesia, shown as is. */
  message: Type.String(),
});

export const ImportCountsSchema = Type.Object({
  added: Type.Integer({ description: 'sel baru' }),
  changed: Type.Integer({ description: 'sel yang berubah (termasuk sel simulasi yang menjadi data nyata)' }),
  unchanged: Type.Integer({ description: 'sel yang sudah sama' }),
});

export const ImportSampleSchema = Type.Object({
  row: Type.Integer(),
  kode: Type.String(),
  /** Indicator code, or the sasaran group for a sasaran file. */
  item: Type.String(),
  /** YYYY-MM for values, YYYY for sasaran. */
  period: Type.String(),
  change: Type.Union([Type.Literal('added'), Type.Literal('changed')]),
  oldNumerator: Nullable(Type.Number()),
  oldDenominator: Nullable(Type.Number()),
  oldSimulated: Nullable(Type.Boolean()),
  newNumerator: Type.Number(),
  newDenominator: Nullable(Type.Number()),
});

export const ImportStatusSchema = Type.Union(
  [Type.Literal('invalid'), Type.Literal('preview'), Type.Literal('unchanged'), Type.Literal('imported')],
  {
    description:
      'invalid: ditolak (lihat errors); preview: siap di-commit; unchanged: tidak ada perubahan; imported: tersimpan',
  },
);

export const ImportOutcomeSchema = Type.Object({
  /** Preview id to commit (status preview); null otherwise. */
  previewId: Nullable(Type.String()),
  expiresAt: Nullable(Type.String({ description: 'ISO 8601; pratinjau dihapus sesudahnya' })),
  status: ImportStatusSchema,
  format: Nullable(
    Type.Union([
      Type.Literal('long'),
      Type.Literal('sasaran'),
      Type.Literal('template'),
      Type.Literal('dhis2-json'),
      Type.Literal('dhis2-csv'),
      Type.Literal('adx'),
      Type.Literal('fhir'),
      Type.Literal('profil'),
    ]),
  ),
  target: Nullable(Type.Union([Type.Literal('nilai'), Type.Literal('sasaran')])),
  fileName: Type.String(),
  fileHash: Type.String({ description: 'sha256, hex' }),
  counts: ImportCountsSchema,
  /** At most 500 listed; errorCount is the total. */
  errors: Type.Array(ImportIssueSchema),
  errorCount: Type.Integer(),
  warnings: Type.Array(ImportIssueSchema),
  warningCount: Type.Integer(),
  /** The first changed cells (at most 20). */
  sample: Type.Array(ImportSampleSchema),
  /** data_load id written by a commit. */
  loadId: Nullable(Type.Integer()),
  message: Type.String(),
  template: Nullable(Type.Object({ wilayah: Type.String(), period: Type.String() })),
  /** A spreadsheet in no known format: its first rows for the import wizard (previewId set: map it, then read it again). */
  layout: Type.Optional(Nullable(SheetLayoutSchema)),
  /** The import profile the file was read with. */
  profile: Type.Optional(
    Nullable(Type.Object({ id: Nullable(Type.Integer()), nama: Type.String(), kabupaten: Type.String() })),
  ),
  /**
   * Desa names close to a desa of the area, or carried by several desa (ambiguous): choose one (read again with
   * konfirmasi), never taken silently.
   */
  toConfirm: Type.Optional(Type.Array(NameToConfirmSchema)),
});

/**
 * The phases of an import commit: a stable code (the web shows it in the user's language) and the words the server
 * says it in (Bahasa Indonesia: the CLI's progress line, the `phase` of a progress line).
 */
export const IMPORT_PHASES = {
  read: 'Membaca dan memeriksa berkas',
  compare: 'Menunggu impor lain selesai dan membandingkan dengan data',
  save: 'Menyimpan',
  rollup: 'Memperbarui ringkasan wilayah',
  done: 'Selesai',
} as const;
export type ImportPhase = keyof typeof IMPORT_PHASES;
const IMPORT_PHASE_CODES = Object.keys(IMPORT_PHASES) as ImportPhase[];

/**
 * POST /api/impor/{id}/simpan with `Accept: application/x-ndjson`: the answer is one JSON object per line while the
 * commit runs — its phases, then one result line (the outcome with the status code the JSON answer would have) or
 * one error line (the error body, when the failure came after the first progress line).
 */
export const CommitLineSchema = Type.Union([
  Type.Object({
    type: Type.Literal('progress'),
    /** The phase in Bahasa Indonesia. */
    phase: Type.String(),
    /** Its stable code (IMPORT_PHASES), for a client speaking another language; absent for a phase without one. */
    code: Type.Optional(Type.Union(IMPORT_PHASE_CODES.map((c) => Type.Literal(c)))),
    done: Type.Integer(),
    total: Type.Integer(),
  }),
  Type.Object({ type: Type.Literal('result'), statusCode: Type.Integer(), outcome: ImportOutcomeSchema }),
  Type.Object({
    type: Type.Literal('error'),
    statusCode: Type.Integer(),
    code: Type.String(),
    message: Type.String(),
  }),
]);
export type CommitLine = Static<typeof CommitLineSchema>;

export const ImportIdParamsSchema = Type.Object({ id: Type.String() });

export const LoadRecordSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('demo'), Type.Literal('import'), Type.Literal('undo')]),
  createdAt: Type.String(),
  description: Type.String(),
  simulated: Type.Boolean(),
  oleh: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  fileHash: Nullable(Type.String()),
  target: Nullable(Type.String()),
  added: Type.Integer(),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  warningCount: Type.Integer(),
  status: Type.Union([Type.Literal('done'), Type.Literal('undone')]),
  undoneBy: Nullable(Type.Integer()),
  undoes: Nullable(Type.Integer()),
});

export const LoadListSchema = Type.Array(LoadRecordSchema);

export const UndoResponseSchema = Type.Object({
  undoLoadId: Type.Integer(),
  undoneLoadId: Type.Integer(),
  restored: Type.Integer({ description: 'sel yang dikembalikan' }),
  message: Type.String(),
});

export type TemplateQuery = Static<typeof TemplateQuerySchema>;
export type ImportIssueDto = Static<typeof ImportIssueSchema>;
export type ImportOutcomeDto = Static<typeof ImportOutcomeSchema>;
export type ImportSampleDto = Static<typeof ImportSampleSchema>;
export type LoadRecordDto = Static<typeof LoadRecordSchema>;
export type UndoResponse = Static<typeof UndoResponseSchema>;

/**
 * Headers of every export for other systems (GET /api/exchange/…): the cells in the file (desa × indicator × month;
 * FHIR: wilayah × indicator) and those left out because they hold simulated demo values — exports never carry
 * simulated data, so an export of demo months is an empty (valid) file and these say why.
 */
export const EXPORT_COUNT_HEADERS = { real: 'x-sel-nyata', simulated: 'x-sel-simulasi' } as const;
