// Agenda of a meeting about one kecamatan, generated from the value rows of its desa (one row per desa and
// indicator, as GET /api/nilai gives them for the meeting's period and for the previous period):
//   behind      desa × indicator furthest behind the expected-to-date target (lowest attainment, below 100 %), with
//               the persons short of that target (shortOfTarget, never the other count);
//   worsened    desa × indicator whose attainment fell most since the previous period and that is below the target
//               now (an indicator still far above its target is not "memburuk" for the meeting);
//   dataQuality desa with missing monthly reports, and desa with coverage above 100 %;
//   openActions open actions of the last meeting (passed in);
//   desa        every desa with its values, in stepping order (most agenda entries first, then by name).
// Attainment (coverage ÷ expected × 100, expected ÷ coverage for lower-is-better) is compared rather than coverage:
// cumulative coverage always rises during the year, its position against the target line is what can worsen.
// Attainment already honours polarity (lower is better: expected ÷ coverage), so a prevalence that fell never "worsens".
// Only indicators with at least one report in the wilayah in the period take part: an indicator nobody reports
// here is not a "missing report" of every desa.
import type {
  Agenda,
  AgendaAction,
  AgendaDesa,
  BehindItem,
  DataQualityItem,
  DesaIndicatorValue,
  WorsenedItem,
} from '../contract/meetings.ts';
import { getIndicator, INDICATORS } from '../indicators/catalogue.ts';
import type { EvaluatedValue } from '../indicators/evaluate.ts';
import { notYetServed, shortOfTarget } from '../indicators/people.ts';
import { monthPeriod, parsePeriod, quarterPeriod, rangePeriod, yearPeriod, type Period } from '../indicators/period.ts';
import { pwsApplies, pwsStatus } from '../indicators/pws-status.ts';

/** One child row of GET /api/nilai (the fields the agenda reads): an evaluated value of a named wilayah. */
export type AgendaValueRow = Omit<EvaluatedValue, 'complete'> & { kode: string; nama: string; simulated: boolean };

export interface AgendaIndicatorInput {
  indicator: string;
  current: readonly AgendaValueRow[];
  /** The same desa in the previous period; null when there is none. */
  previous: readonly AgendaValueRow[] | null;
  /**
   * Coverage of month m alone and month m − 1 alone (monthPair), per desa kode: the month-on-month trend and the PWS
   * status read the same two numbers. Absent or null for periods without such a pair.
   */
  monthCoverage?: {
    thisMonth: ReadonlyMap<string, number | null>;
    lastMonth: ReadonlyMap<string, number | null>;
  } | null;
}

export interface AgendaLimits {
  behind: number;
  worsened: number;
  dataQuality: number;
  /** At most this many behind/worsened entries per desa, so one remote desa does not fill the list. */
  perDesa: number;
}
export const AGENDA_LIMITS: AgendaLimits = { behind: 10, worsened: 8, dataQuality: 12, perDesa: 2 };

/** The first `limit` items, at most `perDesa` per desa. */
function takeSpread<T extends { desaKode: string }>(items: readonly T[], limit: number, perDesa: number): T[] {
  const count = new Map<string, number>();
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= limit) break;
    const n = count.get(item.desaKode) ?? 0;
    if (n >= perDesa) continue;
    count.set(item.desaKode, n + 1);
    out.push(item);
  }
  return out;
}

export interface BuildAgendaInput {
  wilayah: { kode: string; nama: string };
  period: Period;
  indicators: readonly AgendaIndicatorInput[];
  openActions?: readonly AgendaAction[];
  generatedAt: string;
  limits?: Partial<AgendaLimits>;
}

const EPS = 1e-9;
const byName = (a: { nama: string }, b: { nama: string }) => a.nama.localeCompare(b.nama, 'id');

/**
 * The period before: a month → the month before (December of last year for January); a quarter → the quarter
 * before; Jan..m → Jan..m−1 (none for Jan..Jan); another range → the range of the same length just before it, in
 * the same year (none when it would leave the year); a year → the year before.
 */
export function previousPeriod(period: Period): Period | null {
  switch (period.kind) {
    case 'month':
      return period.fromMonth === 1 ? monthPeriod(period.year - 1, 12) : monthPeriod(period.year, period.fromMonth - 1);
    case 'quarter': {
      const q = Math.ceil(period.toMonth / 3);
      return q === 1 ? quarterPeriod(period.year - 1, 4) : quarterPeriod(period.year, q - 1);
    }
    case 'year':
      return yearPeriod(period.year - 1);
    case 'cumulative': {
      if (period.fromMonth === 1) return period.toMonth === 1 ? null : rangePeriod(period.year, 1, period.toMonth - 1);
      const length = period.toMonth - period.fromMonth + 1;
      const from = period.fromMonth - length;
      return from < 1 ? null : rangePeriod(period.year, from, period.fromMonth - 1);
    }
  }
}

