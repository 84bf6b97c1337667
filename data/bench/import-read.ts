// Section import-read of `pnpm bench:national`: the first phase of the national import (import-upkeep) alone, in this
// process, with no statement timed: reading and validating the month file of every desa × the demo indicators (as
// parseImportFile does in the CLI and in the API's parse worker), the COPY lines of its desa rows (plan-values.ts
// fileRowChunks), and the way back from a parse worker (the value cells packed, moved and rebuilt, next to a structured
// clone of the cell objects as before). Wall time and this process's CPU seconds (GC threads included), BENCH_RUNS times.
import { loadavg } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { openDatabase } from '@peta/db';
import { withTingkatWord, type Tingkat } from '@peta/domain';
import { answerResult, fileRowChunks, importAnswer, parseImportFile, type ParsedImport } from '@peta/server-core';
import { BIG_LIMITS, IMPORT_MONTH, TODAY, monthCsv, type ScaleContext } from './values-at-scale.ts';

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Wall and CPU seconds of one step. */
async function measured<T>(work: () => T | Promise<T>): Promise<{ value: T; text: string }> {
  const cpu = cpuSeconds();
  const started = performance.now();
  const value = await work();
  return {
    value,
    text: `${((performance.now() - started) / 1000).toFixed(2)} s (CPU ${(cpuSeconds() - cpu).toFixed(2)} s)`,
  };
}

export async function importRead(ctx: ScaleContext) {
  const dataDir = process.env.BENCH_DATA_DIR ?? ctx.dataDir;
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: dataDir ? `${dataDir}/pg` : undefined,
    reuseRunning: true,
  });
  let wilayah: { kode: string; tingkat: Tingkat; nama: string }[];
  let indicators: string[];
  try {
    wilayah = (await database.pool.query(`select kode, tingkat, nama from wilayah order by kode`)).rows;
    indicators = (
      await database.pool.query<{ indicator: string }>(
        `select distinct indicator from value_rollup where kode = '' order by 1`,
      )
    ).rows.map((r) => r.indicator);
  } finally {
    await database.close();
  }
  const desa = wilayah.filter((w) => w.tingkat === 'desa').map((w) => w.kode);
  const parseContext = {
    today: TODAY,
    kodes: new Set(wilayah.map((w) => w.kode)),
    names: new Map(wilayah.map((w) => [w.kode, withTingkatWord(w.tingkat, w.nama)])),
  };
  const bytes = monthCsv(desa, indicators, IMPORT_MONTH, 12_345);
  console.log(
    `\n## import-read (${desa.length} desa × ${indicators.length} indicators, ${(bytes.length / 1e6).toFixed(1)} MB CSV; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  for (let run = 1; run <= Number(process.env.BENCH_RUNS ?? 2); run++) {
    const parse = await measured(() => parseImportFile(bytes, `bench-${run}.csv`, parseContext, BIG_LIMITS));
    const parsed: ParsedImport = parse.value;
    if (parsed.errors.length) throw new Error(`${parsed.errors.length} errors: ${parsed.errors[0]!.message}`);
    const lines = await measured(() => {
      let chars = 0;
      for (const chunk of fileRowChunks(parsed.values)) chars += chunk.length;
      return chars;
    });
    const packed = await measured(() => {
      const { answer, transfer } = importAnswer(parsed);
      const received = structuredClone(answer, { transfer: transfer as unknown as Transferable[] });
      return received.ok ? (answerResult(received) as ParsedImport).values.length : 0;
    });
    const cloned = await measured(() => (deserialize(serialize(parsed)) as ParsedImport).values.length);
    console.log(
      `  run ${run}: read + validate ${parse.text}, ${parsed.values.length} cells; COPY lines ${lines.text}, ${(lines.value / 1e6).toFixed(0)} MB; ` +
        `worker answer packed ${packed.text} (cloned as objects: ${cloned.text}); load average ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}
