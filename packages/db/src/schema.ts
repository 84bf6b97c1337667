// Drizzle schema. Kode wilayah (Kemendagri, with dots) is the key everywhere.
// Geometry is immutable: a boundary import writes a new geometry version; rows are never edited in place.
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** One run of the boundary importer: where it read from, what it found, and the geometry version it wrote. */
export const boundaryImport = pgTable('boundary_import', {
  id: serial('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  source: text('source').notNull(),
  /** Provinces whose desa/kelurahan layer was loaded ("12,21,92" or "all"). */
  desaProvinsi: text('desa_provinsi').notNull(),
  /** Content hash of the written geometry; part of every geometry URL so browsers cache it forever. */
  geometryVersion: text('geometry_version').notNull(),
  /** Counts, codes missing on either side of the official list, invalid polygons... */
  report: jsonb('report').notNull().default(sql`'{}'::jsonb`),
});

/** Every provinsi, kabupaten/kota, kecamatan and desa/kelurahan known from the official code list or the boundaries. */
export const wilayah = pgTable(
  'wilayah',
  {
    kode: text('kode').primaryKey(),
    nama: text('nama').notNull(),
    /** provinsi | kabupaten | kecamatan | desa */
    tingkat: text('tingkat').notNull(),
    parentKode: text('parent_kode'),
    /** [minLng, minLat, maxLng, maxLat] of the geometry, or null when the area has no polygon. */
    bbox: doublePrecision('bbox').array(),
    /** A point inside the polygon for labels (the upstream centroid can lie outside). */
    labelLng: doublePrecision('label_lng'),
    labelLat: doublePrecision('label_lat'),
    hasGeometry: boolean('has_geometry').notNull().default(false),
    /** In the idn-area-data code list (false: only in the boundary files). */
    inCodeList: boolean('in_code_list').notNull().default(true),
    childCount: integer('child_count').notNull().default(0),
    importId: integer('import_id').references(() => boundaryImport.id),
  },
  (t) => [index('wilayah_parent_idx').on(t.parentKode)],
);

/** Display geometry of one wilayah, simplified for the zoom at which it is shown as a child of its parent. */
export const wilayahGeometry = pgTable('wilayah_geometry', {
  kode: text('kode')
    .primaryKey()
    .references(() => wilayah.kode),
  /** GeoJSON geometry (Polygon or MultiPolygon, [lng, lat]) as text: it is sent as is, never queried. */
  geojson: text('geojson').notNull(),
  vertexCount: integer('vertex_count').notNull(),
  /** dissolved (built from desa), upstream (upstream layer), desa (the desa's own polygon). */
  origin: text('origin').notNull(),
  importId: integer('import_id')
    .notNull()
    .references(() => boundaryImport.id),
});

/**
 * The boundary vector tiles of one import (MVT, gzip-compressed as served): every desa polygon with its kode and the
 * provinsi/kabupaten/kecamatan lines, for the "Semua desa" map. Written in the import's transaction; a tile URL
 * carries the geometry version, so a tile is read joined to its import (never a tile of another version).
 */
export const boundaryTile = pgTable(
  'boundary_tile',
  {
    z: integer('z').notNull(),
    x: integer('x').notNull(),
    y: integer('y').notNull(),
    data: bytea('data').notNull(),
    importId: integer('import_id')
      .notNull()
      .references(() => boundaryImport.id),
  },
  (t) => [primaryKey({ columns: [t.z, t.x, t.y] })],
);

// ---- Indicators (issue 5) -------------------------------------------------------------------------
// Counts, never percentages: coverage is always Σ numerator ÷ Σ denominator at read time.
// `kode` columns are COLLATE "C" (set in the migration) so `kode LIKE '12.10.%'` uses the index
// whatever the server's default collation.

/**
 * A data load: the demo generator, a user's import, or the undo of an import. Every value cell and sasaran row
 * points at the load that wrote it, and every cell an import or undo changed is kept in *_change with its old
 * value, so history is complete and an undo restores exactly what was there.
 */
export const dataLoad = pgTable('data_load', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(), // 'demo' | 'import' | 'undo'
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  description: text('description').notNull(),
  simulated: boolean('simulated').notNull(),
  /** Seed, assumptions, counts — whatever explains the rows. */
  details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
  /** Who loaded it (`--oleh`, API field `oleh`; default the OS user or "anonim"). */
  oleh: text('oleh'),
  fileName: text('file_name'),
  /** sha256 of the uploaded bytes, hex. */
  fileHash: text('file_hash'),
  /** 'nilai' (indicator values) | 'sasaran' */
  target: text('target'),
  added: integer('added').notNull().default(0),
  changed: integer('changed').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  /** Warnings that were imported and flagged: [{row, column, code, message}]. */
  warnings: jsonb('warnings').notNull().default(sql`'[]'::jsonb`),
  /** 'done' | 'undone' (an undo load points at the import it undid through `undoes`). */
  status: text('status').notNull().default('done'),
  /** The undo load that reverted this import. */
  undoneBy: integer('undone_by'),
  /** For kind 'undo': the import it reverted. */
  undoes: integer('undoes'),
});

