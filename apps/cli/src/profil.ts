// `pnpm cli profil …` — import profiles from the command line: the wizard of the import page for whoever works in a
// terminal. A file in no known format is mapped once (`draf` guesses every column from the file's first rows into a
// JSON file the user checks and edits, exactly as the web wizard prefills its form), tried with
// `pnpm cli impor <berkas> --profil profil.json --coba`, then kept (`simpan`) for its kabupaten: later files of the
// same header are read with it by themselves, on the web too. Saves and deletes are in the audit log as "cli:<os user>".
//
//   pnpm cli profil draf <berkas> --kabupaten=12.10 --nama="Ekspor ASIK" [--lembar=NAMA] [--baris-judul=N] [--tinggi-judul=2] [--keluar=profil.json]
//   pnpm cli profil simpan <profil.json>
//   pnpm cli profil daftar
//   pnpm cli profil hapus <nomor>
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '@peta/db';
import { columnLetter, guessedProfile, tingkatOf } from '@peta/domain';
import {
  checkedProfile,
  DomainError,
  profilesRepository,
  runImport,
  writeAudit,
  type SheetLayout,
} from '@peta/server-core';
import type { CliArgs } from './pengguna.ts';

export interface ProfilArgs extends CliArgs {
  /** A path as the user typed it, resolved where they typed it. */
  userPath: (p: string) => string;
}

const USAGE = `Perintah profil impor:
  pnpm cli profil draf <berkas> --kabupaten=KODE --nama="Nama profil" [--lembar=NAMA] [--baris-judul=N] [--tinggi-judul=2] [--keluar=profil.json]
  pnpm cli profil simpan <profil.json>
  pnpm cli profil daftar
  pnpm cli profil hapus <nomor>
Langkah: draf → periksa/ubah JSON-nya → pnpm cli impor <berkas> --profil profil.json --coba → profil simpan.`;

const ROLE_WORDS: Record<string, string> = {
  '': '(diabaikan)',
  'desa-nama': 'nama desa',
  'desa-kode': 'kode desa',
  kecamatan: 'kecamatan',
  periode: 'bulan',
  indikator: 'indikator',
  pembilang: 'pembilang',
  penyebut: 'penyebut',
};

/** The first rows of a file as the import reads them, with row numbers and column letters (bounded: LAYOUT_LIMITS). */
export function printLayout(layout: SheetLayout, print: (line: string) => void = console.error): void {
  if (layout.sheets.length > 1)
    print(`Lembar kerja: ${layout.sheets.join(', ')} (ditampilkan: ${layout.sheet}; pilih dengan --lembar=NAMA)`);
  const width = Math.min(12, Math.max(0, ...layout.rows.map((r) => r.length)));
  const cell = (text: string) => (text.length > 18 ? `${text.slice(0, 17)}…` : text).padEnd(18);
  print(`     ${Array.from({ length: width }, (_, c) => cell(columnLetter(c))).join(' ')}`);
  layout.rows.slice(0, 15).forEach((row, i) => {
    print(`${String(i + 1).padStart(3)}  ${row.slice(0, width).map(cell).join(' ')}`.trimEnd());
  });
  if (layout.rows.length > 15) print(`     … (${layout.rows.length} baris pertama dibaca)`);
}

