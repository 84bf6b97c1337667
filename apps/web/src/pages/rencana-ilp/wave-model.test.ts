import { describe, expect, it } from 'vitest';
import type { PuskesmasSummary, WaveDto } from '@peta/domain/contract';
import { memberCandidates, plannedDatesInOrder, waveBody, waveDraft, withMember, withoutMember } from './wave-model.ts';

const wave: WaveDto = {
  id: 7,
  kabupaten: '12.07',
  nama: 'Gelombang 1',
  year: 2025,
  target: 2,
  plannedStart: null,
  plannedEnd: '2025-12-31',
  basis: 'berita',
  note: 'catatan',
  simulated: true,
  members: [
    { kode: '1', nama: 'Pantai Labu', rank: 1, reason: 'butuh' },
    { kode: '2', nama: 'Batang Kuis', rank: null, reason: null },
  ],
};
const puskesmas = [
  { kode: '3', nama: 'Tanjung Morawa' },
  { kode: '2', nama: 'Batang Kuis' },
  { kode: '4', nama: 'Bangun Purba' },
] as PuskesmasSummary[];

describe('wave editing', () => {
  it('round-trips a saved wave into the PUT body, empty dates as null', () => {
    const draft = waveDraft(wave);
    expect(draft.plannedStart).toBe('');
    expect(waveBody('12.07', { ...draft, nama: '  Gelombang 1 (revisi) ', target: 3 })).toEqual({
      kabupaten: '12.07',
      nama: 'Gelombang 1 (revisi)',
      year: 2025,
      target: 3,
      plannedStart: null,
      plannedEnd: '2025-12-31',
      note: 'catatan',
      members: [
        { kode: '1', rank: 1, reason: 'butuh' },
        { kode: '2', rank: null, reason: null },
      ],
    });
  });

  it('adds a puskesmas once, removes a member, and offers only non-members by name', () => {
    const draft = waveDraft(wave);
    const added = withMember(draft, { kode: '4', nama: 'Bangun Purba' });
    expect(added.members.map((m) => m.kode)).toEqual(['1', '2', '4']);
    expect(added.members[2]).toEqual({ kode: '4', nama: 'Bangun Purba', rank: null, reason: null });
    expect(withMember(added, { kode: '4', nama: 'Bangun Purba' })).toBe(added);
    expect(withoutMember(added, '1').members.map((m) => m.kode)).toEqual(['2', '4']);
    expect(memberCandidates(puskesmas, draft).map((p) => p.nama)).toEqual(['Bangun Purba', 'Tanjung Morawa']);
  });

  it('checks the planned dates are in order when both are given', () => {
    expect(plannedDatesInOrder({ plannedStart: '2026-01-01', plannedEnd: '2026-06-30' })).toBe(true);
    expect(plannedDatesInOrder({ plannedStart: '2026-07-01', plannedEnd: '2026-06-30' })).toBe(false);
    expect(plannedDatesInOrder({ plannedStart: '', plannedEnd: '2026-06-30' })).toBe(true);
  });
});