/**
 * Monthly counts of one desa × indicator × year: element m−1 of each array is month m.
 * A NULL element means "no report for that month", never zero. One row per year (not per month) keeps the
 * demo region at ~0.3 M rows instead of 3 M, and a year is exactly what every period query reads.
 * Provenance is per cell (desa × indicator × month): `month_load_ids[m]` is the load that wrote month m (NULL:
 * never written) and `month_simulated[m]` whether that cell is simulated, so importing real October numbers
 * makes October real while the other months stay simulated.
 * Stored with fillfactor 50 (migration 0011, which drizzle cannot state here): an import's update of a row fits on
 * its page and is done in place without touching the primary key index.
 */
export const indicatorValue = pgTable(
  'indicator_value',
  {
    indicator: text('indicator').notNull(),
    kode: text('kode').notNull(),
    year: integer('year').notNull(),
    /** 12 numerators (persons or events counted in the month). */
    numerators: integer('numerators').array().notNull(),
    /** 12 counted denominators for indicators that have their own; NULL for sasaran-based indicators. */
    denominators: integer('denominators').array(),
    /** 12 data_load ids: the load that wrote each month. */
    monthLoadIds: integer('month_load_ids').array().notNull(),
    /** 12 flags: the cell of that month is simulated. */
    monthSimulated: boolean('month_simulated').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicator, t.kode, t.year] })],
);

/**
 * The history of the value cells: every cell an import or an undo changed, with the value before and after — what an
 * undo restores. One row per load × desa × year holds every cell of that desa and year the load changed, as parallel
 * arrays (element i of each array is one cell: indicator i, month i, its old and new numbers), so a national month
 * writes one row per desa (~84,000) instead of one per cell (1.7 M), and a puskesmas' monthly file one per desa of its
 * area. An element of `old_load_ids` NULL means that cell did not exist before. Every reader asks for one load (undo,
 * the desa a load changed, the small-count protection of what it touched): the primary key is the only index.
 */
export const indicatorValueHistory = pgTable(
  'indicator_value_history',
  {
    loadId: integer('load_id')
      .notNull()
      .references(() => dataLoad.id),
    kode: text('kode').notNull(),
    year: integer('year').notNull(),
    /** The changed cells' indicators, one element per cell (arrays below: the same cell at the same place). */
    indicators: text('indicators').array().notNull(),
    /** The changed cells' months (1–12). */
    months: integer('months').array().notNull(),
    oldNumerators: integer('old_numerators').array().notNull(),
    oldDenominators: integer('old_denominators').array().notNull(),
    oldLoadIds: integer('old_load_ids').array().notNull(),
    oldSimulatedFlags: boolean('old_simulated_flags').array().notNull(),
    newNumerators: integer('new_numerators').array().notNull(),
    newDenominators: integer('new_denominators').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.loadId, t.kode, t.year] })],
);

