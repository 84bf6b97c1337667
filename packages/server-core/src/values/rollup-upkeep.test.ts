// Property test on a real database (embedded, or the PostgreSQL server in DATABASE_URL): after every import and undo
// of a seeded random sequence on the test wilayah, every stored roll-up equals a recomputation from all desa rows.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { getIndicator, INDICATORS as CATALOGUE, keptTriangles } from '@peta/domain';
import { runImport } from '../imports/run-import.ts';
import { undoImport } from '../imports/undo-import.ts';
import { addManyDesa, longCsv, openTestDatabase, rollupMismatches, TINY_DESA } from '../testing/test-database.ts';
import { rollupRepository } from './rollup-repository.ts';
import { ensureRollups, rebuildRollups, refreshRollups } from './rollup-upkeep.ts';

const today = { year: 2026, month: 11 };
// One indicator of each kind: annual sasaran (ytd_cum), counted (ytd_cum), point on a sasaran, point counted, a
// monthly ratio, a population denominator (annual).
const INDICATORS = [
  { code: 'KIA_K1', counted: false, group: 'bumil' },
  { code: 'SPM11_TB', counted: true, group: null },
  { code: 'KIA_CPR', counted: false, group: 'pus' },
  { code: 'GZ_STUNTING', counted: true, group: null },
  { code: 'GZ_DS', counted: false, group: 'balita_0_59' },
  { code: 'TB_CNR', counted: false, group: 'penduduk' },
];
const YEARS = [2025, 2026];

let database: Database;
let close: () => Promise<void>;
let desa: string[];

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  desa = [...TINY_DESA, ...(await addManyDesa(database, 5))];
  await database.pool.query(
    'delete from value_rollup; delete from indicator_value_history; delete from sasaran_change; delete from indicator_value; delete from sasaran; delete from import_preview; delete from data_load',
  );
}, 120_000);
afterAll(async () => {
  await close?.();
});

function sasaranCsv(rows: [string, number, string, number][]): Uint8Array {
  return new TextEncoder().encode(
    `kode_wilayah,tahun,sasaran,jumlah,sumber\n${rows.map(([k, y, g, v]) => `${k},${y},${g},"${String(v).replace('.', ',')}",uji`).join('\n')}\n`,
  );
}

/**
 * Stored roll-ups equal a recomputation from all desa rows (testing/rollupMismatches), on the indicators above, and
 * hold a triangle exactly where the indicator's period rule reads it (NULL elsewhere).
 */
async function expectRollupsTrue() {
  // (A sasaran change also moves indicators outside the list, e.g. penduduk → DBD_IR: checked on the list only.)
  expect(
    await rollupMismatches(
      database,
      INDICATORS.map((i) => i.code),
    ),
  ).toEqual([]);
  const { rows } = await database.pool.query<{ indicator: string; num: boolean; den: boolean }>(
    'select distinct indicator, last_num is not null as num, last_den is not null as den from value_rollup',
  );
  for (const row of rows) {
    const kept = keptTriangles(getIndicator(row.indicator)!);
    expect({ indicator: row.indicator, num: row.num, den: row.den }).toEqual({
      indicator: row.indicator,
      num: kept.lastNum,
      den: kept.lastDen,
    });
  }
}

