import { describe, expect, it } from 'vitest';
import { parseExchangeCount } from './values.ts';

const code = (r: ReturnType<typeof parseExchangeCount>) => (r.ok ? `ok:${r.value}` : r.code);

describe('parseExchangeCount', () => {
  it.each([
    ['12', 'ok:12'],
    [' 0 ', 'ok:0'],
    ['12.0', 'ok:12'],
    ['+7', 'ok:7'],
    ['', 'ok:null'],
    ['  ', 'ok:null'],
  ])('reads %j in machine notation', (input, expected) => expect(code(parseExchangeCount(input))).toBe(expected));

  it.each([
    // "1.234" is a decimal in DHIS2/ADX/FHIR, not one thousand two hundred and thirty-four as in an Indonesian sheet.
    ['1.234', 'VALUE_NOT_WHOLE'],
    ['12.5', 'VALUE_NOT_WHOLE'],
    ['1e3', 'VALUE_NOT_WHOLE'],
    ['-3', 'VALUE_NEGATIVE'],
    ['1,234', 'VALUE_NOT_NUMBER'],
    ['dua', 'VALUE_NOT_NUMBER'],
    ['true', 'VALUE_NOT_NUMBER'],
    ['3000000000', 'VALUE_TOO_LARGE'],
  ])('refuses %j with %s', (input, expected) => expect(code(parseExchangeCount(input))).toBe(expected));
});
