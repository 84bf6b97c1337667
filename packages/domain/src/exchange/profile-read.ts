// A sheet read with an import profile (profile.ts) into long rows: each numeric cell of a mapped column is one data
// value (desa × month × indicator role) for the one assembler (assemble.ts), desa names resolved inside the profile's
// kabupaten (desa-names.ts, never guessed). Cells are plain values (text, number, date, boolean, null).
import { INDICATORS, getIndicator } from '../indicators/catalogue.ts';
import type { CellValue } from '../imports/issues.ts';
import { parseWholeNumber } from '../imports/whole-number.ts';
import { normaliseKode } from '../wilayah.ts';
import { DataValueAssembler, type ExchangeRead } from './assemble.ts';
import { resolveDesaNames, type DesaNameIndex, type DesaNameResolution } from './desa-names.ts';
import { ExchangeIssues } from './issues.ts';
import type { DataElementRule, ExchangeMapping } from './mapping.ts';
import { parseDhis2Period } from './periods.ts';
import { columnLabel, headerLabels, parseCellRef, readMonthCell, yearInText, type ImportProfile } from './profile.ts';

export interface ProfileRead extends ExchangeRead {
  /** Desa names offered for confirmation (near matches): the preview asks, the commit keeps the answers as aliases. */
  toConfirm: DesaNameResolution['toConfirm'];
}

/** Rows whose desa cell starts like this are totals of the sheet ("JUMLAH", "Total Puskesmas"): skipped, noted. */
const TOTAL_ROW = /^(jumlah|total|sub ?total)\b/i;

/** Every catalogue indicator role, named "<KODE>/<peran>": the profile reader's data elements. */
function catalogueRoles(): ExchangeMapping {
  const dataElements: DataElementRule[] = [];
  for (const def of INDICATORS) {
    dataElements.push({ dataElement: `${def.code}/pembilang`, indikator: def.code, peran: 'pembilang' });
    if (def.denominator.kind === 'counted')
      dataElements.push({ dataElement: `${def.code}/penyebut`, indikator: def.code, peran: 'penyebut' });
  }
  return { nama: 'profil impor', orgUnit: 'kode', dataElements };
}