/** Target population of one desa for one year and sasaran group, with where the number comes from. */
export const sasaran = pgTable(
  'sasaran',
  {
    kode: text('kode').notNull(),
    year: integer('year').notNull(),
    group: text('group').notNull(),
    /** Unrounded when estimated (e.g. 1.10 × CBR × penduduk); whole persons when from a register. */
    value: doublePrecision('value').notNull(),
    /** 'estimate' | 'register' */
    kind: text('kind').notNull(),
    /** e.g. "estimate:proportional:penduduk-desa-simulasi:2025" */
    method: text('method').notNull(),
    simulated: boolean('simulated').notNull(),
    loadId: integer('load_id')
      .notNull()
      .references(() => dataLoad.id),
  },
  (t) => [
    primaryKey({ columns: [t.kode, t.year, t.group] }),
    // The values route reads one group and year for all desa under a wilayah.
    index('sasaran_group_year_kode_idx').on(t.group, t.year, t.kode),
  ],
);

/** Every sasaran row an import or an undo changed, with its value before (NULL old_load_id: did not exist). */
export const sasaranChange = pgTable(
  'sasaran_change',
  {
    loadId: integer('load_id')
      .notNull()
      .references(() => dataLoad.id),
    kode: text('kode').notNull(),
    year: integer('year').notNull(),
    group: text('group').notNull(),
    oldValue: doublePrecision('old_value'),
    oldKind: text('old_kind'),
    oldMethod: text('old_method'),
    oldSimulated: boolean('old_simulated'),
    oldLoadId: integer('old_load_id'),
    newValue: doublePrecision('new_value'),
    newKind: text('new_kind'),
    newMethod: text('new_method'),
  },
  (t) => [primaryKey({ columns: [t.loadId, t.kode, t.year, t.group] })],
);

/**
 * Roll-ups kept at write time: for every wilayah above desa (kode '' = Indonesia) × indicator × year, the sums of its
 * desa that every period's value is computed from (packages/domain rollup-sums.ts says which sums and how a value is
 * judged from them). Kept in the same transaction as every import, undo and demo load, for the ancestors of the desa
 * that changed only (server-core values/rollup-upkeep.ts), so a view reads one row per child, not every desa under it.
 * Arrays by month (element m − 1 = month m) and a triangle of 78 cells (last month t × last reported month k ≤ t),
 * kept only for the indicators whose period rule reads it (domain keptTriangles: `last_num` for 'point' indicators,
 * `last_den` also for an annual denominator) and NULL for the others — the triangles are ~1 KB of a ~1.5 KB row, and
 * an import rewrites every row it touches, so a smaller row means fewer pages written (docs/measurements.md).
 */
