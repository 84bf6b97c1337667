// `pnpm cli pengguna …` — accounts from the machine the app runs on (the first admin; a reset when the only admin
// forgot the password). Whoever can run this can read the database anyway, so it needs no sign-in; every change is
// written to the audit log as "cli:<os user>".
//
//   pnpm cli pengguna tambah --nama-pengguna=admin --peran=admin [--nama="…"] [--wilayah=12.10 | --puskesmas=KODE] [--sandi-stdin]
//   pnpm cli pengguna daftar
//   pnpm cli pengguna reset-sandi <nama-pengguna>
//   pnpm cli pengguna nonaktif <nama-pengguna>  |  aktif <nama-pengguna>
import { readFileSync } from 'node:fs';
import type { Database } from '@peta/db';
import { ROLE_INFO, ROLES } from '@peta/domain';
import {
  createUser,
  DomainError,
  findUserByUsername,
  generatePassword,
  listUsers,
  setPassword,
  updateUser,
  writeAudit,
} from '@peta/server-core';

export interface CliArgs {
  positional: string[];
  flag: (name: string) => string | undefined;
  has: (name: string) => boolean;
  /** The operating-system user running the command. */
  osUser: string;
}

const USAGE = `Perintah pengguna:
  pnpm cli pengguna tambah --nama-pengguna=NAMA --peran=PERAN [--nama="Nama lengkap"] [--wilayah=KODE | --puskesmas=KODE] [--sandi-stdin]
  pnpm cli pengguna daftar
  pnpm cli pengguna reset-sandi NAMA
  pnpm cli pengguna nonaktif NAMA | aktif NAMA
Peran: ${ROLES.join(', ')}`;

export async function penggunaCommand(database: Database, args: CliArgs): Promise<number> {
  const by = `cli:${args.osUser}`;
  const sub = args.positional[1];
  try {
    if (sub === 'tambah') {
      const username = args.flag('nama-pengguna');
      const role = args.flag('peran');
      if (!username || !role) {
        console.error(USAGE);
        return 2;
      }
      const typed = args.has('sandi-stdin') ? readFileSync(0, 'utf8').trim() : null;
      const password = typed ?? generatePassword();
      const user = await createUser(database, {
        username,
        role,
        nama: args.flag('nama') ?? username,
        scopeKode: args.flag('wilayah') ?? '',
        scopePuskesmas: args.flag('puskesmas') ?? null,
        password,
        mustChangePassword: typed === null,
        createdBy: by,
      });
      await writeAudit(database, {
        username: by,
        action: 'pengguna',
        detail: { dibuat: user.username, peran: user.role },
      });
      console.log(`Pengguna ${user.username} (${ROLE_INFO[user.role].labelId}) dibuat.`);
      if (typed === null) console.log(`Kata sandi sementara (tampil sekali, wajib diganti saat masuk): ${password}`);
      return 0;
    }
    if (sub === 'daftar') {
      for (const u of await listUsers(database)) {
        const scope = u.scopePuskesmas
          ? `puskesmas ${u.scopePuskesmas}`
          : u.scopeKode
            ? `wilayah ${u.scopeKode}`
            : 'seluruh Indonesia';
        console.log(
          `${u.username.padEnd(28)} ${ROLE_INFO[u.role].labelId.padEnd(32)} ${scope}${u.aktif ? '' : '  (nonaktif)'}${u.demo ? '  (contoh)' : ''}`,
        );
      }
      return 0;
    }
    if (sub === 'reset-sandi' || sub === 'nonaktif' || sub === 'aktif') {
      const name = args.positional[2];
      const user = name ? await findUserByUsername(database, name) : null;
      if (!user) {
        console.error(name ? `Pengguna "${name}" tidak ditemukan.` : USAGE);
        return 1;
      }
      if (sub === 'reset-sandi') {
        const password = generatePassword();
        await setPassword(database, user.id, password, true);
        await writeAudit(database, { username: by, action: 'sandi', detail: { diatur_ulang: user.username } });
        console.log(`Kata sandi sementara untuk ${user.username} (wajib diganti saat masuk): ${password}`);
      } else {
        await updateUser(database, user.id, { aktif: sub === 'aktif' });
        await writeAudit(database, { username: by, action: 'pengguna', detail: { [sub]: user.username } });
        console.log(`Pengguna ${user.username} sekarang ${sub}.`);
      }
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
