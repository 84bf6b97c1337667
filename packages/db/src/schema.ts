// Drizzle schema. Kode wilayah (Kemendagri, with dots) is the key everywhere.
// Geometry is immutable: a boundary import writes a new geometry version; rows are never edited in place.
import { sql } from 'drizzle-orm';
import {
  boolean, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp,
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
export const wilayah = pgTable('wilayah', {
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
}, (t) => [index('wilayah_parent_idx').on(t.parentKode)]);

/** Display geometry of one wilayah, simplified for the zoom at which it is shown as a child of its parent. */
export const wilayahGeometry = pgTable('wilayah_geometry', {
  kode: text('kode').primaryKey().references(() => wilayah.kode),
  /** GeoJSON geometry (Polygon or MultiPolygon, [lng, lat]) as text: it is sent as is, never queried. */
  geojson: text('geojson').notNull(),
  vertexCount: integer('vertex_count').notNull(),
  /** dissolved (built from desa), upstream (upstream layer), desa (the desa's own polygon). */
  origin: text('origin').notNull(),
  importId: integer('import_id').notNull().references(() => boundaryImport.id),
});

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
 */
export const indicatorValue = pgTable('indicator_value', {
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
}, (t) => [primaryKey({ columns: [t.indicator, t.kode, t.year] })]);

/**
 * Every cell an import or an undo changed, with the value before and after: the history of a cell, and what an
 * undo restores. `old_load_id` NULL means the cell did not exist before.
 */
export const indicatorValueChange = pgTable('indicator_value_change', {
  loadId: integer('load_id').notNull().references(() => dataLoad.id),
  indicator: text('indicator').notNull(),
  kode: text('kode').notNull(),
  year: integer('year').notNull(),
  month: integer('month').notNull(),
  oldNumerator: integer('old_numerator'),
  oldDenominator: integer('old_denominator'),
  oldLoadId: integer('old_load_id'),
  oldSimulated: boolean('old_simulated'),
  newNumerator: integer('new_numerator'),
  newDenominator: integer('new_denominator'),
}, (t) => [
  primaryKey({ columns: [t.loadId, t.indicator, t.kode, t.year, t.month] }),
  index('indicator_value_change_cell_idx').on(t.indicator, t.kode, t.year, t.month),
]);

/** Target population of one desa for one year and sasaran group, with where the number comes from. */
export const sasaran = pgTable('sasaran', {
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
  loadId: integer('load_id').notNull().references(() => dataLoad.id),
}, (t) => [
  primaryKey({ columns: [t.kode, t.year, t.group] }),
  // The values route reads one group and year for all desa under a wilayah.
  index('sasaran_group_year_kode_idx').on(t.group, t.year, t.kode),
]);

/** Every sasaran row an import or an undo changed, with its value before (NULL old_load_id: did not exist). */
export const sasaranChange = pgTable('sasaran_change', {
  loadId: integer('load_id').notNull().references(() => dataLoad.id),
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
}, (t) => [primaryKey({ columns: [t.loadId, t.kode, t.year, t.group] })]);

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
});
