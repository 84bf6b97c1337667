import { describe, expect, it } from 'vitest';
import { decide, homeWilayah, scopeCovers, scopeProblem, type Actor, type Scope } from './scope.ts';

const labuhanbatu: Scope = { kind: 'wilayah', kode: '12.10' };
const indonesia: Scope = { kind: 'wilayah', kode: '' };
// A puskesmas holding two desa of kecamatan 12.10.01 and one of 12.10.02.
const pkm: Scope = {
  kind: 'puskesmas',
  kode: 'PKM1',
  kabupaten: '12.10',
  desa: new Set(['12.10.01.2001', '12.10.01.2002', '12.10.02.2001']),
};

describe('scopeCovers', () => {
  it('a kode prefix covers itself and everything under it, nothing beside it', () => {
    expect(scopeCovers(labuhanbatu, { wilayah: '12.10' })).toBe(true);
    expect(scopeCovers(labuhanbatu, { wilayah: '12.10.01.2001' })).toBe(true);
    expect(scopeCovers(labuhanbatu, { wilayah: '12' })).toBe(false);
    // 12.1 is not a prefix of 12.10: segments, not characters.
    expect(scopeCovers({ kind: 'wilayah', kode: '12.1' }, { wilayah: '12.10' })).toBe(false);
    expect(scopeCovers(labuhanbatu, { wilayah: '12.07.01' })).toBe(false);
    expect(scopeCovers(indonesia, { wilayah: '94.71' })).toBe(true);
  });

  it('a puskesmas covers its desa and their kecamatan, not the kabupaten nor other desa', () => {
    expect(scopeCovers(pkm, { wilayah: '12.10.01.2002' })).toBe(true);
    expect(scopeCovers(pkm, { wilayah: '12.10.01.2003' })).toBe(false);
    expect(scopeCovers(pkm, { wilayah: '12.10.02' })).toBe(true);
    expect(scopeCovers(pkm, { wilayah: '12.10.03' })).toBe(false);
    expect(scopeCovers(pkm, { wilayah: '12.10' })).toBe(false);
  });

  it('a puskesmas target is covered by its own account or by a scope holding its kabupaten', () => {
    expect(scopeCovers(pkm, { puskesmas: 'PKM1', kabupaten: '12.10' })).toBe(true);
    expect(scopeCovers(pkm, { puskesmas: 'PKM2', kabupaten: '12.10' })).toBe(false);
    expect(scopeCovers(labuhanbatu, { puskesmas: 'PKM2', kabupaten: '12.10' })).toBe(true);
    expect(scopeCovers({ kind: 'wilayah', kode: '12.10.01' }, { puskesmas: 'PKM1', kabupaten: '12.10' })).toBe(false);
  });
});

describe('decide', () => {
  const camat: Actor = { username: 'camat', role: 'camat', scope: { kind: 'wilayah', kode: '12.10.01' } };
  it('needs both the capability and the scope, and says which is missing', () => {
    expect(decide(camat, 'rapat', { wilayah: '12.10.01' })).toEqual({ ok: true });
    const noRight = decide(camat, 'impor', { wilayah: '12.10.01.2001' });
    expect(noRight.ok).toBe(false);
    expect(!noRight.ok && noRight.message).toBe('Peran Camat tidak berwenang mengimpor data.');
    const elsewhere = decide(camat, 'rapat', { wilayah: '12.10.02' });
    expect(!elsewhere.ok && elsewhere.message).toBe(
      'Anda tidak berwenang mencatat rapat dan tindak lanjut untuk wilayah 12.10.02: di luar wilayah Anda (kode 12.10.01).',
    );
    // With the scope's name (as the server builds it from the account), the message says it instead of the code.
    const named = decide(
      { ...camat, scope: { kind: 'wilayah', kode: '12.10.01', label: 'Kecamatan Bilah Barat' } },
      'rapat',
      { wilayah: '12.10.02' },
    );
    expect(!named.ok && named.message).toBe(
      'Anda tidak berwenang mencatat rapat dan tindak lanjut untuk wilayah 12.10.02: di luar wilayah Anda (Kecamatan Bilah Barat).',
    );
    expect(decide({ username: 'v', role: 'viewer', scope: indonesia }, 'rapat', { wilayah: '12' }).ok).toBe(false);
    expect(decide({ username: 'a', role: 'admin', scope: indonesia }, 'pengguna', { wilayah: '12' }).ok).toBe(true);
  });
});

describe('scopeProblem', () => {
  it('accepts a scope at the role level and explains a wrong one', () => {
    expect(scopeProblem('dinkes_kabupaten', { kode: '12.10', puskesmas: null })).toBeNull();
    expect(scopeProblem('dinkes_kabupaten', { kode: '12', puskesmas: null })).toBe(
      'Peran Dinas Kesehatan Kabupaten/Kota memerlukan kode kabupaten (mis. 12.10).',
    );
    expect(scopeProblem('camat', { kode: '12.10.01', puskesmas: null })).toBeNull();
    expect(scopeProblem('kepala_desa', { kode: '12.10.01', puskesmas: null })).not.toBeNull();
    expect(scopeProblem('puskesmas', { kode: null, puskesmas: 'PKM1' })).toBeNull();
    expect(scopeProblem('puskesmas', { kode: '12.10', puskesmas: null })).not.toBeNull();
    expect(scopeProblem('admin', { kode: '12', puskesmas: null })).not.toBeNull();
    expect(scopeProblem('viewer', { kode: '', puskesmas: null })).toBeNull();
    expect(scopeProblem('viewer', { kode: '12.x', puskesmas: null })).toBe(
      'Kode wilayah tidak sah: "12.x" (contoh: 12.10 untuk Labuhanbatu).',
    );
  });
});

describe('homeWilayah', () => {
  it('lands a puskesmas on the kecamatan with most of its desa, others on their scope', () => {
    expect(homeWilayah(pkm)).toBe('12.10.01');
    expect(homeWilayah(labuhanbatu)).toBe('12.10');
    expect(homeWilayah(indonesia)).toBeNull();
    expect(homeWilayah({ kind: 'puskesmas', kode: 'X', kabupaten: '12.10', desa: new Set() })).toBe('12.10');
  });
});