export function readProfileSheet(
  rows: readonly (readonly CellValue[])[],
  profile: ImportProfile,
  options: { names: DesaNameIndex; maxDataValues: number; chosen?: Readonly<Record<string, string>> },
): ProfileRead {
  const issues = new ExchangeIssues();
  const assembler = new DataValueAssembler(
    { ...catalogueRoles(), nama: profile.nama },
    parseDhis2Period,
    options.maxDataValues,
    issues,
  );
  const refused = (): ProfileRead => ({ ...assembler.finish(), toConfirm: [] });
  const height = profile.tinggiJudul ?? 1;
  const labels = headerLabels(rows, profile.barisJudul, height);
  const index = new Map<string, number>();
  const twice = new Set<string>();
  labels.forEach((l, i) => {
    if (index.has(l)) twice.add(l);
    else index.set(l, i);
  });
  const columnOf = (label: string): number | null => {
    if (twice.has(label)) {
      issues.error(
        profile.barisJudul,
        label,
        'PROFILE_COLUMN_MISSING',
        `Kolom "${label}" ada lebih dari sekali di baris judul ${profile.barisJudul}: beri judul yang berbeda.`,
      );
      return null;
    }
    const i = index.get(label);
    if (i === undefined) {
      issues.error(
        profile.barisJudul,
        label,
        'PROFILE_COLUMN_MISSING',
        `Kolom "${label}" dari profil "${profile.nama}" tidak ada di baris judul ${profile.barisJudul}${height === 2 ? `–${profile.barisJudul + 1}` : ''}. Periksa baris judulnya, atau petakan ulang kolomnya.`,
      );
      return null;
    }
    return i;
  };
  const desaCol = columnOf(profile.desa.kolom);
  const kecCol = profile.desa.kolomKecamatan ? columnOf(profile.desa.kolomKecamatan) : null;
  const periodCol = profile.periode ? columnOf(profile.periode.kolom) : null;
  const indicatorCol = profile.indikator ? columnOf(profile.indikator.kolom) : null;
  const valueCols = profile.nilai.map((v) => ({ ...v, index: columnOf(v.kolom) }));
  if (!issues.ok) return refused();

  let tahun: number | null = null;
  if (typeof profile.tahun === 'number') tahun = profile.tahun;
  else if (profile.tahun) {
    const ref = parseCellRef(profile.tahun.sel)!;
    tahun = yearInText(rows[ref.row - 1]?.[ref.column] ?? null);
    if (tahun === null) {
      issues.error(
        ref.row,
        profile.tahun.sel,
        'PERIOD_INVALID',
        `Sel ${profile.tahun.sel} harus memuat tahun kolom bulanan (misalnya "TAHUN 2026"), isinya "${columnLabel(rows[ref.row - 1]?.[ref.column] ?? '')}".`,
      );
      return refused();
    }
  }

  // The desa of every data row first (names are resolved together: each distinct name once).
  const data: { r: number; kode: string | null }[] = [];
  const nameCells: { row: number; nama: string; kecamatan: string | null }[] = [];
  let totals = 0;
  let withoutDesa = 0;
  for (let r = profile.barisJudul - 1 + height; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => c === null || (typeof c === 'string' && !c.trim()))) continue;
    const desa = columnLabel(cells[desaCol!] ?? null);
    if (!desa) {
      if (valueCols.some((v) => columnLabel(cells[v.index!] ?? null))) withoutDesa++;
      continue;
    }
    if (TOTAL_ROW.test(desa)) {
      totals++;
      continue;
    }
    if (profile.desa.isi === 'kode') {
      const kode = normaliseKode(desa);
      if (!kode)
        issues.error(
          r + 1,
          profile.desa.kolom,
          'KODE_INVALID',
          `Kode desa tidak sah: "${desa}". Tulis kode Kemendagri, misalnya 12.10.09.2001.`,
        );
      data.push({ r, kode });
    } else {
      nameCells.push({
        row: r + 1,
        nama: desa,
        kecamatan: kecCol === null ? null : columnLabel(cells[kecCol] ?? null) || null,
      });
      data.push({ r, kode: null });
    }
  }
  let toConfirm: ProfileRead['toConfirm'] = [];
  if (profile.desa.isi === 'nama') {
    const resolved = resolveDesaNames(options.names, nameCells, profile.kabupaten, {
      column: profile.desa.kolom,
      ...(options.chosen ? { chosen: options.chosen } : {}),
    });
    resolved.kodes.forEach((k, i) => {
      data[i]!.kode = k;
    });
    for (const e of resolved.errors) issues.error(e.row, e.column, e.code, e.message);
    issues.errorCount += resolved.errorCount - resolved.errors.length;
    for (const w of resolved.warnings) issues.warn(w.row, w.column, w.code, w.message);
    toConfirm = resolved.toConfirm;
  }
  if (totals)
    issues.warn(
      null,
      profile.desa.kolom,
      'PROFILE_ROWS_SKIPPED',
      `${totals} baris jumlah/total (kolom ${profile.desa.kolom} diawali "Jumlah" atau "Total") dilewati: dasbor menjumlahkan sendiri dari desa.`,
    );
  if (withoutDesa)
    issues.warn(
      null,
      profile.desa.kolom,
      'PROFILE_ROWS_SKIPPED',
      `${withoutDesa} baris berisi angka tanpa desa di kolom ${profile.desa.kolom} dilewati.`,
    );

  for (const { r, kode } of data) {
    const cells = rows[r]!;
    const row = r + 1;
    let rowIndicator: string | null = null;
    if (indicatorCol !== null) {
      const label = columnLabel(cells[indicatorCol] ?? null);
      const code = profile.indikator!.kode?.[label] ?? getIndicator(label.toUpperCase())?.code ?? null;
      if (!code && valueCols.some((v) => !v.indikator && columnLabel(cells[v.index!] ?? null))) {
        issues.error(
          row,
          profile.indikator!.kolom,
          'INDICATOR_UNKNOWN',
          `Indikator "${label}" tidak dikenal: petakan label ini ke kode indikator di profil "${profile.nama}".`,
        );
      }
      rowIndicator = code;
    }
    let rowMonth: string | null = null;
    if (periodCol !== null) {
      const cell = cells[periodCol] ?? null;
      rowMonth = readMonthCell(cell);
      if (!rowMonth && valueCols.some((v) => v.bulan === undefined && columnLabel(cells[v.index!] ?? null))) {
        issues.error(
          row,
          profile.periode!.kolom,
          'PERIOD_INVALID',
          `Periode tidak terbaca: "${columnLabel(cell)}". Tulis bulan seperti 2026-10, 10/2026 atau Oktober 2026.`,
        );
      }
    }
    for (const v of valueCols) {
      const cell = cells[v.index!] ?? null;
      if (cell === null || (typeof cell === 'string' && !cell.trim())) continue;
      const number = parseWholeNumber(cell);
      if (!number.ok) {
        issues.error(row, v.kolom, number.code, number.message);
        continue;
      }
      const indikator = v.indikator ?? rowIndicator;
      const periode = v.bulan !== undefined ? `${tahun}-${String(v.bulan).padStart(2, '0')}` : rowMonth;
      if (!kode || !indikator || !periode || number.value === null) continue;
      if (v.peran === 'penyebut' && getIndicator(indikator)?.denominator.kind !== 'counted') {
        issues.error(
          row,
          v.kolom,
          'DENOMINATOR_NOT_ALLOWED',
          `Penyebut ${indikator} adalah sasaran tahunan: kolom "${v.kolom}" tidak dipakai untuk indikator ini.`,
        );
        continue;
      }
      if (
        !assembler.add({
          dataElement: `${indikator}/${v.peran}`,
          orgUnit: kode,
          period: periode,
          value: String(number.value),
          row,
          column: v.kolom,
        })
      )
        return refused();
    }
  }
  return { ...assembler.finish(), toConfirm };
}
