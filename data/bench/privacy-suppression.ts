// Secondary suppression (packages/domain/src/privacy) at realistic size, for a reader outside the area:
//   pnpm --filter @peta/data bench:privacy                                  a synthetic kabupaten (no database)
//     [--desa-per-kecamatan=15] [--kecamatan=20] [--seed=1]
//   pnpm --filter @peta/data bench:privacy --kabupaten=12.10 [--indikator=KIA_K1,SPM10_ODGJ] [--register]
//                                                                           a kabupaten of the database (DATA_DIR or
//                                                                           DATABASE_URL; a running app's is reused)
// Synthetic: kecamatan of ~15 desa of ~2,000 people, one puskesmas per kecamatan and two in every fourth, monthly counts
// drawn around the expected number. Prints per indicator the CPU time protectYear takes (a busy machine does not
// inflate it), the detail it could certify and how much is hidden. --register treats sasaran as registers (protected
// for sensitive indicators). WHY=1 also names the first cell that failed when a table fell back from bands. --family
// protects each indicator with the others that carry its count (catalogue COUNT_FAMILIES, domain protectFamily) and
// prints the family's CPU time and the pattern they share.
import { join, resolve } from 'node:path';
import { openDatabase } from '@peta/db';
import {
  countFamilyOf,
  getIndicator,
  protectFamily,
  protectYear,
  sasaranGroupOf,
  type IndicatorDef,
  type PrivacyDesa,
  type PrivacyGroup,
} from '@peta/domain';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const arg = (name: string, fallback: number) => Number(flag(name) ?? fallback);
const register = process.argv.includes('--register');
const family = process.argv.includes('--family');

interface Table {
  label: string;
  desa: string[];
  groups: PrivacyGroup[];
  values: (def: IndicatorDef) => Promise<PrivacyDesa[] | null>;
  close?: () => Promise<void>;
}

function synthetic(): Table {
  const perKecamatan = arg('desa-per-kecamatan', 15);
  let seed = arg('seed', 1);
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  /** Poisson draw (Knuth) for small means, a normal approximation above 30. */
  const draw = (mean: number): number => {
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rand() + rand() + rand() - 1.5) * 2));
    let k = 0;
    let p = 1;
    const l = Math.exp(-mean);
    do {
      k++;
      p *= rand();
    } while (p > l);
    return k - 1;
  };
  const kecamatan = Array.from({ length: arg('kecamatan', 20) }, (_, k) => ({
    id: `12.99.${String(k + 1).padStart(2, '0')}`,
    desa: Array.from({ length: perKecamatan }, (_, d) => `12.99.${String(k + 1).padStart(2, '0')}.${2001 + d}`),
  }));
  const population = new Map(
    kecamatan.flatMap((k) => k.desa.map((d) => [d, 800 + Math.floor(rand() * 2800)] as const)),
  );
  // Share of the population in the indicator's group and the yearly share reached (or yearly cases per person);
  // `counted`: the counted denominator as a share of the group, each month.
  const shape: Record<string, { group: number; reached: number; counted?: number }> = {
    KIA_K1: { group: 0.018, reached: 0.9 },
    IMM_IDL: { group: 0.016, reached: 0.85 },
    SPM07_LANSIA: { group: 0.11, reached: 0.6 },
    DBD_IR: { group: 1, reached: 0.0005 },
    GZ_TD: { group: 0.08, reached: 0.15, counted: 0.75 },
    SPM10_ODGJ: { group: 0.0018, reached: 0.7 },
  };
  return {
    label: `synthetic kabupaten: ${population.size} desa, ${kecamatan.length} kecamatan`,
    desa: [...population.keys()],
    groups: [
      ...kecamatan.map((k): PrivacyGroup => ({ id: k.id, level: 'kecamatan', desaIn: () => k.desa })),
      ...kecamatan.flatMap((k, i): PrivacyGroup[] =>
        i % 4 === 0
          ? [
              { id: `P${i}a`, level: 'puskesmas', desaIn: () => k.desa.slice(0, 8) },
              { id: `P${i}b`, level: 'puskesmas', desaIn: () => k.desa.slice(8) },
            ]
          : [{ id: `P${i}`, level: 'puskesmas', desaIn: () => k.desa }],
      ),
      { id: '12.99', level: 'kabupaten', desaIn: () => kecamatan.flatMap((k) => k.desa) },
    ],
    async values(def) {
      const c = shape[def.code];
      if (!c) return null;
      return [...population].map(([kode, pop]) => {
        const group = pop * c.group;
        return {
          kode,
          sasaran:
            def.denominator.kind === 'counted' ? null : def.denominator.kind === 'population' ? pop : Math.round(group),
          months: Array.from({ length: 12 }, (_, m) => {
            if (c.counted !== undefined) {
              const d = draw(group * c.counted);
              return { month: m + 1, numerator: Math.min(d, draw(d * c.reached)), denominator: d };
            }
            return {
              month: m + 1,
              numerator: draw(def.periodKind === 'point' ? group * c.reached : (group * c.reached) / 12),
            };
          }),
        };
      });
    },
  };
}

