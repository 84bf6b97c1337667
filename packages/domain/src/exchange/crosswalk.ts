// Kode crosswalk: old kode → new kode between Kepmendagri editions (pemekaran, renumbering). Pure model; where the
// tables come from is documented with the data that fills them.
//   - An entry may sit at any level. A provinsi or kabupaten entry moves everything below it by replacing the prefix
//     (2022: the kabupaten of Papua that went to Papua Selatan, 94.01 Merauke → 93.01, carry their kecamatan and
//     desa along), so a province split is a dozen entries, not thousands. The most specific entry wins.
//   - One old kode with several new kode is a SPLIT: the old area's numbers cover all of them, and which new desa
//     they belong to is a decision for a person (all to one desa, or refuse the rows), never a guess. Rows with a
//     split kode are refused until the caller supplies the decision.
//   - `berlaku` (YYYY-MM) is the first month reported under the new codes: rows of that month or later already use
//     them and are left alone — after a split the old kode often stays with one of the new desa (desa induk).
//     Without `berlaku` every row with an old kode is remapped.
import { isKode, normaliseKode, tingkatOf } from '../wilayah.ts';
import { ExchangeIssues, listRows, type ExchangeIssue } from './issues.ts';
import { isObject } from './json-file.ts';
import type { LongRow } from './long-rows.ts';

export interface CrosswalkEntry {
  lama: string;
  /** One kode: moved/renumbered. Several: split. */
  baru: readonly string[];
}

export interface KodeCrosswalk {
  /** "Kepmendagri 100.1.1-6117/2022 → 2023". */
  nama: string;
  /** First month (YYYY-MM) whose rows already use the new codes. */
  berlaku?: string;
  entries: readonly CrosswalkEntry[];
}

export const CROSSWALK_LIMITS = { entries: 100_000, splitInto: 50 } as const;

export type CrosswalkCheck = { ok: true; crosswalk: KodeCrosswalk } | { ok: false; errors: ExchangeIssue[] };

/**
 * Checks a crosswalk as it arrives (a JSON file, or pairs lama → baru where a split lists the old kode several times):
 * kode valid, old and new of the same level; an old kode listed twice is merged (a split). Each row is remapped once,
 * never through a chain, so a renumbering that swaps two kode (A → B, B → A) is written as it is.
 */
export function validateCrosswalk(input: unknown): CrosswalkCheck {
  const errors: ExchangeIssue[] = [];
  const bad = (column: string, message: string) =>
    errors.push({ row: null, column, code: 'CROSSWALK_INVALID', message });
  if (!isObject(input))
    return {
      ok: false,
      errors: [
        { row: null, column: null, code: 'CROSSWALK_INVALID', message: 'Tabel padanan kode harus berupa objek JSON.' },
      ],
    };
  const nama = typeof input.nama === 'string' && input.nama.trim() ? input.nama.trim().slice(0, 200) : null;
  if (!nama) bad('nama', 'nama wajib diisi (misalnya "Kepmendagri 2022 → 2023").');
  const berlaku = input.berlaku;
  if (berlaku !== undefined && (typeof berlaku !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(berlaku)))
    bad('berlaku', 'berlaku harus berupa bulan YYYY-MM, misalnya 2023-01.');
  if (!Array.isArray(input.entries) || !input.entries.length) {
    bad('entries', 'entries wajib berisi paling sedikit satu padanan { "lama": "…", "baru": ["…"] }.');
    return { ok: false, errors };
  }
  if (input.entries.length > CROSSWALK_LIMITS.entries) {
    bad('entries', `entries memuat lebih dari ${CROSSWALK_LIMITS.entries.toLocaleString('id-ID')} padanan.`);
    return { ok: false, errors };
  }
  const entries: CrosswalkEntry[] = [];
  const seen = new Map<string, number>();
  input.entries.forEach((raw: unknown, i: number) => {
    const at = `entries[${i}]`;
    if (!isObject(raw)) {
      bad(at, `${at} harus berupa objek { "lama": "…", "baru": ["…"] }.`);
      return;
    }
    const lama = typeof raw.lama === 'string' ? normaliseKode(raw.lama) : null;
    if (!lama) {
      bad(`${at}.lama`, `${at}.lama bukan kode wilayah Kemendagri: ${JSON.stringify(raw.lama)}.`);
      return;
    }
    const list = typeof raw.baru === 'string' ? [raw.baru] : Array.isArray(raw.baru) ? raw.baru : null;
    if (!list?.length || list.length > CROSSWALK_LIMITS.splitInto) {
      bad(`${at}.baru`, `${at}.baru harus berupa kode atau daftar 1–${CROSSWALK_LIMITS.splitInto} kode.`);
      return;
    }
    const baru: string[] = [];
    for (const b of list) {
      const k = typeof b === 'string' ? normaliseKode(b) : null;
      if (!k) {
        bad(`${at}.baru`, `${at}.baru memuat ${JSON.stringify(b)}, bukan kode wilayah Kemendagri.`);
        return;
      }
      if (tingkatOf(k) !== tingkatOf(lama)) {
        bad(
          `${at}.baru`,
          `${at}: ${lama} (${tingkatOf(lama)}) dipadankan dengan ${k} (${tingkatOf(k)}); tingkatnya harus sama.`,
        );
        return;
      }
      if (!baru.includes(k)) baru.push(k);
    }
    const earlier = seen.get(lama);
    if (earlier !== undefined) {
      // The same old kode on several lines is how a table of pairs writes a split: merge them.
      const merged = [...new Set([...entries[earlier]!.baru, ...baru])];
      entries[earlier] = { lama, baru: merged };
      return;
    }
    seen.set(lama, entries.length);
    entries.push({ lama, baru });
  });
  if (errors.length || !nama) return { ok: false, errors };
  return { ok: true, crosswalk: { nama, ...(typeof berlaku === 'string' ? { berlaku } : {}), entries } };
}

