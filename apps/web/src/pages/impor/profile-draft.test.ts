import { describe, expect, it } from 'vitest';
import { validateProfile } from '@peta/domain';
import { draftProfile, findYearCell, guessChoices, labelsOf } from './profile-draft.ts';

// The first rows of a PWS KIA sheet as the server's layout gives them (text).
const ROWS = [
  ['PWS KIA PUSKESMAS UJI'],
  ['TAHUN 2026'],
  [],
  ['No', 'Kecamatan', 'Desa', 'K1', '', 'K4', ''],
  ['', '', '', 'Jan', 'Feb', 'Jan', 'Feb'],
  ['1', 'Satu', "Ma'u", '3', '2', '1', '0'],
];

describe('the import wizard draft', () => {
  it('guesses desa, kecamatan and monthly indicator columns of a PWS KIA sheet, and the year cell', () => {
    const labels = labelsOf(ROWS, { barisJudul: 4, tinggiJudul: 2 });
    expect(labels).toEqual(['No', 'Kecamatan', 'Desa', 'K1 / Jan', 'K1 / Feb', 'K4 / Jan', 'K4 / Feb']);
    const choices = guessChoices(labels, ROWS, 6);
    expect(Object.values(choices).map((c) => [c.role, c.indikator, c.bulan])).toEqual([
      ['', '', null],
      ['kecamatan', '', null],
      ['desa-nama', '', null],
      ['pembilang', 'KIA_K1', 1],
      ['pembilang', 'KIA_K1', 2],
      ['pembilang', 'KIA_K4', 1],
      ['pembilang', 'KIA_K4', 2],
    ]);
    expect(findYearCell(ROWS, 4)).toEqual({ sel: 'A2', year: 2026 });
    const profile = draftProfile(
      {
        nama: 'PWS KIA',
        kabupaten: '99.01',
        lembar: 'PWS KIA',
        barisJudul: 4,
        tinggiJudul: 2,
        choices,
        tahun: { sel: 'A2' },
        labelKode: {},
      },
      labels,
    );
    expect(validateProfile(profile)).toMatchObject({
      ok: true,
      profile: {
        desa: { kolom: 'Desa', isi: 'nama', kolomKecamatan: 'Kecamatan' },
        tahun: { sel: 'A2' },
        tandaJudul: 'no|kecamatan|desa|k1 / jan|k1 / feb|k4 / jan|k4 / feb',
      },
    });
    expect(profile.nilai).toHaveLength(4);
  });
});
