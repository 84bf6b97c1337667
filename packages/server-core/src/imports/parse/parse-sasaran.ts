// Sasaran: kode_wilayah,tahun,sasaran,jumlah,sumber — one row per desa × group × year.
import {
  SASARAN_COLUMNS,
  duplicateTracker,
  parseSasaranAmount,
  parseSasaranGroup,
  parseSasaranYear,
  parseSource,
  sasaranKindOf,
  type CellResult,
  type CellValue,
} from '@peta/domain';
import { IssueList, readDesaKode, readHeader } from './parse-common.ts';
import type { ParseContext, ParsedImport, SasaranRow } from './parsed.ts';
import { isEmptyRow, plain, type SheetCell } from '../read/sheet.ts';

export function parseSasaran(rows: SheetCell[][], headerRow: number, ctx: ParseContext): ParsedImport {
  const issues = new IssueList();
  const { index } = readHeader(rows[headerRow - 1]!, headerRow, SASARAN_COLUMNS, issues);
  if (issues.errors.length)
    return { format: 'sasaran', errors: issues.errors, warnings: issues.warnings, values: [], sasaran: [] };
  const duplicates = duplicateTracker();
  const sasaran: SasaranRow[] = [];

  for (let r = headerRow; r < rows.length; r++) {
    const cells = rows[r]!;
    if (isEmptyRow(cells)) continue;
    const row = r + 1;
    const before = issues.errors.length;
    const cell = (name: (typeof SASARAN_COLUMNS)[number]) => cells[index.get(name)!];
    const read = <T>(name: (typeof SASARAN_COLUMNS)[number], rule: (v: CellValue) => CellResult<T>) =>
      issues.readable(cell(name), row, name) ? issues.take(rule(plain(cell(name))), row, name) : undefined;

    const kode = readDesaKode(cell('kode_wilayah'), row, 'kode_wilayah', ctx, issues);
    const year = read('tahun', (v) => parseSasaranYear(v, ctx.today));
    const group = read('sasaran', parseSasaranGroup);
    const value = read('jumlah', parseSasaranAmount);
    const source = read('sumber', parseSource);
    if (value === null) issues.error(row, 'jumlah', 'VALUE_REQUIRED', 'Jumlah sasaran wajib diisi.');
    if (issues.errors.length > before || !kode || !year || !group || value == null || !source) continue;

    const first = duplicates.seen(`${kode}|${year}|${group}`, row);
    if (first !== null) {
      issues.error(row, null, 'DUPLICATE', `Baris ganda: ${kode}, ${year}, ${group} sudah ada di baris ${first}.`);
      continue;
    }
    sasaran.push({ row, kode, year, group, value, kind: sasaranKindOf(source), method: source });
  }
  return { format: 'sasaran', errors: issues.errors, warnings: issues.warnings, values: [], sasaran };
}
