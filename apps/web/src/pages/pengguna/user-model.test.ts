import { describe, expect, it } from 'vitest';
import {
  checkCreate,
  checkUpdate,
  formatWib,
  parseDbTime,
  scopeBody,
  scopeFieldOf,
  scopeInputOf,
} from './user-model.ts';

describe('scope field of a role', () => {
  it('none for the admin, a kode for wilayah roles (optional for a viewer), a puskesmas kode for a puskesmas', () => {
    expect(scopeFieldOf('admin')).toBe('none');
    expect(scopeFieldOf('viewer')).toBe('wilayah-optional');
    expect(scopeFieldOf('camat')).toBe('wilayah');
    expect(scopeFieldOf('dinkes_kabupaten')).toBe('wilayah');
    expect(scopeFieldOf('puskesmas')).toBe('puskesmas');
  });
  it('goes to scopeKode or scopePuskesmas', () => {
    expect(scopeBody('camat', ' 12.10.09 ')).toEqual({ scopeKode: '12.10.09', scopePuskesmas: null });
    expect(scopeBody('puskesmas', '1010453')).toEqual({ scopeKode: null, scopePuskesmas: '1010453' });
    expect(scopeBody('admin', '12')).toEqual({ scopeKode: '', scopePuskesmas: null });
  });
});

describe('checkCreate', () => {
  it('normalises the login name and builds the body', () => {
    expect(
      checkCreate({ username: ' Camat.BilahHulu ', nama: ' Bapak Camat ', role: 'camat', scope: '12.10.09' }),
    ).toEqual({
      ok: true,
      body: {
        username: 'camat.bilahhulu',
        nama: 'Bapak Camat',
        role: 'camat',
        scopeKode: '12.10.09',
        scopePuskesmas: null,
      },
    });
    expect(
      checkCreate({ username: 'pkm.baru', nama: 'Kepala Puskesmas', role: 'puskesmas', scope: '1010453' }),
    ).toMatchObject({
      ok: true,
      body: { scopeKode: null, scopePuskesmas: '1010453' },
    });
  });
  it("says what is wrong in the domain's words, per field", () => {
    const checked = checkCreate({ username: 'ab', nama: '', role: 'camat', scope: '12.10' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.problems).sort()).toEqual(['nama', 'scope', 'username']);
    expect(checked.problems.scope).toBe('Peran Camat memerlukan kode kecamatan (mis. 12.10.01).');
    expect(checkCreate({ username: 'pkm.x', nama: 'X', role: 'puskesmas', scope: '' })).toMatchObject({
      ok: false,
      problems: { scope: expect.stringContaining('puskesmas') },
    });
  });
});

describe('checkUpdate', () => {
  const camat = { nama: 'Camat', role: 'camat' as const, scopeKode: '12.10.09', scopePuskesmas: null };
  it('sends only what changed; role and scope together', () => {
    expect(checkUpdate(camat, { nama: 'Camat', role: 'camat', scope: scopeInputOf(camat) })).toEqual({
      ok: true,
      body: {},
    });
    expect(checkUpdate(camat, { nama: 'Camat Baru', role: 'camat', scope: '12.10.09' })).toEqual({
      ok: true,
      body: { nama: 'Camat Baru' },
    });
    expect(checkUpdate(camat, { nama: 'Camat', role: 'camat', scope: '12.10.08' })).toEqual({
      ok: true,
      body: { role: 'camat', scopeKode: '12.10.08', scopePuskesmas: null },
    });
    expect(checkUpdate(camat, { nama: 'Camat', role: 'dinkes_kabupaten', scope: '12.10.09' }).ok).toBe(false);
  });
});

describe('audit time', () => {
  it("reads PostgreSQL's text and shows it in WIB (UTC+7)", () => {
    expect(parseDbTime('2026-11-23 13:11:57.450223+00')?.toISOString()).toBe('2026-11-23T13:11:57.450Z');
    expect(parseDbTime('2026-11-23 20:11:57+07')?.toISOString()).toBe('2026-11-23T13:11:57.000Z');
    expect(parseDbTime('2026-11-23T13:11:57Z')?.toISOString()).toBe('2026-11-23T13:11:57.000Z');
    expect(parseDbTime('kemarin')).toBeNull();
    expect(formatWib('2026-11-23 13:11:57.450223+00', 'id')).toBe('23 Nov 2026 20.11.57 WIB');
    // 20:30 UTC is already the next day in Jakarta.
    expect(formatWib('2026-08-31 20:30:00+00', 'id')).toBe('1 Sep 2026 03.30.00 WIB');
    expect(formatWib('2026-05-02 01:02:03+00', 'en')).toBe('2 May 2026 08:02:03 WIB');
    expect(formatWib('rusak', 'id')).toBe('rusak');
  });
});
