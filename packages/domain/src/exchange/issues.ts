// What reading an exchange file reports: the same {row, column, code, message} shape as every import
// (../imports/issues.ts), so the preview lists them alike. `row` is the LINE of the file (CSV, XML) or null (JSON),
// `column` says where inside it: "dataValues[3].period", "<dataValue> @value", "group[2]".
// Errors stop the file; warnings are listed and the rest is read.
import type { ImportErrorCode, ImportIssue } from '../imports/issues.ts';

export const EXCHANGE_ERROR_CODES = [
  /** Over a bound: characters, elements, depth, records, data values. */
  'EXCHANGE_TOO_LARGE',
  /** Not JSON / not well-formed XML / broken CSV quoting. */
  'EXCHANGE_SYNTAX',
  /** XML with a DOCTYPE, an entity declaration or an unknown entity (billion laughs, XXE). */
  'EXCHANGE_XML_FORBIDDEN',
  /** A required element, attribute or field is missing or of the wrong kind; the wrong root or namespace. */
  'EXCHANGE_STRUCTURE',
  /** A period the format does not define, or one we cannot store (a quarter, a week: values are stored per month). */
  'EXCHANGE_PERIOD',
  /** An orgUnit that is neither in the mapping table nor a Kemendagri kode. */
  'EXCHANGE_ORGUNIT_UNKNOWN',
  /** The same data value twice (same data element, option combos, orgUnit and period). */
  'EXCHANGE_DUPLICATE',
  /** A denominator without its numerator for the same desa, month and indicator. */
  'EXCHANGE_NUMERATOR_MISSING',
  /** The mapping itself is not valid (mapping.ts). */
  'MAPPING_INVALID',
  /** A desa name that matches no desa of the area (desa-names.ts). */
  'DESA_NAME_UNKNOWN',
  /** A desa name shared by several desa of the area: the user adds the kecamatan or picks one. */
  'DESA_NAME_AMBIGUOUS',
  /** A desa name close to one or more desa of the area: offered for confirmation, never taken silently. */
  'DESA_NAME_NEAR',
  /** A kecamatan name that matches no kecamatan, or several, of the area. */
  'KECAMATAN_NAME_UNKNOWN',
  /** An old kode that was split into several desa: the rows need a decision (crosswalk.ts). */
  'KODE_SPLIT',
  /** The crosswalk itself is not valid. */
  'CROSSWALK_INVALID',
  /** An import profile that is not valid (profile.ts). */
  'PROFILE_INVALID',
  /** A column the profile maps is not in the file's header (or is there twice). */
  'PROFILE_COLUMN_MISSING',
] as const;

export const EXCHANGE_WARNING_CODES = [
  /** Data values whose data element (+ option combo / disaggregation) the mapping does not name: skipped, counted. */
  'EXCHANGE_UNMAPPED',
  /** Values DHIS2 marks deleted: skipped. */
  'EXCHANGE_DELETED',
  /** Data values without a value: no report, skipped. */
  'EXCHANGE_EMPTY',
  /** A desa name read as the kode of a desa whose official name is spelled differently (or through an alias). */
  'DESA_NAME_MATCHED',
  /** An old kode replaced by its new kode (crosswalk.ts). */
  'KODE_REMAPPED',
  /** A kode whose desa name in the file is not the name of the desa the kode belongs to now (desa-names.ts). */
  'DESA_NAME_MISMATCH',
  /** Rows a profile skips: totals of the sheet, numbers without a desa. */
  'PROFILE_ROWS_SKIPPED',
] as const;

export type ExchangeErrorCode = (typeof EXCHANGE_ERROR_CODES)[number];
export type ExchangeWarningCode = (typeof EXCHANGE_WARNING_CODES)[number];
/** Value cells are checked by parseExchangeCount (values.ts) with the import's own codes, so those appear here too. */
export type ExchangeIssueCode = ExchangeErrorCode | ExchangeWarningCode | ImportErrorCode;
export type ExchangeIssue = ImportIssue<ExchangeIssueCode>;

/** Collects issues, and stops collecting errors past a bound so a broken file cannot flood memory with messages. */
export class ExchangeIssues {
  readonly errors: ExchangeIssue[] = [];
  readonly warnings: ExchangeIssue[] = [];
  /** Errors found (also those not kept). */
  errorCount = 0;

  constructor(private readonly maxErrors = 1000) {}

  error(row: number | null, column: string | null, code: ExchangeIssueCode, message: string): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push({ row, column, code, message });
  }

  warn(row: number | null, column: string | null, code: ExchangeIssueCode, message: string): void {
    if (this.warnings.length < this.maxErrors) this.warnings.push({ row, column, code, message });
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }
}

/** The first rows of a list of row numbers, for a message: "2, 3, 5" or "2, 3, …" past ten. */
export function listRows(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown}, …` : shown;
}
