// What a parsed file holds: validated cells ready to diff against the database, and every issue found.
import type { ImportFormat, ImportIssue, SasaranKind, YearMonth } from '@peta/domain';

/** One desa × indicator × month from the file. */
export interface ValueCell {
  row: number;
  /** Column of the numerator (for warnings on this cell). */
  column: string;
  indicator: string;
  kode: string;
  year: number;
  month: number;
  numerator: number;
  denominator: number | null;
}

/** One desa × sasaran group × year from the file. */
export interface SasaranRow {
  row: number;
  kode: string;
  year: number;
  group: string;
  value: number;
  kind: SasaranKind;
  /** The file's `sumber`, stored as the method. */
  method: string;
}

export interface ParsedImport {
  format: ImportFormat | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  values: ValueCell[];
  sasaran: SasaranRow[];
  /** The template's header block. */
  template?: { wilayah: string; period: string };
  /** SHA-256 of the file, when the reader computed it (the API's parse workers do, off the event loop). */
  fileHash?: string;
}

/** What the rules need to know beyond the file: the clock and the wilayah codes in the database. */
export interface ParseContext {
  today: YearMonth;
  /** Every kode wilayah in the database (all levels). */
  kodes: ReadonlySet<string>;
  /** Their names in words ("Kabupaten Labuhanbatu"), so that messages name a wilayah rather than give a bare code. */
  names?: ReadonlyMap<string, string>;
}

/** "Kabupaten Labuhanbatu (12.10)": the name a user knows, the code kept for support; the code alone when unknown. */
export function wilayahName(ctx: ParseContext, kode: string, fallback = kode): string {
  const nama = ctx.names?.get(kode);
  return nama ? `${nama} (${kode})` : fallback;
}

export const emptyParse = (errors: ImportIssue[], format: ImportFormat | null = null): ParsedImport =>
  ({ format, errors, warnings: [], values: [], sasaran: [] });
