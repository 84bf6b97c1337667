import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodeList, type CodeEntry, type CodeList } from '../importers/boundaries/code-list.ts';
import { isPuskesmasKode, titleCase } from '@peta/domain';
import { readKomdatPuskesmas } from './read-komdat.ts';

function codeList(entries: [string, string][]): CodeList {
  const map = new Map<string, CodeEntry>();
  const tingkat = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
  for (const [kode, nama] of entries) {
    const depth = kode.split('.').length - 1;
    map.set(kode, {
      kode,
      nama,
      tingkat: tingkat[depth]!,
      parentKode: depth ? kode.slice(0, kode.lastIndexOf('.')) : null,
    });
  }
  return { source: 'test', entries: map, counts: { provinsi: 0, kabupaten: 0, kecamatan: 0, desa: 0 } };
}

describe('Komdat puskesmas list', () => {
  it('remaps an old Papua code by the names of its puskesmas, keeps current codes, title-cases names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'komdat-'));
    const file = join(dir, 'p.csv');
    writeFileSync(
      file,
      [
        '"kode_kab","kode_instansi","unit_kerja"',
        '"9101","1","PUSKESMAS OKABA"',
        '"9101","2","PUSKESMAS KIMAAM"',
        '"9101","3","PUSKESMAS KOTA LAMA"',
        '"9103","4","PUSKESMAS SENTANI"',
        '"1207","5","PUSKESMAS SP IV GALANG"',
        '',
      ].join('\n'),
    );
    const list = codeList([
      ['91.03', 'Kabupaten Jayapura'],
      ['91.03.01', 'Waibu'],
      ['93.01', 'Kabupaten Merauke'],
      ['93.01.01', 'Okaba'],
      ['93.01.02', 'Kimaam'],
      ['94.01', 'Kabupaten Nabire'],
      ['94.01.01', 'Nabire'],
      ['94.01.01.1001', 'Kota Lama'],
      ['12.07', 'Kabupaten Deli Serdang'],
    ]);
    const read = await readKomdatPuskesmas(list, file);
    expect(read.remapped).toEqual([{ from: '91.01', to: '93.01', matches: 2, of: 3 }]);
    expect(read.puskesmas).toEqual([
      { kodeInstansi: '1', nama: 'Puskesmas Okaba', kabupaten: '93.01', kabupatenAsal: '91.01' },
      { kodeInstansi: '2', nama: 'Puskesmas Kimaam', kabupaten: '93.01', kabupatenAsal: '91.01' },
      { kodeInstansi: '3', nama: 'Puskesmas Kota Lama', kabupaten: '93.01', kabupatenAsal: '91.01' },
      { kodeInstansi: '4', nama: 'Puskesmas Sentani', kabupaten: '91.03', kabupatenAsal: null },
      { kodeInstansi: '5', nama: 'Puskesmas Sp IV Galang', kabupaten: '12.07', kabupatenAsal: null },
    ]);
    expect(read.unresolved).toEqual([]);
  });

  it('resolves every row of the shipped list against idn-area-data (Merauke 91.01 → 93.01, Manokwari stays 92.02)', async () => {
    const read = await readKomdatPuskesmas(await readCodeList());
    expect(read.puskesmas).toHaveLength(10_292);
    expect(read.unresolved).toEqual([]);
    expect(read.remapped.find((m) => m.from === '91.01')?.to).toBe('93.01');
    expect(read.remapped.find((m) => m.from === '92.02')).toBeUndefined();
    expect(read.puskesmas.filter((p) => p.kabupaten === '12.07')).toHaveLength(34);
    expect(read.puskesmas.some((p) => p.kabupaten === '92.02' && p.nama === 'Puskesmas Sp IV Prafi')).toBe(true);
    // The seeded kode are the documented form a user-added puskesmas must have too.
    expect(read.puskesmas.filter((p) => !isPuskesmasKode(p.kodeInstansi))).toEqual([]);
  });

  it('keeps roman numerals upper case', () => {
    expect(titleCase('PUSKESMAS SOWI IV')).toBe('Puskesmas Sowi IV');
    expect(titleCase('PUSKESMAS BIRU-BIRU')).toBe('Puskesmas Biru-Biru');
  });
});
