// The corpus of files (../fixtures/, written by fixtures/make-fixtures.ts) with the exact issues each must give.
// Wilayah: the tiny test wilayah 99; "today" is November 2026.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSignature, validateProfile, type ImportIssue } from '@peta/domain';
import type { ParseContext } from './parsed.ts';
import { parseImportFile } from './parse-import.ts';

const kodes = new Set([
  '99',
  '99.01',
  '99.01.01',
  '99.01.02',
  '99.01.01.2001',
  '99.01.01.2002',
  '99.01.02.2001',
  '99.01.02.2002',
]);
const parse = (name: string) =>
  parseImportFile(readFileSync(join(import.meta.dirname, '../fixtures', name)), name, {
    today: { year: 2026, month: 11 },
    kodes,
  });
const where = (issues: ImportIssue[]) => issues.map((i) => [i.row, i.column, i.code]);

describe('refused files: every error with its row, column and code; nothing to import', () => {
  it.each([
    ['empty.csv', [[null, null, 'FILE_EMPTY']]],
    ['header-only.csv', [[null, null, 'FILE_EMPTY']]],
    ['not-a-format.csv', [[1, null, 'FILE_FORMAT']]],
    ['excel-named.csv', [[null, null, 'FILE_FORMAT']]],
    ['text-named.xlsx', [[null, null, 'FILE_FORMAT']]],
    ['latin1.csv', [[3, null, 'FILE_ENCODING']]],
    ['utf16.csv', [[1, null, 'FILE_ENCODING']]],
    ['template-wrong-version.csv', [[1, 'versi_templat', 'TEMPLATE_VERSION']]],
    [
      'long-merged-header.xlsx',
      [
        [1, 'E', 'HEADER_MERGED'],
        [1, 'penyebut', 'HEADER_MISSING'],
      ],
    ],
    [
      'long-denominators.csv',
      [
        [2, 'penyebut', 'DENOMINATOR_REQUIRED'],
        [3, 'penyebut', 'DENOMINATOR_NOT_ALLOWED'],
      ],
    ],
    [
      'long-period.csv',
      [
        [2, 'periode', 'PERIOD_INVALID'],
        [3, 'periode', 'PERIOD_INVALID'],
        [4, 'periode', 'PERIOD_FUTURE'],
      ],
    ],
    [
      'sasaran-bad.csv',
      [
        [2, 'tahun', 'YEAR_INVALID'],
        [3, 'sasaran', 'SASARAN_UNKNOWN'],
        [4, 'jumlah', 'VALUE_NEGATIVE'],
        [5, 'sumber', 'SOURCE_REQUIRED'],
      ],
    ],
    ['sasaran-nul.xlsx', [[2, 'sumber', 'TEXT_INVALID_CHARACTER']]],
  ] as const)('%s', async (name, expected) => {
    const parsed = await parse(name);
    expect(where(parsed.errors)).toEqual(expected);
    expect(parsed.values.length + parsed.sasaran.length === 0 || parsed.errors.length > 0).toBe(true);
  });

  it('kode: without dots and with spaces read (warned); wrong digits, a kecamatan and an unknown desa refused', async () => {
    const p = await parse('long-kode.csv');
    expect(where(p.errors)).toEqual([
      [4, 'kode_wilayah', 'KODE_INVALID'],
      [5, 'kode_wilayah', 'KODE_NOT_DESA'],
      [6, 'kode_wilayah', 'KODE_UNKNOWN'],
    ]);
    expect(where(p.warnings)).toEqual([
      [2, 'kode_wilayah', 'KODE_NORMALISED'],
      [3, 'kode_wilayah', 'KODE_NORMALISED'],
    ]);
    expect(p.warnings[1]!.message).toBe('Kode "99 01 01 2002" dibaca sebagai 99.01.01.2002.');
    expect(p.values.map((v) => v.kode)).toEqual(['99.01.01.2001', '99.01.01.2002']);
  });

  it('values: decimals, negatives, text, 1,234 and empty refused; 1.234 and 12.0 read', async () => {
    const p = await parse('long-values.csv');
    expect(where(p.errors)).toEqual([
      [2, 'pembilang', 'VALUE_NOT_WHOLE'],
      [3, 'pembilang', 'VALUE_NEGATIVE'],
      [4, 'pembilang', 'VALUE_NOT_NUMBER'],
      [5, 'pembilang', 'VALUE_AMBIGUOUS'],
      [6, 'pembilang', 'VALUE_REQUIRED'],
    ]);
    expect(p.values.map((v) => [v.row, v.numerator])).toEqual([
      [7, 1234],
      [8, 12],
    ]);
  });

  it('an unknown indicator is refused, a lower-case known one read', async () => {
    const p = await parse('long-indicator.csv');
    expect(where(p.errors)).toEqual([[2, 'indikator', 'INDICATOR_UNKNOWN']]);
    expect(p.values.map((v) => v.indicator)).toEqual(['KIA_K1']);
  });

  it('duplicates are found after the kode is normalised, and point at the first row', async () => {
    const p = await parse('long-duplicates.csv');
    expect(where(p.errors)).toEqual([[4, null, 'DUPLICATE']]);
    expect(p.errors[0]!.message).toBe('Baris ganda: 99.01.01.2001, 2026-10, KIA_K4 sudah ada di baris 2.');
  });

  it('Excel date cells: a period typed as 2026-10 (a date) is read, a count that became a date is refused', async () => {
    const p = await parse('long-dates.xlsx');
    expect(where(p.errors)).toEqual([[3, 'pembilang', 'VALUE_IS_DATE']]);
    expect(p.values.map((v) => [v.kode, v.year, v.month, v.numerator])).toEqual([['99.01.01.2001', 2026, 10, 7]]);
  });

  it('formulas: the stored result is used; no result or an Excel error is refused', async () => {
    const p = await parse('long-formulas.xlsx');
    expect(where(p.errors)).toEqual([
      [3, 'pembilang', 'FORMULA_NO_RESULT'],
      [4, 'pembilang', 'FORMULA_ERROR'],
    ]);
    expect(p.errors[1]!.message).toBe('Rumus di sel D4 menghasilkan galat #DIV/0!.');
    expect(p.values.map((v) => v.numerator)).toEqual([7]);
  });

  it('template: a desa outside the template wilayah is refused, both named in words with their codes', async () => {
    const p = await parse('template-outside-wilayah.csv');
    expect(where(p.errors)).toEqual([[8, 'kode_wilayah', 'KODE_OUTSIDE_WILAYAH']]);
    expect(p.errors[0]!.message).toBe('Desa 99.01.02.2001 tidak termasuk wilayah templat, 99.01.01.');
    const names = new Map([
      ['99.01.01', 'Kecamatan Satu'],
      ['99.01.02.2001', 'Desa Tiga'],
    ]);
    const named = await parseImportFile(
      readFileSync(join(import.meta.dirname, '../fixtures', 'template-outside-wilayah.csv')),
      'x.csv',
      { today: { year: 2026, month: 11 }, kodes, names },
    );
    expect(named.errors[0]!.message).toBe(
      'Desa Tiga (99.01.02.2001) tidak termasuk wilayah templat, Kecamatan Satu (99.01.01).',
    );
  });

  it('template: an unknown indicator column is an error, a note column only a warning', async () => {
    const p = await parse('template-extra-columns.xlsx');
    expect(where(p.errors)).toEqual([[4, 'KIA_K44', 'INDICATOR_UNKNOWN']]);
    expect(where(p.warnings)).toEqual([[4, 'catatan', 'EXTRA_COLUMN']]);
  });
});

