// Just enough of the ZIP format to read an .xlsx safely: the central directory (names, methods, sizes) is read
// first, so a part's declared size is checked against the budget before a byte is inflated, and inflation itself
// stops as soon as a part yields more than it declared or the budget allows (a zip bomb costs at most the budget).
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** As declared in the central directory; checked again while inflating. */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** The archive is not a ZIP we can read (truncated, ZIP64, split, encrypted…). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** A part would decompress to more than the caller allows. */
export class ZipBudgetExceeded extends Error {
  override name = 'ZipBudgetExceeded';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** An .xlsx has a few dozen parts; a directory of thousands is itself an attack on memory. */
const MAX_ENTRIES = 10_000;

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes at the very end.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipFormatError('akhir direktori ZIP tidak ditemukan');
}

/** The entries of the archive by name. */
export function readZipDirectory(bytes: Buffer): Map<string, ZipEntry> {
  if (bytes.length < 22) throw new ZipFormatError('berkas terlalu pendek');
  const eocd = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const directorySize = bytes.readUInt32LE(eocd + 12);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('ZIP64 tidak didukung');
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0)
    throw new ZipFormatError('arsip ZIP terbelah');
  if (count > MAX_ENTRIES) throw new ZipFormatError(`arsip berisi ${count} bagian`);
  if (directoryOffset + directorySize > eocd) throw new ZipFormatError('direktori ZIP di luar berkas');

  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('direktori ZIP rusak');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      encrypted: (bytes.readUInt16LE(at + 8) & 1) === 1,
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new ZipFormatError('ZIP64 tidak didukung');
    }
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_SIGNATURE)
    throw new ZipFormatError(`bagian ${entry.name} rusak`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`bagian ${entry.name} terpotong`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Decompresses one entry chunk by chunk into `onChunk` (which may throw to stop). Refuses before inflating when
 * the declared size exceeds `budget`, and stops as soon as the output exceeds the declared size.
 * Returns the bytes produced.
 */
export function inflateEntry(
  bytes: Buffer,
  entry: ZipEntry,
  budget: number,
  onChunk: (chunk: Buffer) => void,
): Promise<number> {
  if (entry.encrypted) return Promise.reject(new ZipFormatError('bagian terenkripsi (berkas dilindungi kata sandi)'));
  if (entry.size > budget) return Promise.reject(new ZipBudgetExceeded(entry.name));
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.length !== entry.size)
      return Promise.reject(new ZipFormatError(`ukuran bagian ${entry.name} tidak cocok`));
    try {
      onChunk(data);
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.resolve(data.length);
  }
  if (entry.method !== 8) return Promise.reject(new ZipFormatError(`metode kompresi ${entry.method} tidak didukung`));
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let produced = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (failed) return;
      produced += chunk.length;
      // The declared size was checked against the budget: more output than declared is a lie (or a bomb).
      if (produced > entry.size)
        return fail(new ZipFormatError(`bagian ${entry.name} lebih besar dari ukuran yang dinyatakan`));
      try {
        onChunk(chunk);
      } catch (error) {
        fail(error);
      }
    });
    inflate.on('error', (error) =>
      fail(new ZipFormatError(`bagian ${entry.name} tidak dapat didekompresi: ${error.message}`)),
    );
    inflate.on('end', () => {
      if (failed) return;
      if (produced !== entry.size) return fail(new ZipFormatError(`ukuran bagian ${entry.name} tidak cocok`));
      resolve(produced);
    });
    inflate.end(data);
  });
}