/** Does any desa of the wilayah report the indicator in the period? */
const hasReports = (rows: readonly AgendaValueRow[]) => rows.some((r) => r.reported > 0);

export function buildAgenda(input: BuildAgendaInput): Agenda {
  const limits = { ...AGENDA_LIMITS, ...input.limits };
  const order = new Map(INDICATORS.map((d, i) => [d.code as string, i]));
  const active = input.indicators
    .filter((i) => getIndicator(i.indicator) && hasReports(i.current))
    .sort((a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0));
  const previous = previousPeriod(input.period);

  // Desa, from every row of every active indicator (each indicator lists every desa of the wilayah).
  const desaMap = new Map<string, AgendaDesa>();
  const desaOf = (row: AgendaValueRow) => {
    let d = desaMap.get(row.kode);
    if (!d) {
      d = {
        kode: row.kode,
        nama: row.nama,
        simulated: false,
        behindCount: 0,
        mentions: 0,
        focusIndicator: null,
        values: [],
      };
      desaMap.set(row.kode, d);
    }
    return d;
  };

  const behind: BehindItem[] = [];
  const worsened: WorsenedItem[] = [];
  const missing = new Map<string, DataQualityItem>();
  const over = new Map<string, DataQualityItem>();

  for (const ind of active) {
    const def = getIndicator(ind.indicator)!;
    const prevByKode = new Map((ind.previous ?? []).map((r) => [r.kode, r]));
    const months = ind.monthCoverage ?? null;
    const pws = pwsApplies(def, input.period) ? months : null;
    for (const row of ind.current) {
      const desa = desaOf(row);
      desa.simulated ||= row.simulated;
      const prev = prevByKode.get(row.kode) ?? null;
      const status = pws
        ? pwsStatus({
            cumulative: row.coverage,
            expected: row.expected,
            thisMonth: pws.thisMonth.get(row.kode) ?? null,
            lastMonth: pws.lastMonth.get(row.kode) ?? null,
          })
        : null;
      const value: DesaIndicatorValue = {
        indicator: def.code,
        numerator: row.numerator,
        denominator: row.denominator,
        coverage: row.coverage,
        target: row.target,
        expected: row.expected,
        notYetServed: row.notYetServed,
        shortOfTarget: row.shortOfTarget,
        class: row.class,
        attainment: row.attainment,
        over100: row.over100,
        reported: row.reported,
        expectedReports: row.expectedReports,
        previousCoverage: prev?.coverage ?? null,
        previousAttainment: prev?.attainment ?? null,
        monthCoverage: months?.thisMonth.get(row.kode) ?? null,
        previousMonthCoverage: months?.lastMonth.get(row.kode) ?? null,
        pws: status?.status ?? null,
      };
      desa.values.push(value);

      if (row.attainment !== null && row.coverage !== null && row.expected !== null && row.attainment < 100 - EPS) {
        desa.behindCount++;
        behind.push({
          desaKode: row.kode,
          desaNama: row.nama,
          indicator: def.code,
          coverage: row.coverage,
          expected: row.expected,
          attainment: row.attainment,
          shortOfTarget: row.shortOfTarget,
        });
      }
      if (
        prev?.attainment != null &&
        row.attainment !== null &&
        prev.attainment - row.attainment > EPS &&
        row.attainment < 100 - EPS
      ) {
        worsened.push({
          desaKode: row.kode,
          desaNama: row.nama,
          indicator: def.code,
          previousAttainment: prev.attainment,
          attainment: row.attainment,
          drop: prev.attainment - row.attainment,
          previousCoverage: prev.coverage,
          coverage: row.coverage,
        });
      }
      if (row.expectedReports > 0 && row.reported < row.expectedReports) {
        const item = missing.get(row.kode) ?? {
          desaKode: row.kode,
          desaNama: row.nama,
          kind: 'laporan' as const,
          indicators: [],
        };
        item.indicators.push({
          indicator: def.code,
          reported: row.reported,
          expectedReports: row.expectedReports,
          coverage: row.coverage,
        });
        missing.set(row.kode, item);
      }
      if (row.over100) {
        const item = over.get(row.kode) ?? {
          desaKode: row.kode,
          desaNama: row.nama,
          kind: 'lebih100' as const,
          indicators: [],
        };
        item.indicators.push({
          indicator: def.code,
          reported: row.reported,
          expectedReports: row.expectedReports,
          coverage: row.coverage,
        });
        over.set(row.kode, item);
      }
    }
  }

  behind.sort((a, b) => a.attainment - b.attainment || a.desaNama.localeCompare(b.desaNama, 'id'));
  worsened.sort((a, b) => b.drop - a.drop || a.desaNama.localeCompare(b.desaNama, 'id'));
  // Missing reports: most missing desa-months first; above 100 %: most indicators first.
  const missingMonths = (d: DataQualityItem) => d.indicators.reduce((s, i) => s + i.expectedReports - i.reported, 0);
  const dataQuality = [
    ...[...missing.values()].sort(
      (a, b) => missingMonths(b) - missingMonths(a) || byName({ nama: a.desaNama }, { nama: b.desaNama }),
    ),
    ...[...over.values()].sort(
      (a, b) => b.indicators.length - a.indicators.length || byName({ nama: a.desaNama }, { nama: b.desaNama }),
    ),
  ];
  const openActions = [...(input.openActions ?? [])];

  const agendaBehind = takeSpread(behind, limits.behind, limits.perDesa);
  const agendaWorsened = takeSpread(worsened, limits.worsened, limits.perDesa);
  const agendaQuality = dataQuality.slice(0, limits.dataQuality);
  for (const item of [...agendaBehind, ...agendaWorsened, ...agendaQuality, ...openActions]) {
    const d = desaMap.get(item.desaKode);
    if (d) d.mentions++;
  }
  for (const d of desaMap.values()) {
    const ranked = d.values.filter((v) => v.attainment !== null).sort((a, b) => a.attainment! - b.attainment!);
    d.focusIndicator = ranked[0]?.indicator ?? d.values[0]?.indicator ?? null;
  }
  const desa = [...desaMap.values()].sort(
    (a, b) => b.mentions - a.mentions || b.behindCount - a.behindCount || byName(a, b),
  );

  return {
    version: 2,
    wilayah: { kode: input.wilayah.kode, nama: input.wilayah.nama },
    periode: input.period.code,
    periodeLabel: input.period.label,
    previousPeriode: previous?.code ?? null,
    previousPeriodeLabel: previous?.label ?? null,
    indicators: active.map((i) => i.indicator),
    behind: agendaBehind,
    worsened: agendaWorsened,
    dataQuality: agendaQuality,
    openActions,
    desa,
    simulated: desa.some((d) => d.simulated),
    generatedAt: input.generatedAt,
  };
}

