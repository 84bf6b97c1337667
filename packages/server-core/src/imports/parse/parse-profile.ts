// A spreadsheet in no known format, read with an import profile (domain exchange/profile.ts): the profile reader gives
// long rows, old kode are remapped (crosswalk.ts) and the long format's rules judge them like any file, their
// messages told back at the sheet's row and column. Desa names are matched inside the profile's kabupaten with the
// aliases confirmed before and the names the user confirms in this preview.
import {
  buildDesaNameIndex,
  desaNameKey,
  headerLabels,
  headerSignature,
  isInsideWilayah,
  readProfileSheet,
  tingkatOf,
  type DesaAlias,
  type ImportProfile,
  type NamedWilayah,
} from '@peta/domain';
import { judgeLongRows } from './parse-exchange.ts';
import { LAYOUT_LIMITS, emptyParse, type ParseContext, type ParsedImport, type SheetLayout } from './parsed.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../read/read-limits.ts';
import { fileError, isEmptyRow, plain, type Sheet, type SheetCell } from '../read/sheet.ts';

/** A wilayah name as the file would write it: without the word ctx.names adds ("Desa ", "Kecamatan "). */
const bareName = (nama: string) => nama.replace(/^(desa|kelurahan|kecamatan)\s+/i, '');

/** The desa and kecamatan of a kabupaten from the names the rules know. */
function wilayahOf(ctx: ParseContext, kabupaten: string): NamedWilayah[] {
  const out: NamedWilayah[] = [];
  for (const [kode, nama] of ctx.names ?? []) {
    if (kode.startsWith(`${kabupaten}.`)) out.push({ kode, nama: bareName(nama) });
  }
  return out;
}

/** Aliases of the area, and the names confirmed in this preview (a desa inside the profile's kabupaten only). */
function aliasesOf(ctx: ParseContext, profile: ImportProfile): DesaAlias[] {
  const saved = (ctx.aliases ?? []).filter(
    (a) => isInsideWilayah(a.wilayah, profile.kabupaten) || isInsideWilayah(profile.kabupaten, a.wilayah),
  );
  const confirmed = Object.entries(ctx.reading?.konfirmasi ?? {})
    .filter(
      ([nama, kode]) =>
        desaNameKey(nama) &&
        ctx.kodes.has(kode) &&
        isInsideWilayah(kode, profile.kabupaten) &&
        tingkatOf(kode) === 'desa',
    )
    .map(([nama, kode]) => ({ wilayah: profile.kabupaten, nama, kode }));
  // A name confirmed now wins over an older alias of the same name.
  const keys = new Set(confirmed.map((a) => desaNameKey(a.nama)));
  return [...confirmed, ...saved.filter((a) => !keys.has(desaNameKey(a.nama)))];
}

export function parseWithProfile(
  sheet: Sheet,
  profile: ImportProfile,
  profileId: number | null,
  ctx: ParseContext,
  fileName: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): ParsedImport {
  const rows = sheet.rows.map((r) => r.map(plain));
  const names = buildDesaNameIndex(wilayahOf(ctx, profile.kabupaten), aliasesOf(ctx, profile));
  const read = readProfileSheet(rows, profile, {
    names,
    maxDataValues: limits.maxCells,
    ...(ctx.reading?.konfirmasi ? { chosen: ctx.reading.konfirmasi } : {}),
  });
  const used = {
    profile: { id: profileId, nama: profile.nama, kabupaten: profile.kabupaten },
    toConfirm: read.toConfirm,
  };
  if (read.errorCount) return { ...emptyParse(read.errors, 'profil'), warnings: read.warnings, ...used };
  if (!read.rows.length) {
    return {
      ...emptyParse(
        [
          fileError(
            'FILE_EMPTY',
            `Berkas ${fileName} tidak berisi angka di kolom yang dipetakan profil "${profile.nama}".`,
          ),
        ],
        'profil',
      ),
      warnings: read.warnings,
      ...used,
    };
  }
  return { ...judgeLongRows(read.rows, read.warnings, 'profil', ctx), ...used };
}

/** The saved profile whose header signature this sheet has at the profile's header rows (its own sheet only). */
export function matchingProfile(sheet: Sheet, ctx: ParseContext): { id: number; profile: ImportProfile } | null {
  for (const candidate of ctx.profiles ?? []) {
    const p = candidate.profile;
    if (!p.tandaJudul || (p.lembar && sheet.name !== undefined && p.lembar !== sheet.name)) continue;
    const labels = headerLabels(
      sheet.rows.map((r) => r.map(plain)),
      p.barisJudul,
      p.tinggiJudul ?? 1,
    );
    if (headerSignature(labels) === p.tandaJudul) return candidate;
  }
  return null;
}

/** The first rows as text, for the wizard. */
export function sheetLayout(sheet: Sheet): SheetLayout {
  const first = sheet.rows.findIndex((r) => !isEmptyRow(r));
  const text = (c: SheetCell) => {
    const v = plain(c);
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return s.length > LAYOUT_LIMITS.chars ? `${s.slice(0, LAYOUT_LIMITS.chars - 1)}…` : s;
  };
  return {
    sheets: sheet.names ?? [],
    sheet: sheet.name ?? null,
    headerRow: first + 1,
    rows: sheet.rows.slice(0, LAYOUT_LIMITS.rows).map((r) => r.slice(0, LAYOUT_LIMITS.columns).map(text)),
  };
}
