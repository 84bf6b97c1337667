// Editing a wave (gelombang): the form's draft, made from the saved wave and turned back into the PUT body
// (the same as POST /api/gelombang). Members keep their rank and reason from the proposal; added ones have none.
// Pure; tested in wave-model.test.ts.
import type { PuskesmasSummary, WaveBody, WaveDto } from '@peta/domain/contract';

export interface WaveDraft {
  nama: string;
  year: number;
  target: number;
  /** '' = no planned date (an <input type="date"> value). */
  plannedStart: string;
  plannedEnd: string;
  note: string;
  members: WaveDto['members'];
}

export function waveDraft(wave: WaveDto): WaveDraft {
  return {
    nama: wave.nama,
    year: wave.year,
    target: wave.target,
    plannedStart: wave.plannedStart ?? '',
    plannedEnd: wave.plannedEnd ?? '',
    note: wave.note,
    members: wave.members,
  };
}

export function waveBody(kabupaten: string, draft: WaveDraft): WaveBody {
  return {
    kabupaten,
    nama: draft.nama.trim(),
    year: draft.year,
    target: draft.target,
    plannedStart: draft.plannedStart || null,
    plannedEnd: draft.plannedEnd || null,
    note: draft.note,
    members: draft.members.map((m) => ({ kode: m.kode, rank: m.rank, reason: m.reason })),
  };
}

export function withMember(draft: WaveDraft, puskesmas: Pick<PuskesmasSummary, 'kode' | 'nama'>): WaveDraft {
  if (draft.members.some((m) => m.kode === puskesmas.kode)) return draft;
  return {
    ...draft,
    members: [...draft.members, { kode: puskesmas.kode, nama: puskesmas.nama, rank: null, reason: null }],
  };
}

export function withoutMember(draft: WaveDraft, kode: string): WaveDraft {
  return { ...draft, members: draft.members.filter((m) => m.kode !== kode) };
}

/** Puskesmas of the kabupaten that may be added (not yet members), by name. */
export function memberCandidates(puskesmas: readonly PuskesmasSummary[], draft: WaveDraft): PuskesmasSummary[] {
  const taken = new Set(draft.members.map((m) => m.kode));
  return puskesmas.filter((p) => !taken.has(p.kode)).sort((a, b) => a.nama.localeCompare(b.nama));
}

/** A planned end before the planned start cannot be meant (the server does not check it). */
export const plannedDatesInOrder = (draft: Pick<WaveDraft, 'plannedStart' | 'plannedEnd'>) =>
  !draft.plannedStart || !draft.plannedEnd || draft.plannedStart <= draft.plannedEnd;
