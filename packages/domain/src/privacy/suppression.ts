// Secondary suppression (issue 18 §2): hide enough further cells that no hidden count can be worked out from what is
// shown — by subtracting shown siblings from a shown total, months from a cumulative or a quarter, or desa from a
// puskesmas wilayah kerja total. docs/privacy.md gives the reasoning and the proof; in short:
//
// 1. The unit of hiding is an AREA-YEAR: when any period of an area (desa, kecamatan, puskesmas wilayah kerja) is
//    primary-hidden (rule.ts), every period of that area in that year is hidden — months, quarters, every range a..b
//    and the year ("suppress the whole series"). Time then gives nothing to subtract inside the area. Every period of
//    a hidden area carries the same reason, and bands only for single months (rule.ts HiddenCell): a band for every
//    range a..b would together give the monthly counts back.
// 2. Every primary-hidden cell needs a CERTIFICATE: a second dataset, equal to the real one except that one unit moves
//    between two desa in one month (or one sasaran unit between two desa), for which every shown number is identical
//    and every hidden cell shows the same band, reason and rounded coverage — while the hidden cell's count differs.
//    Both datasets explain everything a reader can see, so the count has at least two possible values (it cannot be
//    recovered by any combination of shown numbers, whatever the reader subtracts). A move between desa u and v in
//    month m leaves every total that holds both or neither unchanged, so the two desa must lie in the same shown
//    kecamatan, the same shown puskesmas wilayah kerja in month m, …; the totals that hold only one must be hidden.
// 3. Greedy: for each primary-hidden cell without a certificate, look for one among the areas already hidden (free);
//    if there is none, hide the cheapest set of further areas that makes one exist (a desa-year costs 1, a kecamatan or
//    puskesmas year costs 1 + its desa; ties: the smaller count first). Hiding more never breaks a certificate found
//    earlier: every total that was still shown when it was made keeps its values under it. Cells left without one are
//    tried once more at the end (totals hidden since may have freed a move).
// 4. Bands and reasons are information too ("< 10" is an upper bound, "protects another row" says "≥ 10 everywhere"),
//    and next to a shown total they can pin a count. So the engine tries the most informative detail first (bands for
//    single months, three reasons) and falls back to fewer words ('reasons', then 'plain') for the whole table when a
//    certificate cannot be made.
// Totals above the small areas (kabupaten and up) are always shown: their parents publish them anyway.
import type { IndicatorDef } from '../indicators/catalogue.ts';
import { periodValue, type MonthValue, type PeriodValue } from '../indicators/period-value.ts';
import { monthPeriod, quarterPeriod, rangePeriod, yearPeriod, type Period } from '../indicators/period.ts';
import {
  cellCounts,
  denominatorProtected,
  hideCell,
  isSmallArea,
  primaryReason,
  privacyClassOf,
  type AreaLevel,
  type HiddenCell,
  type RuleOptions,
  type SuppressionReason,
} from './rule.ts';
import { allSasaranDenominator, totalsOverAllSasaran } from './all-sasaran.ts';

export interface PrivacyDesa {
  kode: string;
  /** The stored months of the year (as rollUpDesa takes them). */
  months: readonly MonthValue[];
  /** Annual sasaran or population of the indicator's denominator; null when unknown or counted. */
  sasaran: number | null;
}

/** A total above the desa: a kecamatan, a puskesmas wilayah kerja (its desa change by month), the kabupaten. */
export interface PrivacyGroup {
  id: string;
  level: Exclude<AreaLevel, 'desa'>;
  /** Its desa in month m (1-based): for a puskesmas, the desa it held on the first day of m (rollUpByWilayahKerja). */
  desaIn(month: number): readonly string[];
}

export interface ProtectYearInput extends RuleOptions {
  def: IndicatorDef;
  year: number;
  threshold: number;
  desa: readonly PrivacyDesa[];
  groups: readonly PrivacyGroup[];
  /** The local target (persons short of it); default the catalogue's. */
  target?: number | null;
  /** Desa and group ids the reader sees exactly (seesExactCounts): never hidden, their numbers are known to the reader. */
  exact?: (id: string) => boolean;
  /** Months the tables can show; 12 in the app, fewer in tests. Periods are every month, quarter, range and the year. */
  months?: number;
  /** Only this detail (tests, diagnosis); default: the most informative one that can be certified. */
  detail?: Detail;
  /**
   * Areas hidden from the start besides the primary ones: the pattern of the other indicators that carry the same count
   * (family.ts protects a family with the union of their patterns). Fixed areas stay shown.
   */
  alsoHidden?: Iterable<string>;
}

/** A move of one unit of a shared count from one desa to another in a month (family.ts checks it on every member). */
export interface SharedMove {
  to: string;
  from: string;
  month: number;
  measure: Measure;
}

export type Measure = 'numerator' | 'denominator';

/**
 * How much a hidden cell says (rule 4). 'bands': the reason of its area and, for single months, the bands;
 * 'reasons': the reason only; 'plain': one reason for every count-based hiding ('small-count', also for areas hidden
 * to protect another — 'complementary' would say "no count of this area is small", a lower bound that can pin a
 * neighbour). 'sensitive' stays: it depends on the indicator, not on the data.
 */
export type Detail = 'bands' | 'reasons' | 'plain';
export const DETAILS: readonly Detail[] = ['bands', 'reasons', 'plain'];

/** One unit moved: `to` gains it, `from` loses it, in `month` (null: the annual sasaran). */
export interface Certificate {
  to: string;
  from: string;
  month: number | null;
  moves: 'numerator' | 'denominator' | 'both' | 'sasaran';
  /** How many hidden cells (area × period × measure) have a different count in the second dataset. */
  certifies: number;
}

