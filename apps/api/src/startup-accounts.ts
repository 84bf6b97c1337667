// The accounts step of a start. A demo start (DEMO_DATA on) makes the demo accounts and prints them with their shared
// password; a start without demo data deactivates every demo account left from an earlier demo start on the same
// database — their password sits in old logs and in DATA_DIR/akun-contoh.txt — and says so.
import type { Database } from '@peta/db';
import { countAdmins, deactivateDemoAccounts, demoPassword, ensureDemoAccounts, findUserByUsername, writeAudit, type DemoAccount } from '@peta/data/accounts';
import { ROLE_INFO } from '@peta/domain';
import type { Config } from './config.ts';

export async function prepareAccounts(
  database: Database, config: Pick<Config, 'demoData' | 'dataDir' | 'demoPassword'>, log: (message: string) => void,
): Promise<DemoAccount[]> {
  if (config.demoData) {
    const password = demoPassword(config.dataDir, config.demoPassword);
    const accounts = await ensureDemoAccounts(database, password);
    log(`Akun contoh (kata sandi semuanya: ${password}${config.demoPassword ? ', dari DEMO_PASSWORD' : `, tersimpan di ${config.dataDir}/akun-contoh.txt`}):`);
    for (const a of accounts) log(`  ${a.username.padEnd(28)} ${ROLE_INFO[a.role].labelId.padEnd(32)} ${a.wilayah}`);
    return accounts;
  }
  const deactivated = await deactivateDemoAccounts(database);
  if (deactivated.length) {
    await writeAudit(database, { username: 'sistem', action: 'pengguna', detail: { nonaktif_akun_contoh: deactivated, alasan: 'DEMO_DATA=false' } });
    log(`DEMO_DATA=false: ${deactivated.length} akun contoh dinonaktifkan (${deactivated.join(', ')}); kata sandi contoh tidak berlaku lagi. `
      + 'Akun itu aktif kembali hanya bila aplikasi dijalankan lagi dengan DEMO_DATA=true.');
  }
  if (await countAdmins(database) === 0) {
    // After a demo start the name "admin" belongs to the (now inactive) demo admin.
    const name = (await findUserByUsername(database, 'admin')) ? 'admin.utama' : 'admin';
    log(`Belum ada admin aktif. Buat yang pertama: pnpm cli pengguna tambah --nama-pengguna=${name} --peran=admin`);
  }
  return [];
}
