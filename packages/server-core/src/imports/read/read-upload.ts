// An uploaded file: its name claims a type (.csv or .xlsx); the bytes must agree, then the right reader runs.
import { fileError, type ReadResult } from './sheet.ts';
import { readCsv } from './read-csv.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.ts';
import { readXlsx } from './read-xlsx.ts';

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // old binary .xls / .doc

export async function readUpload(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  sheetName?: string,
): Promise<ReadResult> {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0 || (bytes.length <= 3 && startsWith(bytes, [0xef, 0xbb, 0xbf].slice(0, bytes.length)))) {
    return { ok: false, errors: [fileError('FILE_EMPTY', `Berkas ${fileName} kosong.`)] };
  }
  if (ext === 'xls' || startsWith(bytes, OLE)) {
    return {
      ok: false,
      errors: [
        fileError(
          'FILE_FORMAT',
          'Format Excel lama (.xls) tidak didukung. Simpan sebagai "Buku Kerja Excel (.xlsx)" atau CSV UTF-8.',
        ),
      ],
    };
  }
  if (ext === 'xlsx') {
    if (!startsWith(bytes, ZIP)) {
      return {
        ok: false,
        errors: [
          fileError(
            'FILE_FORMAT',
            `Berkas ${fileName} bernama .xlsx tetapi isinya bukan buku kerja Excel (mungkin CSV yang diganti namanya).`,
          ),
        ],
      };
    }
    return readXlsx(bytes, limits, sheetName);
  }
  if (ext === 'csv' || ext === 'txt') {
    const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]); // text, but refused by readCsv for its encoding
    if (startsWith(bytes, ZIP) || (!utf16 && bytes.subarray(0, 4096).includes(0))) {
      return {
        ok: false,
        errors: [
          fileError(
            'FILE_FORMAT',
            `Berkas ${fileName} bernama .${ext} tetapi isinya bukan teks CSV (mungkin buku kerja Excel: beri akhiran .xlsx).`,
          ),
        ],
      };
    }
    return readCsv(bytes, limits);
  }
  return {
    ok: false,
    errors: [
      fileError(
        'FILE_FORMAT',
        `Jenis berkas tidak didukung: "${fileName}". Unggah .xlsx atau .csv (atau ekspor DHIS2 .json/.csv, ADX .xml, FHIR .json).`,
      ),
    ],
  };
}
