// The protected view (issue 18): every read route hands its answer — computed once, unmasked, from the values
// service and its caches — to this layer with the reader, and sends what comes back. Readers outside an area
// (anonymous under READ_ACCESS=public, pembaca, users of other areas) get hidden cells (`protection`, class
// 'disembunyikan') instead of small counts; readers whose scope covers the area get the answer unchanged. The rule is
// the domain's (packages/domain/src/privacy); privacy-service.ts runs it per kabupaten × indicator × year.
import {
  allSasaranDenominator,
  ancestorAt,
  rowOverAllSasaran,
  seriesOverAllSasaran,
  totalsOverAllSasaran,
  getIndicator,
  isKode,
  maskRow,
  maskSeriesMonth,
  monthPeriod,
  parentOf,
  parsePeriod,
  previousPeriod,
  protectionText,
  scopeCovers,
  seesExactCounts,
  tingkatOf,
  ytdPeriod,
  type Target,
  type HiddenCell,
  type IndicatorDef,
  type NeedPart,
  type Period,
  type Reader,
} from '@peta/domain';
import {
  CLASS_LETTER,
  desaKodesOf,
  type DesaValuesResponse,
  type MeetingDetail,
  type PuskesmasValueRow,
  type PuskesmasValuesResponse,
  type SeriesResponse,
  type ValueRow,
  type ValuesResponse,
} from '@peta/domain/contract';
import type { WilayahKerjaValues } from '../rollout/wilayah-kerja-values.ts';
import type { ValuesService } from '../values/values-service.ts';
import type { WilayahRow } from '../wilayah/wilayah-repository.ts';
import { puskesmasNodeId, type Lens, type PrivacyService } from './privacy-service.ts';

type PeriodLike = Pick<Period, 'kind' | 'year' | 'fromMonth' | 'toMonth'>;

/** Desa and kecamatan rows can be hidden; provinsi and kabupaten rows never are (their parents publish them). */
const smallWilayah = (kode: string) => isKode(kode) && (tingkatOf(kode) === 'desa' || tingkatOf(kode) === 'kecamatan');

export interface ReaderViewDeps {
  privacy: PrivacyService;
  values: Pick<
    ValuesService,
    'childValues' | 'desaValuesUnder' | 'versionedValuesUnder' | 'series' | 'seriesOf' | 'defaultPeriod'
  >;
  perPuskesmas: Pick<WilayahKerjaValues, 'rows' | 'answer'>;
}

