import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, facilitiesTotals, NEW_POSYANDU, NEW_PUSTU } from './facilities-model.ts';

const facilities = {
  pustu: [{ nama: null, perawat: 1, bidan: 1 }],
  posyandu: [
    { nama: 'Mawar', lokasi: 'Dusun I', sk: true, kader: 5, kaderTersertifikasi: 3 },
    { nama: null, lokasi: null, sk: true, kader: 5, kaderTersertifikasi: 2 },
    { nama: null, lokasi: null, sk: false, kader: 4, kaderTersertifikasi: 1 },
  ],
};

describe('Pustu and Posyandu totals', () => {
  it('adds up what the profile says: 1 Pustu with 1 perawat and 1 bidan; 3 Posyandu, 2 with SK, 14 kader of whom 6 certified', () => {
    expect(facilitiesTotals(facilities)).toEqual({
      pustu: 1,
      perawat: 1,
      bidan: 1,
      posyandu: 3,
      sk: 2,
      kader: 14,
      kaderTersertifikasi: 6,
    });
  });

  it('counts nothing for empty lists (known zero; "belum diisi" is the answer\'s known flag, not the totals)', () => {
    expect(facilitiesTotals({ pustu: [], posyandu: [] })).toEqual({
      pustu: 0,
      perawat: 0,
      bidan: 0,
      posyandu: 0,
      sk: 0,
      kader: 0,
      kaderTersertifikasi: 0,
    });
  });
});

describe('the edit form', () => {
  it('round-trips the stored lists: empty names become null again, numbers whole', () => {
    const draft = draftOf(facilities);
    expect(draft.pustu[0]).toEqual({ nama: '', perawat: '1', bidan: '1' });
    expect(checkDraft(draft)).toEqual({ body: facilities, problems: [] });
  });

  it('trims names and numbers typed with spaces; new rows start at 0', () => {
    const result = checkDraft({
      pustu: [{ nama: '  Pustu Sei Rakyat ', perawat: ' 2 ', bidan: '0' }, NEW_PUSTU],
      posyandu: [NEW_POSYANDU],
    });
    expect(result.body).toEqual({
      pustu: [
        { nama: 'Pustu Sei Rakyat', perawat: 2, bidan: 0 },
        { nama: null, perawat: 0, bidan: 0 },
      ],
      posyandu: [{ nama: null, lokasi: null, sk: false, kader: 0, kaderTersertifikasi: 0 }],
    });
  });

  it('refuses negative, fractional, empty and too large counts, naming the row and field', () => {
    const result = checkDraft({
      pustu: [{ nama: '', perawat: '-1', bidan: '1.5' }],
      posyandu: [
        { ...NEW_POSYANDU, kader: '', kaderTersertifikasi: '0' },
        { ...NEW_POSYANDU, kader: '201', kaderTersertifikasi: '0' },
      ],
    });
    expect(result.body).toBeNull();
    expect(result.problems).toEqual([
      { list: 'pustu', row: 1, field: 'perawat', kind: 'count', max: 100 },
      { list: 'pustu', row: 1, field: 'bidan', kind: 'count', max: 100 },
      { list: 'posyandu', row: 1, field: 'kader', kind: 'count', max: 200 },
      { list: 'posyandu', row: 2, field: 'kader', kind: 'count', max: 200 },
    ]);
  });

  it('refuses more certified kader than kader (8 of 5 in Posyandu 2), but accepts all certified', () => {
    const result = checkDraft({
      pustu: [],
      posyandu: [
        { ...NEW_POSYANDU, kader: '5', kaderTersertifikasi: '5' },
        { ...NEW_POSYANDU, kader: '5', kaderTersertifikasi: '8' },
      ],
    });
    expect(result.problems).toEqual([
      {
        list: 'posyandu',
        row: 2,
        field: 'kaderTersertifikasi',
        kind: 'certifiedAboveKader',
        kader: 5,
        kaderTersertifikasi: 8,
      },
    ]);
  });
});
