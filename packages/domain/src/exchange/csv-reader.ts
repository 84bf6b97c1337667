// RFC 4180 CSV for exchange files (DHIS2 dataValueSets CSV): quoted fields may hold commas, quotes ("") and line
// breaks, so each record keeps the line it STARTS on for messages. Bounded: characters, records, fields per record,
// characters per field. Pure: the caller has decoded the bytes (UTF-8, BOM removed or not).

export interface CsvLimits {
  maxChars: number;
  maxRecords: number;
  maxFields: number;
  maxFieldLength: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = {
  maxChars: 100 * 1024 * 1024,
  maxRecords: 1_000_000,
  maxFields: 64,
  maxFieldLength: 64 * 1024,
};

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; kind: 'syntax' | 'too-large'; message: string; line: number };

/** Reads every record; blank lines are skipped. */
export function readCsv(text: string, limits: Partial<CsvLimits> = {}): CsvResult {
  const lim = { ...DEFAULT_CSV_LIMITS, ...limits };
  if (text.length > lim.maxChars) {
    return {
      ok: false,
      kind: 'too-large',
      line: 1,
      message: `Berkas CSV terlalu besar: ${text.length.toLocaleString('id-ID')} karakter (batas ${lim.maxChars.toLocaleString('id-ID')}).`,
    };
  }
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0)
            return {
              ok: false,
              kind: 'syntax',
              line: quoteLine,
              message: `Baris ${quoteLine}: tanda kutip (") tidak ditutup.`,
            };
          const part = text.slice(i, q);
          for (let k = 0; k < part.length; k++) if (part.charCodeAt(k) === 10) line++;
          field += part;
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          return {
            ok: false,
            kind: 'syntax',
            line,
            message: `Baris ${line}: teks sesudah tanda kutip penutup; kutip di dalam isian ditulis dua kali ("").`,
          };
        }
      } else {
        let j = i;
        while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
        field = text.slice(i, j);
        if (field.includes('"')) {
          return {
            ok: false,
            kind: 'syntax',
            line,
            message: `Baris ${line}: tanda kutip (") di tengah isian yang tidak diapit kutip.`,
          };
        }
        i = j;
      }
      if (field.length > lim.maxFieldLength) {
        return {
          ok: false,
          kind: 'too-large',
          line: start,
          message: `Baris ${start}: isian lebih panjang dari ${lim.maxFieldLength.toLocaleString('id-ID')} karakter.`,
        };
      }
      fields.push(field);
      if (fields.length > lim.maxFields) {
        return {
          ok: false,
          kind: 'too-large',
          line: start,
          message: `Baris ${start}: lebih dari ${lim.maxFields} kolom.`,
        };
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line: start, fields });
    if (records.length > lim.maxRecords) {
      return {
        ok: false,
        kind: 'too-large',
        line: start,
        message: `Berkas CSV memuat lebih dari ${lim.maxRecords.toLocaleString('id-ID')} baris.`,
      };
    }
  }
  return { ok: true, records };
}
