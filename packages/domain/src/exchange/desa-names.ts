// Desa by name: files from other systems name desa ("Ds. Tanjung-Siram", "SUKAMAJU II", "Kel. Pasar Baru") instead of
// giving their kode. A name is matched to a kode ONLY inside an area (the user's kabupaten or kecamatan, or the
// kecamatan named on the same row), and only when it is unique there:
//   exact     the name, normalised, is the key of exactly one desa (or of an alias confirmed for the area): accepted,
//             with a note when the spelling differed;
//   ambiguous two or more desa of the area share the key (two "Sukamaju" in one kabupaten): never guessed, the user
//             adds the kecamatan or picks one;
//   near      no desa has the key but some are a few letters away: offered for confirmation, never accepted;
//   none      nothing close.
// A confirmed near match becomes an alias for that area (kept by the caller), so the next file matches at once.
//
// Normalising (both sides alike, so it only has to be consistent, not pretty): the place-name words of names.ts
// (case, accents, punctuation and spacing, Sei/Tg. abbreviations, roman numerals, pre-EYD spellings), without a
// leading unit word: Desa, Ds., Kelurahan, Kel., and the regional equivalents of desa (Kampung, Gampong, Nagari,
// Pekon, Lembang, Negeri).
import { isInsideWilayah } from '../imports/cells.ts';
import { placeNameWords } from '../names.ts';
import { ancestorAt, tingkatOf, type Tingkat } from '../wilayah.ts';
import { ExchangeIssues, listRows, type ExchangeIssue } from './issues.ts';

/** Unit words written before a desa/kelurahan name (after placeNameWords: "Kp." is already "kampung"), removed when something follows. */
const UNIT_WORDS = new Set([
  'desa',
  'ds',
  'kelurahan',
  'kel',
  'kalurahan',
  'kampung',
  'kampong',
  'gampong',
  'nagari',
  'pekon',
  'lembang',
  'negeri',
]);
/** Unit words of a kecamatan ("Kecamatan Bilah Hulu", "Kec. Bilah Hulu", "Distrik Prafi"). */
const KECAMATAN_WORDS = new Set(['kecamatan', 'kec', 'distrik', 'kapanewon', 'kemantren']);
/**
 * The matching key of a name: words normalised as above and joined without spaces. Empty when the name has no
 * letters or digits. `tingkat` says which leading unit words to drop (desa by default, or kecamatan).
 * Two desa that differ only by a dropped word ("Kampung Harapan", "Harapan") get one key: they are then reported as
 * ambiguous, never matched silently.
 */
export function desaNameKey(name: string, tingkat: 'desa' | 'kecamatan' = 'desa'): string {
  const units = tingkat === 'desa' ? UNIT_WORDS : KECAMATAN_WORDS;
  let words = placeNameWords(name);
  while (words.length > 1 && units.has(words[0]!)) words = words.slice(1);
  return words.join('');
}

export interface NamedWilayah {
  kode: string;
  nama: string;
}

/** A name confirmed by a user for a desa, valid inside `wilayah` (a kabupaten or kecamatan kode). */
export interface DesaAlias {
  wilayah: string;
  nama: string;
  kode: string;
}

export interface DesaNameIndex {
  /** key → desa (several when names collide). */
  readonly desa: ReadonlyMap<string, readonly NamedWilayah[]>;
  readonly kecamatan: ReadonlyMap<string, readonly NamedWilayah[]>;
  readonly aliases: readonly (DesaAlias & { key: string })[];
  readonly byKode: ReadonlyMap<string, NamedWilayah>;
}

