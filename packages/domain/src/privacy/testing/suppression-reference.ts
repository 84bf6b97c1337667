// The secondary-suppression engine as it was until session 6 (2026-12-05): the same rules as suppression.ts, written
// plainly — string keys, objects per cell, every period checked for every move — and 50–100× slower on a real
// kabupaten. Not used at run time: suppression-equivalence.test.ts holds the fast engine in suppression.ts to it,
// decision for decision (hidden areas, detail, every hidden cell's form, certificates, unprotected cells), on random
// tables. Change a rule in suppression.ts and here together, or the test says where they part.
import { periodValue, type MonthValue } from '../../indicators/period-value.ts';
import { rangePeriod, type Period } from '../../indicators/period.ts';
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
} from '../rule.ts';
import { allSasaranDenominator, totalsOverAllSasaran } from '../all-sasaran.ts';
import {
  DETAILS,
  periodsOfYear,
  type Certificate,
  type Detail,
  type Measure,
  type ProtectYearInput,
  type YearProtection,
} from '../suppression.ts';

/** What the plain engine answered (the fast one adds hiddenCounts). */
type Reference = Omit<YearProtection, 'hiddenCounts'>;

const periodKey = (p: Pick<Period, 'kind' | 'fromMonth' | 'toMonth'>) => `${p.kind}:${p.fromMonth}-${p.toMonth}`;

interface Node {
  id: string;
  level: AreaLevel;
  /** members[m−1]: desa indices in month m. */
  members: Set<number>[];
  /** Desa that are members in any month. */
  everyone: number[];
  exact: boolean;
  /** Never hidden: kabupaten and up, and what the reader sees exactly. */
  fixed: boolean;
  hidden: boolean;
}

interface Sums {
  n: number;
  d: number;
  usable: number;
}
/** One desa's part of a total in a period; `reported` false: only its sasaran (totals over all sasaran, all-sasaran.ts). */
type Piece = { n: number; d: number; reported: boolean } | null;

export function protectYearReference(input: ProtectYearInput): Reference {
  const details = input.detail ? [input.detail] : DETAILS;
  let result: Reference | null = null;
  for (const [i, detail] of details.entries()) {
    result = protectAt(input, detail, i === details.length - 1);
    if (result.unprotected.length === 0) return result;
  }
  return result!;
}