/** Keys of the agenda's steps, used for notes: ringkasan (the map and the lists), each desa, tindak lanjut. */
export function agendaItemKeys(agenda: Pick<Agenda, 'desa'>): string[] {
  return ['ringkasan', ...agenda.desa.map((d) => `desa:${d.kode}`), 'tindak-lanjut'];
}

/**
 * The indicator the most desa are behind on (ties: the agenda's catalogue order): what the wilayah map of the
 * meeting mode, the printed pack and the PNG colour by. Null when the agenda has no indicator.
 */
export function leadIndicator(agenda: Pick<Agenda, 'indicators' | 'desa'>): string | null {
  let best: string | null = null;
  let bestCount = -1;
  for (const code of agenda.indicators) {
    let count = 0;
    for (const d of agenda.desa) {
      const v = d.values.find((x) => x.indicator === code);
      if (v?.attainment != null && v.attainment < 100 - EPS) count++;
    }
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}

/**
 * A stored agenda in the current shape. Version 1 (before issue 15) held one `gap` per value — the gap to the ANNUAL
 * target, neither of today's two counts — and none in the month-on-month fields. Its snapshot keeps its numbers; the
 * two counts of people are computed from the stored numerator, denominator and expected by the same rules
 * (indicators/people.ts), the single months are unknown (null).
 */
export function upgradeAgenda(stored: unknown): Agenda {
  const agenda = stored as Agenda | (Omit<Agenda, 'version'> & { version: 1 });
  if (agenda.version === 2) return agenda;
  const period = parsePeriod(agenda.periode);
  const desa = agenda.desa.map((d) => ({
    ...d,
    values: d.values.map((v) => {
      const { gap: _gap, ...rest } = v as DesaIndicatorValue & { gap?: number | null };
      const def = getIndicator(v.indicator);
      return {
        ...rest,
        notYetServed: def ? notYetServed(def, period, v.numerator, v.denominator) : null,
        shortOfTarget: def ? shortOfTarget(def, period, v.numerator, v.denominator, v.expected) : null,
        monthCoverage: null,
        previousMonthCoverage: null,
      };
    }),
  }));
  const desaValue = (kode: string, indicator: string) =>
    desa.find((d) => d.kode === kode)?.values.find((v) => v.indicator === indicator);
  const behind = agenda.behind.map((b) => {
    const { gap: _gap, ...rest } = b as BehindItem & { gap?: number | null };
    return { ...rest, shortOfTarget: desaValue(b.desaKode, b.indicator)?.shortOfTarget ?? null };
  });
  return { ...agenda, version: 2, desa, behind };
}
