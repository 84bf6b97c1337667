// Secondary suppression (packages/domain/src/privacy) on a kabupaten of realistic size, for a reader outside the area:
//   pnpm --filter @peta/data bench:privacy [--desa-per-kecamatan=15] [--kecamatan=20] [--seed=1]
// A seeded synthetic kabupaten (no database): kecamatan of ~15 desa of ~2,000 people, one puskesmas per kecamatan and a
// second one in every fourth, monthly counts drawn around the expected number (sasaran × target / 12). Prints, per
// indicator, the time protectYear takes (CPU, so a busy machine does not inflate it), the detail it could certify, and
// how much is hidden. WHY=1 also says which cell failed when the table fell back from bands.
import { getIndicator, protectYear, type PrivacyDesa, type PrivacyGroup } from '@peta/domain';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const perKecamatan = arg('desa-per-kecamatan', 15);
const kecamatanCount = arg('kecamatan', 20);
let seed = arg('seed', 1);
const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
/** Poisson-like draw (Knuth) for small means, normal approximation above 30. */
function draw(mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rand() + rand() + rand() - 1.5) * 2));
  let k = 0;
  let p = 1;
  const l = Math.exp(-mean);
  do { k++; p *= rand(); } while (p > l);
  return k - 1;
}

const kecamatan = Array.from({ length: kecamatanCount }, (_, k) => ({
  id: `12.99.${String(k + 1).padStart(2, '0')}`,
  desa: Array.from({ length: perKecamatan }, (_, d) => `12.99.${String(k + 1).padStart(2, '0')}.${2001 + d}`),
}));
const population = new Map(kecamatan.flatMap((k) => k.desa.map((d) => [d, 800 + Math.floor(rand() * 2800)] as const)));
const groups: PrivacyGroup[] = [
  ...kecamatan.map((k): PrivacyGroup => ({ id: k.id, level: 'kecamatan', desaIn: () => k.desa })),
  ...kecamatan.flatMap((k, i): PrivacyGroup[] => (i % 4 === 0
    ? [{ id: `P${i}a`, level: 'puskesmas', desaIn: () => k.desa.slice(0, 8) }, { id: `P${i}b`, level: 'puskesmas', desaIn: () => k.desa.slice(8) }]
    : [{ id: `P${i}`, level: 'puskesmas', desaIn: () => k.desa }])),
  { id: '12.99', level: 'kabupaten', desaIn: () => kecamatan.flatMap((k) => k.desa) },
];

// Share of the population in the indicator's group and the yearly share reached (or the yearly rate of cases).
const cases: { code: string; group: number; reached: number; counted?: number }[] = [
  { code: 'KIA_K1', group: 0.018, reached: 0.9 }, // ibu hamil: ~36 a year in a desa of 2,000
  { code: 'IMM_IDL', group: 0.016, reached: 0.85 },
  { code: 'SPM07_LANSIA', group: 0.11, reached: 0.6 },
  { code: 'DBD_IR', group: 1, reached: 0.0005 }, // dengue: ~1 case a year per desa
  { code: 'GZ_TD', group: 0.08, reached: 0.15, counted: 0.75 }, // T of D: D = 75 % of balita weighed monthly
  { code: 'SPM10_ODGJ', group: 0.0018, reached: 0.7 }, // ODGJ berat: ~4 per desa (sensitive)
];

for (const c of cases) {
  const def = getIndicator(c.code)!;
  const desa: PrivacyDesa[] = [...population].map(([kode, pop]) => {
    const group = pop * c.group;
    return {
      kode,
      sasaran: def.denominator.kind === 'counted' ? null : def.denominator.kind === 'population' ? pop : Math.round(group),
      months: Array.from({ length: 12 }, (_, m) => {
        if (c.counted !== undefined) {
          const d = draw(group * c.counted);
          return { month: m + 1, numerator: Math.min(d, draw(d * c.reached)), denominator: d };
        }
        const perMonth = def.periodKind === 'point' ? group * c.reached : (group * c.reached) / 12;
        return { month: m + 1, numerator: draw(perMonth) };
      }),
    };
  });
  const started = process.cpuUsage();
  const r = protectYear({ def, year: 2026, threshold: 10, desa, groups });
  const cpu = process.cpuUsage(started);
  const ms = (cpu.user + cpu.system) / 1000;
  const hiddenDesa = desa.filter((d) => r.hidden.has(d.kode)).length;
  const hiddenKec = kecamatan.filter((k) => r.hidden.has(k.id)).length;
  const hiddenPkm = groups.filter((g) => g.level === 'puskesmas' && r.hidden.has(g.id)).length;
  console.log(`${c.code.padEnd(14)} ${(ms / 1000).toFixed(1).padStart(5)} s CPU  detail ${r.detail.padEnd(7)}  hidden: desa ${hiddenDesa}/${desa.length}, `
    + `kecamatan ${hiddenKec}/${kecamatan.length}, puskesmas ${hiddenPkm}/${groups.length - kecamatan.length - 1}; `
    + `certificates ${r.certificates.length}, uncertified ${r.unprotected.length}`);
  if (r.detail !== 'bands' && process.env.WHY) {
    const withBands = protectYear({ def, year: 2026, threshold: 10, desa, groups, detail: 'bands' });
    const first = withBands.unprotected[0]!;
    const kode = first.split('|')[0]!;
    console.log('  bands failed for', withBands.unprotected.slice(0, 4), JSON.stringify(desa.find((d) => d.kode === kode)?.months.map((m) => m.numerator)));
  }
}