/** Index of the desa and kecamatan of an area (any list of wilayah: other levels are ignored). */
export function buildDesaNameIndex(
  wilayah: readonly NamedWilayah[],
  aliases: readonly DesaAlias[] = [],
): DesaNameIndex {
  const desa = new Map<string, NamedWilayah[]>();
  const kecamatan = new Map<string, NamedWilayah[]>();
  const byKode = new Map<string, NamedWilayah>();
  for (const w of wilayah) {
    let tingkat: Tingkat;
    try {
      tingkat = tingkatOf(w.kode);
    } catch {
      continue;
    }
    if (tingkat !== 'desa' && tingkat !== 'kecamatan') continue;
    byKode.set(w.kode, w);
    const key = desaNameKey(w.nama, tingkat);
    if (!key) continue;
    const map = tingkat === 'desa' ? desa : kecamatan;
    const list = map.get(key) ?? [];
    list.push(w);
    map.set(key, list);
  }
  return {
    desa,
    kecamatan,
    byKode,
    aliases: aliases.map((a) => ({ ...a, key: desaNameKey(a.nama) })).filter((a) => a.key),
  };
}

export type DesaMatch =
  | {
      kind: 'exact';
      kode: string;
      nama: string /** The name was written differently from the official one. */;
      normalised: boolean;
      alias: boolean;
    }
  | { kind: 'ambiguous'; candidates: NamedWilayah[] }
  | { kind: 'near'; candidates: NamedWilayah[] }
  | { kind: 'none' };

export interface DesaNameQuery {
  /** The desa name as the file writes it. */
  nama: string;
  /** The kecamatan name on the same row, when the file has one: narrows the area. */
  kecamatan?: string | null;
  /** The area the file or the user is limited to (kabupaten or kecamatan kode). */
  wilayah: string;
}

export type KecamatanMatch =
  | { kind: 'exact'; kode: string }
  | { kind: 'ambiguous'; candidates: NamedWilayah[] }
  | { kind: 'none'; near: NamedWilayah[] };

/** A kecamatan by name inside `wilayah`. */
export function matchKecamatanName(index: DesaNameIndex, nama: string, wilayah: string): KecamatanMatch {
  const key = desaNameKey(nama, 'kecamatan');
  const found = (index.kecamatan.get(key) ?? []).filter((k) => isInsideWilayah(k.kode, wilayah));
  if (found.length === 1) return { kind: 'exact', kode: found[0]!.kode };
  if (found.length > 1) return { kind: 'ambiguous', candidates: found };
  return { kind: 'none', near: nearest(key, index.kecamatan, wilayah) };
}

/** Work left for near-name searches: names compared letter by letter (each comparison is a small edit distance). */
export interface NearBudget {
  comparisons: number;
}

/**
 * A desa by name, as described at the top of this file. With a `budget`, the near-name search stops once the budget
 * is spent (the name is then 'none').
 */
export function matchDesaName(index: DesaNameIndex, query: DesaNameQuery, budget?: NearBudget): DesaMatch {
  let area = query.wilayah;
  if (query.kecamatan?.trim()) {
    const k = matchKecamatanName(index, query.kecamatan, query.wilayah);
    if (k.kind === 'exact') area = k.kode;
  }
  const key = desaNameKey(query.nama);
  if (!key) return { kind: 'none' };
  const found = (index.desa.get(key) ?? []).filter((d) => isInsideWilayah(d.kode, area));
  if (found.length === 1) {
    const d = found[0]!;
    return { kind: 'exact', kode: d.kode, nama: d.nama, normalised: query.nama.trim() !== d.nama, alias: false };
  }
  if (found.length > 1) return { kind: 'ambiguous', candidates: found };
  // An alias counts only where it was confirmed: its area must hold the row's area or be held by it.
  const aliased = [
    ...new Set(
      index.aliases
        .filter(
          (a) =>
            a.key === key &&
            isInsideWilayah(a.kode, area) &&
            (isInsideWilayah(area, a.wilayah) || isInsideWilayah(a.wilayah, area)),
        )
        .map((a) => a.kode),
    ),
  ];
  if (aliased.length === 1) {
    const d = index.byKode.get(aliased[0]!);
    return { kind: 'exact', kode: aliased[0]!, nama: d?.nama ?? query.nama, normalised: true, alias: true };
  }
  if (aliased.length > 1)
    return { kind: 'ambiguous', candidates: aliased.map((k) => index.byKode.get(k) ?? { kode: k, nama: query.nama }) };
  const near = nearest(key, index.desa, area, budget);
  return near.length ? { kind: 'near', candidates: near } : { kind: 'none' };
}