export const valueRollup = pgTable(
  'value_rollup',
  {
    indicator: text('indicator').notNull(),
    year: integer('year').notNull(),
    kode: text('kode').notNull(),
    num: integer('num').array().notNull(),
    den: doublePrecision('den').array().notNull(),
    reports: integer('reports').array().notNull(),
    reportsWithDen: integer('reports_with_den').array().notNull(),
    simulated: integer('simulated').array().notNull(),
    /** NULL unless keptTriangles(indicator).lastNum (read as zeros). */
    lastNum: integer('last_num').array(),
    /** NULL unless keptTriangles(indicator).lastDen (read as zeros). */
    lastDen: doublePrecision('last_den').array(),
    /**
     * The data_load that last changed a desa under this wilayah for this indicator and year: the version of every
     * answer about its children (values cache key and ETag), so an import elsewhere leaves it alone.
     */
    loadId: integer('load_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kode, t.indicator, t.year] })],
);

/**
 * An uploaded file waiting for commit: the bytes are kept so the commit re-reads and re-validates them inside
 * the import lock (the state may have changed since the preview), and so a preview survives a restart.
 */
export const importPreview = pgTable('import_preview', {
  id: text('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  fileName: text('file_name').notNull(),
  fileHash: text('file_hash').notNull(),
  oleh: text('oleh').notNull(),
  bytes: bytea('bytes').notNull(),
  /** The preview answer (counts, errors, warnings, sample) as shown. */
  summary: jsonb('summary').notNull(),
  /** The data_load written by the commit (a second commit answers with it). */
  committedLoadId: integer('committed_load_id'),
  /** How the file is read: an import profile, desa names confirmed in the preview (the commit reads it the same way). */
  options: jsonb('options').notNull().default(sql`'{}'::jsonb`),
});

/**
 * An import profile (issue 19): how a spreadsheet in no known format is read (domain exchange/profile.ts), named per
 * kabupaten. Never edited in place: saving a profile of the same name writes a new row and marks the old one
 * replaced, so who mapped what, when, stays visible.
 */
export const importProfile = pgTable(
  'import_profile',
  {
    id: serial('id').primaryKey(),
    kabupaten: text('kabupaten').notNull(),
    nama: text('nama').notNull(),
    /** Header signature of the files it reads: a later file with the same header picks it. */
    signature: text('signature').notNull(),
    /** The profile as its JSON file holds it. */
    definition: jsonb('definition').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    replacedBy: text('replaced_by'),
  },
  (t) => [
    uniqueIndex('import_profile_current_idx')
      .on(t.kabupaten, sql`lower(${t.nama})`)
      .where(sql`${t.replacedAt} is null`),
    index('import_profile_signature_idx').on(t.kabupaten, t.signature),
  ],
);

/**
 * A desa name a user confirmed in an import preview (a near match): inside `wilayah` (the profile's kabupaten) the
 * name means this desa, so the next file with it matches at once. `nama_key` is desaNameKey(nama).
 */
export const desaAlias = pgTable(
  'desa_alias',
  {
    id: serial('id').primaryKey(),
    wilayah: text('wilayah').notNull(),
    namaKey: text('nama_key').notNull(),
    nama: text('nama').notNull(),
    kode: text('kode').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The import whose commit confirmed it. */
    loadId: integer('load_id'),
  },
  (t) => [uniqueIndex('desa_alias_key_idx').on(t.wilayah, t.namaKey)],
);

// ---- Puskesmas and the ILP roll-out (issue 7) -------------------------------------------------------
// Nothing here is overwritten without history: every edit of a wilayah kerja, stage, wave or readiness answer
// is a `rollout_event` (who, when, before, after) and the rows it changes point at that event.

/** A recorded change in the roll-out data: the audit trail of the planner. */
export const rolloutEvent = pgTable(
  'rollout_event',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    oleh: text('oleh').notNull(),
    /** 'puskesmas' | 'wilayah_kerja' | 'tahap' | 'gelombang' | 'kesiapan' | 'fasilitas' | 'seed' */
    kind: text('kind').notNull(),
    puskesmasKode: text('puskesmas_kode'),
    kabupatenKode: text('kabupaten_kode'),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
    simulated: boolean('simulated').notNull().default(false),
  },
  (t) => [
    index('rollout_event_puskesmas_idx').on(t.puskesmasKode),
    index('rollout_event_kabupaten_idx').on(t.kabupatenKode),
  ],
);

/** A puskesmas. Seeded from the Komdat list (kode = its kode_instansi); users may add more. */
export const puskesmas = pgTable(
  'puskesmas',
  {
    kode: text('kode').primaryKey(),
    nama: text('nama').notNull(),
    kabupatenKode: text('kabupaten_kode').notNull(),
    /** 'komdat-2022' | 'pengguna' */
    sumber: text('sumber').notNull(),
    /** Kemenkes kode puskesmas (P…) when known. */
    kodeKemenkes: text('kode_kemenkes'),
    rawatInap: boolean('rawat_inap'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    aktif: boolean('aktif').notNull().default(true),
  },
  (t) => [index('puskesmas_kabupaten_idx').on(t.kabupatenKode)],
);

/**
 * Wilayah kerja over time: desa `desa_kode` belongs to the puskesmas from `valid_from` (inclusive) to `valid_to`
 * (exclusive; NULL = still). A desa is in at most one puskesmas at a time: at most one open row per desa
 * (unique index) and, for closed rows, the application closes the old row on the day the new one starts.
 */
export const puskesmasWilayah = pgTable(
  'puskesmas_wilayah',
  {
    id: serial('id').primaryKey(),
    puskesmasKode: text('puskesmas_kode')
      .notNull()
      .references(() => puskesmas.kode),
    desaKode: text('desa_kode').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    /** false: proposed by the importer from names (§7.3), not yet confirmed by the dinkes. */
    confirmed: boolean('confirmed').notNull().default(false),
    eventId: integer('event_id')
      .notNull()
      .references(() => rolloutEvent.id),
  },
  (t) => [
    index('puskesmas_wilayah_puskesmas_idx').on(t.puskesmasKode),
    index('puskesmas_wilayah_desa_idx').on(t.desaKode, t.validFrom),
    uniqueIndex('puskesmas_wilayah_open_desa_idx').on(t.desaKode).where(sql`valid_to IS NULL`),
  ],
);

/** ILP stage history of a puskesmas (stages 0..6 of packages/domain rollout/stages.ts). */
export const ilpStage = pgTable(
  'ilp_stage',
  {
    id: serial('id').primaryKey(),
    puskesmasKode: text('puskesmas_kode')
      .notNull()
      .references(() => puskesmas.kode),
    stage: text('stage').notNull(),
    date: date('date').notNull(),
    evidence: text('evidence').notNull().default(''),
    skNumber: text('sk_number'),
    simulated: boolean('simulated').notNull().default(false),
    eventId: integer('event_id')
      .notNull()
      .references(() => rolloutEvent.id),
  },
  (t) => [index('ilp_stage_puskesmas_idx').on(t.puskesmasKode, t.date)],
);

/** A roll-out wave (gelombang) of one kabupaten/kota and year, with its target count. */
export const ilpWave = pgTable(
  'ilp_wave',
  {
    id: serial('id').primaryKey(),
    kabupatenKode: text('kabupaten_kode').notNull(),
    nama: text('nama').notNull(),
    tahun: integer('tahun').notNull(),
    target: integer('target').notNull(),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    /** 'berita' (count reported in the news) | 'simulasi' | 'pengguna' */
    basis: text('basis').notNull(),
    note: text('note').notNull().default(''),
    simulated: boolean('simulated').notNull().default(false),
    eventId: integer('event_id')
      .notNull()
      .references(() => rolloutEvent.id),
  },
  (t) => [index('ilp_wave_kabupaten_idx').on(t.kabupatenKode, t.tahun)],
);

export const ilpWaveMember = pgTable(
  'ilp_wave_member',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => ilpWave.id),
    puskesmasKode: text('puskesmas_kode')
      .notNull()
      .references(() => puskesmas.kode),
    /** The proposal's rank and reason when the wave was saved from a proposal. */
    rank: integer('rank'),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.puskesmasKode] })],
);

