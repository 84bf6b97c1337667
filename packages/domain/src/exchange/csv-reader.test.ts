import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader.ts';

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping the line each record starts on', () => {
    const r = readCsv('\uFEFFa,b,c\r\n"x,1","say ""hi""","two\nlines"\n\nlast,,\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x,1', 'say "hi"', 'two\nlines'] },
        { line: 5, fields: ['last', '', ''] },
      ],
    });
  });

  it('reads a last record without a line break', () => {
    expect(readCsv('a,b')).toEqual({ ok: true, records: [{ line: 1, fields: ['a', 'b'] }] });
  });

  it('refuses broken quoting with the line', () => {
    expect(readCsv('a,b\n"open,1\n')).toMatchObject({
      ok: false,
      kind: 'syntax',
      line: 2,
      message: expect.stringContaining('tidak ditutup'),
    });
    expect(readCsv('a\n"x"y,1\n')).toMatchObject({ ok: false, kind: 'syntax', line: 2 });
    expect(readCsv('a\nx"y,1\n')).toMatchObject({
      ok: false,
      kind: 'syntax',
      line: 2,
      message: expect.stringContaining('di tengah isian'),
    });
  });

  it('stops at each bound', () => {
    expect(readCsv('abcdef', { maxChars: 5 })).toMatchObject({ ok: false, kind: 'too-large' });
    expect(readCsv('1\n2\n3\n', { maxRecords: 2 })).toMatchObject({ ok: false, kind: 'too-large', line: 3 });
    expect(readCsv('1,2,3\n', { maxFields: 2 })).toMatchObject({ ok: false, kind: 'too-large', line: 1 });
    expect(readCsv('x\n"abcdef"\n', { maxFieldLength: 5 })).toMatchObject({ ok: false, kind: 'too-large', line: 2 });
  });
});