async function fromDatabase(kabupaten: string, year: number): Promise<Table> {
  const dataDir = resolve(process.env.DATA_DIR ?? join(import.meta.dirname, '../../.data'));
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: join(dataDir, 'pg'),
    reuseRunning: true,
    log: () => {},
  });
  const like = `${kabupaten}.%`;
  const desaRows = (
    await db.pool.query<{ kode: string; parent: string }>(
      `select kode, parent_kode as parent from wilayah where tingkat = 'desa' and kode like $1 order by kode`,
      [like],
    )
  ).rows;
  const wk = (
    await db.pool.query<{ pkm: string; desa: string; from: string; to: string | null }>(
      `select puskesmas_kode as pkm, desa_kode as desa, valid_from::text as from, valid_to::text as to from puskesmas_wilayah where desa_kode like $1`,
      [like],
    )
  ).rows;
  const kecamatan = new Map<string, string[]>();
  for (const r of desaRows) kecamatan.set(r.parent, [...(kecamatan.get(r.parent) ?? []), r.kode]);
  const puskesmas = new Map<string, typeof wk>();
  for (const r of wk) puskesmas.set(r.pkm, [...(puskesmas.get(r.pkm) ?? []), r]);
  const pad = (m: number) => String(m).padStart(2, '0');
  return {
    label: `${kabupaten}: ${desaRows.length} desa, ${kecamatan.size} kecamatan, ${puskesmas.size} puskesmas (${year})`,
    desa: desaRows.map((r) => r.kode),
    groups: [
      ...[...kecamatan].map(([id, desa]): PrivacyGroup => ({ id, level: 'kecamatan', desaIn: () => desa })),
      ...[...puskesmas].map(
        ([id, rows]): PrivacyGroup => ({
          id: `pkm:${id}`,
          level: 'puskesmas',
          desaIn: (m) =>
            rows
              .filter((r) => r.from <= `${year}-${pad(m)}-01` && (r.to === null || r.to > `${year}-${pad(m)}-01`))
              .map((r) => r.desa),
        }),
      ),
      { id: kabupaten, level: 'kabupaten', desaIn: () => desaRows.map((r) => r.kode) },
    ],
    async values(def) {
      const rows = (
        await db.pool.query<{ kode: string; numerators: (number | null)[]; denominators: (number | null)[] | null }>(
          'select kode, numerators, denominators from indicator_value where indicator = $1 and year = $2 and kode like $3',
          [def.code, year, like],
        )
      ).rows;
      if (!rows.length) return null;
      const group = sasaranGroupOf(def);
      const sasaran = new Map(
        group === null
          ? []
          : (
              await db.pool.query<{ kode: string; value: number }>(
                'select kode, value from sasaran where "group" = $1 and year = $2 and kode like $3',
                [group, year, like],
              )
            ).rows.map((r) => [r.kode, Number(r.value)]),
      );
      const byKode = new Map(rows.map((r) => [r.kode, r]));
      return desaRows.map(({ kode }) => {
        const v = byKode.get(kode);
        return {
          kode,
          sasaran: sasaran.get(kode) ?? null,
          months: v
            ? v.numerators.map((n, i) => ({
                month: i + 1,
                numerator: n,
                ...(v.denominators ? { denominator: v.denominators[i] ?? null } : {}),
              }))
            : [],
        };
      });
    },
    close: () => db.close(),
  };
}

const kabupaten = flag('kabupaten');
const table = kabupaten ? await fromDatabase(kabupaten, arg('tahun', 2026)) : synthetic();
const codes = (flag('indikator') ?? 'KIA_K1,IMM_IDL,SPM07_LANSIA,DBD_IR,GZ_TD,SPM10_ODGJ').split(',');
console.log(table.label);
for (const code of codes) {
  const def = getIndicator(code);
  const desa = def ? await table.values(def) : null;
  if (!def || !desa) {
    console.log(`${code.padEnd(14)} no data`);
    continue;
  }
  const members = family ? countFamilyOf(code).filter((c) => c !== code) : [];
  const others = [];
  for (const c of members) {
    const d = getIndicator(c)!;
    const rows = await table.values(d);
    if (rows) others.push({ def: d, desa: rows });
  }
  const started = process.cpuUsage();
  const input = (d: IndicatorDef, rows: PrivacyDesa[]) => ({
    def: d,
    year: 2026,
    threshold: 10,
    desa: rows,
    groups: table.groups,
    sasaranIsRegister: register,
  });
  const r =
    others.length > 0
      ? protectFamily([input(def, desa), ...others.map((o) => input(o.def, o.desa))])[0]!
      : protectYear(input(def, desa));
  const cpu = process.cpuUsage(started);
  if (others.length > 0) console.log(`${code} with ${others.map((o) => o.def.code).join(', ')} (one pattern):`);
  const count = (level: PrivacyGroup['level']) => {
    const ids = table.groups.filter((g) => g.level === level).map((g) => g.id);
    return `${ids.filter((id) => r.hidden.has(id)).length}/${ids.length}`;
  };
  console.log(
    `${code.padEnd(14)} ${((cpu.user + cpu.system) / 1e6).toFixed(1).padStart(5)} s CPU  detail ${r.detail.padEnd(7)}  hidden: ` +
      `desa ${table.desa.filter((d) => r.hidden.has(d)).length}/${table.desa.length}, kecamatan ${count('kecamatan')}, puskesmas ${count('puskesmas')}; ` +
      `certificates ${r.certificates.length}, uncertified ${r.unprotected.length}`,
  );
  if (r.detail !== 'bands' && process.env.WHY) {
    const withBands = protectYear({
      def,
      year: 2026,
      threshold: 10,
      desa,
      groups: table.groups,
      sasaranIsRegister: register,
      detail: 'bands',
    });
    console.log('  bands failed first for', withBands.unprotected.slice(0, 3));
  }
}
await table.close?.();
