import { describe, expect, it } from 'vitest';
import type { Scope } from '../access/scope.ts';
import { seesExactCounts, type Reader } from './reader.ts';

const wilayah = (kode: string): Scope => ({ kind: 'wilayah', kode });
// Puskesmas P1 holds desa 2001 and 2002 of kecamatan 12.10.01 (which also has 2003, held by another puskesmas)
// and all desa of kecamatan 12.10.02 (2001 only).
const pkm: Scope = {
  kind: 'puskesmas',
  kode: 'P1',
  kabupaten: '12.10',
  desa: new Set(['12.10.01.2001', '12.10.01.2002', '12.10.02.2001']),
};
const desaOfKecamatan = (kode: string) =>
  ({
    '12.10.01': ['12.10.01.2001', '12.10.01.2002', '12.10.01.2003'],
    '12.10.02': ['12.10.02.2001'],
  })[kode] ?? [];
const reader = (role: NonNullable<Reader>['role'], scope: Scope): Reader => ({ role, scope });

describe('seesExactCounts', () => {
  it('anonymous readers (READ_ACCESS=public) and pembaca see the protected view everywhere', () => {
    expect(seesExactCounts(null, { wilayah: '12.10.01.2001' })).toBe(false);
    expect(seesExactCounts(reader('viewer', wilayah('')), { wilayah: '12.10.01.2001' })).toBe(false);
    // A pembaca account created with a kode is still a reader without duty.
    expect(seesExactCounts(reader('viewer', wilayah('12.10')), { wilayah: '12.10.01.2001' })).toBe(false);
  });
  it('admin everywhere; dinkes, camat and kepala desa inside their kode only', () => {
    expect(seesExactCounts(reader('admin', wilayah('')), { wilayah: '94.71.01.1001' })).toBe(true);
    const dinkes = reader('dinkes_kabupaten', wilayah('12.10'));
    expect(seesExactCounts(dinkes, { wilayah: '12.10.01.2003' })).toBe(true);
    expect(seesExactCounts(dinkes, { wilayah: '12.07.01.2001' })).toBe(false);
    expect(seesExactCounts(dinkes, { wilayah: '12' })).toBe(false);
    expect(seesExactCounts(dinkes, { puskesmas: 'P9', kabupaten: '12.10' })).toBe(true);
    expect(seesExactCounts(reader('dinkes_provinsi', wilayah('12')), { wilayah: '12.10.01' })).toBe(true);
    const camat = reader('camat', wilayah('12.10.01'));
    expect(seesExactCounts(camat, { wilayah: '12.10.01.2003' })).toBe(true);
    expect(seesExactCounts(camat, { wilayah: '12.10.02.2001' })).toBe(false);
    expect(seesExactCounts(camat, { wilayah: '12.10' })).toBe(false);
    const kades = reader('kepala_desa', wilayah('12.10.01.2001'));
    expect(seesExactCounts(kades, { wilayah: '12.10.01.2001' })).toBe(true);
    expect(seesExactCounts(kades, { wilayah: '12.10.01.2002' })).toBe(false);
    expect(seesExactCounts(kades, { wilayah: '12.10.01' })).toBe(false);
  });
  it('a puskesmas: the desa of its wilayah kerja and its own total; a kecamatan only when it holds all its desa', () => {
    const p = reader('puskesmas', pkm);
    expect(seesExactCounts(p, { wilayah: '12.10.01.2002' })).toBe(true);
    expect(seesExactCounts(p, { wilayah: '12.10.01.2003' })).toBe(false);
    expect(seesExactCounts(p, { puskesmas: 'P1', kabupaten: '12.10' })).toBe(true);
    expect(seesExactCounts(p, { puskesmas: 'P2', kabupaten: '12.10' })).toBe(false);
    // 12.10.01 minus its own two desa would be desa 2003 of the other puskesmas.
    expect(seesExactCounts(p, { wilayah: '12.10.01' }, { desaOfKecamatan })).toBe(false);
    expect(seesExactCounts(p, { wilayah: '12.10.02' }, { desaOfKecamatan })).toBe(true);
    // Without the list of desa the answer is no (deny by default).
    expect(seesExactCounts(p, { wilayah: '12.10.02' })).toBe(false);
    expect(seesExactCounts(p, { wilayah: '12.10' }, { desaOfKecamatan })).toBe(false);
  });
});