/** Longest key compared letter by letter; longer names are not near anything (bounded work per name). */
const MAX_KEY_FOR_DISTANCE = 60;
const MAX_NEAR = 5;

/** Allowed edits between keys: none for very short names (one letter changes "Aek" into another desa), then 1–3. */
export function nearDistance(keyLength: number): number {
  if (keyLength < 4) return 0;
  if (keyLength < 8) return 1;
  if (keyLength < 15) return 2;
  return 3;
}

function nearest(
  key: string,
  map: ReadonlyMap<string, readonly NamedWilayah[]>,
  area: string,
  budget?: NearBudget,
): NamedWilayah[] {
  const limit = nearDistance(key.length);
  if (!limit || key.length > MAX_KEY_FOR_DISTANCE) return [];
  const hits: { w: NamedWilayah; d: number }[] = [];
  for (const [other, list] of map) {
    if (Math.abs(other.length - key.length) > limit) continue;
    const inArea = list.filter((w) => isInsideWilayah(w.kode, area));
    if (!inArea.length) continue;
    if (budget && budget.comparisons-- <= 0) return [];
    const d = editDistance(key, other, limit);
    if (d <= limit) for (const w of inArea) hits.push({ w, d });
  }
  return hits
    .sort((a, b) => a.d - b.d || a.w.kode.localeCompare(b.w.kode))
    .slice(0, MAX_NEAR)
    .map((h) => h.w);
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbouring letters, a common typo), stopping
 * early once every path is over `limit` (returns limit + 1).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const n = b.length;
  // Three rows reused across the loop (this runs up to a million times per file).
  let prev2 = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return Math.min(prev[n]!, limit + 1);
}

/** "12.10.09.2001 Tanjung Siram (Kec. Bilah Hulu)" for messages; the kecamatan when the index knows it. */
export function describeDesa(index: DesaNameIndex, d: NamedWilayah): string {
  const kecamatanKode = ancestorAt(d.kode, 'kecamatan');
  const kecamatan = kecamatanKode ? index.byKode.get(kecamatanKode) : undefined;
  return `${d.kode} ${d.nama}${kecamatan ? ` (Kec. ${kecamatan.nama})` : ''}`;
}

// ------------------------------------------------------------------------------------------------ a column of names

export interface DesaNameCell {
  /** Row of the file (as the import numbers rows). */
  row: number;
  nama: string;
  kecamatan?: string | null;
}

export interface DesaNameResolution {
  /** Kode per cell, in order; null where the name needs a decision (see errors). */
  kodes: (string | null)[];
  /** The first errors (ExchangeIssues keeps at most 1,000), `errorCount` all of them. */
  errors: ExchangeIssue[];
  errorCount: number;
  warnings: ExchangeIssue[];
  /**
   * Names the preview asks about. Near matches: once confirmed, the caller keeps them as aliases (DesaAlias) for the
   * area. Ambiguous names (`ambiguous`: several desa of exactly that name): the choice holds for this file only.
   */
  toConfirm: NameToConfirm[];
}

export interface NameToConfirm {
  /** The name as the file writes it (trimmed): the key of the user's answer. */
  nama: string;
  rows: number[];
  candidates: (NamedWilayah & { kecamatan?: string })[];
  /** Several desa carry exactly this name: the choice is for this file, never kept as an alias. */
  ambiguous?: boolean;
}

/** A candidate with its kecamatan's name, so two desa of the same name can be told apart. */
function withKecamatan(index: DesaNameIndex, d: NamedWilayah): NameToConfirm['candidates'][number] {
  const kecamatanKode = ancestorAt(d.kode, 'kecamatan');
  const kecamatan = kecamatanKode ? index.byKode.get(kecamatanKode)?.nama : undefined;
  return kecamatan ? { kode: d.kode, nama: d.nama, kecamatan } : { kode: d.kode, nama: d.nama };
}

