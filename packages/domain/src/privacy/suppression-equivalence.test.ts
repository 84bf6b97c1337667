// The fast engine (suppression.ts) decides exactly as the plain one it replaced (suppression-reference.ts): on random
// tables — desa with small and large counts, months without a report, desa without a sasaran, kecamatan, puskesmas
// whose wilayah kerja change during the year, readers who see some areas exactly, areas hidden for a count family,
// every kind of indicator (cumulative, monthly, point, annual; sasaran, counted, population; sensitive) — both give the
// same detail, the same hidden areas, the same form of every hidden cell in every period, the same certificates and
// unprotected cells, and accept the same moves of a shared count (family.ts).
import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/catalogue.ts';
import type { MonthValue } from '../indicators/period-value.ts';
import {
  DETAILS,
  hiddenCellOf,
  periodsOfYear,
  protectYear,
  type PrivacyDesa,
  type PrivacyGroup,
  type ProtectYearInput,
  type YearProtection,
} from './suppression.ts';
import { protectYearReference } from './testing/suppression-reference.ts';
import { mulberry32 } from './testing/random.ts';

const YEAR = 2026;

const CODES = [
  'KIA_K4', // cumulative over an estimated sasaran
  'IMM_IDL',
  'GZ_TD', // monthly, counted denominator
  'GZ_DS',
  'GZ_STUNTING', // point value
  'KL_JAMBAN',
  'SPM10_ODGJ', // sensitive over a sasaran (totals over all sasaran)
  'SPM12_HIV',
  'SPM11_TB', // sensitive, counted
  'TB_TERDUGA',
  'DBD_IR', // population denominator
  'DBD_CFR',
  'SPM05_DIKDAS', // annual
  'TB_CNR',
];

function randomInput(rand: () => number, size = { kecamatan: 3, desa: 6 }, code?: string): ProtectYearInput {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const def = getIndicator(code ?? pick(CODES))!;
  const months = rand() < 0.7 ? 12 : 3 + Math.floor(rand() * 6);
  const threshold = 5 + Math.floor(rand() * 6);
  const nKecamatan = 1 + Math.floor(rand() * size.kecamatan);
  const kecamatan = Array.from({ length: nKecamatan }, (_, k) => ({
    id: `K${k}`,
    desa: Array.from({ length: 1 + Math.floor(rand() * size.desa) }, (_, d) => `K${k}.D${d}`),
  }));
  const kodes = kecamatan.flatMap((k) => k.desa);
  const counted = def.denominator.kind === 'counted';
  // Counts around the threshold: many small, some large, a few far above (totals above the coverage rule's bound).
  const count = () => {
    const r = rand();
    if (r < 0.55) return Math.floor(rand() * threshold);
    if (r < 0.9) return threshold + Math.floor(rand() * 2 * threshold);
    return Math.floor(rand() * 400);
  };
  const desa: PrivacyDesa[] = kodes.map((kode) => {
    const silent = rand() < 0.08; // a desa that never reported
    const list: MonthValue[] = [];
    for (let m = 1; m <= months; m++) {
      if (silent || rand() < 0.1) {
        if (rand() < 0.5) list.push({ month: m, numerator: null });
        continue;
      }
      const n = count();
      if (counted) {
        const d = rand() < 0.05 ? null : n + Math.floor(rand() * (threshold + 3));
        list.push({ month: m, numerator: n, denominator: d });
      } else list.push({ month: m, numerator: n });
    }
    const sasaran =
      counted || rand() < 0.07
        ? null
        : def.denominator.kind === 'population'
          ? 500 + Math.floor(rand() * 3000)
          : count() + Math.floor(rand() * 40);
    return { kode, months: list, sasaran };
  });
  // Puskesmas: each desa held by one of a few, some moving to another at the start of a month.
  const nPuskesmas = rand() < 0.25 ? 0 : 1 + Math.floor(rand() * 4);
  const holder = new Map<string, { first: number; second: number; from: number }>();
  for (const kode of kodes) {
    const first = Math.floor(rand() * nPuskesmas);
    const moves = months > 1 && rand() < 0.2;
    holder.set(kode, {
      first,
      second: moves ? Math.floor(rand() * nPuskesmas) : first,
      from: moves ? 2 + Math.floor(rand() * (months - 1)) : months + 1,
    });
  }
  const groups: PrivacyGroup[] = [
    ...kecamatan.map((k): PrivacyGroup => ({ id: k.id, level: 'kecamatan', desaIn: () => k.desa })),
    ...Array.from(
      { length: nPuskesmas },
      (_, i): PrivacyGroup => ({
        id: `pkm:P${i}`,
        level: 'puskesmas',
        desaIn: (m) =>
          kodes.filter((kode) => {
            const h = holder.get(kode)!;
            return (m < h.from ? h.first : h.second) === i;
          }),
      }),
    ),
    { id: 'KAB', level: 'kabupaten', desaIn: () => kodes },
  ];
  const ids = [...kodes, ...groups.filter((g) => g.level !== 'kabupaten').map((g) => g.id)];
  const exact = rand() < 0.25 ? new Set(ids.filter(() => rand() < 0.2)) : new Set<string>();
  const alsoHidden = rand() < 0.25 ? ids.filter(() => rand() < 0.15) : undefined;
  return {
    def,
    year: YEAR,
    threshold,
    desa,
    groups,
    months,
    sasaranIsRegister: rand() < 0.4,
    ...(rand() < 0.2 ? { target: Math.round(rand() * 100) } : {}),
    ...(exact.size > 0 ? { exact: (id: string) => exact.has(id) } : {}),
    ...(alsoHidden ? { alsoHidden } : {}),
    ...(rand() < 0.2 ? { detail: pick(DETAILS) } : {}),
  };
}