/** The current answer of one readiness item (form items of rollout/readiness.ts); history in rollout_event. */
export const readinessAnswer = pgTable(
  'readiness_answer',
  {
    puskesmasKode: text('puskesmas_kode')
      .notNull()
      .references(() => puskesmas.kode),
    item: text('item').notNull(),
    value: boolean('value').notNull(),
    simulated: boolean('simulated').notNull().default(false),
    eventId: integer('event_id')
      .notNull()
      .references(() => rolloutEvent.id),
  },
  (t) => [primaryKey({ columns: [t.puskesmasKode, t.item] })],
);

/** Puskesmas pembantu attached to a desa (counts of staff are enough where no more is known). */
export const pustu = pgTable(
  'pustu',
  {
    id: serial('id').primaryKey(),
    desaKode: text('desa_kode').notNull(),
    nama: text('nama'),
    perawat: integer('perawat').notNull().default(0),
    bidan: integer('bidan').notNull().default(0),
    simulated: boolean('simulated').notNull().default(false),
    eventId: integer('event_id')
      .notNull()
      .references(() => rolloutEvent.id),
  },
  (t) => [index('pustu_desa_idx').on(t.desaKode)],
);

export const posyandu = pgTable(
  'posyandu',
  {
    id: serial('id').primaryKey(),
    desaKode: text('desa_kode').notNull(),
    nama: text('nama'),
    /** Dusun or RW, free text. */
    lokasi: text('lokasi'),
    /** SK as Lembaga Kemasyarakatan Desa/Kelurahan. */
    sk: boolean('sk').notNull().default(false),
    kader: integer('kader').notNull().default(0),
    kaderTersertifikasi: integer('kader_tersertifikasi').notNull().default(0),
    simulated: boolean('simulated').notNull().default(false),
    eventId: integer('event_id')
      .notNull()
      .references(() => rolloutEvent.id),
  },
  (t) => [index('posyandu_desa_idx').on(t.desaKode)],
);

