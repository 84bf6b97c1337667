// What a parsed file holds: validated cells ready to diff against the database, and every issue found.
import type {
  DesaAlias,
  ImportFormat,
  ImportIssue,
  ImportProfile,
  KodeCrosswalk,
  NameToConfirm,
  SasaranKind,
  YearMonth,
} from '@peta/domain';

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
  /** A spreadsheet in no known format and no profile for it: its first rows, for the import wizard to map. */
  layout?: SheetLayout;
  /** The import profile the file was read with. */
  profile?: { id: number | null; nama: string; kabupaten: string };
  /** Desa names to ask about (near, or carried by several desa): the user answers in reading.konfirmasi. */
  toConfirm?: NameToConfirm[];
}

/** The first rows of a sheet as text, for the wizard (bounded: LAYOUT_LIMITS). */
export interface SheetLayout {
  /** Worksheets of an XLSX (empty for CSV) and the one shown. */
  sheets: string[];
  sheet: string | null;
  /** The first non-empty row (1-based): the likely header. */
  headerRow: number;
  rows: string[][];
}

export const LAYOUT_LIMITS = { rows: 30, columns: 80, chars: 100 } as const;

/** How a file is read beyond its own content: stored with the preview, so the commit reads it the same way. */
export interface ReadingOptions {
  /** Read with this profile (chosen or drafted in the wizard) instead of recognising the format. */
  profile?: ImportProfile;
  profileId?: number | null;
  /** Desa name as the file writes it → the kode the user confirmed among the near matches. */
  konfirmasi?: Readonly<Record<string, string>>;
  /** Without a profile: the worksheet whose first rows the wizard shows. */
  lembar?: string;
}

/** What the rules need to know beyond the file: the clock and the wilayah codes in the database. */
export interface ParseContext {
  today: YearMonth;
  /** Every kode wilayah in the database (all levels). */
  kodes: ReadonlySet<string>;
  /** Their names in words ("Kabupaten Labuhanbatu"), so that messages name a wilayah rather than give a bare code. */
  names?: ReadonlyMap<string, string>;
  /** How to read the file (profile, confirmed names). */
  reading?: ReadingOptions;
  /** Saved profiles of the importer's area: a file in no known format whose header signature matches one is read with it. */
  profiles?: readonly { id: number; profile: ImportProfile }[];
  /** Desa names confirmed earlier (desa_alias). */
  aliases?: readonly DesaAlias[];
  /** Old kode → new kode (default: the 2022–2023 Papua provinces, imports/crosswalk/). */
  crosswalk?: KodeCrosswalk;
}

/** "Kabupaten Labuhanbatu (12.10)": the name a user knows, the code kept for support; the code alone when unknown. */
export function wilayahName(ctx: ParseContext, kode: string, fallback = kode): string {
  const nama = ctx.names?.get(kode);
  return nama ? `${nama} (${kode})` : fallback;
}

export const emptyParse = (errors: ImportIssue[], format: ImportFormat | null = null): ParsedImport => ({
  format,
  errors,
  warnings: [],
  values: [],
  sasaran: [],
});