/**
 * Near-name comparisons per file. Each unknown name is compared with the desa of the area of similar length: a
 * kabupaten has ~300 desa, a provinsi ~6,000. Measured on the 2-core machine (20,000 distinct unknown names in a
 * provinsi of 6,000 desa): 1,000,000 comparisons take 0.8 s. Half a million keeps a hostile file near 0.4 s and still
 * gives suggestions for ~1,600 unknown names in a kabupaten; past it the remaining unknown names get none (the file is
 * refused for them either way), and the user is told once.
 */
export const MAX_NEAR_COMPARISONS = 500_000;

/**
 * Every name of a file's desa column, each looked up once (a file repeats a desa on every month and indicator);
 * messages in Bahasa Indonesia name the row, the column and the candidates.
 */
export function resolveDesaNames(
  index: DesaNameIndex,
  cells: readonly DesaNameCell[],
  wilayah: string,
  options: {
    column?: string;
    maxNearComparisons?: number;
    /** Answers of the preview: name as the file writes it → kode. Settles an ambiguous name if it is a candidate. */
    chosen?: Readonly<Record<string, string>>;
  } = {},
): DesaNameResolution {
  const column = options.column ?? 'nama_desa';
  const budget: NearBudget = { comparisons: options.maxNearComparisons ?? MAX_NEAR_COMPARISONS };
  let told = false;
  const issues = new ExchangeIssues();
  const out: DesaNameResolution = {
    kodes: [],
    errors: issues.errors,
    errorCount: 0,
    warnings: issues.warnings,
    toConfirm: [],
  };
  const cache = new Map<string, DesaMatch>();
  const noted = new Set<string>();
  const confirm = new Map<string, NameToConfirm>();
  const ask = (key: string, row: number, nama: string, candidates: readonly NamedWilayah[], ambiguous: boolean) => {
    const c = confirm.get(key) ?? {
      nama,
      rows: [],
      // Near matches come best first; same-named desa in kode order.
      candidates: (ambiguous ? [...candidates].sort((a, b) => a.kode.localeCompare(b.kode)) : candidates).map((d) =>
        withKecamatan(index, d),
      ),
      ...(ambiguous ? { ambiguous } : {}),
    };
    c.rows.push(row);
    confirm.set(key, c);
  };
  for (const cell of cells) {
    const cacheKey = JSON.stringify([cell.nama.trim(), (cell.kecamatan ?? '').trim()]);
    let m = cache.get(cacheKey);
    if (!m) {
      m = matchDesaName(index, { nama: cell.nama, kecamatan: cell.kecamatan ?? null, wilayah }, budget);
      if (budget.comparisons < 0 && !told) {
        told = true;
        issues.warn(
          cell.row,
          column,
          'DESA_NAME_UNKNOWN',
          `Terlalu banyak nama desa tidak dikenal: mulai baris ${cell.row} tidak ada lagi saran nama serupa. Periksa kolom ${column}.`,
        );
      }
      cache.set(cacheKey, m);
    }
    const shown = `"${cell.nama.trim()}"${cell.kecamatan?.trim() ? ` (Kec. ${cell.kecamatan.trim()})` : ''}`;
    // A kecamatan the file names must be found: a desa of that name elsewhere in the area is not the same desa.
    if (cell.kecamatan?.trim()) {
      const k = matchKecamatanName(index, cell.kecamatan, wilayah);
      if (k.kind !== 'exact') {
        out.kodes.push(null);
        issues.error(
          cell.row,
          column,
          'KECAMATAN_NAME_UNKNOWN',
          k.kind === 'ambiguous'
            ? `Nama kecamatan "${cell.kecamatan.trim()}" dimiliki ${k.candidates.length} kecamatan di wilayah ini: ${k.candidates.map((c) => `${c.kode} ${c.nama}`).join('; ')}.`
            : `Nama kecamatan "${cell.kecamatan.trim()}" tidak ada di wilayah ${wilayah}${k.near.length ? `. Mungkin maksudnya: ${k.near.map((c) => `${c.kode} ${c.nama}`).join('; ')}` : ''}.`,
        );
        continue;
      }
    }
    switch (m.kind) {
      case 'exact':
        out.kodes.push(m.kode);
        if (m.normalised && !noted.has(cacheKey)) {
          noted.add(cacheKey);
          issues.warn(
            cell.row,
            column,
            'DESA_NAME_MATCHED',
            `Nama desa ${shown} dibaca sebagai ${describeDesa(index, { kode: m.kode, nama: m.nama })}${m.alias ? ' (nama yang pernah dikonfirmasi)' : ''}.`,
          );
        }
        break;
      case 'ambiguous': {
        const chosen = m.candidates.find((c) => c.kode === options.chosen?.[cell.nama.trim()]);
        if (chosen) {
          out.kodes.push(chosen.kode);
          if (!noted.has(cacheKey)) {
            noted.add(cacheKey);
            issues.warn(
              cell.row,
              column,
              'DESA_NAME_MATCHED',
              `Nama desa ${shown} dimiliki ${m.candidates.length} desa; dipilih di pratinjau untuk berkas ini: ${describeDesa(index, chosen)}.`,
            );
          }
          break;
        }
        out.kodes.push(null);
        issues.error(
          cell.row,
          column,
          'DESA_NAME_AMBIGUOUS',
          `Nama desa ${shown} dimiliki ${m.candidates.length} desa di wilayah ini: ${m.candidates.map((c) => describeDesa(index, c)).join('; ')}. Pilih desanya di pratinjau, tambahkan kolom kecamatan, atau tulis kode desanya.`,
        );
        ask(cacheKey, cell.row, cell.nama.trim(), m.candidates, true);
        break;
      }
      case 'near': {
        out.kodes.push(null);
        issues.error(
          cell.row,
          column,
          'DESA_NAME_NEAR',
          `Nama desa ${shown} tidak ditemukan persis. Mungkin maksudnya: ${m.candidates.map((c) => describeDesa(index, c)).join('; ')}. Konfirmasi pilihan di pratinjau.`,
        );
        ask(cacheKey, cell.row, cell.nama.trim(), m.candidates, false);
        break;
      }
      case 'none':
        out.kodes.push(null);
        issues.error(
          cell.row,
          column,
          'DESA_NAME_UNKNOWN',
          `Nama desa ${shown} tidak ada di wilayah ${wilayah}. Periksa ejaannya atau tulis kode desanya.`,
        );
        break;
    }
  }
  out.toConfirm = [...confirm.values()];
  out.errorCount = issues.errorCount;
  return out;
}

