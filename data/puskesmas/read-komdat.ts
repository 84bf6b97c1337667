// Puskesmas from the Komdat list (CC0; read where it lies: data/shared-sources.ts, note komdat-puskesmas-2022.SOURCE.md), with kabupaten codes made current.
// Papua's kabupaten were split over four new provinces in 2022 (93 Papua Selatan, 94 Papua Tengah,
// 95 Papua Pegunungan, 96 Papua Barat Daya) and the moved ones got new codes; the list still uses the old
// ones. Instead of a hand-typed table of old codes, each old code is remapped to the current kabupaten whose
// kecamatan and desa names the old code's puskesmas names match most — checkable, and it fails loudly.
import { readFile } from 'node:fs/promises';
import { ancestorAt, nameKey, titleCase } from '@peta/domain';
import { parseCsv, type CodeList } from '../importers/boundaries/code-list.ts';
import { SHARED_SOURCES, sharedSourceFile } from '../shared-sources.ts';

export interface KomdatPuskesmas {
  /** Komdat id, 7 digits (kept as the source id; our kode puskesmas is derived from it). */
  kodeInstansi: string;
  /** "Puskesmas Gunung Meriah" (the source is upper case). */
  nama: string;
  /** Current Kemendagri kabupaten/kota code with dot, e.g. 12.07. */
  kabupaten: string;
  /** The code in the source, when it was remapped (e.g. 91.01 → 93.01). */
  kabupatenAsal: string | null;
}

export interface KomdatRead {
  puskesmas: KomdatPuskesmas[];
  /** Old code → new code, with the name matches that decided it. */
  remapped: { from: string; to: string; matches: number; of: number }[];
  /** Rows whose kabupaten code is neither current nor remappable (left out). */
  unresolved: { kodeInstansi: string; nama: string; kodeKab: string }[];
}

/** Provinces that received the kabupaten of an old province code. */
const SUCCESSORS: Record<string, string[]> = { '91': ['91', '93', '94', '95'], '92': ['92', '96'] };

export async function readKomdatPuskesmas(
  codeList: CodeList,
  file = sharedSourceFile(SHARED_SOURCES.komdatPuskesmas),
): Promise<KomdatRead> {
  const rows = parseCsv(await readFile(file, 'utf8'));
  const header = rows.shift() ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`Kolom "${name}" tidak ada di ${file}`);
    return i;
  };
  const [cKab, cId, cNama] = [col('kode_kab'), col('kode_instansi'), col('unit_kerja')];
  const raw = rows
    .filter((r) => r.length >= header.length)
    .map((r) => ({
      kodeKab: `${r[cKab]!.slice(0, 2)}.${r[cKab]!.slice(2)}`,
      kodeInstansi: r[cId]!,
      nama: titleCase(r[cNama]!),
    }));

  const current = (kode: string) => codeList.entries.get(kode)?.tingkat === 'kabupaten';
  const byOldCode = new Map<string, typeof raw>();
  for (const r of raw) {
    if (!SUCCESSORS[r.kodeKab.slice(0, 2)]) continue;
    const list = byOldCode.get(r.kodeKab) ?? [];
    list.push(r);
    byOldCode.set(r.kodeKab, list);
  }
  const placeKeys = placeNameKeysByKabupaten(codeList);
  const remap = new Map<string, string>();
  const remapped: KomdatRead['remapped'] = [];
  for (const [oldCode, list] of byOldCode) {
    const candidates = [...placeKeys.keys()].filter((k) => SUCCESSORS[oldCode.slice(0, 2)]!.includes(k.slice(0, 2)));
    const scored = candidates
      .map((k) => ({ k, n: list.filter((p) => placeKeys.get(k)!.has(nameKey(p.nama))).length }))
      .sort((a, b) => b.n - a.n || (a.k < b.k ? -1 : 1));
    const [best, second] = scored;
    if (!best || best.n === 0 || (second && second.n === best.n)) continue;
    if (best.k !== oldCode) remapped.push({ from: oldCode, to: best.k, matches: best.n, of: list.length });
    remap.set(oldCode, best.k);
  }

  const puskesmas: KomdatPuskesmas[] = [];
  const unresolved: KomdatRead['unresolved'] = [];
  for (const r of raw) {
    // An old Papua code that matched no names stays as it is when it is still a current code (e.g. Supiori).
    const kabupaten = remap.get(r.kodeKab) ?? r.kodeKab;
    if (!kabupaten || !current(kabupaten)) {
      unresolved.push({ kodeInstansi: r.kodeInstansi, nama: r.nama, kodeKab: r.kodeKab });
      continue;
    }
    puskesmas.push({
      kodeInstansi: r.kodeInstansi,
      nama: r.nama,
      kabupaten,
      kabupatenAsal: kabupaten === r.kodeKab ? null : r.kodeKab,
    });
  }
  return { puskesmas, remapped: remapped.sort((a, b) => (a.from < b.from ? -1 : 1)), unresolved };
}

/** nameKey of every kecamatan and desa, grouped by kabupaten (Papua provinces only: that is all we need). */
function placeNameKeysByKabupaten(codeList: CodeList): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const e of codeList.entries.values()) {
    if (!/^9[1-6]\./.test(e.kode) || (e.tingkat !== 'kecamatan' && e.tingkat !== 'desa')) continue;
    const kab = ancestorAt(e.kode, 'kabupaten')!;
    let set = map.get(kab);
    if (!set) map.set(kab, (set = new Set()));
    set.add(nameKey(e.nama));
  }
  return map;
}
