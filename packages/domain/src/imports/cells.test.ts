import { describe, expect, it } from 'vitest';
import { checkCellText } from './issues.ts';
import {
  isInsideWilayah,
  parseDesaKode,
  parseImportMonth,
  parseIndicator,
  parseSasaranGroup,
  parseSasaranYear,
  parseSource,
  sasaranKindOf,
} from './cells.ts';

const today = { year: 2026, month: 11 };

describe('parseDesaKode', () => {
  it.each([
    ['12.10.09.2001', '12.10.09.2001', false],
    ['1210092001', '12.10.09.2001', true],
    [1210092001, '12.10.09.2001', true],
    ['12 10 09 2001', '12.10.09.2001', true],
    [' 12.10.09. 2001 ', '12.10.09.2001', true],
  ] as const)('reads %j as %s (normalised: %s)', (input, kode, normalised) => {
    expect(parseDesaKode(input)).toEqual({ ok: true, value: { kode, normalised } });
  });
  it.each([
    ['12.10.9.2001', 'KODE_INVALID'],
    ['121009200', 'KODE_INVALID'],
    ['desa', 'KODE_INVALID'],
    ['', 'KODE_INVALID'],
    [null, 'KODE_INVALID'],
    ['12.10.09', 'KODE_NOT_DESA'],
    ['121009', 'KODE_NOT_DESA'],
  ] as const)('refuses %j with %s', (input, expected) => {
    const r = parseDesaKode(input);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});

describe('isInsideWilayah', () => {
  it('accepts the desa of a kecamatan and refuses a neighbour whose code starts alike', () => {
    expect(isInsideWilayah('12.10.09.2001', '12.10.09')).toBe(true);
    expect(isInsideWilayah('12.10.09.2001', '12.10')).toBe(true);
    expect(isInsideWilayah('12.10.10.2001', '12.10.1')).toBe(false);
    expect(isInsideWilayah('12.10.10.2001', '12.10.09')).toBe(false);
  });
});

describe('parseImportMonth', () => {
  it('reads YYYY-MM and the month of an Excel date cell', () => {
    expect(parseImportMonth('2026-10', today)).toEqual({ ok: true, value: { year: 2026, month: 10 } });
    expect(parseImportMonth(' 2025-01 ', today)).toEqual({ ok: true, value: { year: 2025, month: 1 } });
    expect(parseImportMonth(new Date(Date.UTC(2026, 9, 1)), today)).toEqual({
      ok: true,
      value: { year: 2026, month: 10 },
    });
  });
  it('accepts the current month and refuses the next one', () => {
    expect(parseImportMonth('2026-11', today).ok).toBe(true);
    expect(parseImportMonth('2026-12', today)).toEqual({
      ok: false,
      code: 'PERIOD_FUTURE',
      message: 'Periode 2026-12 belum terjadi (bulan ini 2026-11).',
    });
  });
  it.each(['2026-13', '2026-00', '2026-1', '10/2026', '2026', '2026-Q3', ''])('refuses %j as malformed', (input) => {
    const r = parseImportMonth(input, today);
    expect(r.ok ? 'ok' : r.code).toBe('PERIOD_INVALID');
  });
});

describe('parseSasaranYear', () => {
  it('accepts this year and next, refuses later and malformed years', () => {
    expect(parseSasaranYear(2026, today)).toEqual({ ok: true, value: 2026 });
    expect(parseSasaranYear('2027', today)).toEqual({ ok: true, value: 2027 });
    const later = parseSasaranYear('2028', today);
    expect(later.ok ? 'ok' : later.code).toBe('YEAR_FUTURE');
    const bad = parseSasaranYear('26', today);
    expect(bad.ok ? 'ok' : bad.code).toBe('YEAR_INVALID');
  });
});

describe('parseIndicator, parseSasaranGroup, parseSource', () => {
  it('knows catalogue codes whatever their case', () => {
    const r = parseIndicator('kia_k4');
    expect(r.ok && r.value.code).toBe('KIA_K4');
    expect(parseIndicator('KIA_K44')).toEqual({
      ok: false,
      code: 'INDICATOR_UNKNOWN',
      message:
        'Indikator tidak dikenal: "KIA_K44". Lihat kode indikator di katalog (GET /api/indikator), misalnya KIA_K4.',
    });
  });
  it('knows sasaran groups and requires a source', () => {
    expect(parseSasaranGroup(' BUMIL ')).toEqual({ ok: true, value: 'bumil' });
    const unknown = parseSasaranGroup('hamil');
    expect(unknown.ok ? 'ok' : unknown.code).toBe('SASARAN_UNKNOWN');
    const empty = parseSource(' ');
    expect(empty.ok ? 'ok' : empty.code).toBe('SOURCE_REQUIRED');
  });
  it('calls projections estimates and everything else a register', () => {
    expect(sasaranKindOf('Proyeksi Pusdatin 2026')).toBe('estimate');
    expect(sasaranKindOf('register kohort ibu')).toBe('register');
  });
});

describe('checkCellText', () => {
  it('refuses NUL and other control characters, naming the character and where it is', () => {
    expect(checkCellText('register\u0000kohort')).toEqual({
      ok: false,
      code: 'TEXT_INVALID_CHARACTER',
      message:
        'Sel berisi karakter tak terlihat yang tidak dapat disimpan (U+0000, NUL, karakter ke-9). Ketik ulang isi sel ini.',
    });
    expect(checkCellText('ab\u001bc')).toMatchObject({
      ok: false,
      message: expect.stringContaining('(U+001B, karakter ke-3)'),
    });
    expect(checkCellText('\u007f')).toMatchObject({ ok: false });
  });
  it('lets through text with tabs and line breaks (a cell may hold them), and every non-text value', () => {
    for (const value of ['Puskesmas\tSatu', 'baris\r\nkedua', "Ma'u — ü", '', 12, null, true, new Date(0)]) {
      expect(checkCellText(value)).toEqual({ ok: true, value });
    }
  });
});
