// How much of an uploaded file the readers will take: rows, columns, cells and (for .xlsx) bytes after unzipping.
// Every limit is checked while reading, so a hostile file is refused after reading at most that much, and the
// message names the limit and the variable that sets it (apps/api/src/config.ts reads them from the environment).
import { formatByteSize, formatCountId } from '@peta/domain';
import { fileError } from './sheet.ts';
import type { ImportIssue } from '@peta/domain';

export interface ReadLimits {
  /** The last spreadsheet row that holds a value. */
  maxRows: number;
  /** The last column that holds a value (CSV: fields per line). */
  maxColumns: number;
  /** Cells held in memory: per row, up to its last cell with a value, summed over the rows. */
  maxCells: number;
  /** .xlsx: bytes of the parts read (sheet, shared strings, styles…) once decompressed. */
  maxUnzippedBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 200_000,
  maxColumns: 250,
  maxCells: 2_000_000,
  maxUnzippedBytes: 100 * 1024 * 1024,
};

/** The environment variable behind each limit (named in messages, documented in README "Keamanan"). */
export const LIMIT_VARIABLES: Record<keyof ReadLimits, string> = {
  maxRows: 'IMPORT_MAX_ROWS',
  maxColumns: 'IMPORT_MAX_COLUMNS',
  maxCells: 'IMPORT_MAX_CELLS',
  maxUnzippedBytes: 'IMPORT_MAX_UNZIPPED_MB',
};

const number = formatCountId;

/** "200.000 baris (IMPORT_MAX_ROWS)": the limit as a user reads it, with its variable. */
export function describeLimit(limit: keyof ReadLimits, limits: ReadLimits): string {
  const value = limits[limit];
  const text =
    limit === 'maxRows'
      ? `${number(value)} baris`
      : limit === 'maxColumns'
        ? `${number(value)} kolom`
        : limit === 'maxCells'
          ? `${number(value)} sel`
          : `${formatByteSize(value)} setelah diekstrak`;
  return `${text} (${LIMIT_VARIABLES[limit]})`;
}

/** Thrown by a reader the moment a file goes over a limit; read-upload turns it into the file's one error. */
export class LimitExceeded extends Error {
  override name = 'LimitExceeded';
  constructor(
    readonly limit: keyof ReadLimits,
    limits: ReadLimits,
    detail = '',
  ) {
    super(
      `Berkas melebihi batas ${describeLimit(limit, limits)}${detail}. Bagi berkas menjadi beberapa bagian lalu unggah satu per satu.`,
    );
  }
}

export const limitIssue = (error: LimitExceeded): ImportIssue => fileError('FILE_TOO_LARGE', error.message);

/** Counts rows, columns and cells as a reader produces them, throwing LimitExceeded at the first one over. */
export class SheetBudget {
  private cells = 0;
  constructor(readonly limits: ReadLimits) {}

  /** A row (1-based, as the spreadsheet numbers it) whose last value is in column `width` (1-based). */
  row(rowNumber: number, width: number): void {
    if (rowNumber > this.limits.maxRows)
      throw new LimitExceeded('maxRows', this.limits, ` (baris ${number(rowNumber)} berisi data)`);
    this.column(width, rowNumber);
    this.cells += width;
    if (this.cells > this.limits.maxCells)
      throw new LimitExceeded('maxCells', this.limits, ` (sampai baris ${number(rowNumber)})`);
  }

  /** A value in column `column` (1-based) of row `rowNumber`. */
  column(column: number, rowNumber: number): void {
    if (column > this.limits.maxColumns) {
      throw new LimitExceeded(
        'maxColumns',
        this.limits,
        ` (baris ${number(rowNumber)} berisi data di kolom ke-${number(column)})`,
      );
    }
  }
}
