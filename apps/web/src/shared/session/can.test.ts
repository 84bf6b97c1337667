import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@peta/domain/contract';
import { kabupatenOfScope, permission, scopeOfSession } from './can.ts';

const base: SessionUser = {
  id: 1,
  username: 'u',
  nama: 'U',
  role: 'viewer',
  roleLabel: 'Pembaca',
  capabilities: [],
  scopeKode: '',
  scopePuskesmas: null,
  scopeLabel: 'seluruh Indonesia',
  scopeDesa: [],
  scopeKabupaten: null,
  home: null,
  mustChangePassword: false,
  demo: false,
};
const camat: SessionUser = {
  ...base,
  username: 'camat.bilahhulu',
  role: 'camat',
  roleLabel: 'Camat',
  capabilities: ['rapat'],
  scopeKode: '12.10.09',
  scopeLabel: 'Kecamatan Bilah Hulu',
};
const pkm: SessionUser = {
  ...base,
  username: 'pkm.a',
  role: 'puskesmas',
  roleLabel: 'Puskesmas',
  capabilities: ['impor', 'kesiapan', 'rapat'],
  scopeKode: null,
  scopePuskesmas: '1010453',
  scopeKabupaten: '12.10',
  scopeDesa: ['12.10.09.2001', '12.10.09.2002', '12.10.08.2001'],
  scopeLabel: 'wilayah kerja Puskesmas Sigambal',
};
const dinkesKab: SessionUser = {
  ...base,
  role: 'dinkes_kabupaten',
  capabilities: ['impor', 'rencana', 'kesiapan', 'rapat'],
  scopeKode: '12.10',
};

describe('scopeOfSession', () => {
  it('a wilayah role holds its kode prefix; no kode = all Indonesia, as on the server', () => {
    expect(scopeOfSession(camat)).toEqual({ kind: 'wilayah', kode: '12.10.09', label: 'Kecamatan Bilah Hulu' });
    expect(scopeOfSession({ ...base, scopeKode: null })).toEqual({
      kind: 'wilayah',
      kode: '',
      label: 'seluruh Indonesia',
    });
  });
  it('a puskesmas holds its desa and its kabupaten, also without desa', () => {
    const scope = scopeOfSession(pkm);
    expect(scope).toMatchObject({ kind: 'puskesmas', kode: '1010453', kabupaten: '12.10' });
    expect(scope.kind === 'puskesmas' && [...scope.desa]).toEqual(['12.10.09.2001', '12.10.09.2002', '12.10.08.2001']);
    expect(scopeOfSession({ ...pkm, scopeDesa: [] })).toMatchObject({ kind: 'puskesmas', kabupaten: '12.10' });
  });
});

describe('permission', () => {
  it('nobody signed in may change nothing', () => {
    expect(permission(null, 'rapat', { wilayah: '12.10.09' })).toMatchObject({ ok: false, reason: 'signed-out' });
  });
  it('without a target only the role counts', () => {
    expect(permission(camat, 'rapat')).toEqual({ ok: true });
    expect(permission(camat, 'impor')).toEqual({
      ok: false,
      reason: 'role',
      message: 'Peran Camat tidak berwenang mengimpor data.',
    });
    expect(permission(base, 'rapat')).toEqual({
      ok: false,
      reason: 'role',
      message: 'Peran Pembaca tidak berwenang mencatat rapat dan tindak lanjut.',
    });
  });
  it('a camat records meetings of its own kecamatan and its desa, not of the next kecamatan', () => {
    expect(permission(camat, 'rapat', { wilayah: '12.10.09' })).toEqual({ ok: true });
    expect(permission(camat, 'rapat', { wilayah: '12.10.09.2005' })).toEqual({ ok: true });
    expect(permission(camat, 'rapat', { wilayah: '12.10.08' })).toEqual({
      ok: false,
      reason: 'scope',
      // The user's wilayah by its name, as the header shows it, not "kode 12.10.09".
      message:
        'Anda tidak berwenang mencatat rapat dan tindak lanjut untuk wilayah 12.10.08: di luar wilayah Anda (Kecamatan Bilah Hulu).',
    });
  });
  it('a puskesmas: its desa and their kecamatan, its own readiness checklist; no planning', () => {
    expect(permission(pkm, 'rapat', { wilayah: '12.10.08' })).toEqual({ ok: true });
    expect(permission(pkm, 'rapat', { wilayah: '12.10.07' })).toMatchObject({ ok: false, reason: 'scope' });
    expect(permission(pkm, 'impor', { wilayah: '12.10.09.2002' })).toEqual({ ok: true });
    expect(permission(pkm, 'impor', { wilayah: '12.10.09.2003' })).toMatchObject({ ok: false, reason: 'scope' });
    expect(permission(pkm, 'kesiapan', { puskesmas: '1010453', kabupaten: '12.10' })).toEqual({ ok: true });
    expect(permission(pkm, 'kesiapan', { puskesmas: '1010454', kabupaten: '12.10' })).toMatchObject({
      ok: false,
      reason: 'scope',
    });
    expect(permission(pkm, 'rencana', { wilayah: '12.10' })).toMatchObject({ ok: false, reason: 'role' });
  });
  it('a dinkes kabupaten plans its own kabupaten and fills the checklist of its puskesmas', () => {
    expect(permission(dinkesKab, 'rencana', { wilayah: '12.10' })).toEqual({ ok: true });
    expect(permission(dinkesKab, 'rencana', { wilayah: '12.07' })).toMatchObject({ ok: false, reason: 'scope' });
    expect(permission(dinkesKab, 'kesiapan', { puskesmas: '1010453', kabupaten: '12.10' })).toEqual({ ok: true });
    expect(permission(dinkesKab, 'kesiapan', { puskesmas: '1007001', kabupaten: '12.07' })).toMatchObject({
      ok: false,
      reason: 'scope',
    });
  });
});

describe('kabupatenOfScope', () => {
  it('is the kabupaten a scope fixes: its own, the one above a kecamatan, a puskesmas’; none above a kabupaten', () => {
    expect(kabupatenOfScope(camat)).toBe('12.10');
    expect(kabupatenOfScope(pkm)).toBe('12.10');
    expect(kabupatenOfScope({ scopeKode: '12.10', scopeKabupaten: null })).toBe('12.10');
    expect(kabupatenOfScope({ scopeKode: '12', scopeKabupaten: null })).toBeNull();
    expect(kabupatenOfScope(base)).toBeNull();
  });
});