async function draft(database: Database, args: ProfilArgs): Promise<number> {
  const file = args.positional[2];
  const kabupaten = args.flag('kabupaten');
  const nama = args.flag('nama');
  if (!file || !kabupaten || !nama) {
    console.error(USAGE);
    return 2;
  }
  let tingkat: string | null = null;
  try {
    tingkat = tingkatOf(kabupaten);
  } catch {
    tingkat = null;
  }
  if (tingkat !== 'kabupaten')
    throw new Error(`--kabupaten harus kode kabupaten/kota, misalnya 12.10 (bukan "${kabupaten}").`);
  const barisJudul = args.flag('baris-judul') === undefined ? undefined : Number(args.flag('baris-judul'));
  if (barisJudul !== undefined && !(Number.isInteger(barisJudul) && barisJudul >= 1))
    throw new Error('--baris-judul harus nomor baris judul kolom (1, 2, …).');
  const tinggiJudul = args.flag('tinggi-judul') === '2' ? 2 : 1;
  const lembar = args.flag('lembar');
  const path = args.userPath(file);
  // Read as the import reads it, without trying saved profiles: the first rows of a file in no known format.
  const outcome = await runImport(database, {
    bytes: readFileSync(path),
    fileName: basename(path),
    oleh: `cli:${args.osUser}`,
    dryRun: true,
    ...(lembar ? { reading: { lembar } } : {}),
  });
  if (!outcome.layout) {
    console.error(
      outcome.format
        ? `Berkas ini sudah dalam format yang dikenal (${outcome.format}): impor langsung dengan pnpm cli impor, tanpa profil.`
        : `Berkas tidak dapat dibaca: ${outcome.errors.map((e) => e.message).join(' ')}`,
    );
    return 1;
  }
  const guessed = guessedProfile(outcome.layout, {
    nama,
    kabupaten,
    ...(barisJudul ? { barisJudul } : {}),
    tinggiJudul,
  });
  printLayout(outcome.layout);
  console.error(
    `Judul kolom di baris ${guessed.profile.barisJudul}${tinggiJudul === 2 ? `–${guessed.profile.barisJudul + 1}` : ''}; tebakan per kolom:`,
  );
  for (const label of guessed.labels) {
    const c = guessed.choices[label];
    const what = [ROLE_WORDS[c?.role ?? ''], c?.indikator, c?.bulan ? `bulan ${c.bulan}` : '']
      .filter(Boolean)
      .join(', ');
    console.error(`  ${label.padEnd(28)} → ${what}`);
  }
  if (guessed.unmapped.length)
    console.error(
      `Label indikator tanpa kode (isi di "indikator.kode" dengan kode katalog, misalnya "SPM11_TB"; baris tanpa kode ditolak): ${guessed.unmapped.join(', ')}`,
    );
  const json = `${JSON.stringify(guessed.profile, null, 2)}\n`;
  const target = args.flag('keluar');
  if (target) {
    writeFileSync(args.userPath(target), json);
    console.error(
      `Draf profil tersimpan: ${args.userPath(target)}. Periksa dan ubah bila perlu (kolom, peran, indikator), lalu:\n` +
        `  pnpm cli impor ${file} --profil ${target} --coba\n  pnpm cli profil simpan ${target}`,
    );
  } else process.stdout.write(json);
  return 0;
}

async function save(database: Database, args: ProfilArgs): Promise<number> {
  const file = args.positional[2];
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const profile = checkedProfile(JSON.parse(readFileSync(args.userPath(file), 'utf8')));
  const by = `cli:${args.osUser}`;
  const id = await profilesRepository(database.db).save({
    kabupaten: profile.kabupaten,
    nama: profile.nama,
    signature: profile.tandaJudul ?? '',
    definition: profile,
    createdBy: by,
  });
  await writeAudit(database, {
    username: by,
    action: 'tulis',
    method: 'CLI',
    path: 'profil simpan',
    detail: { profil: id, nama: profile.nama, kabupaten: profile.kabupaten },
  });
  console.log(
    `Profil impor #${id} "${profile.nama}" tersimpan untuk ${profile.kabupaten}` +
      (profile.tandaJudul
        ? '; berkas berikutnya dengan judul kolom yang sama langsung terbaca.'
        : '; tanpa tandaJudul ia hanya dipakai bila dipilih (--profil).'),
  );
  return 0;
}

async function list(database: Database): Promise<number> {
  const rows = await profilesRepository(database.db).current('');
  if (!rows.length) console.log('Belum ada profil impor.');
  for (const r of rows)
    console.log(
      `#${r.id} ${r.kabupaten} "${r.nama}" oleh ${r.createdBy}, ${r.createdAt.toISOString().slice(0, 10)}` +
        `${Number(r.versions) > 1 ? ` (${r.versions} versi)` : ''}${r.signature ? '' : ' [tanpa tanda judul]'}`,
    );
  return 0;
}

async function remove(database: Database, args: ProfilArgs): Promise<number> {
  const id = Number(args.positional[2]);
  if (!Number.isInteger(id) || id <= 0) {
    console.error('Sebutkan nomor profil: pnpm cli profil hapus <nomor> (lihat pnpm cli profil daftar).');
    return 2;
  }
  const by = `cli:${args.osUser}`;
  const profiles = profilesRepository(database.db);
  const row = await profiles.byId(id);
  if (!row || !(await profiles.retire(id, by))) {
    console.error(`Profil impor #${id} tidak ada atau sudah dihapus/diganti (lihat pnpm cli profil daftar).`);
    return 1;
  }
  await writeAudit(database, {
    username: by,
    action: 'tulis',
    method: 'CLI',
    path: 'profil hapus',
    detail: { profil: id, nama: row.nama, kabupaten: row.kabupaten },
  });
  console.log(`Profil impor #${id} "${row.nama}" (${row.kabupaten}) dihapus; riwayatnya tetap tersimpan.`);
  return 0;
}

export async function profilCommand(database: Database, args: ProfilArgs): Promise<number> {
  const sub = args.positional[1];
  try {
    if (sub === 'draf') return await draft(database, args);
    if (sub === 'simpan') return await save(database, args);
    if (sub === 'daftar') return await list(database);
    if (sub === 'hapus') return await remove(database, args);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  console.error(USAGE);
  return 2;
}