describe('accepted files', () => {
  it('CSV with BOM, ";" and quotes', async () => {
    const p = await parse('long-valid-bom-semicolon.csv');
    expect(p.errors).toEqual([]);
    expect(p.values.map((v) => [v.row, v.kode, v.indicator, v.year, v.month, v.numerator, v.denominator])).toEqual([
      [2, '99.01.01.2001', 'KIA_K4', 2026, 10, 12, null],
      [3, '99.01.01.2002', 'KIA_K4', 2026, 10, 1234, null],
      [4, '99.01.01.2001', 'SPM11_TB', 2026, 10, 3, 4],
    ]);
  });

  it('extra columns are ignored with a warning (a quoted field with "" and a comma)', async () => {
    const p = await parse('long-extra-columns.csv');
    expect(p.errors).toEqual([]);
    expect(where(p.warnings)).toEqual([[1, 'keterangan', 'EXTRA_COLUMN']]);
    expect(p.values).toHaveLength(1);
  });

  it('the filled template: empty cells are no report, merged label cells are harmless, a date period is read', async () => {
    const p = await parse('template-valid.xlsx');
    expect(p.errors).toEqual([]);
    expect(p.template).toEqual({ wilayah: '99.01', period: '2026-10' });
    expect(p.values.map((v) => [v.row, v.column, v.kode, v.indicator, v.numerator, v.denominator])).toEqual([
      [7, 'KIA_K4', '99.01.01.2001', 'KIA_K4', 3, null],
      [7, 'SPM11_TB', '99.01.01.2001', 'SPM11_TB', 2, 5],
      [9, 'KIA_K4', '99.01.02.2001', 'KIA_K4', 12, null],
      [9, 'SPM11_TB', '99.01.02.2001', 'SPM11_TB', 0, 1],
    ]);
  });

  it('sasaran with a register and a projection with a decimal comma', async () => {
    const p = await parse('sasaran-valid.csv');
    expect(p.errors).toEqual([]);
    expect(p.sasaran.map((s) => [s.kode, s.year, s.group, s.value, s.kind, s.method])).toEqual([
      ['99.01.01.2001', 2026, 'bumil', 40, 'register', 'register kohort ibu'],
      ['99.01.01.2002', 2026, 'bumil', 39.6, 'estimate', 'proyeksi Pusdatin 2026'],
    ]);
  });
});

