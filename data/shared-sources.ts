// Source files that are other people's data — the Dukcapil population per kabupaten (via cahyadsn/wilayah, MIT) and
// the Komdat puskesmas list (via ubunteroz/satu-data, CC0) — are read where they lie, like the boundaries
// (importers/boundaries/source.ts): this repository keeps only their source notes (*.SOURCE.md), never a copy.
// Where each is looked for, first found wins:
//   1. SHARED_DATA_DIR/<folder>/<file> (compose mounts the host folder there);
//   2. <repoRoot>/data/sources/<folder>/<file> (gitignored: a user's own copy);
//   3. <repoRoot>/../shared/data/<folder>/<file> (the team's shared folder beside the clone).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SharedSource {
  /** Folder of the source in the shared data folder. */
  folder: string;
  /** File name inside it, as published there. */
  file: string;
  /** The source note in this repository: where to get the file, its licence. */
  note: string;
}

export const SHARED_SOURCES = {
  penduduk: {
    folder: 'cahyadsn-wilayah-penduduk',
    file: 'penduduk_kab_2024s2.csv',
    note: 'data/demo/penduduk-kab-2024s2.SOURCE.md',
  },
  komdatPuskesmas: {
    folder: 'satudata-komdat-puskesmas',
    file: 'puskesmas.csv',
    note: 'data/puskesmas/komdat-puskesmas-2022.SOURCE.md',
  },
} as const satisfies Record<string, SharedSource>;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The places a source is looked for, in order (see the top of this file). */
export function sharedSourceCandidates(
  source: SharedSource,
  env: NodeJS.ProcessEnv = process.env,
  repoRoot = REPO_ROOT,
): string[] {
  return [
    ...(env.SHARED_DATA_DIR ? [join(resolve(env.SHARED_DATA_DIR), source.folder, source.file)] : []),
    join(repoRoot, 'data', 'sources', source.folder, source.file),
    join(repoRoot, '..', 'shared', 'data', source.folder, source.file),
  ];
}

/** The path of a source file, or an error in Bahasa Indonesia naming every place looked at and the source note. */
export function sharedSourceFile(source: SharedSource, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = sharedSourceCandidates(source, env);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `Berkas sumber ${source.file} tidak ditemukan. Dicari di: ${candidates.join(', ')}. ` +
      `Unduh dari sumbernya (lihat ${source.note}) ke data/sources/${source.folder}/, atau atur SHARED_DATA_DIR.`,
  );
}