function protectAt(input: ProtectYearInput, detail: Detail, lastDetail: boolean): Reference {
  const { def, threshold } = input;
  const M = input.months ?? 12;
  const target = input.target !== undefined ? input.target : def.target;
  const exact = input.exact ?? (() => false);
  const periods = periodsOfYear(input.year, M);
  const periodIndex = new Map(periods.map((p, i) => [periodKey(p), i]));
  const rule: RuleOptions = { sasaranIsRegister: input.sasaranIsRegister };
  const protectDen = denominatorProtected(def, rule);
  const sasaranDen = def.denominator.kind !== 'counted';
  const shareSasaran = (def.periodKind === 'ytd_cum' || def.periodKind === 'annual') && sasaranDen;
  /** Period values are sums of months (not the last month's value). */
  const summed = def.periodKind !== 'point';
  /** Totals the reader does not see exactly take the sasaran of all their desa, reported or not (all-sasaran.ts). */
  const overAllSasaran = totalsOverAllSasaran(def);

  // ---- areas: each desa is a node of its own, then the groups
  const desaIndex = new Map(input.desa.map((d, i) => [d.kode, i]));
  const months = input.desa.map((d) => [...d.months]);
  const sasaran = input.desa.map((d) => d.sasaran);
  const nodes: Node[] = input.desa.map((d, i) =>
    node(
      d.kode,
      'desa',
      Array.from({ length: M }, () => new Set([i])),
    ),
  );
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
    const everyone = [...new Set(members.flatMap((s) => [...s]))].sort((a, b) => a - b);
    return { id, level, members, everyone, exact: isExact, fixed: isExact || !isSmallArea(level), hidden: false };
  }
  const nodeById = new Map(nodes.map((n, i) => [n.id, i]));
  /** groupsOf[u][m−1]: nodes holding desa u in month m (sorted). */
  const groupsOf = input.desa.map((_, u) =>
    Array.from({ length: M }, (_, m) => nodes.flatMap((n, g) => (n.members[m]!.has(u) ? [g] : []))),
  );

  // ---- values: a node's value for a period = Σ of its desa's pieces, as rollUpDesa / rollUpByWilayahKerja compute it
  function pieceOf(g: number, p: number, u: number, monthValues: readonly MonthValue[], s: number | null): Piece {
    const period = periods[p]!;
    const held: number[] = [];
    for (let m = period.fromMonth; m <= period.toMonth; m++) if (nodes[g]!.members[m - 1]!.has(u)) held.push(m);
    if (held.length === 0) return null;
    const all = held.length === period.toMonth - period.fromMonth + 1;
    const heldValues = all ? monthValues : monthValues.filter((v) => held.includes(v.month));
    const share = s === null || all || !shareSasaran ? s : (s * held.length) / (period.toMonth - period.fromMonth + 1);
    const v = periodValue(def, period, heldValues, share);
    const reported = v.reported && v.numerator !== null;
    if (overAllSasaran && s !== null && nodes[g]!.level !== 'desa' && !nodes[g]!.exact) {
      const d = allSasaranDenominator(def, period, [{ sasaran: s, heldMonths: held.length }])!;
      return { n: reported ? v.numerator! : 0, d, reported };
    }
    return reported && v.denominator !== null ? { n: v.numerator!, d: v.denominator, reported: true } : null;
  }
  const basePieces = new Map<string, Piece>();
  const basePiece = (g: number, p: number, u: number): Piece => {
    const key = `${g},${p},${u}`;
    if (!basePieces.has(key)) basePieces.set(key, pieceOf(g, p, u, months[u]!, sasaran[u]!));
    return basePieces.get(key)!;
  };
  const sums: Sums[][] = nodes.map((_, g) =>
    periods.map((__, p) => {
      const s: Sums = { n: 0, d: 0, usable: 0 };
      for (const u of nodes[g]!.everyone) {
        const piece = basePiece(g, p, u);
        if (piece) {
          s.n += piece.n;
          s.d += piece.d;
          if (piece.reported) s.usable++;
        }
      }
      return s;
    }),
  );
  const countsOf = (s: Sums) => (s.usable === 0 ? { n: null, d: null } : { n: s.n, d: s.d });

  /** Per period: is it small (primary) — and per area-year: how many periods are, which fixes its reason. */
  function primaryAt(g: number, p: number, n: number | null, d: number | null): boolean {
    if (n === null) return false;
    return primaryReason(def, nodes[g]!.level, cellCounts(def, periods[p]!, n, d, target), threshold, rule) !== null;
  }
  const areaReason = (g: number, primaryCount: number): SuppressionReason =>
    nodes[g]!.level === 'desa' && privacyClassOf(def) === 'sensitive'
      ? 'sensitive'
      : primaryCount > 0 || detail === 'plain'
        ? 'small-count'
        : 'complementary';

  function hiddenForm(
    _g: number,
    p: number,
    n: number | null,
    d: number | null,
    reason: SuppressionReason,
  ): HiddenCell | null {
    if (n === null) return null;
    const period = periods[p]!;
    return hideCell(
      def,
      cellCounts(def, period, n, d, target),
      reason,
      threshold,
      detail === 'bands' && period.kind === 'month',
      rule,
    );
  }
  const signature = (g: number, p: number, n: number | null, d: number | null, reason: SuppressionReason) =>
    JSON.stringify(hiddenForm(g, p, n, d, reason));

  // ---- primary: an area-year is hidden when any of its periods is (rule 1)
  const primary: boolean[][] = nodes.map((nd, g) =>
    periods.map((_, p) => {
      if (nd.fixed) return false;
      const { n, d } = countsOf(sums[g]![p]!);
      return primaryAt(g, p, n, d);
    }),
  );
  const primaryCount = primary.map((row) => row.filter(Boolean).length);
  const alsoHidden = new Set(input.alsoHidden ?? []);
  nodes.forEach((nd, g) => {
    nd.hidden = primaryCount[g]! > 0 || (alsoHidden.has(nd.id) && !nd.fixed);
  });

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
    changed: string[];
  }
  const certified = new Set<string>();
  const certificates: Certificate[] = [];
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
      const counted = def.denominator.kind === 'counted';
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
  function separating(mv: Move): number[] {
    const out = new Set<number>();
    for (const m of touchedMonths(mv)) {
      const a = new Set(groupsOf[mv.u]![m - 1]);
      const b = new Set(groupsOf[mv.v]![m - 1]);
      for (const g of a) if (!b.has(g)) out.add(g);
      for (const g of b) if (!a.has(g)) out.add(g);
    }
    return [...out];
  }

  /** Nodes holding either desa in any month: those whose values the move may change (checked one by one). */
  function holding(mv: Move): number[] {
    const out = new Set<number>();
    for (let m = 0; m < M; m++) for (const g of [...groupsOf[mv.u]![m]!, ...groupsOf[mv.v]![m]!]) out.add(g);
    return [...out];
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
  ): string[] | 'shown' | 'never' {
    const after = applyMove(mv, delta);
    if (!after) return 'never';
    const changed: string[] = [];
    for (const g of nodesTouched) {
      const moved: {
        p: number;
        was: { n: number | null; d: number | null };
        is: { n: number | null; d: number | null };
      }[] = [];
      let primaryAfter = primaryCount[g]!;
      for (let p = 0; p < periods.length; p++) {
        const period = periods[p]!;
        if (mv.month !== null && (mv.month < period.fromMonth || mv.month > period.toMonth)) continue;
        const base = sums[g]![p]!;
        const next: Sums = { ...base };
        for (const [unit, sign] of [
          [mv.u, delta],
          [mv.v, -delta],
        ] as const) {
          const old = basePiece(g, p, unit);
          if (summed && mv.month !== null) {
            // A summed indicator: the unit's piece gains or loses exactly the moved count (when it holds that month).
            if (old && nodes[g]!.members[mv.month - 1]!.has(unit)) {
              if (mv.kind !== 'denominator') next.n += sign;
              if (mv.kind !== 'numerator') next.d += sign;
            }
            continue;
          }
          const now = pieceOf(
            g,
            p,
            unit,
            after.months.get(unit) ?? months[unit]!,
            after.sasaran.has(unit) ? after.sasaran.get(unit)! : sasaran[unit]!,
          );
          if (old) {
            next.n -= old.n;
            next.d -= old.d;
            if (old.reported) next.usable--;
          }
          if (now) {
            next.n += now.n;
            next.d += now.d;
            if (now.reported) next.usable++;
          }
        }
        const was = countsOf(base);
        const is = countsOf(next);
        if (was.n === is.n && was.d === is.d) continue;
        if (!nodes[g]!.hidden && !toHide.has(g)) return nodes[g]!.fixed ? 'never' : 'shown';
        moved.push({ p, was, is });
        if (!nodes[g]!.fixed) primaryAfter += Number(primaryAt(g, p, is.n, is.d)) - Number(primary[g]![p]);
      }
      if (moved.length === 0) continue;
      // The area keeps its reason for the year (it stays small somewhere, or stays large everywhere) …
      const reasonBefore = areaReason(g, primaryCount[g]!);
      const reasonAfter = areaReason(g, primaryAfter);
      if (reasonBefore !== reasonAfter) return 'never';
      // … and every period it shows stays the same: bands of single months, shown denominator, rounded coverage.
      for (const { p, was, is } of moved) {
        if (signature(g, p, was.n, was.d, reasonBefore) !== signature(g, p, is.n, is.d, reasonAfter)) return 'never';
        if (was.n !== is.n) changed.push(cellKey(g, p, 'numerator'));
        if (was.d !== is.d && protectDen) changed.push(cellKey(g, p, 'denominator'));
      }
    }
    return changed;
  }

  const kindsFor = (measure: Measure): Kind[] => {
    if (measure === 'numerator') return def.denominator.kind === 'counted' ? ['numerator', 'both'] : ['numerator'];
    return def.denominator.kind === 'counted' ? ['denominator', 'both'] : ['sasaran'];
  };

  /** Every other desa, those sharing u's areas in the month first (they are the free partners, usually). */
  const partnerOrder = new Map<string, number[]>();
  function partnersOf(u: number, month: number | null): number[] {
    const key = `${u},${month}`;
    let list = partnerOrder.get(key);
    if (!list) {
      const mine = new Set(month === null ? groupsOf[u]!.flat() : groupsOf[u]![month - 1]);
      const shared = (v: number) =>
        (month === null ? groupsOf[v]!.flat() : groupsOf[v]![month - 1]!).filter((g) => mine.has(g)).length;
      const score = input.desa.map((_, v) => shared(v));
      list = input.desa
        .map((_, v) => v)
        .filter((v) => v !== u)
        .sort((a, b) => score[b]! - score[a]! || a - b);
      partnerOrder.set(key, list);
    }
    return list;
  }

  /** Can one unit of this desa move in this month (null: its sasaran)? It must have a report there that counts in sums. */
  function movable(unit: number, month: number | null): boolean {
    if (month === null) return sasaran[unit] !== null;
    const cell = months[unit]!.find((x) => x.month === month);
    if (!cell || cell.numerator === null) return false;
    if (def.denominator.kind === 'counted') return cell.denominator !== null && cell.denominator !== undefined;
    return sasaran[unit] !== null;
  }

  /**
   * Whether some move in month m (or of the sasaran) is valid for area g does not depend on the period targeted: the
   * totals that must hide are fixed by the two desa, and validity by what every total shows. So when a search finds no
   * valid move at all (not merely none that changes the period targeted), and no move failed only because a total is
   * still shown (point values and sasaran: totals holding both desa may change), those months are not searched again
   * for g: "g|kind|month".
   */
  const hopeless = new Set<string>();

  /** The cheapest certificate for one hidden cell: free ones first, then by the cost of what must be hidden. */
  function findCertificate(g: number, p: number, measure: Measure): (Move & { delta: 1 | -1 } & Checked) | null {
    const period = periods[p]!;
    const key = cellKey(g, p, measure);
    const candidates: { mv: Move; toHide: number[]; cost: number; tie: number }[] = [];
    const searched: string[] = [];
    let anyValid = false;
    let temporary = false;
    for (const kind of kindsFor(measure)) {
      const monthsToTry: (number | null)[] = kind === 'sasaran' ? [null] : [];
      if (kind !== 'sasaran') for (let m = period.fromMonth; m <= period.toMonth; m++) monthsToTry.push(m);
      for (const month of monthsToTry) {
        const cacheKey = `${g}|${kind}|${month}`;
        if (hopeless.has(cacheKey)) continue;
        searched.push(cacheKey);
        const inside = month === null ? nodes[g]!.everyone : [...nodes[g]!.members[month - 1]!];
        for (const u of inside) {
          if (!movable(u, month)) continue;
          for (const v of partnersOf(u, month)) {
            if (month !== null ? nodes[g]!.members[month - 1]!.has(v) : nodes[g]!.everyone.includes(v)) continue;
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
            if (cost === 0) {
              const free = tryMove(mv, [], key);
              if (free === 'valid') anyValid = true;
              else if (free === 'shown') temporary = true;
              else if (typeof free === 'object') return free;
              continue;
            }
            const tie = toHide.reduce((t, s) => t + (countsOf(sums[s]![fullYear]!).n ?? 0), 0);
            candidates.push({ mv, toHide, cost, tie });
          }
        }
      }
    }
    candidates.sort((a, b) => a.cost - b.cost || a.tie - b.tie);
    for (const c of candidates) {
      const found = tryMove(c.mv, c.toHide, key);
      if (found === 'valid') anyValid = true;
      else if (found === 'shown') temporary = true;
      else if (typeof found === 'object') return found;
    }
    if (!anyValid && !temporary) for (const k of searched) hopeless.add(k);
    return null;
  }

  /** A certificate for `key`; 'valid' when the move is valid but leaves that cell's count unchanged; else why not. */
  function tryMove(
    mv: Move,
    toHide: number[],
    key: string,
  ): (Move & { delta: 1 | -1 } & Checked) | 'valid' | 'shown' | 'never' {
    // Summed indicators: an area holding both desa in the month moved gains and loses the same unit, so only the areas
    // holding one of them can change. A point value takes each desa's last reported month, and a sasaran counts only in
    // the periods a desa reported in — both may differ between the two desa: check every area holding either.
    const touched = def.periodKind === 'point' || mv.month === null ? holding(mv) : separating(mv);
    const hideSet = new Set(toHide);
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
    for (const c of found.changed) certified.add(c);
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
  for (let g = 0; g < nodes.length; g++) {
    for (let p = 0; p < periods.length; p++) {
      if (!primary[g]![p]) continue;
      for (const measure of measures) {
        if (certified.has(cellKey(g, p, measure)) || certify(g, p, measure)) continue;
        failed.push([g, p, measure]);
        // Many failures at a detail that has a fallback: the less detailed form is tried next anyway.
        if (!lastDetail && failed.length > 20)
          return {
            detail,
            hidden: new Set(),
            certificates,
            unprotected: failed.map(([a, b, c]) => cellKey(a, b, c)),
            cell: () => null,
            accepts: () => false,
          };
      }
    }
  }
  // Areas hidden since may have freed a move (a point value or a sasaran moved next to a total then still shown): once more.
  failed = failed.filter(([g, p, measure]) => !certified.has(cellKey(g, p, measure)) && !certify(g, p, measure));
  const unprotected = failed
    .filter(([g, p, measure]) => !certified.has(cellKey(g, p, measure)))
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
      const counted = def.denominator.kind === 'counted';
      if (move.measure === 'denominator' && !counted) return true; // a sasaran is no count of this month
      const mv: Move = { u, v, month: move.month, kind: move.measure };
      const touched = def.periodKind === 'point' ? holding(mv) : separating(mv);
      return Array.isArray(verify(mv, 1, touched, new Set()));
    },
    cell(id, period) {
      const g = nodeById.get(id);
      const p = periodIndex.get(periodKey(period));
      if (g === undefined || p === undefined || !nodes[g]!.hidden) return null;
      const { n, d } = countsOf(sums[g]![p]!);
      return hiddenForm(g, p, n, d, areaReason(g, primaryCount[g]!));
    },
  };
}
