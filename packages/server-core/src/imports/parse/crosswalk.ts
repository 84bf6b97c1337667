// Old kode in a file (a kabupaten of Papua before the 2022 provinces, a desa renumbered by Kepmendagri 2025) are
// remapped through the kode crosswalk (domain exchange/crosswalk.ts) before the rules judge them: moved kode with
// one warning per old kode listing old → new, split kode refused with the reason. Only kode the database does not
// know are looked up, so a kode still in use is never touched. The default crosswalk (Papua provinces, desa renumbered
// up to Kepmendagri 2025) is built by
// data/crosswalk/build-crosswalk.ts (sources in data/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LONG_COLUMNS,
  TEMPLATE_NAMA_COLUMN,
  applyCrosswalk,
  desaNameMismatches,
  normaliseKode,
  validateCrosswalk,
  type ImportIssue,
  type KodeCrosswalk,
  type LongRow,
} from '@peta/domain';
import type { ParseContext } from './parsed.ts';
import { plain, type SheetCell } from '../read/sheet.ts';

let table: KodeCrosswalk | null = null;

/** The crosswalk every import uses unless the context names another (read once per process). */
export function defaultCrosswalk(): KodeCrosswalk {
  if (!table) {
    const check = validateCrosswalk(
      JSON.parse(readFileSync(join(import.meta.dirname, '../crosswalk/kepmendagri-2025.json'), 'utf8')),
    );
    if (!check.ok) throw new Error(`crosswalk/kepmendagri-2025.json is not valid: ${check.errors[0]!.message}`);
    table = check.crosswalk;
  }
  return table;
}

export interface Remapped {
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/**
 * Remaps old kode of long rows in place. `rowOf(i)` numbers rows[i] as the caller reports rows (the sheet row the
 * long parser will see, so toSourceIssue can tell the exchange file's position).
 */
export function remapLongRows(
  rows: LongRow[],
  ctx: ParseContext,
  rowOf: (i: number) => number = (i) => i + 2,
): Remapped {
  const crosswalk = ctx.crosswalk ?? defaultCrosswalk();
  const unknown: number[] = [];
  rows.forEach((r, i) => {
    const kode = normaliseKode(r.kode_wilayah);
    if (kode && !ctx.kodes.has(kode)) unknown.push(i);
  });
  if (!unknown.length) return { errors: [], warnings: [] };
  const result = applyCrosswalk(
    unknown.map((i) => rows[i]!),
    crosswalk,
    { rowOf: (j) => rowOf(unknown[j]!) },
  );
  if (result.errors.length) return { errors: result.errors, warnings: result.warnings };
  result.rows.forEach((r, j) => {
    rows[unknown[j]!] = r;
  });
  return { errors: [], warnings: result.warnings };
}

/**
 * The same for a sheet of the long format: the kode_wilayah cells of old kode are replaced in place. When the sheet
 * also names its desa (a nama_desa column), each name is checked against the desa its kode ends on: a kode an older
 * Kepmendagri edition gave another desa is still in use, so the crosswalk leaves it, and only the name tells.
 */
export function remapLongSheet(rows: SheetCell[][], headerRow: number, ctx: ParseContext): Remapped {
  const header = (rows[headerRow - 1] ?? []).map((c) =>
    String(plain(c) ?? '')
      .trim()
      .toLowerCase(),
  );
  const kodeCol = header.indexOf(LONG_COLUMNS[0]);
  const periodCol = header.indexOf(LONG_COLUMNS[1]);
  const namaCol = header.indexOf(TEMPLATE_NAMA_COLUMN);
  if (kodeCol < 0) return { errors: [], warnings: [] };
  const at: number[] = [];
  const long: LongRow[] = [];
  let lastKnown: string | undefined;
  for (let r = headerRow; r < rows.length; r++) {
    const cell = plain(rows[r]?.[kodeCol]);
    if (typeof cell !== 'string') continue;
    // A kode the database knows as written has nothing to remap (remapLongRows looks only at unknown ones); without
    // names to check, its row need not be looked at again — on a national file, every row.
    if (namaCol < 0 && (cell === lastKnown || ctx.kodes.has(cell))) {
      lastKnown = cell;
      continue;
    }
    const periode = plain(rows[r]?.[periodCol]);
    at.push(r);
    long.push({
      kode_wilayah: cell,
      periode: typeof periode === 'string' ? periode : '',
      indikator: '',
      pembilang: '',
      penyebut: '',
      sumber: { row: r + 1, column: LONG_COLUMNS[0] },
    });
  }
  const before = long.map((l) => l.kode_wilayah);
  const remapped = remapLongRows(long, ctx, (i) => at[i]! + 1);
  if (remapped.errors.length) return remapped;
  long.forEach((l, i) => {
    if (l.kode_wilayah !== before[i]) rows[at[i]!]![kodeCol] = l.kode_wilayah;
  });
  if (namaCol < 0) return remapped;
  const named = long.flatMap((l, i) => {
    const nama = plain(rows[at[i]!]?.[namaCol]);
    const kode = normaliseKode(l.kode_wilayah);
    return typeof nama === 'string' && kode ? [{ row: at[i]! + 1, kode, nama }] : [];
  });
  const mismatches = desaNameMismatches(named, (kode) => ctx.names?.get(kode), TEMPLATE_NAMA_COLUMN);
  return { errors: [], warnings: [...remapped.warnings, ...mismatches] };
}
