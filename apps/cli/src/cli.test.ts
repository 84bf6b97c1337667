// The CLI as a user runs it (a child process on the test database): exit codes, error list, history, undo, export,
// and a process killed in the middle of its import transaction leaving the database exactly as before.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { IMPORT_LOCK_KEY } from '@peta/server-core';
import { addManyDesa, longCsv, openTestDatabase, valueRows } from '@peta/server-core/testing';

const root = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'peta-cli-'));
let database: Database;
let close: () => Promise<void>;
let url: string;

function cli(args: string[]) {
  // node itself with the tsx loader (the tsx binary is a wrapper process: killing it would leave the real one running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, INIT_CWD: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (ok) => child.on('close', (code, signal) => ok({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const file = (name: string, bytes: Uint8Array) => {
  writeFileSync(join(tmp, name), bytes);
  return name;
};

beforeAll(async () => {
  ({ database, close, url } = await openTestDatabase());
}, 120_000);
afterAll(async () => {
  await close?.();
});

const fixture = (name: string) => readFileSync(join(root, 'packages/server-core/src/imports/fixtures', name));

describe('pnpm cli', () => {
  it('import --profile <file.json>: a long export with desa names and its own columns; the saved profile by name', async () => {
    const name = file('asik.csv', fixture('asik-export.csv'));
    const refused = await cli(['import', name, '--dry-run']).done;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[FILE_FORMAT]');
    expect(refused.stderr).toContain('lalu --profil profil.json');
    const profile = file('asik.profile.json', fixture('asik.profile.json'));
    const dry = await cli(['impor', name, '--coba', '--profil', profile]).done;
    expect(dry.stdout).toContain('Pratinjau: 3 ditambah, 0 diubah, 0 tetap');
    await database.pool.query(
      `insert into import_profile (kabupaten, nama, signature, definition, created_by) values ('99.01', 'Ekspor ASIK', '', $1, 'uji')`,
      [fixture('asik.profile.json').toString('utf8')],
    );
    const byName = await cli(['import', name, '--dry-run', '--profile=ekspor asik']).done;
    expect(byName.stdout).toContain('Pratinjau: 3 ditambah, 0 diubah, 0 tetap');
    const unknown = await cli(['import', name, '--profile=lain']).done;
    expect(unknown.stderr).toContain('Profil impor "lain" tidak ditemukan. Profil tersimpan: #');
    await database.pool.query('delete from import_profile');
  }, 60_000);

  it('profil draf maps a new file; --terima-nama confirms a near desa name, kept as an alias; profil simpan, daftar, hapus', async () => {
    const csv =
      'Nama Desa;Kecamatan;Bulan Laporan;Indikator;Jumlah;Sasaran\nTgia;Dua;2026-08;K4;7;\nDua;Satu;08/2026;TB diobati;2;4\n';
    const name = file('asik-agustus.csv', Buffer.from(csv));
    const refused = await cli(['import', name, '--dry-run']).done;
    expect(refused.code).toBe(1);
    // The first rows with row numbers and column letters, and the next step.
    expect(refused.stderr).toMatch(/ {2}2 {2}Tgia +Dua +2026-08 +K4 +7/);
    expect(refused.stderr).toContain(`pnpm cli profil draf ${name} --kabupaten=KODE`);

    const draft = await cli([
      'profil',
      'draf',
      name,
      '--kabupaten=99.01',
      '--nama=Ekspor uji',
      '--keluar=uji.profil.json',
    ]).done;
    expect(draft.code).toBe(0);
    expect(draft.stderr).toContain('Label indikator tanpa kode');
    expect(draft.stderr).toContain('TB diobati');
    const profile = JSON.parse(readFileSync(join(tmp, 'uji.profil.json'), 'utf8'));
    expect(profile).toMatchObject({
      nama: 'Ekspor uji',
      kabupaten: '99.01',
      desa: { kolom: 'Nama Desa', isi: 'nama', kolomKecamatan: 'Kecamatan' },
      periode: { kolom: 'Bulan Laporan' },
      indikator: { kolom: 'Indikator', kode: { K4: 'KIA_K4' } },
    });
    // The user completes the mapping, as they would in the wizard.
    profile.indikator.kode['TB diobati'] = 'SPM11_TB';
    writeFileSync(join(tmp, 'uji.profil.json'), JSON.stringify(profile));

    const near = await cli(['impor', name, '--profil', 'uji.profil.json', '--coba']).done;
    expect(near.code).toBe(1);
    expect(near.stderr).toContain('[DESA_NAME_NEAR]');
    expect(near.stderr).toContain('--terima-nama "Tgia=99.01.02.2001"  (Tiga, Kec. Dua)');
    const bad = await cli(['import', name, '--profile', 'uji.profil.json', '--terima-nama', 'Tgia']).done;
    expect(bad.stderr).toContain('tulis "nama di berkas=kode desa"');

    const done = await cli([
      'import',
      name,
      '--profile',
      'uji.profil.json',
      '--terima-nama',
      'Tgia=99.01.02.2001',
      '--oleh=Bidan Sari',
    ]).done;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('2 ditambah');
    expect(done.stdout).toContain('1 nama desa yang dikonfirmasi disimpan sebagai alias 99.01');
    const { rows: aliases } = await database.pool.query('select wilayah, nama, kode, created_by from desa_alias');
    expect(aliases).toEqual([{ wilayah: '99.01', nama: 'Tgia', kode: '99.01.02.2001', created_by: 'Bidan Sari' }]);
    const loadId = Number(/Impor #(\d+) tersimpan/.exec(done.stdout)?.[1]);
    expect((await cli(['undo', String(loadId)]).done).code).toBe(0);

    // Kept: the next file of that header is read with it by itself, and the alias matches at once.
    const saved = await cli(['profil', 'simpan', 'uji.profil.json']).done;
    expect(saved.stdout).toMatch(/Profil impor #(\d+) "Ekspor uji" tersimpan untuk 99\.01; berkas berikutnya/);
    const id = /#(\d+)/.exec(saved.stdout)![1]!;
    expect((await cli(['profil', 'daftar']).done).stdout).toContain(`#${id} 99.01 "Ekspor uji" oleh cli:`);
    expect((await cli(['impor', name, '--coba']).done).stdout).toContain('Pratinjau: 2 ditambah');
    const removed = await cli(['profil', 'hapus', id]).done;
    expect(removed.stdout).toContain(`Profil impor #${id} "Ekspor uji" (99.01) dihapus`);
    expect((await cli(['profil', 'hapus', id]).done).code).toBe(1);
    expect((await cli(['import', name, '--dry-run']).done).stderr).toContain('[FILE_FORMAT]');
    const { rows: audit } = await database.pool.query(
      `select path from audit_log where method = 'CLI' and path like 'profil %' order by id`,
    );
    expect(audit).toEqual([{ path: 'profil simpan' }, { path: 'profil hapus' }]);
    await database.pool.query('delete from import_profile; delete from desa_alias');
  }, 120_000);

  it('refuses a bad file with exit 1 and the error list, writing nothing', async () => {
    const name = file(
      'salah.csv',
      longCsv([
        ['99.01.01.2001', '2026-10', 'KIA_K4', 5],
        ['99.01.01.2001', '2026-09', 'KIA_K4', 'lima'],
      ]),
    );
    const r = await cli(['import', name]).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Berkas ditolak: 1 kesalahan.');
    expect(r.stderr).toContain('baris 3, kolom pembilang: [VALUE_NOT_NUMBER] "lima" bukan angka.');
    expect(await valueRows(database)).toEqual([]);
  }, 60_000);

  it('imports (dry run first), lists the history, exports the long format and undoes', async () => {
    const name = file(
      'benar.csv',
      longCsv([
        ['99.01.01.2001', '2026-10', 'KIA_K4', 5],
        ['99.01.01.2002', '2026-09', 'SPM11_TB', 2, 3],
      ]),
    );
    const dry = await cli(['import', name, '--dry-run']).done;
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Pratinjau: 2 ditambah, 0 diubah, 0 tetap. Belum ada yang disimpan.');
    expect(await valueRows(database)).toEqual([]);

    const real = await cli(['import', name, '--oleh=Bidan Sari']).done;
    expect(real.code).toBe(0);
    const id = Number(/Impor #(\d+) tersimpan: 2 ditambah, 0 diubah, 0 tetap\./.exec(real.stdout)?.[1]);
    expect(id).toBeGreaterThan(0);

    const history = await cli(['riwayat']).done;
    expect(history.stdout).toMatch(new RegExp(`#${id} \\S+ import Bidan Sari benar.csv \\+2 ~0 =0`));

    const exported = await cli([
      'ekspor',
      '--wilayah=99.01',
      '--dari=2026-01',
      '--sampai=2026-10',
      '--keluar=ekspor.csv',
    ]).done;
    expect(exported.code).toBe(0);
    expect(readFileSync(join(tmp, 'ekspor.csv'), 'utf8')).toBe(
      'kode_wilayah,periode,indikator,pembilang,penyebut\n99.01.01.2001,2026-10,KIA_K4,5,\n99.01.01.2002,2026-09,SPM11_TB,2,3\n',
    );

    const undo = await cli(['batalkan', String(id)]).done;
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain(`Impor #${id} dibatalkan`);
    expect(await valueRows(database)).toEqual([]);
    const again = await cli(['undo', String(id)]).done;
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Impor #${id} sudah dibatalkan`);
  }, 120_000);

  it('a process killed inside its import transaction leaves the database exactly as before', async () => {
    const desa = await addManyDesa(database, 1000);
    const indicators = [
      'KIA_K1',
      'KIA_K4',
      'KIA_PF',
      'KIA_KF',
      'KIA_KN1',
      'IMM_IDL',
      'SPM01_BUMIL',
      'SPM02_BULIN',
      'SPM03_BBL',
      'SPM04_BALITA',
    ];
    const rows: (string | number)[][] = [];
    for (const kode of desa)
      for (const indicator of indicators)
        for (let m = 1; m <= 10; m++) rows.push([kode, `2026-${String(m).padStart(2, '0')}`, indicator, m]);
    const name = file('besar.csv', longCsv(rows)); // 100,000 rows
    const before = {
      values: await valueRows(database),
      loads: (await database.pool.query('select * from data_load order by id')).rows,
    };

    const run = cli(['import', name]);
    // Wait until the import holds the lock and is writing rows inside its transaction (COPYing them into its staging
    // table, upserting them, or COPYing their history), then kill it.
    let writing = false;
    for (let i = 0; i < 1500 && !writing; i++) {
      const { rows: active } = await database.pool.query(
        `select 1 from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and query ~ '^(copy import_value|insert into indicator_value)'`,
      );
      writing = active.length > 0;
      if (!writing) await new Promise((ok) => setTimeout(ok, 20));
    }
    expect(writing).toBe(true);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    // The server rolls the transaction back when the connection drops; the lock goes with it.
    for (let i = 0; i < 500; i++) {
      const { rows: held } = await database.pool.query(
        `select 1 from pg_locks where locktype = 'advisory' and objid = $1`,
        [IMPORT_LOCK_KEY],
      );
      if (!held.length) break;
      await new Promise((ok) => setTimeout(ok, 20));
    }
    expect(await valueRows(database)).toEqual(before.values);
    expect((await database.pool.query('select * from data_load order by id')).rows).toEqual(before.loads);
    expect(
      (
        await database.pool.query(
          'select count(*)::int n from indicator_value_history where load_id not in (select id from data_load)',
        )
      ).rows,
    ).toEqual([{ n: 0 }]);
  }, 120_000);
});