export interface YearProtection {
  /** The most informative detail for which every hidden count could be certified (or 'plain'). */
  detail: Detail;
  /** Desa kode and group ids hidden for this reader (every period of the year). */
  hidden: ReadonlySet<string>;
  /** The reader's form of one cell: null = shown as it is (or no report); else the hidden form. */
  cell(id: string, period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>): HiddenCell | null;
  /**
   * What cell() is made of, for a hidden area: its reason for the year and its counts in a period (null: no report),
   * so that a result can travel as numbers and give the same cells again (hiddenCellOf). Null for a shown area.
   */
  hiddenCounts(
    id: string,
    period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
  ): { reason: SuppressionReason; numerator: number | null; denominator: number | null } | null;
  certificates: readonly Certificate[];
  /**
   * Primary-hidden cells for which no certificate could be made even at 'plain' detail. They stay hidden, but their
   * count may follow from numbers the rule publishes anyway — the kabupaten total (a kabupaten with 0 cases says every
   * desa has 0) or the reader's own area. The brute-force test checks this on random tables.
   */
  unprotected: readonly string[];
  /**
   * Does this reader's view of the table stay exactly the same when one unit of `measure` moves between two desa (with
   * the areas hidden now)? A desa without a report that month does not carry the count here: accepted.
   */
  accepts(move: SharedMove): boolean;
}

/**
 * The hidden form of a cell of a hidden area: its counts in the period (numerator null: no report, nothing to hide),
 * shown with the area's reason for the year, bands only for single months at 'bands' detail. YearProtection.cell is
 * this on the engine's own counts.
 */
export function hiddenCellOf(
  table: Pick<ProtectYearInput, 'def' | 'threshold' | 'target' | 'sasaranIsRegister'>,
  detail: Detail,
  period: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>,
  counts: { reason: SuppressionReason; numerator: number | null; denominator: number | null },
): HiddenCell | null {
  if (counts.numerator === null) return null;
  const { def } = table;
  const target = table.target !== undefined ? table.target : def.target;
  return hideCell(
    def,
    cellCounts(def, period, counts.numerator, counts.denominator, target),
    counts.reason,
    table.threshold,
    detail === 'bands' && period.kind === 'month',
    { sasaranIsRegister: table.sasaranIsRegister },
  );
}

/** Every period the API accepts within the first `months` months of a year: months, quarters, the year, ranges a..b. */
export function periodsOfYear(year: number, months = 12): Period[] {
  const out: Period[] = [];
  for (let m = 1; m <= months; m++) out.push(monthPeriod(year, m));
  for (let q = 1; q * 3 <= months; q++) out.push(quarterPeriod(year, q));
  if (months === 12) out.push(yearPeriod(year));
  for (let a = 1; a <= months; a++) for (let b = a; b <= months; b++) out.push(rangePeriod(year, a, b));
  return out;
}

const periodKey = (p: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>) => `${p.kind}:${p.fromMonth}-${p.toMonth}`;

// How the engine is built (the rules above do not depend on it): a kabupaten has ~500 desa, ~95 periods and ~10,000
// hidden cells to certify, so everything the search touches is an index into flat arrays — areas (g), periods (p),
// desa (u), cells (g·P + p)·2 + measure — and a certificate is checked only on the periods that hold the month moved.
// suppression-equivalence.test.ts holds it to the plain engine it replaced (testing/suppression-reference.ts) on random tables.

interface Node {
  id: string;
  level: AreaLevel;
  /** members[m−1]: desa indices in month m (in the order the group lists them). */
  members: Set<number>[];
  /** Desa that are members in any month (ascending). */
  everyone: number[];
  exact: boolean;
  /** Never hidden: kabupaten and up, and what the reader sees exactly. */
  fixed: boolean;
  hidden: boolean;
}

/** One desa's part of a total in a period; `reported` false: only its sasaran (totals over all sasaran, all-sasaran.ts). */
type Piece = { n: number; d: number; reported: boolean } | null;

const NOTHING: ReadonlySet<number> = new Set();
const KINDS: readonly Certificate['moves'][] = ['numerator', 'denominator', 'both', 'sasaran'];
const MEASURE_INDEX: Record<Measure, number> = { numerator: 0, denominator: 1 };

export function protectYear(input: ProtectYearInput): YearProtection {
  const details = input.detail ? [input.detail] : DETAILS;
  let result: YearProtection | null = null;
  for (const [i, detail] of details.entries()) {
    result = protectAt(input, detail, i === details.length - 1);
    if (result.unprotected.length === 0) return result;
  }
  return result!;
}

/** Two hidden forms are the same to a reader (what JSON of them would compare: every field, bands included). */
function sameHiddenCell(a: HiddenCell | null, b: HiddenCell | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.suppressed !== b.suppressed || a.denominator !== b.denominator || a.coverage !== b.coverage) return false;
  if (a.bands === null || b.bands === null) return a.bands === b.bands;
  return (
    a.bands.numerator === b.bands.numerator &&
    a.bands.denominator === b.bands.denominator &&
    a.bands.notYetServed === b.bands.notYetServed &&
    a.bands.shortOfTarget === b.bands.shortOfTarget
  );
}