describe('exchange files of other systems: read into the long format, judged by its rules', () => {
  const cells = (p: Awaited<ReturnType<typeof parse>>) =>
    p.values.map((v) => [v.kode, `${v.year}-${v.month}`, v.indicator, v.numerator, v.denominator]);

  it('DHIS2 JSON: set-level period, kode without dots, option combos summed, unmapped data elements warned', async () => {
    const p = await parse('dhis2-valid.json');
    expect(p.format).toBe('dhis2-json');
    expect(p.errors).toEqual([]);
    expect(cells(p)).toEqual([
      ['99.01.01.2001', '2026-10', 'KIA_K4', 12, null],
      ['99.01.01.2002', '2026-10', 'SPM11_TB', 3, 4],
    ]);
    expect(where(p.warnings)).toEqual([[null, 'dataValues[4]', 'EXCHANGE_UNMAPPED']]);
  });

  it('DHIS2 JSON: a quarter, an unknown orgUnit, a decimal and a denominator without numerator, each at its data value', async () => {
    const p = await parse('dhis2-structure.json');
    expect(where(p.errors)).toEqual([
      [null, 'dataValues[0]', 'EXCHANGE_PERIOD'],
      [null, 'dataValues[1]', 'EXCHANGE_ORGUNIT_UNKNOWN'],
      [null, 'dataValues[2]', 'VALUE_NOT_WHOLE'],
      [null, 'dataValues[3]', 'EXCHANGE_NUMERATOR_MISSING'],
    ]);
    expect(p.values).toEqual([]);
  });

  it("DHIS2 JSON: the import's own rules (unknown desa, a month in the future) name the data value", async () => {
    const p = await parse('dhis2-kode.json');
    // Rows are judged in kode order: 99.01.01.2001 (December 2026, after "today") before 99.01.01.2999.
    expect(where(p.errors)).toEqual([
      [null, 'dataValues[1] (periode)', 'PERIOD_FUTURE'],
      [null, 'dataValues[0] (kode_wilayah)', 'KODE_UNKNOWN'],
    ]);
  });

  it('DHIS2 CSV with the header of the DHIS2 documentation', async () => {
    const p = await parse('dhis2-valid.csv');
    expect(p.format).toBe('dhis2-csv');
    expect(cells(p)).toEqual([
      ['99.01.02.2001', '2026-10', 'KIA_K1', 8, null],
      ['99.01.02.2001', '2026-10', 'KIA_K4', 6, null],
    ]);
  });

  it('DHIS2 CSV: a week, an unknown orgunit, a negative value, a denominator alone, each at its line; an unmapped element warned', async () => {
    const p = await parse('dhis2-errors.csv');
    expect(p.format).toBe('dhis2-csv');
    // Line 3's kode is judged by the long format's own rules (KODE_UNKNOWN) once the file's structure passes.
    expect(where(p.errors)).toEqual([
      [2, 'value', 'EXCHANGE_PERIOD'],
      [4, 'value', 'VALUE_NEGATIVE'],
      [5, 'value', 'EXCHANGE_NUMERATOR_MISSING'],
    ]);
    expect(p.errors.map((e) => e.message)).toEqual([
      'Periode DHIS2 "2026W40" adalah periode mingguan; dasbor menyimpan nilai per bulan: kirim nilai bulanan (misalnya 202610).',
      'Nilai KIA_K1_PEMBILANG: Nilai tidak boleh negatif: -1.',
      'Penyebut SPM11_TB untuk 99.01.01.2002, 2026-10 tanpa pembilangnya: kirim keduanya (pembilang 0 bila tidak ada kejadian).',
    ]);
    expect(where(p.warnings)).toEqual([[6, 'value', 'EXCHANGE_UNMAPPED']]);
  });

  it('ADX: disaggregations summed; a DOCTYPE refused before anything is read', async () => {
    const p = await parse('adx-valid.xml');
    expect(p.format).toBe('adx');
    expect(cells(p)).toEqual([
      ['99.01.02.2002', '2026-10', 'KIA_K4', 4, null],
      ['99.01.02.2002', '2026-10', 'SPM11_TB', 3, 5],
    ]);
    expect(where((await parse('adx-doctype.xml')).errors)).toEqual([[2, null, 'EXCHANGE_XML_FORBIDDEN']]);
  });

  it("FHIR MeasureReport: the kode from SATUSEHAT's administrativeCode; a quarter and a missing denominator refused", async () => {
    const p = await parse('fhir-valid.json');
    expect(p.format).toBe('fhir');
    expect(cells(p)).toEqual([['99.01.01.2001', '2026-9', 'SPM11_TB', 2, 3]]);
    expect(where((await parse('fhir-quarter.json')).errors)).toEqual([
      [null, 'MeasureReport.group[0].population[0]', 'EXCHANGE_PERIOD'],
      [null, 'MeasureReport.group[0].population[1]', 'EXCHANGE_PERIOD'],
    ]);
    // SPM11_TB's denominator is counted: the long format's own rule asks for it.
    expect(where((await parse('fhir-no-denominator.json')).errors)).toEqual([
      [null, 'entry[0].group[0].population[0] (penyebut)', 'DENOMINATOR_REQUIRED'],
    ]);
  });
});

