// Pustu and Posyandu of one desa, as the desa profile shows and edits them (GET/PUT /api/desa/{kode}/fasilitas).
// Pure: the totals behind "1 Pustu: 1 perawat, 1 bidan" and "3 Posyandu, 2 ber-SK LKD, 14 kader (6 tersertifikasi)",
// the form's draft (numbers as typed) and the check before saving. Unit-tested (facilities-model.test.ts).
import type { Facilities, FacilitiesBody } from '@peta/domain/contract';

export interface FacilitiesTotals {
  pustu: number;
  perawat: number;
  bidan: number;
  posyandu: number;
  /** Posyandu with an SK as Lembaga Kemasyarakatan Desa/Kelurahan. */
  sk: number;
  kader: number;
  kaderTersertifikasi: number;
}

const sum = <T>(rows: readonly T[], of: (row: T) => number) => rows.reduce((s, r) => s + of(r), 0);

export function facilitiesTotals(f: Pick<Facilities, 'pustu' | 'posyandu'>): FacilitiesTotals {
  return {
    pustu: f.pustu.length,
    perawat: sum(f.pustu, (p) => p.perawat),
    bidan: sum(f.pustu, (p) => p.bidan),
    posyandu: f.posyandu.length,
    sk: f.posyandu.filter((p) => p.sk).length,
    kader: sum(f.posyandu, (p) => p.kader),
    kaderTersertifikasi: sum(f.posyandu, (p) => p.kaderTersertifikasi),
  };
}

// ---- the form ---------------------------------------------------------------------------------------------

/** A row as typed: numbers stay text until saved, so an emptied field is not silently 0. */
export interface PustuDraft {
  nama: string;
  perawat: string;
  bidan: string;
}
export interface PosyanduDraft {
  nama: string;
  lokasi: string;
  sk: boolean;
  kader: string;
  kaderTersertifikasi: string;
}
export interface FacilitiesDraft {
  pustu: PustuDraft[];
  posyandu: PosyanduDraft[];
}

export const NEW_PUSTU: PustuDraft = { nama: '', perawat: '0', bidan: '0' };
export const NEW_POSYANDU: PosyanduDraft = { nama: '', lokasi: '', sk: false, kader: '0', kaderTersertifikasi: '0' };

export function draftOf(f: Pick<Facilities, 'pustu' | 'posyandu'>): FacilitiesDraft {
  return {
    pustu: f.pustu.map((p) => ({ nama: p.nama ?? '', perawat: String(p.perawat), bidan: String(p.bidan) })),
    posyandu: f.posyandu.map((p) => ({
      nama: p.nama ?? '',
      lokasi: p.lokasi ?? '',
      sk: p.sk,
      kader: String(p.kader),
      kaderTersertifikasi: String(p.kaderTersertifikasi),
    })),
  };
}

/** The server's limits (FacilitiesBodySchema): a count outside them is refused whole. */
export const COUNT_MAX = { perawat: 100, bidan: 100, kader: 200, kaderTersertifikasi: 200 } as const;
type CountField = keyof typeof COUNT_MAX;

/** What is wrong, where: row is 1-based as the form numbers its rows ("Posyandu 2"). */
export type DraftProblem =
  | { list: 'pustu' | 'posyandu'; row: number; field: CountField; kind: 'count'; max: number }
  | {
      list: 'posyandu';
      row: number;
      field: 'kaderTersertifikasi';
      kind: 'certifiedAboveKader';
      kader: number;
      kaderTersertifikasi: number;
    };

/** A whole number 0..max as typed (spaces allowed around), else null. */
function countOf(text: string, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= max ? n : null;
}

const textOrNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The body to PUT (the whole lists), or the problems that keep it from being saved. */
export function checkDraft(
  draft: FacilitiesDraft,
): { body: FacilitiesBody; problems: [] } | { body: null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const count = (list: 'pustu' | 'posyandu', row: number, field: CountField, text: string) => {
    const n = countOf(text, COUNT_MAX[field]);
    if (n === null) problems.push({ list, row, field, kind: 'count', max: COUNT_MAX[field] });
    return n ?? 0;
  };
  const pustu = draft.pustu.map((p, i) => ({
    nama: textOrNull(p.nama),
    perawat: count('pustu', i + 1, 'perawat', p.perawat),
    bidan: count('pustu', i + 1, 'bidan', p.bidan),
  }));
  const posyandu = draft.posyandu.map((p, i) => {
    const kader = count('posyandu', i + 1, 'kader', p.kader);
    const kaderTersertifikasi = count('posyandu', i + 1, 'kaderTersertifikasi', p.kaderTersertifikasi);
    if (kaderTersertifikasi > kader) {
      problems.push({
        list: 'posyandu',
        row: i + 1,
        field: 'kaderTersertifikasi',
        kind: 'certifiedAboveKader',
        kader,
        kaderTersertifikasi,
      });
    }
    return { nama: textOrNull(p.nama), lokasi: textOrNull(p.lokasi), sk: p.sk, kader, kaderTersertifikasi };
  });
  return problems.length ? { body: null, problems } : { body: { pustu, posyandu }, problems: [] };
}