// ---- Meetings and actions (issue 8) --------------------------------------------------------------------

/** A Lokakarya Mini or other coordination meeting about one wilayah (kecamatan/desa kode or a puskesmas). */
export const meeting = pgTable(
  'meeting',
  {
    id: serial('id').primaryKey(),
    /** 'lokmin_bulanan' | 'lokmin_tribulanan' | 'lintas_sektor' | 'lainnya' */
    jenis: text('jenis').notNull(),
    tanggal: date('tanggal').notNull(),
    wilayahKode: text('wilayah_kode'),
    puskesmasKode: text('puskesmas_kode'),
    judul: text('judul').notNull(),
    /** [{ nama, peran }] free text. */
    peserta: jsonb('peserta').notNull().default(sql`'[]'::jsonb`),
    /** The period the agenda was generated for, e.g. 2026-01..2026-09. */
    periode: text('periode').notNull(),
    /** The agenda as generated (a snapshot: the meeting shows what was discussed even if data change later). */
    agenda: jsonb('agenda').notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    oleh: text('oleh').notNull(),
  },
  (t) => [index('meeting_wilayah_idx').on(t.wilayahKode, t.tanggal)],
);

/** Notes per agenda item; an edit is a new row that supersedes the previous one (history kept). */
export const meetingNote = pgTable(
  'meeting_note',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id),
    itemKey: text('item_key').notNull(),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    oleh: text('oleh').notNull(),
    supersedes: integer('supersedes'),
  },
  (t) => [index('meeting_note_meeting_idx').on(t.meetingId, t.itemKey)],
);

/** Rencana tindak lanjut: pinned to a desa and an indicator, followed up at the next meetings. */
export const meetingAction = pgTable(
  'meeting_action',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id),
    desaKode: text('desa_kode').notNull(),
    indicator: text('indicator').notNull(),
    apa: text('apa').notNull(),
    siapa: text('siapa').notNull(),
    tenggat: date('tenggat'),
    /** 'terbuka' | 'selesai' | 'batal' */
    status: text('status').notNull().default('terbuka'),
    /** The indicator's value when the action was agreed: { periode, numerator, denominator, coverage }. */
    baseline: jsonb('baseline').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    oleh: text('oleh').notNull(),
  },
  (t) => [index('meeting_action_desa_idx').on(t.desaKode), index('meeting_action_meeting_idx').on(t.meetingId)],
);