/** A row that names its desa twice: by kode (after the crosswalk) and by name (a nama_desa column). */
export interface NamedKodeRow {
  row: number;
  kode: string;
  nama: string;
}

/**
 * Rows whose desa name is not the name of the desa their kode belongs to now, one warning per kode and name with its
 * rows. Kepmendagri editions reuse kode: a kode of an older edition may belong to another desa now, and the crosswalk
 * cannot remap it (the kode is still in use), so the name is what tells. Names are compared by desaNameKey (spelling,
 * unit words and case do not count); a kode the rules do not know (`nameOf` undefined) is left to the kode check.
 */
export function desaNameMismatches(
  rows: readonly NamedKodeRow[],
  nameOf: (kode: string) => string | undefined,
  column: string,
): ExchangeIssue[] {
  const found = new Map<string, { kode: string; nama: string; current: string; rows: number[] }>();
  for (const { row, kode, nama } of rows) {
    const current = nameOf(kode);
    if (!current || !desaNameKey(nama) || desaNameKey(nama) === desaNameKey(current)) continue;
    const key = `${kode}\u0000${desaNameKey(nama)}`;
    const f = found.get(key) ?? { kode, nama: nama.trim(), current, rows: [] };
    f.rows.push(row);
    found.set(key, f);
  }
  const issues = new ExchangeIssues();
  for (const f of found.values()) {
    issues.warn(
      f.rows[0]!,
      column,
      'DESA_NAME_MISMATCH',
      `Kode ${f.kode} bernama "${f.nama}" di berkas, tetapi kode itu sekarang milik ${f.current}. Kode desa dapat dipakai ulang untuk desa lain pada edisi Kepmendagri yang berbeda: periksa kode dan nama desa pada ${f.rows.length.toLocaleString('id-ID')} baris: ${listRows(f.rows)}.`,
    );
  }
  return issues.warnings;
}