describe('roll-ups kept at write time', () => {
  it('equal a recomputation from the desa rows after every import and undo of a random sequence', async () => {
    let seed = 20261204;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const imports: number[] = [];
    let undone = 0;
    for (let step = 0; step < 100; step++) {
      const action = random();
      if (action < 0.25 && imports.length) {
        const loadId = pickOf(imports);
        try {
          await undoImport(database, loadId, 'uji');
          imports.splice(imports.indexOf(loadId), 1);
          undone++;
        } catch (error) {
          // A later import holds some of its cells, or it is undone already: nothing changed.
          expect((error as { code?: string }).code).toMatch(/LATER_CHANGES|ALREADY_UNDONE/);
        }
      } else if (action < 0.4) {
        const rows: [string, number, string, number][] = [];
        for (let i = 0; i < 1 + Math.floor(random() * 6); i++) {
          const group = pickOf(INDICATORS.filter((x) => x.group)).group!;
          rows.push([pickOf(desa), pickOf(YEARS), group, Math.round(random() * 8000) / 100]);
        }
        const unique = [...new Map(rows.map((r) => [`${r[0]}|${r[1]}|${r[2]}`, r])).values()];
        const outcome = await runImport(database, {
          bytes: sasaranCsv(unique),
          fileName: 'sasaran.csv',
          oleh: 'uji',
          today,
        });
        expect(outcome.errors).toEqual([]);
        if (outcome.loadId) imports.push(outcome.loadId);
      } else {
        const cells = new Map<string, (string | number | null)[]>();
        // Every third import writes several months of one desa row (the deltas are applied month by month).
        const oneRow =
          random() < 0.33 ? { indicator: pickOf(INDICATORS), year: pickOf(YEARS), kode: pickOf(desa) } : null;
        for (let i = 0; i < 1 + Math.floor(random() * 12); i++) {
          const indicator = oneRow?.indicator ?? pickOf(INDICATORS);
          const year = oneRow?.year ?? pickOf(YEARS);
          const month = 1 + Math.floor(random() * (year === 2026 ? 10 : 12));
          const kode = oneRow?.kode ?? pickOf(desa);
          const numerator = Math.floor(random() * 12);
          const denominator = indicator.counted ? numerator + Math.floor(random() * 6) : null;
          cells.set(`${kode}|${year}|${month}|${indicator.code}`, [
            kode,
            `${year}-${String(month).padStart(2, '0')}`,
            indicator.code,
            numerator,
            denominator,
          ]);
        }
        const outcome = await runImport(database, {
          bytes: longCsv([...cells.values()]),
          fileName: 'nilai.csv',
          oleh: 'uji',
          today,
        });
        expect(outcome.errors).toEqual([]);
        if (outcome.loadId) imports.push(outcome.loadId);
      }
      await expectRollupsTrue();
    }
    // The sequence did both, several times.
    expect(undone).toBeGreaterThan(2);
    expect(imports.length).toBeGreaterThan(5);

    // The bulk paths give the same sums: a full rebuild (the demo load), and a large import's rebuild of its provinces.
    await rebuildRollups(database.db, 1);
    await expectRollupsTrue();
    for (let step = 0; step < 5; step++) {
      const touched = desa
        .filter(() => random() < 0.5)
        .map((kode) => ({ indicator: pickOf(INDICATORS).code, kode, year: pickOf(YEARS) }));
      for (const t of touched) {
        await database.pool.query(
          `insert into indicator_value (indicator, kode, year, numerators, denominators, month_load_ids, month_simulated)
          values ($1, $2, $3, $4, $5, array_fill(1, array[12]), array_fill(false, array[12]))
          on conflict (indicator, kode, year) do update set numerators = excluded.numerators, denominators = excluded.denominators`,
          [
            t.indicator,
            t.kode,
            t.year,
            Array.from({ length: 12 }, () => (random() < 0.5 ? null : Math.floor(random() * 9))),
            INDICATORS.find((i) => i.code === t.indicator)!.counted
              ? Array.from({ length: 12 }, () => (random() < 0.2 ? null : 9))
              : null,
          ],
        );
      }
      await refreshRollups(database.db, { values: touched }, 1, { bulkFromKecamatan: 1 });
      await expectRollupsTrue();
    }
  }, 300_000);

  it('stamps only the ancestors of the changed desa with the load (the version of their answers)', async () => {
    const repository = rollupRepository(database.db);
    // The version is the boundary import and then the load per year: "b0.123".
    const version = async (indicator: string, kode: string, year: number) =>
      (await repository.version(indicator, kode, [year])).split('.')[1];
    const before = await version('KIA_K1', '99.01', 2026);
    const outcome = await runImport(database, {
      bytes: longCsv([['99.02.01.2001', '2026-03', 'KIA_K1', 77]]),
      fileName: 'b.csv',
      oleh: 'uji',
      today,
    });
    const id = String(outcome.loadId);
    expect(await version('KIA_K1', '99.01', 2026)).toBe(before);
    expect([
      await version('KIA_K1', '99.02.01', 2026),
      await version('KIA_K1', '99.02', 2026),
      await version('KIA_K1', '99', 2026),
      await version('KIA_K1', '', 2026),
    ]).toEqual([id, id, id, id]);
    // Another indicator and another year under the same wilayah keep theirs.
    expect(await version('KIA_K1', '99.02', 2025)).not.toBe(id);
    expect(await version('SPM11_TB', '99.02', 2026)).not.toBe(id);
  });

  it('are built once for a database migrated from before them (values, no roll-ups), and left alone after', async () => {
    await database.pool.query('delete from value_rollup');
    expect(await ensureRollups(database.db)).toBe(true);
    expect(await rollupMismatches(database)).toEqual([]);
    expect(await ensureRollups(database.db)).toBe(false);
  });

  it('were cut by the migration to the triangles the catalogue keeps today (a changed rule needs a new migration)', () => {
    const folder = new URL('../../../db/migrations/', import.meta.url);
    const file = readdirSync(folder).find((f) => f.endsWith('_value_rollup_kept_triangles.sql'))!;
    const migration = readFileSync(new URL(file, folder), 'utf8');
    const listOf = (column: string) =>
      new RegExp(`CASE WHEN "indicator" IN \\(([^)]*)\\) THEN "${column}" END`)
        .exec(migration)![1]!
        .split(', ')
        .map((code) => code.slice(1, -1))
        .sort();
    expect(listOf('last_num')).toEqual(
      CATALOGUE.filter((d) => keptTriangles(d).lastNum)
        .map((d) => d.code)
        .sort(),
    );
    expect(listOf('last_den')).toEqual(
      CATALOGUE.filter((d) => keptTriangles(d).lastDen)
        .map((d) => d.code)
        .sort(),
    );
  });
});
