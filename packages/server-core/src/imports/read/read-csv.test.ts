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

/** The reader as it was before the fast path (character by character): the oracle for every input below. */
function plainCsv(text: string): string[][] {
  const d = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const pushField = () => {
    row.push(field);
    field = '';
  };
  const pushRow = () => {
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === d) pushField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      pushField();
      pushRow();
    } else field += ch;
  }
  if (field !== '' || row.length) {
    pushField();
    pushRow();
  }
  return rows;
}

describe('parseCsvText against the plain state machine', () => {
  it('splits every random mix of quotes, delimiters and line breaks the same way', () => {
    let seed = 17;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = ['a', 'b', '1', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', 'é'];
    const cases = ['', '"', '\n', 'a,', 'a,"', '"a"b,c', '"a""b"\r\n"', ',,\n,', '""""', 'x"y,"z'];
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 30);
      cases.push(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
    for (const text of cases) expect(parseCsvText(text), JSON.stringify(text)).toEqual(plainCsv(text));
  });
});
