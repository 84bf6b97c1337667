// The official Kemendagri code list, from the CSV files of the npm package idn-area-data@4.0.1
// (read directly: its JS API targets Node 22), and the cross-check against the boundary codes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Tingkat } from '@peta/domain';

export interface CodeEntry {
  kode: string;
  nama: string;
  parentKode: string | null;
  tingkat: Tingkat;
}

export interface CodeList {
  /** Where it was read from (folder of the CSV files). */
  source: string;
  /** Every entry by kode, all four levels. */
  entries: Map<string, CodeEntry>;
  counts: Record<Tingkat, number>;
}

const FILES: { tingkat: Tingkat; file: string; parentColumn: string | null }[] = [
  { tingkat: 'provinsi', file: 'provinces.csv', parentColumn: null },
  { tingkat: 'kabupaten', file: 'regencies.csv', parentColumn: 'province_code' },
  { tingkat: 'kecamatan', file: 'districts.csv', parentColumn: 'regency_code' },
  { tingkat: 'desa', file: 'villages.csv', parentColumn: 'district_code' },
];

/** Folder holding provinces.csv … villages.csv of the installed idn-area-data. */
export function defaultCodeListDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

export async function readCodeList(dir: string = defaultCodeListDir()): Promise<CodeList> {
  const entries = new Map<string, CodeEntry>();
  const counts = { provinsi: 0, kabupaten: 0, kecamatan: 0, desa: 0 } as Record<Tingkat, number>;
  for (const { tingkat, file, parentColumn } of FILES) {
    const path = join(dir, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new Error(`Daftar kode wilayah tidak ditemukan: ${path} (paket idn-area-data terpasang?)`, {
        cause: error,
      });
    }
    const rows = parseCsv(text);
    const header = rows.shift() ?? [];
    const col = (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`Kolom "${name}" tidak ada di ${path} (kolom: ${header.join(',')})`);
      return i;
    };
    const codeCol = col('code');
    const nameCol = col('name');
    const parentCol = parentColumn ? col(parentColumn) : -1;
    rows.forEach((row, i) => {
      if (row.length === 1 && row[0] === '') return; // blank line
      const kode = row[codeCol]?.trim();
      const nama = row[nameCol]?.trim();
      if (!kode || !nama) throw new Error(`${path} baris ${i + 2}: kode atau nama kosong`);
      const parentKode = parentCol >= 0 ? (row[parentCol]?.trim() ?? null) : null;
      entries.set(kode, { kode, nama, parentKode, tingkat });
      counts[tingkat]++;
    });
  }
  return { source: dir, entries, counts };
}

/** RFC 4180 CSV: quoted fields, "" inside quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) throw new Error('CSV: tanda kutip tidak ditutup');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n' || i >= n) {
      i++;
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

export interface CrossCheck {
  tingkat: Tingkat;
  /** Codes compared: only the provinces whose layer was loaded at this level. */
  scope: string;
  inBoth: number;
  /** In the boundary files, not in the code list. */
  onlyInBoundaries: { kode: string; nama: string }[];
  /** In the code list, no boundary record at all. */
  onlyInCodeList: { kode: string; nama: string }[];
}

/**
 * Compare the codes of one level. `inScope` limits the code list side (e.g. desa of the loaded provinces).
 */
export function crossCheck(
  codeList: CodeList,
  tingkat: Tingkat,
  boundaries: Map<string, string>,
  inScope: (kode: string) => boolean = () => true,
  scope = 'semua provinsi',
): CrossCheck {
  const onlyInBoundaries: { kode: string; nama: string }[] = [];
  const onlyInCodeList: { kode: string; nama: string }[] = [];
  let inBoth = 0;
  for (const [kode, nama] of boundaries) {
    const entry = codeList.entries.get(kode);
    if (entry && entry.tingkat === tingkat) inBoth++;
    else onlyInBoundaries.push({ kode, nama });
  }
  for (const entry of codeList.entries.values()) {
    if (entry.tingkat !== tingkat || !inScope(entry.kode)) continue;
    if (!boundaries.has(entry.kode)) onlyInCodeList.push({ kode: entry.kode, nama: entry.nama });
  }
  const byKode = (a: { kode: string }, b: { kode: string }) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0);
  return {
    tingkat,
    scope,
    inBoth,
    onlyInBoundaries: onlyInBoundaries.sort(byKode),
    onlyInCodeList: onlyInCodeList.sort(byKode),
  };
}
