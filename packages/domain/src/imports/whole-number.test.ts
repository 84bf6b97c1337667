import { describe, expect, it } from 'vitest';
import { parseSasaranAmount, parseWholeNumber } from './whole-number.ts';

const code = (r: ReturnType<typeof parseWholeNumber>) => (r.ok ? `ok:${r.value}` : r.code);

describe('parseWholeNumber', () => {
  it.each([
    ['12', 'ok:12'],
    [12, 'ok:12'],
    ['0', 'ok:0'],
    [' 7 ', 'ok:7'],
    ['12.0', 'ok:12'],
    ['12,00', 'ok:12'],
    [12.0, 'ok:12'],
    ['1.234', 'ok:1234'],
    ['1.234.567', 'ok:1234567'],
    ['12.000', 'ok:12000'],
    ['1 234', 'ok:1234'],
    ['1.234,0', 'ok:1234'],
    ['\u00a012\u00a0', 'ok:12'],
  ] as const)('reads %j as a whole number', (input, expected) => {
    expect(code(parseWholeNumber(input))).toBe(expected);
  });

  it.each([
    ['-3', 'VALUE_NEGATIVE'],
    [-3, 'VALUE_NEGATIVE'],
    ['12.5', 'VALUE_NOT_WHOLE'],
    [12.5, 'VALUE_NOT_WHOLE'],
    ['3,5', 'VALUE_NOT_WHOLE'],
    ['1,234', 'VALUE_AMBIGUOUS'],
    ['1,234,567', 'VALUE_AMBIGUOUS'],
    ['dua belas', 'VALUE_NOT_NUMBER'],
    ['12a', 'VALUE_NOT_NUMBER'],
    ['1.23', 'VALUE_NOT_WHOLE'],
    [true, 'VALUE_NOT_NUMBER'],
    ['3000000000', 'VALUE_TOO_LARGE'],
    [Number.NaN, 'VALUE_NOT_NUMBER'],
  ] as const)('refuses %j with %s', (input, expected) => {
    expect(code(parseWholeNumber(input))).toBe(expected);
  });

  it('treats an empty cell as no value, for the caller to judge', () => {
    expect(parseWholeNumber(null)).toEqual({ ok: true, value: null });
    expect(parseWholeNumber('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses a date cell and explains that Excel turned the entry into a date', () => {
    const r = parseWholeNumber(new Date(Date.UTC(2026, 0, 2)));
    expect(r).toEqual({
      ok: false,
      code: 'VALUE_IS_DATE',
      message:
        'Sel berisi tanggal (2026-01-02), bukan angka: Excel mengubah isian menjadi tanggal. Format sel sebagai angka lalu ketik ulang.',
    });
  });

  it('says what to write for an ambiguous number', () => {
    expect(parseWholeNumber('1,234')).toEqual({
      ok: false,
      code: 'VALUE_AMBIGUOUS',
      message: '"1,234" bisa dibaca sebagai ribuan atau pecahan desimal. Tulis tanpa pemisah, misalnya 1234.',
    });
  });
});

describe('parseSasaranAmount', () => {
  it.each([
    ['40', 40],
    ['39,6', 39.6],
    ['39.6', 39.6],
    ['1.234', 1234],
    ['1.234,25', 1234.25],
    [39.625, 39.63],
    [0, 0],
  ] as const)('reads %j as %d', (input, expected) => {
    expect(parseSasaranAmount(input)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['-1', 'VALUE_NEGATIVE'],
    ['1,234', 'VALUE_AMBIGUOUS'],
    ['39,625', 'VALUE_AMBIGUOUS'],
    ['39,6251', 'VALUE_NOT_WHOLE'],
    ['banyak', 'VALUE_NOT_NUMBER'],
  ] as const)('refuses %j with %s', (input, expected) => {
    const r = parseSasaranAmount(input);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});
