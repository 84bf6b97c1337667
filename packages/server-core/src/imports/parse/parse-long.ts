// Long format: kode_wilayah,periode,indikator,pembilang,penyebut — one row per desa × month × indicator.
import {
  LONG_COLUMNS,
  TEMPLATE_NAMA_COLUMN,
  hasCountedDenominator,
  parseImportMonth,
  parseIndicator,
  parseWholeNumber,
  type CellResult,
  type CellValue,
  type YearMonth,
} from '@peta/domain';
import { CellMemo, IssueList, readDesaKode, readHeader } from './parse-common.ts';
import { DesaRowGroups } from './desa-rows.ts';
import type { ParseContext, ParsedImport, ValueCell } from './parsed.ts';
import { isEmptyRow, plain, type SheetCell } from '../read/sheet.ts';

export function parseLong(rows: SheetCell[][], headerRow: number, ctx: ParseContext): ParsedImport {
  const issues = new IssueList();
  // nama_desa, when present, is checked against the kode (parse/crosswalk.ts remapLongSheet).
  const { index } = readHeader(rows[headerRow - 1]!, headerRow, LONG_COLUMNS, issues, [TEMPLATE_NAMA_COLUMN]);
  if (issues.errors.length)
    return { format: 'long', errors: issues.errors, warnings: issues.warnings, values: [], sasaran: [] };
  const [kodeAt, periodAt, indicatorAt, numeratorAt, denominatorAt] = LONG_COLUMNS.map((name) => index.get(name)!);
  // Each column's rule reads its cell alone, so it runs once per distinct text (CellMemo); the row's own rules follow.
  const readable =
    <T>(rule: (value: CellValue) => CellResult<T>) =>
    (cell: SheetCell | undefined, row: number, column: string, list: IssueList): T | undefined =>
      list.readable(cell, row, column) ? list.take(rule(plain(cell)), row, column) : undefined;
  const kodes = new CellMemo('kode_wilayah', (cell, row, column, list) => readDesaKode(cell, row, column, ctx, list));
  const periods = new CellMemo(
    'periode',
    readable((value) => parseImportMonth(value, ctx.today)),
  );
  const indicators = new CellMemo('indikator', readable(parseIndicator));
  const numerators = new CellMemo('pembilang', readable(parseWholeNumber));
  const denominators = new CellMemo('penyebut', readable(parseWholeNumber));
  const groups = new DesaRowGroups(rows.length - headerRow);
  const values: ValueCell[] = [];

  for (let r = headerRow; r < rows.length; r++) {
    const cells = rows[r]!;
    if (isEmptyRow(cells)) continue;
    const row = r + 1;
    const before = issues.errors.length;
    const kode = kodes.read(cells[kodeAt!], row, issues);
    const month = periods.read(cells[periodAt!], row, issues);
    const def = indicators.read(cells[indicatorAt!], row, issues);
    const numerator = numerators.read(cells[numeratorAt!], row, issues);
    const denominator = denominators.read(cells[denominatorAt!], row, issues);
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

    const slot = groups.slot(kode, def.code);
    const first = firstRowOf(groups, values, slot, month);
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
    groups.add(values.length, slot, month.year);
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

/** The row of the cell already read for this desa × indicator × month, or null. */
function firstRowOf(
  groups: DesaRowGroups,
  values: readonly ValueCell[],
  slot: number,
  month: YearMonth,
): number | null {
  const group = groups.find(slot, month.year);
  if (group < 0) return null;
  for (const n of groups.cellsOf(group)) if (values[n]!.month === month.month) return values[n]!.row;
  return null;
}
