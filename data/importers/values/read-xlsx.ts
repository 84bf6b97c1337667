// Excel .xlsx through exceljs: the first worksheet with data, as rows of cells. Formulas give their stored result
// (Excel saves it); a formula without one, or with an error result, becomes a CellProblem for the parser to report
// at its row and column. Cells covered by a merge are marked, so a merged header is reported instead of misread.
import ExcelJS from 'exceljs';
import { CellProblem, MergedCell, fileError, type ReadResult, type SheetCell } from './sheet.ts';

type Raw = ExcelJS.CellValue;

function cellValue(raw: Raw, address: string): SheetCell {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return raw;
  if ('richText' in raw) return raw.richText.map((t) => t.text).join('');
  if ('error' in raw) return new CellProblem('FORMULA_ERROR', `Sel ${address} berisi galat Excel ${raw.error}.`);
  if ('formula' in raw || 'sharedFormula' in raw) {
    const result = (raw as { result?: Raw }).result;
    if (result === undefined || result === null) {
      return new CellProblem('FORMULA_NO_RESULT',
        `Sel ${address} berisi rumus tanpa hasil tersimpan. Buka berkas di Excel lalu simpan ulang, atau salin dan tempel sebagai nilai.`);
    }
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return new CellProblem('FORMULA_ERROR', `Rumus di sel ${address} menghasilkan galat ${result.error}.`);
    }
    return cellValue(result, address);
  }
  if ('text' in raw) return String(raw.text); // hyperlink
  return String(raw);
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, errors: [fileError('FILE_FORMAT', 'Berkas .xlsx tidak dapat dibaca (rusak, terkunci kata sandi, atau bukan buku kerja Excel).')] };
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { ok: true, sheet: { kind: 'xlsx', rows: [] } };
  const rows: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cell.type === ExcelJS.ValueType.Merge
        ? new MergedCell(cell.master.address)
        : cellValue(cell.value, cell.address);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[r - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { ok: true, sheet: { kind: 'xlsx', rows } };
}