function protectAt(input: ProtectYearInput, detail: Detail, lastDetail: boolean): YearProtection {
  const { def, threshold } = input;
  const M = input.months ?? 12;
  const target = input.target !== undefined ? input.target : def.target;
  const exact = input.exact ?? (() => false);
  const periods = periodsOfYear(input.year, M);
  const P = periods.length;
  const periodIndex = new Map(periods.map((p, i) => [periodKey(p), i]));
  /** periodsWith[m−1]: the periods holding month m, in period order. */
  const periodsWith = Array.from({ length: M }, (_, m) =>
    periods.flatMap((period, p) => (period.fromMonth <= m + 1 && m + 1 <= period.toMonth ? [p] : [])),
  );
  const allPeriods = periods.map((_, p) => p);
  const rule: RuleOptions = { sasaranIsRegister: input.sasaranIsRegister };
  const protectDen = denominatorProtected(def, rule);
  const sasaranDen = def.denominator.kind !== 'counted';
  const counted = def.denominator.kind === 'counted';
  const shareSasaran = (def.periodKind === 'ytd_cum' || def.periodKind === 'annual') && sasaranDen;
  /** Period values are sums of months (not the last month's value). */
  const summed = def.periodKind !== 'point';
  /** Totals the reader does not see exactly take the sasaran of all their desa, reported or not (all-sasaran.ts). */
  const overAllSasaran = totalsOverAllSasaran(def);
  const sensitive = privacyClassOf(def) === 'sensitive';

  // ---- areas: each desa is a node of its own, then the groups
  const D = input.desa.length;
  const desaIndex = new Map(input.desa.map((d, i) => [d.kode, i]));
  const months = input.desa.map((d) => [...d.months]);
  const sasaran = input.desa.map((d) => d.sasaran);
  // A desa node holds itself every month: one set for all its months (members are only read).
  const nodes: Node[] = input.desa.map((d, i) => node(d.kode, 'desa', new Array(M).fill(new Set([i]))));
  for (const g of input.groups) {
    nodes.push(
      node(
        g.id,
        g.level,
        Array.from(
          { length: M },
          (_, m) =>
            new Set(
              g
                .desaIn(m + 1)
                .map((k) => desaIndex.get(k))
                .filter((i): i is number => i !== undefined),
            ),
        ),
      ),
    );
  }
  function node(id: string, level: AreaLevel, members: Set<number>[]): Node {
    const isExact = exact(id);
    const seen = new Uint8Array(D);
    for (const s of members) for (const u of s) seen[u] = 1;
    const everyone: number[] = [];
    for (let u = 0; u < D; u++) if (seen[u]) everyone.push(u);
    return { id, level, members, everyone, exact: isExact, fixed: isExact || !isSmallArea(level), hidden: false };
  }
  const N = nodes.length;
  const nodeById = new Map(nodes.map((n, i) => [n.id, i]));
  /** groupsOf[u][m−1]: nodes holding desa u in month m (ascending). */
  const groupsOf: number[][][] = input.desa.map(() => Array.from({ length: M }, () => []));
  for (let g = 0; g < N; g++)
    for (let m = 0; m < M; m++) for (const u of nodes[g]!.members[m]!) groupsOf[u]![m]!.push(g);
  /** where[g·D + u]: u's place in nodes[g].everyone, −1 when g never holds u. */
  const where = new Int32Array(N * D).fill(-1);
  for (let g = 0; g < N; g++) for (const [i, u] of nodes[g]!.everyone.entries()) where[g * D + u] = i;

  // ---- values: a node's value for a period = Σ of its desa's pieces, as rollUpDesa / rollUpByWilayahKerja compute it
  /** periodValue of a desa held the whole period, with its own values (the same for every area holding it). */
  /** heldIn[g·D + u]: the months (bit m − 1) in which area g holds desa u; periodBits[p]: the months of period p. */
  const heldIn = new Uint16Array(N * D);
  for (let g = 0; g < N; g++)
    for (let m = 0; m < M; m++) for (const u of nodes[g]!.members[m]!) heldIn[g * D + u]! |= 1 << m;
  const periodBits = periods.map((period) => ((1 << period.toMonth) - 1) & ~((1 << (period.fromMonth - 1)) - 1));
  const bitCount = (x: number) => {
    let c = 0;
    for (; x; x &= x - 1) c++;
    return c;
  };
  /** The piece of a desa held the whole period with its own values, per kind of area (the same for every such area). */
  const wholePieces: (Piece | undefined)[][] = [new Array(D * P), new Array(D * P)];
  function pieceOf(g: number, p: number, u: number, monthValues: readonly MonthValue[], s: number | null): Piece {
    const period = periods[p]!;
    const bits = heldIn[g * D + u]! & periodBits[p]!;
    if (bits === 0) return null;
    const all = bits === periodBits[p];
    const overAll = overAllSasaran && s !== null && nodes[g]!.level !== 'desa' && !nodes[g]!.exact;
    if (all && monthValues === months[u] && s === sasaran[u]) {
      const cache = wholePieces[overAll ? 1 : 0]!;
      const hit = cache[u * P + p];
      if (hit !== undefined) return hit;
      return (cache[u * P + p] = pieceOfValues(
        period,
        periodValue(def, period, monthValues, s),
        s,
        overAll,
        bitCount(bits),
      ));
    }
    const heldCount = bitCount(bits);
    const heldValues = all
      ? monthValues
      : monthValues.filter((x) => x.month >= 1 && x.month <= M && (bits & (1 << (x.month - 1))) !== 0);
    const share = s === null || all || !shareSasaran ? s : (s * heldCount) / (period.toMonth - period.fromMonth + 1);
    return pieceOfValues(period, periodValue(def, period, heldValues, share), s, overAll, heldCount);
  }
  function pieceOfValues(
    period: Period,
    v: PeriodValue,
    s: number | null,
    overAll: boolean,
    heldMonths: number,
  ): Piece {
    const reported = v.reported && v.numerator !== null;
    if (overAll) {
      const d = allSasaranDenominator(def, period, [{ sasaran: s, heldMonths }])!;
      return { n: reported ? v.numerator! : 0, d, reported };
    }
    return reported && v.denominator !== null ? { n: v.numerator!, d: v.denominator, reported: true } : null;
  }
  // The pieces of every area's desa in every period, flat: offset[g] + p·|everyone| + place.
  const offset = new Int32Array(N + 1);
  for (let g = 0; g < N; g++) offset[g + 1] = offset[g]! + nodes[g]!.everyone.length * P;
  const pieceN = new Float64Array(offset[N]!);
  const pieceD = new Float64Array(offset[N]!);
  /** 0: no piece; 1: reported; 2: only its sasaran. */
  const pieceState = new Uint8Array(offset[N]!);
  const sumN = new Float64Array(N * P);
  const sumD = new Float64Array(N * P);
  const usable = new Int32Array(N * P);
  for (let g = 0; g < N; g++) {
    const everyone = nodes[g]!.everyone;
    for (let p = 0; p < P; p++) {
      let n = 0;
      let d = 0;
      let count = 0;
      for (let i = 0; i < everyone.length; i++) {
        const u = everyone[i]!;
        const piece = pieceOf(g, p, u, months[u]!, sasaran[u]!);
        if (!piece) continue;
        const at = offset[g]! + p * everyone.length + i;
        pieceN[at] = piece.n;
        pieceD[at] = piece.d;
        pieceState[at] = piece.reported ? 1 : 2;
        n += piece.n;
        d += piece.d;
        if (piece.reported) count++;
      }
      sumN[g * P + p] = n;
      sumD[g * P + p] = d;
      usable[g * P + p] = count;
    }
  }
  /** The base piece's place in the flat arrays, or −1 when there is none. */
  const pieceAt = (g: number, p: number, u: number): number => {
    const i = where[g * D + u]!;
    if (i < 0) return -1;
    const at = offset[g]! + p * nodes[g]!.everyone.length + i;
    return pieceState[at] === 0 ? -1 : at;
  };
  const countN = (g: number, p: number) => (usable[g * P + p] === 0 ? null : sumN[g * P + p]!);
  const countD = (g: number, p: number) => (usable[g * P + p] === 0 ? null : sumD[g * P + p]!);

  /** Per period: is it small (primary) — and per area-year: how many periods are, which fixes its reason. */
  function primaryAt(g: number, p: number, n: number | null, d: number | null): boolean {
    if (n === null) return false;
    return primaryReason(def, nodes[g]!.level, cellCounts(def, periods[p]!, n, d, target), threshold, rule) !== null;
  }
  const areaReason = (g: number, primaryCount: number): SuppressionReason =>
    nodes[g]!.level === 'desa' && sensitive
      ? 'sensitive'
      : primaryCount > 0 || detail === 'plain'
        ? 'small-count'
        : 'complementary';

  const hiddenForm = (p: number, n: number | null, d: number | null, reason: SuppressionReason) =>
    hiddenCellOf(input, detail, periods[p]!, { reason, numerator: n, denominator: d });

  // ---- primary: an area-year is hidden when any of its periods is (rule 1)
  const primary = new Uint8Array(N * P);
  const primaryCount = new Int32Array(N);
  for (let g = 0; g < N; g++) {
    if (nodes[g]!.fixed) continue;
    for (let p = 0; p < P; p++)
      if (primaryAt(g, p, countN(g, p), countD(g, p))) {
        primary[g * P + p] = 1;
        primaryCount[g]!++;
      }
  }
  const alsoHidden = new Set(input.alsoHidden ?? []);
  nodes.forEach((nd, g) => {
    nd.hidden = primaryCount[g]! > 0 || (alsoHidden.has(nd.id) && !nd.fixed);
  });
  /** The hidden form of each cell as the data stand (its area's reason does not change while the search runs). */
  const baseForms: (HiddenCell | null | undefined)[] = new Array(N * P);
  const baseForm = (g: number, p: number) =>
    (baseForms[g * P + p] ??= hiddenForm(p, countN(g, p), countD(g, p), areaReason(g, primaryCount[g]!)));

  /**
   * What a cell of area g in period p would be with counts n, d: small or not, and the same hidden form as now (with
   * the area's reason, which verify requires to stay). Moves of one unit give each cell a few different counts, asked
   * again and again: kept per cell.
   */
  interface Outcome {
    n: number | null;
    d: number | null;
    primary: boolean;
    sameForm: boolean;
  }
  const outcomes: (Outcome[] | undefined)[] = new Array(N * P);
  function outcomeOf(g: number, p: number, n: number | null, d: number | null): Outcome {
    const list = (outcomes[g * P + p] ??= []);
    for (const o of list) if (o.n === n && o.d === d) return o;
    const o: Outcome = {
      n,
      d,
      primary: primaryAt(g, p, n, d),
      sameForm: sameHiddenCell(baseForm(g, p), hiddenForm(p, n, d, areaReason(g, primaryCount[g]!))),
    };
    list.push(o);
    return o;
  }

  // ---- certificates (rule 2) and the greedy (rule 3)
  type Kind = Certificate['moves'];
  interface Move {
    u: number;
    v: number;
    month: number | null;
    kind: Kind;
  }
  interface Checked {
    toHide: number[];
    cost: number;
    /** Cells (cellIndex) whose count the move changes. */
    changed: number[];
  }
  const certified = new Uint8Array(N * P * 2);
  const certificates: Certificate[] = [];
  const cellIndex = (g: number, p: number, measure: Measure) => (g * P + p) * 2 + MEASURE_INDEX[measure];
  const cellKey = (g: number, p: number, measure: Measure) => `${nodes[g]!.id}|${periods[p]!.code}|${measure}`;

  const weight = (g: number) => (nodes[g]!.level === 'desa' ? 1 : 1 + nodes[g]!.everyone.length);
  const fullYear = periodIndex.get(periodKey(rangePeriod(input.year, 1, M)))!;

  /** The desa values after the move, or null when the move is impossible (a count below 0, a numerator above its counted denominator). */
  function applyMove(
    mv: Move,
    delta: 1 | -1,
  ): { months: Map<number, MonthValue[]>; sasaran: Map<number, number | null> } | null {
    const outMonths = new Map<number, MonthValue[]>();
    const outSasaran = new Map<number, number | null>();
    for (const [unit, sign] of [
      [mv.u, delta],
      [mv.v, -delta],
    ] as const) {
      if (mv.kind === 'sasaran') {
        const s = sasaran[unit];
        if (s === null || s === undefined || s + sign < 0) return null;
        outSasaran.set(unit, s + sign);
        continue;
      }
      const list = months[unit]!;
      const i = list.findIndex((x) => x.month === mv.month);
      const cell = list[i];
      if (!cell || cell.numerator === null) return null;
      // Both desa must count in the roll-up: a desa without a sasaran is left out of sums, so a total holding both would change.
      if (sasaranDen && sasaran[unit] === null) return null;
      const den = cell.denominator ?? null;
      if (counted && den === null) return null;
      const dn = mv.kind === 'numerator' || mv.kind === 'both' ? sign : 0;
      const dd = mv.kind === 'denominator' || mv.kind === 'both' ? sign : 0;
      const n2 = cell.numerator + dn;
      const d2 = den === null ? null : den + dd;
      if (n2 < 0 || (d2 !== null && d2 < 0)) return null;
      // A reader knows a counted numerator cannot exceed its denominator (examined ≤ presumed): keep it so.
      if (counted && den !== null && cell.numerator <= den && d2 !== null && n2 > d2) return null;
      const copy = [...list];
      copy[i] = { ...cell, numerator: n2, denominator: d2 };
      outMonths.set(unit, copy);
    }
    return { months: outMonths, sasaran: outSasaran };
  }

  const touchedMonths = (mv: Move) => (mv.month === null ? Array.from({ length: M }, (_, i) => i + 1) : [mv.month]);

  /** Nodes holding exactly one of the two desa in a month the move touches: they change, so must be hidden. */
  const mark = new Uint8Array(N);
  const taken = new Uint8Array(N);
  function separating(mv: Move): number[] {
    const out: number[] = [];
    const take = (g: number) => {
      if (mark[g] || taken[g]) return;
      taken[g] = 1;
      out.push(g);
    };
    for (const m of touchedMonths(mv)) {
      const a = groupsOf[mv.u]![m - 1]!;
      const b = groupsOf[mv.v]![m - 1]!;
      for (const g of b) mark[g] = 1;
      for (const g of a) take(g);
      for (const g of b) mark[g] = 0;
      for (const g of a) mark[g] = 1;
      for (const g of b) take(g);
      for (const g of a) mark[g] = 0;
    }
    for (const g of out) taken[g] = 0;
    return out;
  }

  /** Nodes holding either desa in any month: those whose values the move may change (checked one by one). */
  function holding(mv: Move): number[] {
    const out = new Set<number>();
    for (let m = 0; m < M; m++) {
      for (const g of groupsOf[mv.u]![m]!) out.add(g);
      for (const g of groupsOf[mv.v]![m]!) out.add(g);
    }
    return [...out];
  }

  /**
   * Is the move a certificate once `toHide` are hidden too? Returns the cells whose counts it changes, or why not:
   * 'shown' when a total that is still shown (and could be hidden later) would change — the only failure that hiding
   * more can undo; 'never' otherwise (a count below 0, a fixed total, a band or reason that would change).
   */
  type After = NonNullable<ReturnType<typeof applyMove>>;
  /** A desa's piece after the move: the same for every area holding it the whole period (and every check of the move). */
  const afterPieces = new Map<number, Piece>();
  function afterPiece(g: number, p: number, unit: number, mv: Move, sign: number, after: After): Piece {
    const bits = heldIn[g * D + unit]! & periodBits[p]!;
    if (bits === 0) return null;
    const monthValues = after.months.get(unit) ?? months[unit]!;
    const s = after.sasaran.has(unit) ? after.sasaran.get(unit)! : sasaran[unit]!;
    // (A move of a desa to itself — asked by accepts — leaves one state for both: not kept.)
    if (bits !== periodBits[p] || mv.u === mv.v) return pieceOf(g, p, unit, monthValues, s);
    const overAll = overAllSasaran && s !== null && nodes[g]!.level !== 'desa' && !nodes[g]!.exact;
    const key =
      ((((unit * (M + 1) + (mv.month ?? 0)) * 4 + KINDS.indexOf(mv.kind)) * 2 + (sign > 0 ? 1 : 0)) * P + p) * 2 +
      (overAll ? 1 : 0);
    let piece = afterPieces.get(key);
    if (piece === undefined) {
      // A cache only: bounded (a point value of a large kabupaten asks for ~200,000 states of ~500 desa).
      if (afterPieces.size >= 500_000) afterPieces.clear();
      afterPieces.set(key, (piece = pieceOf(g, p, unit, monthValues, s)));
    }
    return piece;
  }

  /** The counts of area g in period p after the move (into afterN, afterD; null: no report), as rollUpDesa sums them. */
  let afterN: number | null = null;
  let afterD: number | null = null;
  function countsAfter(g: number, p: number, mv: Move, delta: 1 | -1, after: After): void {
    const at = g * P + p;
    let n = sumN[at]!;
    let d = sumD[at]!;
    let count = usable[at]!;
    for (let k = 0; k < 2; k++) {
      const unit = k === 0 ? mv.u : mv.v;
      const sign = k === 0 ? delta : -delta;
      const old = pieceAt(g, p, unit);
      if (summed && mv.month !== null) {
        // A summed indicator: the unit's piece gains or loses exactly the moved count (when it holds that month).
        if (old >= 0 && (heldIn[g * D + unit]! & (1 << (mv.month - 1))) !== 0) {
          if (mv.kind !== 'denominator') n += sign;
          if (mv.kind !== 'numerator') d += sign;
        }
        continue;
      }
      const now = afterPiece(g, p, unit, mv, sign, after);
      if (old >= 0) {
        n -= pieceN[old]!;
        d -= pieceD[old]!;
        if (pieceState[old] === 1) count--;
      }
      if (now) {
        n += now.n;
        d += now.d;
        if (now.reported) count++;
      }
    }
    afterN = count === 0 ? null : n;
    afterD = count === 0 ? null : d;
  }

  /**
   * Is the move a certificate once `toHide` are hidden too? Returns the cells whose counts it changes, or why not:
   * 'shown' when a total that is still shown (and could be hidden later) would change — the only failure that hiding
   * more can undo; 'never' otherwise (a count below 0, a fixed total, a band or reason that would change).
   */
  function verify(
    mv: Move,
    delta: 1 | -1,
    nodesTouched: number[],
    toHide: ReadonlySet<number>,
  ): number[] | 'shown' | 'never' {
    const after = applyMove(mv, delta);
    if (!after) return 'never';
    const changed: number[] = [];
    const inPeriods = mv.month === null ? allPeriods : periodsWith[mv.month - 1]!;
    for (const g of nodesTouched) {
      const movedP: number[] = [];
      const movedN: (number | null)[] = [];
      const movedD: (number | null)[] = [];
      let primaryAfter = primaryCount[g]!;
      // A summed indicator's month move: which of the two desa area g holds that month (computed once per area).
      const monthBit = mv.month === null ? 0 : 1 << (mv.month - 1);
      const holdsU = (heldIn[g * D + mv.u]! & monthBit) !== 0;
      const holdsV = (heldIn[g * D + mv.v]! & monthBit) !== 0;
      const quick = summed && mv.month !== null;
      if (quick && !holdsU && !holdsV) continue; // neither: every total of g stays as it is
      for (const p of inPeriods) {
        let isN: number | null;
        let isD: number | null;
        if (quick) {
          // countsAfter, inlined for the common case (the same additions in the same order).
          const at = g * P + p;
          if (usable[at] === 0) continue;
          let n = sumN[at]!;
          let d = sumD[at]!;
          if (holdsU && pieceAt(g, p, mv.u) >= 0) {
            if (mv.kind !== 'denominator') n += delta;
            if (mv.kind !== 'numerator') d += delta;
          }
          if (holdsV && pieceAt(g, p, mv.v) >= 0) {
            if (mv.kind !== 'denominator') n += -delta;
            if (mv.kind !== 'numerator') d += -delta;
          }
          isN = n;
          isD = d;
        } else {
          countsAfter(g, p, mv, delta, after);
          isN = afterN;
          isD = afterD;
        }
        if (countN(g, p) === isN && countD(g, p) === isD) continue;
        if (!nodes[g]!.hidden && !toHide.has(g)) return nodes[g]!.fixed ? 'never' : 'shown';
        movedP.push(p);
        movedN.push(isN);
        movedD.push(isD);
        if (!nodes[g]!.fixed) primaryAfter += Number(outcomeOf(g, p, isN, isD).primary) - primary[g * P + p]!;
      }
      if (movedP.length === 0) continue;
      // The area keeps its reason for the year (it stays small somewhere, or stays large everywhere) …
      const reasonBefore = areaReason(g, primaryCount[g]!);
      const reasonAfter = areaReason(g, primaryAfter);
      if (reasonBefore !== reasonAfter) return 'never';
      // … and every period it shows stays the same: bands of single months, shown denominator, rounded coverage.
      for (let i = 0; i < movedP.length; i++) {
        const p = movedP[i]!;
        if (!outcomeOf(g, p, movedN[i]!, movedD[i]!).sameForm) return 'never';
        if (countN(g, p) !== movedN[i]) changed.push(cellIndex(g, p, 'numerator'));
        if (countD(g, p) !== movedD[i] && protectDen) changed.push(cellIndex(g, p, 'denominator'));
      }
    }
    return changed;
  }

  /**
   * Can the move change cell `key` at all (for either direction)? verify lists a cell only when its counts change, so
   * a move that leaves them as they are is no certificate for it, whatever else it does — checked on that one cell.
   * (A point value changes only when the month moved is the desa's last report in the period.)
   */
  function canChange(mv: Move, key: number): boolean {
    const g = Math.floor(key / (2 * P));
    const p = Math.floor(key / 2) % P;
    const measure = key % 2;
    for (const delta of [1, -1] as const) {
      const after = applyMove(mv, delta);
      if (!after) continue;
      countsAfter(g, p, mv, delta, after);
      if (measure === 0 ? countN(g, p) !== afterN : countD(g, p) !== afterD && protectDen) return true;
    }
    return false;
  }

  const kindsFor = (measure: Measure): Kind[] => {
    if (measure === 'numerator') return counted ? ['numerator', 'both'] : ['numerator'];
    return counted ? ['denominator', 'both'] : ['sasaran'];
  };

  /**
   * Every other desa, those sharing u's areas in the month first (they are the free partners, usually), then by index.
   * The score of v is how many of u's areas hold v (in the month, or summed over the months for a sasaran); an area
   * holding every desa adds the same to all and is left out.
   */
  const partnerHeads = new Map<number, { head: number[]; inHead: Set<number> }>();
  const score = new Int32Array(D);
  function* partnersOf(u: number, month: number | null): Generator<number> {
    const key = u * (M + 1) + (month ?? 0);
    let cached = partnerHeads.get(key);
    if (!cached) {
      const inMonths = month === null ? Array.from({ length: M }, (_, i) => i) : [month - 1];
      const mine = new Set(inMonths.flatMap((m) => groupsOf[u]![m]!));
      const scored: number[] = [];
      for (const g of mine)
        for (const m of inMonths) {
          const held = nodes[g]!.members[m]!;
          if (held.size === D) continue;
          for (const v of held) {
            if (score[v] === 0) scored.push(v);
            score[v]!++;
          }
        }
      scored.sort((a, b) => score[b]! - score[a]! || a - b);
      for (const v of scored) score[v] = 0;
      const head = scored.filter((v) => v !== u);
      cached = { head, inHead: new Set(head) };
      partnerHeads.set(key, cached);
    }
    yield* cached.head;
    // The rest share none of u's areas: by index (read only when the partners above gave no certificate).
    for (let v = 0; v < D; v++) if (v !== u && !cached.inHead.has(v)) yield v;
  }

  /** Can one unit of this desa move in this month (null: its sasaran)? It must have a report there that counts in sums. */
  function movableNow(unit: number, month: number | null): boolean {
    if (month === null) return sasaran[unit] !== null;
    const cell = months[unit]!.find((x) => x.month === month);
    if (!cell || cell.numerator === null) return false;
    if (counted) return cell.denominator !== null && cell.denominator !== undefined;
    return sasaran[unit] !== null;
  }
  /** movableNow of every desa and month 0..M (0: the sasaran), read once. */
  const movableAt = new Uint8Array(D * (M + 1));
  for (let u = 0; u < D; u++)
    for (let m = 0; m <= M; m++) movableAt[u * (M + 1) + m] = movableNow(u, m === 0 ? null : m) ? 1 : 0;
  const movable = (unit: number, month: number | null): boolean =>
    month === null || (month >= 1 && month <= M)
      ? movableAt[unit * (M + 1) + (month ?? 0)] === 1
      : movableNow(unit, month);

  /**
   * Whether some move in month m (or of the sasaran) is valid for area g does not depend on the period targeted: the
   * totals that must hide are fixed by the two desa, and validity by what every total shows. So when a search finds no
   * valid move at all (not merely none that changes the period targeted), and no move failed only because a total is
   * still shown (point values and sasaran: totals holding both desa may change), those months are not searched again
   * for g: g·4·(M + 1) + kind·(M + 1) + month.
   */
  const hopeless = new Set<number>();

  /** The cheapest certificate for one hidden cell: free ones first, then by the cost of what must be hidden. */
  function findCertificate(g: number, p: number, measure: Measure): (Move & { delta: 1 | -1 } & Checked) | null {
    const period = periods[p]!;
    const key = cellIndex(g, p, measure);
    const candidates: { mv: Move; toHide: number[]; cost: number; tie: number; sep: number[] }[] = [];
    const searched: number[] = [];
    let anyValid = false;
    let temporary = false;
    /** Moves that cannot change the cell: no certificate, only asked at the end whether any is valid at all. */
    const deferred: { mv: Move; toHide: number[]; sep: number[] }[] = [];
    for (const kind of kindsFor(measure)) {
      // A summed indicator's month moves change every period holding the month: nothing to sort out first.
      const quickChange = summed && kind !== 'sasaran';
      const monthsToTry: (number | null)[] = kind === 'sasaran' ? [null] : [];
      if (kind !== 'sasaran') for (let m = period.fromMonth; m <= period.toMonth; m++) monthsToTry.push(m);
      for (const month of monthsToTry) {
        const cacheKey = (g * 4 + KINDS.indexOf(kind)) * (M + 1) + (month ?? 0);
        if (hopeless.has(cacheKey)) continue;
        searched.push(cacheKey);
        const inside = month === null ? nodes[g]!.everyone : [...nodes[g]!.members[month - 1]!];
        const isInside = (v: number) =>
          month !== null ? nodes[g]!.members[month - 1]!.has(v) : where[g * D + v]! >= 0;
        for (const u of inside) {
          if (!movable(u, month)) continue;
          for (const v of partnersOf(u, month)) {
            if (isInside(v)) continue;
            if (!movable(v, month)) continue;
            const mv: Move = { u, v, month, kind };
            const sep = separating(mv);
            let cost = 0;
            let blocked = false;
            const toHide: number[] = [];
            for (const s of sep) {
              if (nodes[s]!.hidden) continue;
              if (nodes[s]!.fixed) {
                blocked = true;
                break;
              }
              toHide.push(s);
              cost += weight(s);
            }
            if (blocked) continue;
            if (!quickChange && !canChange(mv, key)) {
              deferred.push({ mv, toHide, sep });
              continue;
            }
            if (cost === 0) {
              const free = tryMove(mv, [], key, sep);
              if (free === 'valid') anyValid = true;
              else if (free === 'shown') temporary = true;
              else if (typeof free === 'object') return free;
              continue;
            }
            const tie = toHide.reduce((t, s) => t + (countN(s, fullYear) ?? 0), 0);
            candidates.push({ mv, toHide, cost, tie, sep });
          }
        }
      }
    }
    candidates.sort((a, b) => a.cost - b.cost || a.tie - b.tie);
    for (const c of candidates) {
      const found = tryMove(c.mv, c.toHide, key, c.sep);
      if (found === 'valid') anyValid = true;
      else if (found === 'shown') temporary = true;
      else if (typeof found === 'object') return found;
    }
    // Whether some move is valid at all (the hopeless rule) also counts the moves set aside.
    for (const { mv, toHide, sep } of deferred) {
      if (anyValid || temporary) break;
      const found = tryMove(mv, toHide, key, sep);
      if (found === 'valid') anyValid = true;
      else if (found === 'shown') temporary = true;
    }
    if (!anyValid && !temporary) for (const k of searched) hopeless.add(k);
    return null;
  }

  /** A certificate for cell `key`; 'valid' when the move is valid but leaves that cell's count unchanged; else why not. */
  function tryMove(
    mv: Move,
    toHide: number[],
    key: number,
    /** separating(mv), when the caller has it already. */
    sep?: number[],
  ): (Move & { delta: 1 | -1 } & Checked) | 'valid' | 'shown' | 'never' {
    // Summed indicators: an area holding both desa in the month moved gains and loses the same unit, so only the areas
    // holding one of them can change. A point value takes each desa's last reported month, and a sasaran counts only in
    // the periods a desa reported in — both may differ between the two desa: check every area holding either.
    const touched = def.periodKind === 'point' || mv.month === null ? holding(mv) : (sep ?? separating(mv));
    const hideSet = toHide.length === 0 ? NOTHING : new Set(toHide);
    let outcome: 'valid' | 'shown' | 'never' = 'never';
    for (const delta of [1, -1] as const) {
      const changed = verify(mv, delta, touched, hideSet);
      if (changed === 'shown') {
        if (outcome === 'never') outcome = 'shown';
        continue;
      }
      if (changed === 'never') continue;
      if (changed.includes(key))
        return { ...mv, delta, toHide, cost: toHide.reduce((t, s) => t + weight(s), 0), changed };
      outcome = 'valid';
    }
    return outcome;
  }

  const measures: Measure[] = protectDen ? ['numerator', 'denominator'] : ['numerator'];
  const certify = (g: number, p: number, measure: Measure): boolean => {
    const found = findCertificate(g, p, measure);
    if (!found) return false;
    for (const s of found.toHide) nodes[s]!.hidden = true;
    for (const c of found.changed) certified[c] = 1;
    const [to, from] = found.delta === 1 ? [found.u, found.v] : [found.v, found.u];
    certificates.push({
      to: input.desa[to]!.kode,
      from: input.desa[from]!.kode,
      month: found.month,
      moves: found.kind,
      certifies: found.changed.length,
    });
    return true;
  };
  let failed: [number, number, Measure][] = [];
  for (let g = 0; g < N; g++) {
    if (primaryCount[g] === 0) continue;
    for (let p = 0; p < P; p++) {
      if (!primary[g * P + p]) continue;
      for (const measure of measures) {
        if (certified[cellIndex(g, p, measure)] || certify(g, p, measure)) continue;
        failed.push([g, p, measure]);
        // Many failures at a detail that has a fallback: the less detailed form is tried next anyway.
        if (!lastDetail && failed.length > 20)
          return {
            detail,
            hidden: new Set(),
            certificates,
            unprotected: failed.map(([a, b, c]) => cellKey(a, b, c)),
            cell: () => null,
            hiddenCounts: () => null,
            accepts: () => false,
          };
      }
    }
  }
  // Areas hidden since may have freed a move (a point value or a sasaran moved next to a total then still shown): once more.
  failed = failed.filter(([g, p, measure]) => !certified[cellIndex(g, p, measure)] && !certify(g, p, measure));
  const unprotected = failed
    .filter(([g, p, measure]) => !certified[cellIndex(g, p, measure)])
    .map(([g, p, measure]) => cellKey(g, p, measure));

  const hidden = new Set(nodes.filter((n) => n.hidden).map((n) => n.id));
  return {
    detail,
    hidden,
    certificates,
    unprotected,
    accepts(move) {
      const u = desaIndex.get(move.to);
      const v = desaIndex.get(move.from);
      if (u === undefined || v === undefined) return true;
      if (!movable(u, move.month) || !movable(v, move.month)) return true;
      if (move.measure === 'denominator' && !counted) return true; // a sasaran is no count of this month
      const mv: Move = { u, v, month: move.month, kind: move.measure };
      const touched = def.periodKind === 'point' ? holding(mv) : separating(mv);
      return Array.isArray(verify(mv, 1, touched, new Set()));
    },
    cell(id, period) {
      const g = nodeById.get(id);
      const p = periodIndex.get(periodKey(period));
      if (g === undefined || p === undefined || !nodes[g]!.hidden) return null;
      return hiddenForm(p, countN(g, p), countD(g, p), areaReason(g, primaryCount[g]!));
    },
    hiddenCounts(id, period) {
      const g = nodeById.get(id);
      const p = periodIndex.get(periodKey(period));
      if (g === undefined || p === undefined || !nodes[g]!.hidden) return null;
      return { reason: areaReason(g, primaryCount[g]!), numerator: countN(g, p), denominator: countD(g, p) };
    },
  };
}
