// Desa names a user confirmed among the near matches of a preview (web: the wizard's NameConfirm, CLI: --terima-nama)
// become aliases of the profile's kabupaten once the import is committed, so the next file matches them at once.
// A name several desa of the kabupaten carry (chosen among them for one file) is never kept: an alias would send every
// later file's rows of that name to one desa.
import { desaNameKey } from '@peta/domain';
import type { DbOrTx } from '@peta/db';
import { aliasesRepository } from './profiles-repository.ts';
import { wilayahNamesRepository } from './wilayah-names-repository.ts';
import type { ImportOutcome } from './run-import.ts';

export async function keepConfirmedNames(
  db: DbOrTx,
  outcome: Pick<ImportOutcome, 'status' | 'profile' | 'loadId'>,
  konfirmasi: Readonly<Record<string, string>> | undefined,
  oleh: string,
): Promise<number> {
  const kabupaten = outcome.profile?.kabupaten;
  if (outcome.status !== 'imported' || !kabupaten || !konfirmasi) return 0;
  const desaPerKey = new Map<string, number>();
  for (const d of await wilayahNamesRepository(db).desaOf(kabupaten)) {
    const key = desaNameKey(d.nama);
    desaPerKey.set(key, (desaPerKey.get(key) ?? 0) + 1);
  }
  const rows = Object.entries(konfirmasi)
    .filter(([nama]) => desaNameKey(nama) && (desaPerKey.get(desaNameKey(nama)) ?? 0) < 2)
    .map(([nama, kode]) => ({
      wilayah: kabupaten,
      namaKey: desaNameKey(nama),
      nama,
      kode,
      createdBy: oleh,
      loadId: outcome.loadId,
    }));
  await aliasesRepository(db).save(rows);
  return rows.length;
}