describe('files in no known format, read with an import profile (fixtures/*.profile.json)', () => {
  const cells = (p: Awaited<ReturnType<typeof parse>>) =>
    p.values.map((v) => [
      v.kode,
      `${v.year}-${String(v.month).padStart(2, '0')}`,
      v.indicator,
      v.numerator,
      v.denominator,
    ]);
  // The tiny wilayah's names as the database gives them (withTingkatWord), for desa by name.
  const names = new Map([
    ['99.01', 'Kabupaten Uji'],
    ['99.01.01', 'Kecamatan Satu'],
    ['99.01.02', 'Kecamatan Dua'],
    ['99.01.01.2001', "Desa Ma'u"],
    ['99.01.01.2002', 'Desa Dua'],
    ['99.01.02.2001', 'Desa Tiga'],
    ['99.01.02.2002', 'Desa Tanpa Peta'],
  ]);
  const profile = (name: string) =>
    validateProfile(JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8')));
  const withProfile = (
    file: string,
    profileFile: string,
    reading: Omit<ParseContext['reading'] & object, 'profile'> = {},
  ) => {
    const check = profile(profileFile);
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    return parseImportFile(readFileSync(join(import.meta.dirname, '../fixtures', file)), file, {
      today: { year: 2026, month: 11 },
      kodes,
      names,
      reading: { profile: check.profile, ...reading },
    });
  };

  it('without a profile: refused with its first rows for the wizard', async () => {
    const p = await parse('pws-kia-2026.xlsx');
    expect(where(p.errors)).toEqual([[1, null, 'FILE_FORMAT']]);
    expect(p.layout).toMatchObject({ sheets: ['Petunjuk', 'PWS KIA'], sheet: 'Petunjuk', headerRow: 1 });
  });

  it('the PWS KIA workbook: its sheet, two header rows, the year from A2, a name spelled otherwise matched with a note, JUMLAH skipped', async () => {
    const p = await withProfile('pws-kia-2026.xlsx', 'pws-kia.profile.json');
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('profil');
    // 3 desa × 10 months × 2 indicators; Tanpa Peta has no report yet.
    expect(p.values.length).toBe(60);
    expect(cells(p).filter(([, month]) => month === '2026-10')).toEqual([
      ['99.01.01.2001', '2026-10', 'KIA_K1', 4, null],
      ['99.01.01.2001', '2026-10', 'KIA_K4', 3, null],
      ['99.01.01.2002', '2026-10', 'KIA_K1', 2, null],
      ['99.01.01.2002', '2026-10', 'KIA_K4', 1, null],
      ['99.01.02.2001', '2026-10', 'KIA_K1', 5, null],
      ['99.01.02.2001', '2026-10', 'KIA_K4', 3, null],
    ]);
    expect(where(p.warnings).filter(([, , code]) => code !== 'JUMP' && code !== 'ABOVE_SASARAN')).toEqual([
      [7, 'Desa', 'DESA_NAME_MATCHED'],
      [null, 'Desa', 'PROFILE_ROWS_SKIPPED'],
    ]);
    expect(p.warnings.find((w) => w.code === 'DESA_NAME_MATCHED')!.message).toBe(
      'Nama desa "DS. DUA" (Kec. Kec. Satu) dibaca sebagai 99.01.01.2002 Dua (Kec. Satu).',
    );
  });

  it('the PWS KIA workbook with errors: an unknown name, a near name offered (never taken), a decimal count', async () => {
    const p = await withProfile('pws-kia-errors.xlsx', 'pws-kia.profile.json');
    expect(where(p.errors)).toEqual([
      [7, 'Desa', 'DESA_NAME_UNKNOWN'],
      [8, 'Desa', 'DESA_NAME_NEAR'],
      [6, 'K1 / Mar', 'VALUE_NOT_WHOLE'],
    ]);
    expect(p.toConfirm).toEqual([
      { nama: 'Tgia', rows: [8], candidates: [{ kode: '99.01.02.2001', nama: 'Tiga', kecamatan: 'Dua' }] },
    ]);
    // Confirmed in the preview, the name is read (the decimal stays an error).
    const confirmed = await withProfile('pws-kia-errors.xlsx', 'pws-kia.profile.json', {
      konfirmasi: { Tgia: '99.01.02.2001' },
    });
    expect(where(confirmed.errors)).toEqual([
      [7, 'Desa', 'DESA_NAME_UNKNOWN'],
      [6, 'K1 / Mar', 'VALUE_NOT_WHOLE'],
    ]);
  });

  it('a long export with desa names and its own column names and labels', async () => {
    const p = await withProfile('asik-export.csv', 'asik.profile.json');
    expect(p.errors).toEqual([]);
    expect(cells(p)).toEqual([
      ['99.01.01.2001', '2026-10', 'KIA_K1', 3, null],
      ['99.01.01.2002', '2026-10', 'SPM11_TB', 2, 4],
      ['99.01.02.2001', '2026-10', 'KIA_K1', 5, null],
    ]);
  });

  it('a saved profile is picked by the header signature of a later file of the same shape, and only by it', async () => {
    const check = profile('asik.profile.json');
    if (!check.ok) throw new Error('profile');
    const saved = (tandaJudul: string) =>
      parseImportFile(readFileSync(join(import.meta.dirname, '../fixtures/asik-export.csv')), 'asik-november.csv', {
        today: { year: 2026, month: 11 },
        kodes,
        names,
        profiles: [{ id: 7, profile: { ...check.profile, tandaJudul } }],
      });
    const same = await saved(
      headerSignature(['Nama Desa', 'Kecamatan', 'Bulan Laporan', 'Indikator', 'Jumlah', 'Sasaran']),
    );
    expect([same.format, same.profile, same.values.length, same.errors]).toEqual([
      'profil',
      { id: 7, nama: 'Ekspor ASIK KIA dan TB', kabupaten: '99.01' },
      3,
      [],
    ]);
    const other = await saved(headerSignature(['Nama Desa', 'Bulan Laporan', 'Indikator', 'Jumlah']));
    expect([other.format, where(other.errors)]).toEqual([null, [[1, null, 'FILE_FORMAT']]]);
  });
});

describe('old kode: remapped through the crosswalk with a warning, a split refused', () => {
  const papua = new Set([...kodes, '93.01.01.2001', '96.01.01.2003', '72.01.24.2001']);
  it('91.01 (Papua before 2022) → 93.01, a renumbered desa of Papua Barat Daya, a desa moved to a new kecamatan → their new kode', async () => {
    const p = await parseImportFile(
      readFileSync(join(import.meta.dirname, '../fixtures/long-papua-lama.csv')),
      'p.csv',
      { today: { year: 2026, month: 11 }, kodes: papua },
    );
    expect(p.errors).toEqual([]);
    expect(p.values.map((v) => v.kode)).toEqual(['93.01.01.2001', '93.01.01.2001', '96.01.01.2003', '72.01.24.2001']);
    expect(where(p.warnings).filter(([, , c]) => c === 'KODE_REMAPPED')).toEqual([
      [2, 'kode_wilayah', 'KODE_REMAPPED'],
      [4, 'kode_wilayah', 'KODE_REMAPPED'],
      [5, 'kode_wilayah', 'KODE_REMAPPED'],
    ]);
    expect(p.warnings[0]!.message).toContain('Kode lama 91.01.01.2001 diganti 93.01.01.2001');
  });
  it('a nama_desa column is checked against the desa the kode ends on: a kode reused for another desa is warned about', async () => {
    // 96.01.01.2003 was 92.01.01.2004 (renumbered, remapped); 72.01.24.2001 is still in use but named otherwise now
    // (a kode an older edition gave another desa: the crosswalk cannot tell, the name does).
    const names = new Map([
      ['96.01.01.2003', 'Desa Makbon'],
      ['72.01.24.2001', 'Desa Sentral Sari'],
    ]);
    const csv = [
      'kode_wilayah,nama_desa,periode,indikator,pembilang,penyebut',
      '92.01.01.2004,Makbon,2026-10,KIA_K1,1,',
      '72.01.24.2001,Bukit Jaya,2026-10,KIA_K1,3,',
      '72.01.24.2001,Bukit Jaya,2026-09,KIA_K1,2,',
    ].join('\n');
    const p = await parseImportFile(Buffer.from(csv), 'nama.csv', {
      today: { year: 2026, month: 11 },
      kodes: papua,
      names,
    });
    expect(p.errors).toEqual([]);
    expect(p.values.map((v) => v.kode)).toEqual(['96.01.01.2003', '72.01.24.2001', '72.01.24.2001']);
    // nama_desa is read, not an extra column: the remap and the mismatch are the only warnings.
    expect(where(p.warnings)).toEqual([
      [2, 'kode_wilayah', 'KODE_REMAPPED'],
      [3, 'nama_desa', 'DESA_NAME_MISMATCH'],
    ]);
    const mismatches = p.warnings.filter((w) => w.code === 'DESA_NAME_MISMATCH');
    expect(mismatches[0]!.message).toBe(
      'Kode 72.01.24.2001 bernama "Bukit Jaya" di berkas, tetapi kode itu sekarang milik Desa Sentral Sari. Kode desa dapat dipakai ulang untuk desa lain pada edisi Kepmendagri yang berbeda: periksa kode dan nama desa pada 2 baris: 3, 4.',
    );
  });
  it('a split is refused per row with the reason', async () => {
    const crosswalk = {
      nama: 'uji pemekaran',
      entries: [{ lama: '91.01.01.2001', baru: ['93.01.01.2001', '93.01.01.2002'] }],
    };
    const p = await parseImportFile(
      readFileSync(join(import.meta.dirname, '../fixtures/long-papua-lama.csv')),
      'p.csv',
      { today: { year: 2026, month: 11 }, kodes: papua, crosswalk },
    );
    expect(where(p.errors)).toEqual([
      [2, 'kode_wilayah', 'KODE_SPLIT'],
      [3, 'kode_wilayah', 'KODE_SPLIT'],
    ]);
    expect(p.errors[0]!.message).toContain('dipecah menjadi 93.01.01.2001, 93.01.01.2002');
  });
});