function decisions(
  input: ProtectYearInput,
  engine: (input: ProtectYearInput) => Omit<YearProtection, 'hiddenCounts'>,
  rand: () => number,
) {
  const result = engine(input);
  const ids = [...input.desa.map((d) => d.kode), ...input.groups.map((g) => g.id)];
  const cells = ids.map((id) => periodsOfYear(input.year, input.months).map((p) => result.cell(id, p)));
  // The same random moves asked of both (their random source is replayed).
  const moves = Array.from({ length: 12 }, () => ({
    to: input.desa[Math.floor(rand() * input.desa.length)]!.kode,
    from: input.desa[Math.floor(rand() * input.desa.length)]!.kode,
    month: 1 + Math.floor(rand() * (input.months ?? 12)),
    measure: rand() < 0.5 ? ('numerator' as const) : ('denominator' as const),
  }));
  return {
    detail: result.detail,
    hidden: [...result.hidden].sort(),
    certificates: result.certificates,
    unprotected: result.unprotected,
    cells,
    accepts: moves.map((m) => [m, result.accepts(m)]),
  };
}

describe('the fast suppression engine decides as the plain one', () => {
  const same = (input: ProtectYearInput, seed: number) => {
    const fast = decisions(input, protectYear, mulberry32(seed * 7919));
    const plain = decisions(input, protectYearReference, mulberry32(seed * 7919));
    expect(fast, `seed ${seed} (${input.def.code})`).toEqual(plain);
    // A result sent as numbers (hiddenCounts, the privacy worker's answer) gives the same cells again.
    const result = protectYear(input);
    for (const id of result.hidden)
      for (const p of periodsOfYear(input.year, input.months))
        expect(hiddenCellOf(input, result.detail, p, result.hiddenCounts(id, p)!)).toEqual(result.cell(id, p));
    return plain;
  };

  it('on 120 random tables of every kind of indicator', () => {
    let hiddenSomething = 0;
    let withGroupsHidden = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const plain = same(randomInput(mulberry32(seed)), seed);
      if (plain.hidden.length > 0) hiddenSomething++;
      if (plain.hidden.some((id) => /^K\d$/.test(id))) withGroupsHidden++;
    }
    // The tables exercise the search: most hide something, some hide whole kecamatan (costly certificates).
    expect(hiddenSomething).toBeGreaterThan(90);
    expect(withGroupsHidden).toBeGreaterThan(8);
  }, 300_000);

  it('on larger tables of the common kinds (cumulative, monthly counted, sensitive)', () => {
    const codes = ['KIA_K4', 'GZ_TD', 'SPM10_ODGJ', 'SPM11_TB', 'IMM_IDL', 'SPM12_HIV'];
    for (let seed = 1000; seed < 1024; seed++) {
      const code = codes[seed % codes.length]!;
      const plain = same(randomInput(mulberry32(seed), { kecamatan: 4, desa: 12 }, code), seed);
      expect(plain.certificates.length).toBeGreaterThan(0);
    }
  }, 300_000);
});