/** Every edit of an action (status, who, deadline…): before and after. */
export const meetingActionChange = pgTable('meeting_action_change', {
  id: serial('id').primaryKey(),
  actionId: integer('action_id')
    .notNull()
    .references(() => meetingAction.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  oleh: text('oleh').notNull(),
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
});

// ---- Accounts, sessions and the audit log (issue 9) ------------------------------------------------------
// Users are never deleted (the audit log points at them); they are deactivated. Role and scope rules live in
// packages/domain access/; this is only where they are kept.

/** A person who signs in. `scope_kode` = a kode wilayah prefix ('' = all Indonesia); `scope_puskesmas` = a wilayah kerja. */
export const appUser = pgTable(
  'app_user',
  {
    id: serial('id').primaryKey(),
    /** Lower-case login name, unique. */
    username: text('username').notNull(),
    nama: text('nama').notNull(),
    /** 'admin' | 'dinkes_provinsi' | 'dinkes_kabupaten' | 'puskesmas' | 'camat' | 'kepala_desa' | 'viewer' */
    role: text('role').notNull(),
    scopeKode: text('scope_kode'),
    scopePuskesmas: text('scope_puskesmas').references(() => puskesmas.kode),
    /** argon2id (PHC string) from @node-rs/argon2. */
    passwordHash: text('password_hash').notNull(),
    /** Set when an admin resets the password: the user is asked to choose a new one. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    aktif: boolean('aktif').notNull().default(true),
    /** A demo account (created by the demo start, listed on the sign-in page of a demo). */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('app_user_username_idx').on(t.username)],
);

/** A signed-in browser. The cookie carries a random token; only its SHA-256 is stored. */
export const appSession = pgTable(
  'app_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id),
    /** Synchronizer token: every write must send it back in the x-csrf-token header. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('app_session_user_idx').on(t.userId)],
);

/** Every sign-in (also failed ones), sign-out and write request: who, what, on which wilayah, with what result. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => appUser.id),
    /** The name typed at sign-in, or the user's username. */
    username: text('username'),
    /** 'masuk' | 'masuk_gagal' | 'keluar' | 'tulis' | 'pengguna' | 'sandi' | 'retensi' (server-core accounts/retention.ts) */
    action: text('action').notNull(),
    method: text('method'),
    path: text('path'),
    status: integer('status'),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_username_idx').on(t.username, t.at)],
);

/**
 * Failed sign-ins per client address × login name (issue 14): after a few, that pair waits longer and longer before
 * its next attempt. Only the pair waits, so someone guessing a password slows himself down without locking the real
 * user (at another address) out; a successful sign-in lifts it for the pair, a password reset for every address.
 * Kept in the database so that several API processes share it.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    /** The client address (an IPv6 address as its /64: one machine holds a whole /64). */
    address: text('address').notNull(),
    /** The login name as typed (normalised), known or not: the answer must not tell which names exist. */
    username: text('username').notNull(),
    /** Consecutive failures of the pair; counted from 1 again after a quiet day. */
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    /** No attempt of the pair is checked before this time (429 with Retry-After). */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.username] }), index('sign_in_throttle_username_idx').on(t.username)],
);

/**
 * Requests per client address in a fixed window (the sign-in route's limit, SIGN_IN_LIMIT_PER_MINUTE): the store of
 * @fastify/rate-limit, kept in the database so that every API process behind the proxy counts the same requests —
 * a limit counted per process would grow with the number of processes. One row per route × address; the retention
 * purge deletes rows whose window has ended (an address is personal data).
 */
export const requestRate = pgTable(
  'request_rate',
  {
    /** The limited route and the client address, e.g. `POST /api/auth/masuk 203.0.113.9`. */
    key: text('key').primaryKey(),
    /** The window counts from here (the database's clock: API processes on several machines may disagree). */
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    requests: integer('requests').notNull(),
  },
  (t) => [index('request_rate_window_start_idx').on(t.windowStart)],
);
