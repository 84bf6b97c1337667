// Long format: kode_wilayah,periode,indikator,pembilang,penyebut — one row per desa × month × indicator.
import {
  LONG_COLUMNS,
  TEMPLATE_NAMA_COLUMN,
  duplicateTracker,
  hasCountedDenominator,
  parseImportMonth,
  parseIndicator,
  parseWholeNumber,
} from '@peta/domain';
import { IssueList, readDesaKode, readHeader } from './parse-common.ts';
import type { ParseContext, ParsedImport, ValueCell } from './parsed.ts';
import { isEmptyRow, plain, type SheetCell } from '../read/sheet.ts';

export function parseLong(rows: SheetCell[][], headerRow: number, ctx: ParseContext): ParsedImport {
  const issues = new IssueList();
  // nama_desa, when present, is checked against the kode (parse/crosswalk.ts remapLongSheet).
  const { index } = readHeader(rows[headerRow - 1]!, headerRow, LONG_COLUMNS, issues, [TEMPLATE_NAMA_COLUMN]);
  if (issues.errors.length)
    return { format: 'long', errors: issues.errors, warnings: issues.warnings, values: [], sasaran: [] };
  const col = (name: (typeof LONG_COLUMNS)[number]) => index.get(name)!;
  const duplicates = duplicateTracker();
  const values: ValueCell[] = [];

  for (let r = headerRow; r < rows.length; r++) {
    const cells = rows[r]!;
    if (isEmptyRow(cells)) continue;
    const row = r + 1;
    const before = issues.errors.length;
    const cell = (name: (typeof LONG_COLUMNS)[number]) => cells[col(name)];
    const readable = (name: (typeof LONG_COLUMNS)[number]) => issues.readable(cell(name), row, name);

    const kode = readDesaKode(cell('kode_wilayah'), row, 'kode_wilayah', ctx, issues);
    const month = readable('periode')
      ? issues.take(parseImportMonth(plain(cell('periode')), ctx.today), row, 'periode')
      : undefined;
    const def = readable('indikator')
      ? issues.take(parseIndicator(plain(cell('indikator'))), row, 'indikator')
      : undefined;
    const numerator = readable('pembilang')
      ? issues.take(parseWholeNumber(plain(cell('pembilang'))), row, 'pembilang')
      : undefined;
    const denominator = readable('penyebut')
      ? issues.take(parseWholeNumber(plain(cell('penyebut'))), row, 'penyebut')
      : undefined;
    if (numerator === null)
      issues.error(
        row,
        'pembilang',
        'VALUE_REQUIRED',
        'Pembilang wajib diisi (0 bila tidak ada kejadian; hapus barisnya bila tidak ada laporan).',
      );
    if (def && denominator !== undefined) {
      if (hasCountedDenominator(def) && denominator === null) {
        issues.error(
          row,
          'penyebut',
          'DENOMINATOR_REQUIRED',
          `Indikator ${def.code} memerlukan penyebut (${def.denominator.kind === 'counted' ? def.denominator.labelId : ''}).`,
        );
      } else if (!hasCountedDenominator(def) && denominator !== null) {
        issues.error(
          row,
          'penyebut',
          'DENOMINATOR_NOT_ALLOWED',
          `Penyebut ${def.code} adalah sasaran tahunan: kosongkan kolom penyebut.`,
        );
      }
    }
    if (issues.errors.length > before || !kode || !month || !def || numerator == null || denominator === undefined)
      continue;

    const first = duplicates.seen(`${def.code}|${kode}|${month.year}-${month.month}`, row);
    if (first !== null) {
      issues.error(
        row,
        null,
        'DUPLICATE',
        `Baris ganda: ${kode}, ${month.year}-${String(month.month).padStart(2, '0')}, ${def.code} sudah ada di baris ${first}.`,
      );
      continue;
    }
    if (denominator !== null && numerator > denominator) {
      issues.warn(
        row,
        'pembilang',
        'ABOVE_DENOMINATOR',
        `Pembilang ${numerator} lebih besar dari penyebut ${denominator}.`,
      );
    }
    values.push({
      row,
      column: 'pembilang',
      indicator: def.code,
      kode,
      year: month.year,
      month: month.month,
      numerator,
      denominator,
    });
  }
  return { format: 'long', errors: issues.errors, warnings: issues.warnings, values, sasaran: [] };
}
