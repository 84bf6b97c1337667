import { describe, expect, it } from 'vitest';
import { crossCheck, defaultCodeListDir, parseCsv, readCodeList } from './code-list.ts';
import { tinyCodeListDir } from './fixtures/tiny-upstream.ts';

const codesDir = tinyCodeListDir();

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and CRLF line ends', () => {
    const text = 'code,name\r\n12.07.28.1007,"Lubuk Pakam I,II"\r\n35.13.15.2017,"Soka""an"\r\n11,Aceh\r\n';
    expect(parseCsv(text)).toEqual([
      ['code', 'name'],
      ['12.07.28.1007', 'Lubuk Pakam I,II'],
      ['35.13.15.2017', 'Soka"an'],
      ['11', 'Aceh'],
    ]);
  });

  it('keeps an empty last field and a file without final newline', () => {
    expect(parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });
});

describe('readCodeList', () => {
  it('reads the four levels with their parents', async () => {
    const list = await readCodeList(codesDir);
    expect(list.counts).toEqual({ provinsi: 2, kabupaten: 2, kecamatan: 4, desa: 5 });
    expect(list.entries.get('99.01.02.2003')).toEqual({
      kode: '99.01.02.2003',
      nama: 'Lubuk "Pakam" I,II',
      parentKode: '99.01.02',
      tingkat: 'desa',
    });
    expect(list.entries.get('99')).toEqual({ kode: '99', nama: 'Provinsi Uji', parentKode: null, tingkat: 'provinsi' });
  });

  it('finds the installed idn-area-data 4.0.1 (38 provinsi, 514 kabupaten/kota)', async () => {
    const list = await readCodeList(defaultCodeListDir());
    expect(list.counts.provinsi).toBe(38);
    expect(list.counts.kabupaten).toBe(514);
    expect(list.entries.get('12.07')?.nama).toBe('Kabupaten Deli Serdang');
  });

  it('says in Bahasa Indonesia when the folder is wrong', async () => {
    await expect(readCodeList('/tidak/ada')).rejects.toThrow(/Daftar kode wilayah tidak ditemukan/);
  });
});

describe('crossCheck', () => {
  it('lists codes missing on either side, limited to the loaded provinces', async () => {
    const list = await readCodeList(codesDir);
    const boundaries = new Map([
      ['99.01.01.2001', 'Satu'],
      ['99.01.01.2002', "Sei Jum'at"],
      ['99.01.02.2003', 'Lubuk'],
      ['99.01.02.2004', 'Kosong'],
      ['99.01.02.2005', 'Di Luar Daftar'],
    ]);
    const check = crossCheck(list, 'desa', boundaries, (kode) => kode.startsWith('99.'), 'provinsi 99');
    expect(check.inBoth).toBe(4);
    expect(check.onlyInBoundaries).toEqual([{ kode: '99.01.02.2005', nama: 'Di Luar Daftar' }]);
    expect(check.onlyInCodeList).toEqual([{ kode: '99.01.01.2007', nama: 'Tanpa Batas' }]);
    expect(check.scope).toBe('provinsi 99');
  });

  it('does not count a code of another level as present', async () => {
    const list = await readCodeList(codesDir);
    const check = crossCheck(list, 'kecamatan', new Map([['99.01', 'salah tingkat']]));
    expect(check.inBoth).toBe(0);
    expect(check.onlyInBoundaries.map((e) => e.kode)).toEqual(['99.01']);
    expect(check.onlyInCodeList.map((e) => e.kode)).toEqual(['98.01.01', '99.01.01', '99.01.02', '99.01.03']);
  });
});
