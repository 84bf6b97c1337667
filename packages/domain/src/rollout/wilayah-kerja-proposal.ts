// A first, UNCONFIRMED proposal of each puskesmas' wilayah kerja (set of desa). No open authoritative list
// exists (domain brief §7.3), and the puskesmas list has no coordinates, so the proposal works from names:
// a puskesmas is placed in the kecamatan whose name it bears, or in the kecamatan of the desa whose name it
// bears (see `locate` for the order of the rules). A kecamatan with one placed puskesmas goes to it whole. A kecamatan with several is NOT split here
// (that is the dinkes' decision, made on the map): it goes whole to the one named after the kecamatan (or
// the lowest kode), and the others are reported as sharing it. Every result is marked unconfirmed.

import { groupBy } from '../group-by.ts';
import { placeNameWords } from '../names.ts';

export interface PuskesmasRef {
  kode: string;
  nama: string;
}
export interface WilayahRef {
  kode: string;
  nama: string;
}
export interface DesaRef extends WilayahRef {
  kecamatan: string;
}

export type PlacementKind =
  /** named after a kecamatan: gets the whole kecamatan */
  | 'nama-kecamatan'
  /** named after a desa, or a kecamatan's name is part of its name: gets the whole kecamatan when no
   *  puskesmas there is named exactly after the kecamatan (and it has the lowest kode among the others) */
  | 'nama-desa'
  /** placed in a kecamatan that another puskesmas received: no desa until the dinkes splits it */
  | 'berbagi-kecamatan'
  /** its name points to no single kecamatan of the kabupaten */
  | 'tidak-ditemukan';

export interface Placement {
  puskesmas: string;
  kind: PlacementKind;
  kecamatan: string | null;
  /** The puskesmas that received the kecamatan (berbagi-kecamatan only). */
  sharesWith: string | null;
  desa: string[];
}

export interface WilayahKerjaProposal {
  placements: Placement[];
  /** desa kode → puskesmas kode */
  assignment: Map<string, string>;
  desaWithoutPuskesmas: string[];
  confirmed: false;
}

/** Words of a facility or unit, dropped wherever they stand: "UPTD Puskesmas Kec. Galang" is Galang. */
const UNIT_WORDS = new Set(['uptd', 'upt', 'puskesmas', 'pkm', 'kecamatan', 'kec', 'desa', 'kelurahan', 'kel']);

/** "PUSKESMAS SEI MENCIRIM" → "sungaimencirim": the place-name words (names.ts) without facility and unit words. */
export function nameKey(nama: string): string {
  return placeNameWords(nama)
    .filter((w) => !UNIT_WORDS.has(w))
    .join('');
}

export function proposeWilayahKerja(
  puskesmas: readonly PuskesmasRef[],
  kecamatan: readonly WilayahRef[],
  desa: readonly DesaRef[],
): WilayahKerjaProposal {
  const kecByKey = groupBy(kecamatan, (k) => nameKey(k.nama));
  const desaByKey = groupBy(desa, (d) => nameKey(d.nama));
  const desaOfKec = groupBy(desa, (d) => d.kecamatan);

  type Located = { p: PuskesmasRef; kec: string; byKecamatanName: boolean };
  const located: Located[] = [];
  const placements = new Map<string, Placement>();
  for (const p of [...puskesmas].sort(byKode)) {
    const key = nameKey(p.nama);
    const kec = locate(key, kecamatan, kecByKey, desa, desaByKey);
    if (kec) located.push({ p, kec: kec.kode, byKecamatanName: kec.byKecamatanName });
    else
      placements.set(p.kode, {
        puskesmas: p.kode,
        kind: 'tidak-ditemukan',
        kecamatan: null,
        sharesWith: null,
        desa: [],
      });
  }

  const assignment = new Map<string, string>();
  for (const [kec, here] of groupBy(located, (l) => l.kec)) {
    const named = here.filter((l) => l.byKecamatanName);
    const owner = (named.length === 1 ? named[0] : here[0])!; // `here` is in kode order
    const desaKodes = (desaOfKec.get(kec) ?? []).map((d) => d.kode).sort();
    for (const d of desaKodes) assignment.set(d, owner.p.kode);
    for (const l of here) {
      const isOwner = l === owner;
      placements.set(l.p.kode, {
        puskesmas: l.p.kode,
        kind: isOwner ? (l.byKecamatanName ? 'nama-kecamatan' : 'nama-desa') : 'berbagi-kecamatan',
        kecamatan: kec,
        sharesWith: isOwner ? null : owner.p.kode,
        desa: isOwner ? desaKodes : [],
      });
    }
  }
  return {
    placements: [...puskesmas].sort(byKode).map((p) => placements.get(p.kode)!),
    assignment,
    desaWithoutPuskesmas: desa
      .map((d) => d.kode)
      .filter((d) => !assignment.has(d))
      .sort(),
    confirmed: false,
  };
}

/** Short keys match too much by prefix or containment ("batu" is in many names). */
const MIN_PARTIAL_KEY = 5;

/**
 * The kecamatan of a puskesmas name, trying in turn: the name of one kecamatan; the name of desa that all lie
 * in one kecamatan ("Dalu Sepuluh" = desa Dalu Sepuluh A and B); the start of such desa names; the name of
 * exactly one kecamatan inside the puskesmas name ("SP IV Prafi" → Prafi). null when none is unambiguous.
 */
function locate(
  key: string,
  kecamatan: readonly WilayahRef[],
  kecByKey: Map<string, WilayahRef[]>,
  desa: readonly DesaRef[],
  desaByKey: Map<string, DesaRef[]>,
): { kode: string; byKecamatanName: boolean } | null {
  if (!key) return null;
  const exactKec = kecByKey.get(key) ?? [];
  if (exactKec.length === 1) return { kode: exactKec[0]!.kode, byKecamatanName: true };
  const inOneKecamatan = (matches: readonly DesaRef[]) => {
    const kecs = new Set(matches.map((d) => d.kecamatan));
    return kecs.size === 1 ? { kode: [...kecs][0]!, byKecamatanName: false } : null;
  };
  const exactDesa = inOneKecamatan(desaByKey.get(key) ?? []);
  if (exactDesa) return exactDesa;
  if (key.length < MIN_PARTIAL_KEY) return null;
  const prefixDesa = inOneKecamatan(desa.filter((d) => nameKey(d.nama).startsWith(key)));
  if (prefixDesa) return prefixDesa;
  const contained = kecamatan.filter((k) => {
    const kk = nameKey(k.nama);
    return kk.length >= MIN_PARTIAL_KEY && key.includes(kk);
  });
  return contained.length === 1 ? { kode: contained[0]!.kode, byKecamatanName: false } : null;
}

function byKode(a: { kode: string }, b: { kode: string }): number {
  return a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0;
}