export type KodeRemap =
  | { kind: 'same' }
  | { kind: 'moved'; baru: string; entry: CrosswalkEntry }
  | { kind: 'split'; baru: string[]; entry: CrosswalkEntry };

/** Looks kode up by their most specific entry. */
export function crosswalkLookup(crosswalk: Pick<KodeCrosswalk, 'entries'>): (kode: string) => KodeRemap {
  const byLama = new Map(crosswalk.entries.map((e) => [e.lama, e]));
  return (kode) => {
    if (!isKode(kode)) return { kind: 'same' };
    const parts = kode.split('.');
    for (let n = parts.length; n >= 1; n--) {
      const prefix = parts.slice(0, n).join('.');
      const entry = byLama.get(prefix);
      if (!entry) continue;
      const rest = kode.slice(prefix.length);
      const baru = entry.baru.map((b) => b + rest);
      if (baru.length === 1) return baru[0] === kode ? { kind: 'same' } : { kind: 'moved', baru: baru[0]!, entry };
      return { kind: 'split', baru, entry };
    }
    return { kind: 'same' };
  };
}

export interface CrosswalkResult {
  rows: LongRow[];
  errors: ExchangeIssue[];
  warnings: ExchangeIssue[];
  /** Old kode that were split, with the rows waiting for a decision. */
  decisions: { lama: string; baru: string[]; rows: number[] }[];
}

/**
 * Applies a crosswalk to long rows. `rowOf(i)` gives the row number to report for rows[i] (the import's numbering).
 * `decisions` maps an old split kode to the new kode the user chose for all its rows (a decision made in the preview).
 * Remapped kode are reported once per old kode with the count and rows; a split without decision is an error per row.
 */
export function applyCrosswalk(
  rows: readonly LongRow[],
  crosswalk: KodeCrosswalk,
  options: { rowOf?: (i: number) => number; decisions?: Readonly<Record<string, string>> } = {},
): CrosswalkResult {
  const lookup = crosswalkLookup(crosswalk);
  const rowOf = options.rowOf ?? ((i: number) => i + 2);
  const issues = new ExchangeIssues();
  const moved = new Map<string, { baru: string; rows: number[]; decided: boolean }>();
  const splits = new Map<string, { lama: string; baru: string[]; rows: number[] }>();
  const out: LongRow[] = [];
  rows.forEach((r, i) => {
    const row = rowOf(i);
    const kode = normaliseKode(r.kode_wilayah) ?? r.kode_wilayah;
    if (crosswalk.berlaku && r.periode >= crosswalk.berlaku) {
      out.push(r);
      return;
    }
    const remap = lookup(kode);
    if (remap.kind === 'same') {
      out.push(r);
      return;
    }
    if (remap.kind === 'moved') {
      const m = moved.get(kode) ?? { baru: remap.baru, rows: [], decided: false };
      m.rows.push(row);
      moved.set(kode, m);
      out.push({ ...r, kode_wilayah: remap.baru });
      return;
    }
    const chosen = options.decisions?.[kode] ?? options.decisions?.[remap.entry.lama];
    const decided = chosen ? remap.baru.find((b) => b === chosen) : undefined;
    if (decided) {
      const m = moved.get(kode) ?? { baru: decided, rows: [], decided: true };
      m.rows.push(row);
      moved.set(kode, m);
      out.push({ ...r, kode_wilayah: decided });
      return;
    }
    const s = splits.get(kode) ?? { lama: kode, baru: remap.baru, rows: [] };
    s.rows.push(row);
    splits.set(kode, s);
    issues.error(
      row,
      'kode_wilayah',
      'KODE_SPLIT',
      chosen
        ? `Kode ${kode} dipecah menjadi ${remap.baru.join(', ')}; pilihan ${chosen} bukan salah satunya.`
        : `Kode lama ${kode} (${crosswalk.nama}) dipecah menjadi ${remap.baru.join(', ')}: angka wilayah lama mencakup semua desa baru itu, jadi dasbor tidak memilih sendiri. Tentukan desa tujuannya di pratinjau, atau kirim data dengan kode baru.`,
    );
  });
  for (const [lama, m] of moved) {
    issues.warn(
      m.rows[0]!,
      'kode_wilayah',
      'KODE_REMAPPED',
      `Kode lama ${lama} diganti ${m.baru} (${m.decided ? 'pilihan pengguna atas pemecahan wilayah' : crosswalk.nama}) pada ${m.rows.length.toLocaleString('id-ID')} baris: ${listRows(m.rows)}.`,
    );
  }
  return {
    rows: issues.ok ? out : [],
    errors: issues.errors,
    warnings: issues.warnings,
    decisions: [...splits.values()],
  };
}