/** The reader's view of every answer that carries counts. One per request (it remembers lenses for that request). */
export function readerView(deps: ReaderViewDeps, reader: Reader) {
  const { privacy, values, perPuskesmas } = deps;
  const threshold = privacy.threshold;
  const lenses = new Map<string, Promise<Lens | null>>();
  // One wait for the whole request: a table still being computed after it is answered hidden (deny by default), so a
  // view that needs many tables (a profile: every indicator, this year and last) is never many waits long.
  const until = Date.now() + privacy.maxWaitMs;
  const lensOf = (def: IndicatorDef, year: number, kabupaten: string, wait = true) => {
    const key = `${def.code}|${year}|${kabupaten}|${wait}`;
    let hit = lenses.get(key);
    if (!hit) lenses.set(key, (hit = privacy.lens(reader, def, year, kabupaten, { wait, until })));
    return hit;
  };

  /** The hidden form of one wilayah's cell (null: shown). */
  // An area the reader sees exactly needs no lens (the lens would show it as it is): a puskesmas on its own desa, a
  // camat in its kecamatan never wait for the protection of the rest of the kabupaten. (A kecamatan is exact for a
  // puskesmas only with the table's context: that one goes through the lens.)
  const exactHere = (kode: string) => seesExactCounts(reader, { wilayah: kode });

  async function cellOf(
    def: IndicatorDef,
    period: PeriodLike,
    kode: string,
    counts: { numerator: number | null; denominator: number | null },
  ) {
    if (!smallWilayah(kode) || exactHere(kode)) return null;
    const lens = await lensOf(def, period.year, ancestorAt(kode, 'kabupaten')!);
    return lens ? lens.cell(kode, period, counts) : null;
  }

  /** A total (above the desa) this reader does not see exactly: for a sensitive indicator over a sasaran it takes all its desa. */
  const overAllSasaranFor = (def: IndicatorDef, kode: string) =>
    totalsOverAllSasaran(def) && isKode(kode) && tingkatOf(kode) !== 'desa' && !exactHere(kode);

  /**
   * Totals of a sensitive indicator over a sasaran, for a reader outside them: over the sasaran of every desa they
   * hold, reported or not (domain all-sasaran.ts) — else two periods with different reporting desa give one desa's
   * register by subtraction. The rows of desa are untouched (the small-count rule hides them).
   */
  async function rowsOverAllSasaran<T extends ValueRow>(
    def: IndicatorDef,
    period: PeriodLike,
    rows: T[],
  ): Promise<T[]> {
    const totals = rows.filter((r) => r.numerator !== null && overAllSasaranFor(def, r.kode));
    if (totals.length === 0) return rows;
    const sums = await privacy.sasaranTotals(
      def,
      period.year,
      totals.map((r) => r.kode),
    );
    const months = period.toMonth - period.fromMonth + 1;
    return rows.map((row) =>
      totals.includes(row)
        ? rowOverAllSasaran(
            def,
            period,
            row,
            allSasaranDenominator(def, period, [{ sasaran: sums.get(row.kode) ?? null, heldMonths: months }]),
          )
        : row,
    );
  }

  async function maskWilayahRows<T extends ValueRow>(def: IndicatorDef, period: PeriodLike, rows: T[]): Promise<T[]> {
    // A reader who sees every row exactly (staff over the whole area, the admin): each row as it is, without a lens
    // or a total over all sasaran to look up per row.
    if (rows.every((row) => exactHere(row.kode))) return rows.map((row) => maskRow(row, null, threshold) as T);
    const shown = await rowsOverAllSasaran(def, period, rows);
    return Promise.all(
      shown.map(async (row) => maskRow(row, await cellOf(def, period, row.kode, row), threshold) as T),
    );
  }

  async function maskPuskesmasRows(
    def: IndicatorDef,
    period: PeriodLike,
    kabupaten: string,
    rows: PuskesmasValueRow[],
  ): Promise<PuskesmasValueRow[]> {
    const lens = await lensOf(def, period.year, kabupaten);
    if (!lens) return rows;
    // Wilayah kerja totals over all their desa (rowsOverAllSasaran), unless the reader sees that wilayah kerja exactly.
    const allSasaran = totalsOverAllSasaran(def) ? await privacy.puskesmasAllSasaran(def, period, kabupaten) : null;
    return rows.map((row) => {
      const id = puskesmasNodeId(row.kode);
      const shown =
        allSasaran && row.numerator !== null && !lens.exact.has(id)
          ? rowOverAllSasaran(def, period, row, allSasaran(row.kode))
          : row;
      return maskRow(shown, lens.cell(id, period, shown), threshold);
    });
  }

  /** Is this desa's (or kecamatan's) cell hidden for the reader in this period? */
  async function hiddenAt(def: IndicatorDef, period: PeriodLike | null, kode: string): Promise<boolean> {
    if (!period || !smallWilayah(kode) || exactHere(kode)) return false;
    const lens = await lensOf(def, period.year, ancestorAt(kode, 'kabupaten')!);
    return lens?.hidden.has(kode) ?? false;
  }

  const childValues = async (def: IndicatorDef, period: Period, parent: string | null) =>
    maskWilayahRows(def, period, await values.childValues(def, period, parent));

  /** One wilayah's row among its siblings, masked alone: a reader who sees it exactly (a kepala desa on the profile of
   * his desa) never waits for the protection of the siblings he does not see. */
  async function childValue(def: IndicatorDef, period: Period, kode: string): Promise<ValueRow | undefined> {
    const row = (await values.childValues(def, period, parentOf(kode))).find((r) => r.kode === kode);
    return row && (await maskWilayahRows(def, period, [row]))[0];
  }

  async function series(
    def: IndicatorDef,
    area: Pick<WilayahRow, 'kode' | 'nama'>,
    year: number,
  ): Promise<SeriesResponse> {
    return maskSeries(def, await values.series(def, area, year));
  }

  async function maskSeries(def: IndicatorDef, given: SeriesResponse): Promise<SeriesResponse> {
    let answer = given;
    if (overAllSasaranFor(def, answer.kode)) {
      const sums = await privacy.sasaranTotals(def, answer.year, [answer.kode]);
      answer = {
        ...answer,
        months: seriesOverAllSasaran(def, answer.year, answer.months, sums.get(answer.kode) ?? null, answer.target),
      };
    }
    if (!smallWilayah(answer.kode) || exactHere(answer.kode)) return answer;
    const kabupaten = ancestorAt(answer.kode, 'kabupaten')!;
    const [lens, previousYear] = await Promise.all([
      lensOf(def, answer.year, kabupaten),
      lensOf(def, answer.year - 1, kabupaten),
    ]);
    if (!lens && !previousYear) return answer;
    const months = answer.months.map((m) => {
      const monthCell = lens?.cell(answer.kode, monthPeriod(answer.year, m.month), m) ?? null;
      const cumulativeCell =
        lens?.cell(answer.kode, ytdPeriod(answer.year, m.month), {
          numerator: m.cumulativeNumerator,
          denominator: m.cumulativeDenominator,
        }) ?? null;
      const out = maskSeriesMonth(m, monthCell, cumulativeCell, threshold);
      // January's PWS status compares with last December: hidden last year, it would tell which way a hidden value went.
      if (m.month === 1 && previousYear?.hidden.has(answer.kode)) out.pwsStatus = null;
      return out;
    });
    return { ...answer, months };
  }

  async function desaValuesUnder(
    def: IndicatorDef,
    period: Period,
    parent: string | null,
  ): Promise<DesaValuesResponse> {
    const answer = await values.desaValuesUnder(def, period, parent);
    const kodes = desaKodesOf(answer);
    const kabupaten = [...new Set(kodes.map((k) => ancestorAt(k, 'kabupaten')!))];
    // One kabupaten: wait for its result. The map of a provinsi or of Indonesia does not wait: a kabupaten without a
    // result yet is drawn fully hidden, and the next request finds it computed.
    const wait = kabupaten.length <= 1;
    const byKabupaten = new Map(
      await Promise.all(kabupaten.map(async (k) => [k, await lensOf(def, period.year, k, wait)] as const)),
    );
    if ([...byKabupaten.values()].every((l) => l === null)) return answer;
    const letters = [...answer.kelas];
    const coverage = [...answer.coverage];
    kodes.forEach((kode, i) => {
      if (letters[i] === CLASS_LETTER['no-data']) return;
      const lens = byKabupaten.get(ancestorAt(kode, 'kabupaten')!);
      // Precomputed cells do not need the counts; without a result the hidden form shows no coverage anyway.
      const cell = lens?.cell(kode, period, { numerator: 0, denominator: null }) ?? null;
      if (!cell) return;
      letters[i] = CLASS_LETTER.disembunyikan;
      coverage[i] = cell.coverage;
    });
    return { ...answer, kelas: letters.join(''), coverage };
  }

  /** A meeting as this reader may see it: participants of its own area see the stored agenda; others the protected one. */
  async function meeting(detail: MeetingDetail): Promise<MeetingDetail> {
    const kabupaten = ancestorAt(detail.desaKodes[0] ?? detail.wilayahKode, 'kabupaten') ?? '';
    // Inside: whoever takes part in the meeting (the scope rule of writes: the puskesmas of a kecamatan's desa, the camat,
    // the dinkes), as in the meeting room. A pembaca never is.
    const target: Target = detail.puskesmasKode
      ? { puskesmas: detail.puskesmasKode, kabupaten }
      : { wilayah: detail.wilayahKode };
    const inside = reader !== null && reader.role !== 'viewer' && scopeCovers(reader.scope, target);
    if (inside || seesExactCounts(reader, { wilayah: kabupaten })) return detail;
    const period = parsePeriod(detail.agenda.periode);
    const previous = previousPeriod(period);
    const hidden = new Set<string>(); // `${desa}|${indicator}` hidden now or in the previous period
    const reasonText = new Map<string, string>();
    const agendaDesa = await Promise.all(
      detail.agenda.desa.map(async (d) => {
        const valuesOut = await Promise.all(
          d.values.map(async (v) => {
            const def = getIndicator(v.indicator);
            if (!def) return v;
            const cell = await cellOf(def, period, d.kode, v);
            const before = await hiddenAt(def, previous, d.kode);
            if (!cell && !before) return v;
            hidden.add(`${d.kode}|${v.indicator}`);
            if (cell) reasonText.set(`${d.kode}|${v.indicator}`, protectionText(cell.suppressed, null, threshold));
            const masked = cell ? maskRow(v, cell, threshold) : { ...v, protection: null };
            return {
              ...masked,
              previousCoverage: null,
              previousAttainment: null,
              monthCoverage: null,
              previousMonthCoverage: null,
              pws: null,
            };
          }),
        );
        return { ...d, values: valuesOut };
      }),
    );
    const isHidden = (desa: string, indicator: string) => hidden.has(`${desa}|${indicator}`);
    const behind = detail.agenda.behind.filter((b) => !isHidden(b.desaKode, b.indicator));
    const worsened = detail.agenda.worsened.filter((w) => !isHidden(w.desaKode, w.indicator));
    const dataQuality = detail.agenda.dataQuality
      .map((q) =>
        q.kind === 'lebih100'
          ? { ...q, indicators: q.indicators.filter((i) => !isHidden(q.desaKode, i.indicator)) }
          : q,
      )
      .filter((q) => q.indicators.length > 0);
    const removed = new Map<string, number>();
    const count = (desa: string) => removed.set(desa, (removed.get(desa) ?? 0) + 1);
    for (const b of detail.agenda.behind) if (isHidden(b.desaKode, b.indicator)) count(b.desaKode);
    for (const w of detail.agenda.worsened) if (isHidden(w.desaKode, w.indicator)) count(w.desaKode);
    for (const q of detail.agenda.dataQuality)
      if (!dataQuality.some((x) => x.desaKode === q.desaKode && x.kind === q.kind)) count(q.desaKode);
    const desaOut = agendaDesa.map((d) => {
      const shown = d.values.filter((v) => !isHidden(d.kode, v.indicator));
      const focus =
        shown.filter((v) => v.attainment !== null).sort((a, b) => a.attainment! - b.attainment!)[0]?.indicator ?? null;
      return {
        ...d,
        behindCount: behind.filter((b) => b.desaKode === d.kode).length,
        mentions: d.mentions - (removed.get(d.kode) ?? 0),
        focusIndicator: d.focusIndicator && !isHidden(d.kode, d.focusIndicator) ? d.focusIndicator : focus,
      };
    });
    const maskAction = async <A extends MeetingDetail['actions'][number]>(a: A): Promise<A> => {
      const def = getIndicator(a.indicator);
      if (!def) return a;
      const [atBaseline, now] = await Promise.all([
        hiddenAt(def, parsePeriod(a.baseline.periode), a.desaKode),
        hiddenAt(def, parsePeriod(a.movement.now.periode), a.desaKode),
      ]);
      if (!atBaseline && !now) return a;
      const text = reasonText.get(`${a.desaKode}|${a.indicator}`) ?? protectionText('small-count', null, threshold);
      const blank = <B extends { numerator: number | null; denominator: number | null; coverage: number | null }>(
        b: B,
      ) => ({ ...b, numerator: null, denominator: null, coverage: null });
      return {
        ...a,
        baseline: blank(a.baseline),
        movement: {
          ...a.movement,
          direction: 'tidak-ada-data',
          coveragePoints: null,
          numeratorChange: null,
          text,
          numeratorText: null,
          now: blank(a.movement.now),
        },
      };
    };
    return {
      ...detail,
      agenda: { ...detail.agenda, behind, worsened, dataQuality, desa: desaOut },
      actions: await Promise.all(detail.actions.map(maskAction)),
      earlierActions: await Promise.all(detail.earlierActions.map(maskAction)),
    };
  }

  /** The planner's need (belum terlayani per puskesmas, over `periodCode` or the default period): a hidden puskesmas' count goes. */
  async function maskNeedOf<T extends { kode: string; need: NeedPart[] }>(
    kabupaten: string,
    periodCode: string | null,
    rows: T[],
  ): Promise<T[]> {
    const period = periodCode ? parsePeriod(periodCode) : await values.defaultPeriod();
    return Promise.all(
      rows.map(async (row) => ({
        ...row,
        need: await Promise.all(
          row.need.map(async (part) => {
            const def = getIndicator(part.indicator);
            const lens = def ? await lensOf(def, period.year, kabupaten) : null;
            // Belum terlayani = sasaran − served of the reporting desa: a sensitive register's total, not shown outside.
            const overAll =
              def !== undefined &&
              totalsOverAllSasaran(def) &&
              lens !== null &&
              !lens.exact.has(puskesmasNodeId(row.kode));
            return lens?.hidden.has(puskesmasNodeId(row.kode)) || overAll ? { ...part, notYetServed: null } : part;
          }),
        ),
      })),
    );
  }

  return {
    reader,
    childValues,
    childValue,
    series,
    maskSeries,
    desaValuesUnder,
    meeting,
    maskNeedOf,
    /** GET /api/values. */
    async valuesUnder(def: IndicatorDef, period: Period, parent: string | null): Promise<ValuesResponse> {
      const { answer } = await values.versionedValuesUnder(def, period, parent);
      return { ...answer, rows: await maskWilayahRows(def, period, answer.rows) };
    },
    /** GET /api/values with the version of the unmasked answer (the ETag of a reader who sees the area exactly). */
    async versionedValuesUnder(
      def: IndicatorDef,
      period: Period,
      parent: string | null,
    ): Promise<{ version: string; answer: ValuesResponse }> {
      const { version, answer } = await values.versionedValuesUnder(def, period, parent);
      return { version, answer: { ...answer, rows: await maskWilayahRows(def, period, answer.rows) } };
    },
    /** GET /api/wilayah/{kode}/series. */
    async seriesOf(def: IndicatorDef, kode: string, yearText: string): Promise<SeriesResponse> {
      return maskSeries(def, await values.seriesOf(def, kode, yearText));
    },
    /** Values per puskesmas wilayah kerja (GET /api/values/puskesmas, the puskesmas profile). */
    async puskesmasRows(def: IndicatorDef, period: Period, kabupaten: string): Promise<PuskesmasValueRow[]> {
      return maskPuskesmasRows(def, period, kabupaten, await perPuskesmas.rows(def, period, kabupaten));
    },
    async puskesmasAnswer(def: IndicatorDef, period: Period, kabupaten: string): Promise<PuskesmasValuesResponse> {
      const answer = await perPuskesmas.answer(def, period, kabupaten);
      return { ...answer, rows: await maskPuskesmasRows(def, period, kabupaten, answer.rows) };
    },
  };
}

export type ReaderView = ReturnType<typeof readerView>;
export type { HiddenCell };
