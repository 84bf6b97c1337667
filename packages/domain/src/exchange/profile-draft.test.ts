import { describe, expect, it } from 'vitest';
import { validateProfile } from './profile.ts';
import { draftProfile, findYearCell, guessChoices, guessedProfile, labelsOf, startDraft } from './profile-draft.ts';

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

  it('startDraft takes the header row the user names (two rows for merged indicator headers)', () => {
    const draft = startDraft({ sheet: 'PWS KIA', headerRow: 1, rows: ROWS }, '99.01', {
      barisJudul: 4,
      tinggiJudul: 2,
    });
    expect([draft.barisJudul, draft.tinggiJudul, draft.tahun, draft.lembar]).toEqual([4, 2, { sel: 'A2' }, 'PWS KIA']);
    expect(draft.choices['K4 / Feb']).toEqual({ role: 'pembilang', indikator: 'KIA_K4', bulan: 2 });
  });

  it("guessedProfile (pnpm cli profil draf): a long export's columns and its indicator labels, where a label names one", () => {
    const rows = [
      ['Nama Desa', 'Kecamatan', 'Bulan Laporan', 'Indikator', 'Jumlah', 'Sasaran'],
      ["Desa Ma'u", 'Kec. Satu', 'Oktober 2026', 'K1', '3', ''],
      ['Dua', 'Satu', '10/2026', 'TB diobati', '2', '4'],
    ];
    const { profile, unmapped } = guessedProfile(
      { sheet: null, headerRow: 1, rows },
      { nama: 'Ekspor ASIK', kabupaten: '99.01' },
    );
    expect(profile).toEqual({
      versi: 1,
      nama: 'Ekspor ASIK',
      kabupaten: '99.01',
      barisJudul: 1,
      tandaJudul: 'nama desa|kecamatan|bulan laporan|indikator|jumlah|sasaran',
      desa: { kolom: 'Nama Desa', isi: 'nama', kolomKecamatan: 'Kecamatan' },
      periode: { kolom: 'Bulan Laporan' },
      // "TB diobati" names no indicator by itself: left out, so the import refuses its rows until the user maps it.
      indikator: { kolom: 'Indikator', kode: { K1: 'KIA_K1' } },
      nilai: [
        { kolom: 'Jumlah', peran: 'pembilang' },
        { kolom: 'Sasaran', peran: 'penyebut' },
      ],
    });
    expect(unmapped).toEqual(['TB diobati']);
  });
});
