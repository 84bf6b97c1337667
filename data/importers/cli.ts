// pnpm data:import — load the Kemendagri boundaries into the database.
//
//   BOUNDARIES_DIR=/path/to/wilayah_boundaries   copy of cahyadsn/wilayah_boundaries (or its db/ folder)
//   DESA_PROVINSI=12,21,92 | all                 provinces whose desa/kelurahan are loaded (default all)
//   DATABASE_URL=postgres://…                    a PostgreSQL server; else the embedded one in .data/pg
//   DATA_DIR=…                                   local state, as for the API: embedded database in DATA_DIR/pg (default .data/)
//   REPORT_DIR=…                                 where laporan-batas-wilayah.txt goes (default DATA_DIR)
// The same settings as flags: --boundaries-dir=…, --desa-provinsi=…, --database-url=…, --data-dir=…, --report-dir=…
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { openDatabase } from '@peta/db';
import { importBoundaries, type ImportProgress } from './boundaries/import-boundaries.ts';
import { parseDesaProvinsi, resolveBoundarySource } from './boundaries/source.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  return arg?.slice(prefix.length);
}

function progressPrinter() {
  const tty = Boolean(process.stderr.isTTY);
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  let lastLog = 0;
  return {
    update(p: ImportProgress) {
      if (p.phase !== phase) {
        bar?.stop();
        bar = null;
        phase = p.phase;
        if (tty) {
          bar = new cliProgress.SingleBar(
            {
              format: `${p.phase.padEnd(62)} [{bar}] {value}/{total} {detail}`,
              barsize: 24,
              hideCursor: true,
              clearOnComplete: false,
              stream: process.stderr,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done, { detail: p.detail ?? '' });
        } else {
          process.stderr.write(`${p.phase}…\n`);
        }
      }
      if (bar) {
        bar.setTotal(p.total);
        bar.update(p.done, { detail: p.detail ?? '' });
      } else if (!tty && Date.now() - lastLog > 5000 && p.total > 1) {
        lastLog = Date.now();
        process.stderr.write(`  ${p.done}/${p.total} ${p.detail ?? ''}\n`);
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

async function main() {
  const boundariesDir = flag('boundaries-dir') ?? process.env.BOUNDARIES_DIR;
  const desaProvinsi = parseDesaProvinsi(flag('desa-provinsi') ?? process.env.DESA_PROVINSI);
  const databaseUrl = flag('database-url') ?? process.env.DATABASE_URL;
  const dataDir = resolve(flag('data-dir') ?? process.env.DATA_DIR ?? join(repoRoot, '.data'));
  const reportDir = resolve(flag('report-dir') ?? process.env.REPORT_DIR ?? dataDir);
  const printer = progressPrinter();

  const source = await resolveBoundarySource({
    boundariesDir: boundariesDir || undefined,
    repoRoot,
    desaProvinsi,
    onProgress: (p) => printer.update(p),
  });
  printer.stop();
  console.error(`Sumber batas wilayah: ${source.label}`);
  console.error(`Desa dimuat untuk provinsi: ${desaProvinsi === 'all' ? 'semua' : desaProvinsi.join(', ')}`);
  const database = await openDatabase({
    databaseUrl: databaseUrl || undefined,
    dataDir: join(dataDir, 'pg'),
    log: (m) => console.error(m),
  });
  console.error(`Basis data: ${database.kind === 'embedded' ? `tertanam (${join(dataDir, 'pg')})` : 'DATABASE_URL'}`);
  try {
    const result = await importBoundaries(database, {
      source,
      desaProvinsi,
      reportDir,
      onProgress: (p) => printer.update(p),
    });
    printer.stop();
    const r = result.report;
    const line = (t: keyof typeof r.counts) => `${r.counts[t].rows} ${t} (${r.counts[t].withGeometry} berpoligon)`;
    console.log(
      `Impor #${result.import.id} selesai dalam ${(r.timingsMs.total! / 1000).toFixed(1)} detik, versi geometri ${r.geometryVersion}.`,
    );
    console.log(`  ${line('provinsi')}, ${line('kabupaten')}, ${line('kecamatan')}, ${line('desa')}`);
    console.log(
      `  desa tanpa poligon: ${r.desaWithoutPolygon.count}; poligon tidak sah: ${r.invalidPolygons.count} (${r.invalidPolygons.repaired} diperbaiki)`,
    );
    for (const [t, c] of Object.entries(r.codeCheck)) {
      if (c.onlyInBoundaries || c.onlyInCodeList) {
        console.log(
          `  ${t}: ${c.onlyInBoundaries} kode hanya di batas wilayah, ${c.onlyInCodeList} kode hanya di daftar kode`,
        );
      }
    }
    for (const [kind, v] of Object.entries(r.views)) {
      if (v.count)
        console.log(
          `  tampilan ${kind}: terbesar ${v.maxParent} ${(v.maxGzipBytes / 1000).toFixed(1)} KB gzip${v.overBudget.length ? ` — melebihi anggaran: ${v.overBudget.join(', ')}` : ''}`,
        );
    }
    console.log(`  memori puncak ${r.peakRssMb} MB; laporan lengkap: ${result.reportFile}`);
  } finally {
    printer.stop();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`\nImpor batas wilayah gagal: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.PETA_DEBUG && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
});
