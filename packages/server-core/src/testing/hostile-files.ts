// Hostile uploads, generated (nothing committed): the files of issue 14 item 3 and their smaller cousins. Used by the
// benchmark (bench/hostile-uploads.ts) at full size and by the API tests at sizes just over lowered limits.
// The .xlsx files are written by a minimal ZIP writer that streams its parts through deflate, so a part of gigabytes
// costs the generator little memory, and that can declare a part's size falsely (as a zip bomb would).
import { crc32, createDeflateRaw } from 'node:zlib';

const LONG_HEADER = ['kode_wilayah', 'periode', 'indikator', 'pembilang', 'penyebut'];

interface Part {
  name: string;
  chunks: Iterable<string | Buffer>;
  /** Written in the headers instead of the real size (a lying zip bomb). */
  declaredSize?: number;
}

async function deflate(chunks: Iterable<string | Buffer>): Promise<{ data: Buffer; size: number; crc: number }> {
  const stream = createDeflateRaw();
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!stream.write(bytes)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await ended;
  return { data: Buffer.concat(out), size, crc };
}

/** A ZIP archive (deflate, no data descriptors) of the parts. */
export async function zipArchive(parts: Part[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = await deflate(part.chunks);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    // Both headers carry the same block: CRC-32, compressed size, (declared) size, name length (APPNOTE 4.3.7, 4.3.12).
    const sizes = (into: Buffer, at: number) => {
      into.writeUInt32LE(crc >>> 0, at);
      into.writeUInt32LE(data.length, at + 4);
      into.writeUInt32LE(declared, at + 8);
      into.writeUInt16LE(name.length, at + 12);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    sizes(local, 14);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by
    header.writeUInt16LE(20, 6); // version needed
    header.writeUInt16LE(8, 10); // deflate
    sizes(header, 16);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const columnName = (i: number) => String.fromCharCode(65 + i);
const textCell = (s: string, ref = '') => `<c${ref && ` r="${ref}"`} t="inlineStr"><is><t>${escapeXml(s)}</t></is></c>`;
const numberCell = (n: number, ref = '') => `<c${ref && ` r="${ref}"`}><v>${n}</v></c>`;

/** A workbook of one worksheet whose XML is `rows` (each a <row> element), with its declared size optionally false. */
export function xlsxOf(rows: Iterable<string>, options: { declaredSheetSize?: number } = {}): Promise<Buffer> {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  function* sheet() {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${ns}><sheetData>`;
    // Rows in batches of about 1 MB: few chunks keep the generator fast.
    let batch: string[] = [];
    let length = 0;
    for (const row of rows) {
      batch.push(row);
      length += row.length;
      if (length >= 1 << 20) {
        yield batch.join('');
        batch = [];
        length = 0;
      }
    }
    yield `${batch.join('')}</sheetData></worksheet>`;
  }
  return zipArchive([
    {
      name: '[Content_Types].xml',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ],
    },
    {
      name: '_rels/.rels',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    },
    {
      name: 'xl/workbook.xml',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ],
    },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheet(), declaredSize: options.declaredSheetSize },
  ]);
}

const kodeOf = (i: number) => `12.10.09.${2001 + (i % 24)}`;
const periodOf = (i: number) =>
  `20${10 + (Math.floor(i / 288) % 16)}-${String(1 + (Math.floor(i / 24) % 12)).padStart(2, '0')}`;

/** Long-format rows (header first) that look real: kode, period, indicator, numerator. */
function* longRows(count: number): Generator<string[]> {
  yield LONG_HEADER;
  for (let i = 0; i < count; i++) yield [kodeOf(i), periodOf(i), 'KIA_K4', String(i % 40), ''];
}

/** A long-format .xlsx of `rows` data rows (issue 14: 1,048,575 rows, about 15 MB). */
export function longXlsx(rows: number): Promise<Buffer> {
  function* xml() {
    let r = 0;
    for (const cells of longRows(rows)) {
      r++;
      const ref = (i: number) => `${columnName(i)}${r}`;
      yield `<row r="${r}">${cells.map((c, i) => (r > 1 && i === 3 ? numberCell(Number(c), ref(i)) : c ? textCell(c, ref(i)) : '')).join('')}</row>`;
    }
  }
  return xlsxOf(xml());
}

/** A long-format CSV of `rows` data rows (issue 14: a million rows). */
export function longCsv(rows: number): Buffer {
  const lines: string[] = [];
  for (const cells of longRows(rows)) lines.push(cells.join(','));
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A long-format CSV whose header has `columns` columns in all (issue 14: a million). */
export function wideCsv(columns: number): Buffer {
  const extra = Array.from({ length: Math.max(0, columns - LONG_HEADER.length) }, (_, i) => `x${i}`);
  return Buffer.from(`${[...LONG_HEADER, ...extra].join(',')}\n12.10.09.2001,2026-01,KIA_K4,1,\n`);
}

/** A small .xlsx whose one sheet inflates a thousandfold: `rows` identical rows of `columns` cells. */
export function denseXlsx(rows: number, columns: number): Promise<Buffer> {
  const row = `<row>${Array.from({ length: columns }, () => numberCell(1)).join('')}</row>`;
  function* xml() {
    for (let r = 0; r < rows; r++) yield row;
  }
  return xlsxOf(xml());
}

/** Two values: A1 and the last cell of a worksheet (XFD1048576). */
export function sparseXlsx(): Promise<Buffer> {
  return xlsxOf([
    `<row r="1"><c r="A1" t="inlineStr"><is><t>kode_wilayah</t></is></c></row>`,
    '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
  ]);
}

/** A zip bomb: a sheet of `megabytes` MB of zeros in <v> text, declared as `declaredBytes` (default: honestly). */
export function bombXlsx(megabytes: number, declaredBytes?: number): Promise<Buffer> {
  const zeros = '0'.repeat(1024 * 1024);
  function* xml() {
    yield '<row r="1"><c r="A1"><v>';
    for (let i = 0; i < megabytes; i++) yield zeros;
    yield '</v></c></row>';
  }
  return xlsxOf(xml(), { declaredSheetSize: declaredBytes });
}
