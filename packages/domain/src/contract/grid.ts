// HTTP contract for entry in the browser (issue 19 item 5): the grid of desa × indicators for one month, read with the
// stored values and saved as ONE import through the validated, all-or-nothing pipeline (history, undo). Each cell
// carries the value its user saw (`base`): a cell someone else changed since is a 409 with both values, never
// overwritten.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ErrorSchema } from './wilayah.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** The most cells one save may carry (a puskesmas of 40 desa × 50 indicators × 2 is 4,000). */
export const GRID_MAX_CELLS = 10_000;

export const GridQuerySchema = Type.Object({
  periode: Type.String({ description: 'Bulan TTTT-BB', examples: ['2026-10'] }),
  wilayah: Type.Optional(Type.String({ description: 'Kode kecamatan: desanya menjadi baris', examples: ['12.10.09'] })),
  puskesmas: Type.Optional(
    Type.String({ description: 'Kode puskesmas: desa wilayah kerjanya hari ini menjadi baris', examples: ['1010453'] }),
  ),
  indikator: Type.String({ description: 'Kode indikator dipisah koma', examples: ['KIA_K4,KIA_K1'] }),
});

/** Null first: the API coerces request types, and `[integer, null]` would read a null as 0. */
const NullFirst = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
const StoredPairSchema = Type.Object({
  numerator: NullFirst(Type.Integer({ minimum: 0 })),
  denominator: NullFirst(Type.Integer({ minimum: 0 })),
});

export const GridSchema = Type.Object({
  area: Type.Object({
    kind: Type.Union([Type.Literal('kecamatan'), Type.Literal('puskesmas')]),
    kode: Type.String(),
    nama: Type.String(),
  }),
  period: Type.String(),
  desa: Type.Array(Type.Object({ kode: Type.String(), nama: Type.String() })),
  indicators: Type.Array(Type.String()),
  /** Stored cells only (no report: no entry). */
  cells: Type.Array(
    Type.Object({
      kode: Type.String(),
      indicator: Type.String(),
      numerator: Nullable(Type.Integer()),
      denominator: Nullable(Type.Integer()),
      simulated: Type.Boolean({ description: 'nilai contoh (simulasi), belum data nyata' }),
    }),
  ),
});

export const GridSaveCellSchema = Type.Object({
  kode: Type.String({ maxLength: 20 }),
  indicator: Type.String({ maxLength: 40 }),
  /** As typed (1.234, 12,0): read by the import rules. */
  numerator: Type.String({ maxLength: 40 }),
  /** '' when the indicator's denominator is a sasaran. */
  denominator: Type.String({ maxLength: 40 }),
  /** The stored value the user saw when typing (null: none). */
  base: StoredPairSchema,
});

export const GridSaveBodySchema = Type.Object({
  period: Type.String({ description: 'Bulan TTTT-BB', examples: ['2026-10'] }),
  /** The grid's area (kecamatan kode or puskesmas kode), for the load's name in the history. */
  area: Type.String({ maxLength: 40, pattern: '^[0-9A-Za-z.]+$' }),
  cells: Type.Array(GridSaveCellSchema, { minItems: 1, maxItems: GRID_MAX_CELLS }),
});

export const GridConflictSchema = Type.Object({
  kode: Type.String(),
  indicator: Type.String(),
  period: Type.String(),
  base: StoredPairSchema,
  current: Type.Composite([
    StoredPairSchema,
    Type.Object({ loadId: Nullable(Type.Integer()), oleh: Nullable(Type.String()) }),
  ]),
  mine: StoredPairSchema,
});

export const GridConflictErrorSchema = Type.Composite([
  ErrorSchema,
  Type.Object({ conflicts: Type.Array(GridConflictSchema) }),
]);

/** What the grid service reads: the query of GET /api/impor/isian in code words (docs/ARCHITECTURE.md "Names"). */
export interface GridQuery {
  period: string;
  wilayah?: string;
  puskesmas?: string;
  indicators: string;
}
export type GridDto = Static<typeof GridSchema>;
export type GridSaveCell = Static<typeof GridSaveCellSchema>;
export type GridSaveBody = Static<typeof GridSaveBodySchema>;
export type GridConflict = Static<typeof GridConflictSchema>;
export type GridConflictError = Static<typeof GridConflictErrorSchema>;
