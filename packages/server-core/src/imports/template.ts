// The wide template for a wilayah, a month and a set of indicators, prefilled with the kode and nama of every desa:
// .xlsx (kode as text, header block protected by convention, widths set) or .csv (UTF-8 with BOM so Excel reads it).
import ExcelJS from 'exceljs';
import {
  TEMPLATE_KEYS,
  TEMPLATE_KODE_COLUMN,
  TEMPLATE_NAMA_COLUMN,
  TEMPLATE_VERSION,
  csvLine,
  denominatorColumn,
  formatYearMonth,
  hasCountedDenominator,
  MONTH_NAMES_ID,
  startsLikeFormula,
  type IndicatorDef,
  type YearMonth,
} from '@peta/domain';
import type { DatabaseHandle } from '../database.ts';
import { wilayahNamesRepository } from './wilayah-names-repository.ts';

export interface TemplateRequest {
  wilayah: { kode: string; nama: string };
  period: YearMonth;
  indicators: IndicatorDef[];
  format: 'xlsx' | 'csv';
}

export interface TemplateFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export const TEMPLATE_HELP =
  'Isi jumlah bulanan (bilangan bulat ≥ 0) per desa; kosongkan bila tidak ada laporan. Jangan ubah kepala templat, kolom kode_wilayah, dan judul kolom.';

/** Desa under the wilayah (or the desa itself), ordered by kode. */
export async function desaOf({ db }: DatabaseHandle, kode: string): Promise<{ kode: string; nama: string }[]> {
  return wilayahNamesRepository(db).desaOf(kode);
}

/** The rows of the template, shared by both file types. */
export function templateRows(req: TemplateRequest, desa: { kode: string; nama: string }[]): (string | null)[][] {
  const columns: { header: string; label: string }[] = [];
  for (const def of req.indicators) {
    columns.push({ header: def.code, label: def.nameId });
    if (hasCountedDenominator(def) && def.denominator.kind === 'counted') {
      columns.push({ header: denominatorColumn(def.code), label: `penyebut: ${def.denominator.labelId}` });
    }
  }
  return [
    [TEMPLATE_KEYS.version, TEMPLATE_VERSION],
    [TEMPLATE_KEYS.wilayah, req.wilayah.kode, req.wilayah.nama],
    [TEMPLATE_KEYS.period, formatYearMonth(req.period), `${MONTH_NAMES_ID[req.period.month - 1]} ${req.period.year}`],
    ['petunjuk', TEMPLATE_HELP],
    [null, null, ...columns.map((c) => c.label)],
    [TEMPLATE_KODE_COLUMN, TEMPLATE_NAMA_COLUMN, ...columns.map((c) => c.header)],
    ...desa.map((d) => [d.kode, d.nama]),
  ];
}

export async function buildTemplate(
  req: TemplateRequest,
  desa: { kode: string; nama: string }[],
): Promise<TemplateFile> {
  const rows = templateRows(req, desa);
  const base = `templat-${req.wilayah.kode}-${formatYearMonth(req.period)}`;
  if (req.format === 'csv') {
    const text = `${rows.map(csvLine).join('\r\n')}\r\n`;
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      bytes: Buffer.from(`\ufeff${text}`, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Templat', { views: [{ state: 'frozen', xSplit: 2, ySplit: 6 }] });
  rows.forEach((r) => {
    const row = sheet.addRow(r);
    // Text that starts like a formula stays text, also once edited (the cell's format is Text, "@").
    r.forEach((value, i) => {
      if (value !== null && startsLikeFormula(value)) row.getCell(i + 1).numFmt = '@';
    });
  });
  // Kode as text: Excel would otherwise drop the dots of "12.10.09.2001" only if typed, but a number format could mangle it.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 28;
  for (let c = 3; c <= sheet.columnCount; c++) sheet.getColumn(c).width = 18;
  sheet.getRow(6).font = { bold: true };
  sheet.getRow(5).font = { italic: true, color: { argb: 'FF555555' } };
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes,
  };
}
