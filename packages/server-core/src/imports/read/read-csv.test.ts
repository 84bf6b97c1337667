import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvText, readCsv } from './read-csv.ts';

describe('parseCsvText', () => {
  it('splits on the delimiter of the first line, keeps quoted delimiters, "" and line breaks', () => {
    expect(parseCsvText('a;b;c\r\n1;"x;y";"say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x;y', 'say "hi"\nthere'],
    ]);
    expect(parseCsvText('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('detects ; (Indonesian Excel), comma and tab', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b;c,d')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });
});

describe('readCsv', () => {
  it('drops the UTF-8 BOM', () => {
    const r = readCsv(new TextEncoder().encode('\ufeffkode_wilayah,x\n'));
    expect(r.ok && r.sheet.rows).toEqual([['kode_wilayah', 'x']]);
  });
});
