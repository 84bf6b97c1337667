// The printed meeting pack as one HTML document (A4, Bahasa Indonesia), which Chromium turns into the PDF
// (pdf.ts): a cover with the wilayah map, a summary of the agenda, one page per desa (its indicators with
// target, capaian, the persons short of the target and those not yet served this year — two named columns, never one
// for the other —, PWS status, the month alone against the month before and the period against last year, the PWS
// cumulative chart of the
// indicators furthest behind — or, without those extras, a bar chart of capaian against the target line — its
// actions and notes), and the list of actions with owners and dates. Pure: everything it needs is passed in.
import {
  formatFraction,
  formatNumberId,
  formatValue,
  getIndicator,
  leadIndicator,
  mapShape,
  MONTH_NAMES_ID,
  monthPair,
  MONTH_SHORT_ID,
  PALETTE,
  parsePeriod,
  PEOPLE_LABELS,
  pwsApplies,
  pwsReadingAt,
  PWS_STATUS_LABELS,
  SERIES_CHART,
  seriesChartModel,
  shortOfTargetText,
  type MapShape,
  type Period,
  type ShapeFeature,
  type Trend,
} from '@peta/domain';
import { placeMarkers, PRIVACY_LEGEND } from '@peta/domain';
import type {
  AgendaDesa,
  DesaIndicatorValue,
  EarlierAction,
  MeetingAction,
  MeetingDetail,
  SeriesMonthDto,
} from '@peta/domain/contract';

/** What the desa page shows beyond the stored agenda (pack-service packExtras). */
export interface PackDesaExtras {
  /** PWS charts of the indicators furthest behind: the meeting year's months, blank after the period. */
  charts: { indicator: string; year: number; months: SeriesMonthDto[] }[];
  /** Per indicator: month m alone against month m − 1 alone, and the period against the same period last year. */
  trends: Map<string, { bulan: Trend; tahun: Trend }>;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const SIMULATED = 'Data contoh (simulasi)';
const CLASS_LABEL: Record<string, string> = {
  baik: 'Mencapai target',
  cukup: '80–99% target',
  kurang: '< 80% target',
  'no-data': 'Tidak ada laporan',
  netral: 'Tanpa target',
  disembunyikan: 'Disembunyikan: jumlah kecil',
};
const CLASS_SHORT: Record<string, string> = {
  baik: '≥ target',
  cukup: '80–99%',
  kurang: '< 80%',
  'no-data': 'tanpa laporan',
  netral: '–',
  disembunyikan: 'disembunyikan',
};
/** Hidden counts (issue 18) are drawn with this pattern, never a class colour or the grey of "no data". */
const HIDDEN_PATTERN =
  `<defs><pattern id="disembunyikan" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
  `<rect width="6" height="6" fill="${PALETTE.attainment.disembunyikan}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${PALETTE.hidden}" stroke-width="2"/></pattern></defs>`;
const HIDDEN_SWATCH = `background:repeating-linear-gradient(45deg,${PALETTE.hidden} 0 2px,${PALETTE.attainment.disembunyikan} 2px 5px)`;
const STATUS_LABEL: Record<string, string> = { terbuka: 'Terbuka', selesai: 'Selesai', batal: 'Batal' };

const shortName = (code: string) => getIndicator(code)?.short ?? code;
const pct = (v: number | null, code: string) => formatValue(v, getIndicator(code)?.unit ?? 'percent');
const dateId = (iso: string | null) => {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
};

function mapSvg(
  shape: MapShape,
  fill: (kode: string) => string,
  opts: { highlight?: string; numbers?: Map<string, number> } = {},
): string {
  const paths = shape.paths
    .map((p) => `<path d="${p.d}" fill="${fill(p.kode)}" fill-rule="evenodd" stroke="#fff" stroke-width="1"/>`)
    .join('');
  // The highlighted desa is outlined (light halo, dark line) over its fill, never painted in a legend colour.
  const hl = shape.paths.find((p) => p.kode === opts.highlight);
  const outline = hl
    ? `<path d="${hl.d}" fill="none" stroke="#fff" stroke-width="6" stroke-linejoin="round"/>` +
      `<path d="${hl.d}" fill="none" stroke="#0d1b21" stroke-width="2.5" stroke-linejoin="round"/>`
    : '';
  const numbered = opts.numbers
    ? shape.paths.flatMap((p) => {
        const n = opts.numbers!.get(p.kode);
        return n === undefined ? [] : [{ id: String(n), x: p.label[0], y: p.label[1] }];
      })
    : [];
  // Markers of neighbouring desa would cover each other: moved apart, with a leader line back to their desa.
  const labels = placeMarkers(numbered, 9, shape)
    .map((m) => {
      const leader = m.moved
        ? `<line x1="${m.anchor[0]}" y1="${m.anchor[1]}" x2="${m.x}" y2="${m.y}" stroke="#333" stroke-width="1"/><circle cx="${m.anchor[0]}" cy="${m.anchor[1]}" r="2" fill="#333"/>`
        : '';
      return `${leader}<g><circle cx="${m.x}" cy="${m.y}" r="9" fill="#fff" stroke="#333" stroke-width="1"/><text x="${m.x}" y="${m.y + 4}" text-anchor="middle" font-size="11" font-weight="700">${m.id}</text></g>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${shape.width} ${shape.height}" width="100%" xmlns="http://www.w3.org/2000/svg">${HIDDEN_PATTERN}${paths}${outline}${labels}</svg>`;
}

function legend(withHidden = false): string {
  return `<ul class="legend">${(['baik', 'cukup', 'kurang', 'no-data'] as const)
    .map((c) => `<li><span class="sw" style="background:${PALETTE.attainment[c]}"></span>${CLASS_LABEL[c]}</li>`)
    .join('')}${
    withHidden
      ? `<li class="legend-hidden"><span class="sw" style="${HIDDEN_SWATCH}"></span>${esc(CLASS_LABEL.disembunyikan!)} — ${esc(PRIVACY_LEGEND.id)}</li>`
      : ''
  }</ul>`;
}

function chip(cls: string): string {
  return `<span class="chip chip--${cls}">${esc(CLASS_SHORT[cls] ?? cls)}</span>`;
}

/** Horizontal bars: capaian per indicator, a black tick at the expected-to-date target. */
function barChart(values: DesaIndicatorValue[]): string {
  const rows = values.filter((v) => v.coverage !== null && v.expected !== null);
  if (!rows.length) return '';
  const max = Math.max(100, ...rows.map((v) => Math.max(v.coverage!, v.expected!)));
  const W = 680,
    left = 150,
    right = 50,
    rowH = 11;
  const x = (v: number) => left + ((W - left - right) * v) / max;
  const H = rows.length * rowH + 22;
  const bars = rows
    .map((v, i) => {
      const y = 4 + i * rowH;
      return (
        `<text x="${left - 6}" y="${y + 9}" text-anchor="end" font-size="9">${esc(shortName(v.indicator))}</text>` +
        `<rect x="${left}" y="${y + 2}" width="${Math.max(0.5, x(v.coverage!) - left).toFixed(1)}" height="${rowH - 4}" fill="${PALETTE.attainment[v.class]}"/>` +
        `<line x1="${x(v.expected!).toFixed(1)}" x2="${x(v.expected!).toFixed(1)}" y1="${y}" y2="${y + rowH - 2}" stroke="#000" stroke-width="2"/>` +
        `<text x="${(x(v.coverage!) + 4).toFixed(1)}" y="${y + 9}" font-size="8">${esc(pct(v.coverage, v.indicator))}</text>`
      );
    })
    .join('');
  const axis = [0, 25, 50, 75, 100]
    .filter((t) => t <= max)
    .map(
      (t) =>
        `<line x1="${x(t)}" x2="${x(t)}" y1="0" y2="${H - 18}" stroke="#ddd"/><text x="${x(t)}" y="${H - 6}" font-size="9" text-anchor="middle">${t}%</text>`,
    )
    .join('');
  return (
    `<figure class="chart"><figcaption>Capaian s.d. periode ini (batang) dan target s.d. periode ini (garis hitam)</figcaption>` +
    `<svg viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg">${axis}${bars}</svg></figure>`
  );
}

const monthName = (m: number) => MONTH_NAMES_ID[m - 1]!;
const shortMonth = (m: number) => MONTH_SHORT_ID[m - 1]!;

/**
 * "Status PWS Oktober: Jelek", or why there is none: "Status PWS Oktober: tidak dapat dihitung — tidak ada laporan
 * September (terakhir: Agustus, Kurang)". Always the status of the period's month (pwsReadingAt), never an earlier
 * month's status shown as if it were current.
 */
function pwsLine(months: readonly SeriesMonthDto[], toMonth: number): string {
  const r = pwsReadingAt(months, toMonth);
  const label = `Status PWS ${monthName(toMonth)}`;
  if (r.status)
    return `<p class="pws-line">${label}: <span class="pws pws--${r.status}">${PWS_STATUS_LABELS[r.status].labelId}</span></p>`;
  const why =
    r.missing === 'this'
      ? `tidak ada laporan ${monthName(toMonth)}`
      : r.missing === 'last'
        ? `tidak ada laporan ${toMonth === 1 ? 'Desember tahun lalu' : monthName(toMonth - 1)}`
        : 'tidak ada target';
  const last = r.lastKnown
    ? ` (terakhir: ${monthName(r.lastKnown.month)}, ${PWS_STATUS_LABELS[r.lastKnown.status].labelId})`
    : '';
  return `<p class="pws-line muted">${label}: tidak dapat dihitung — ${why}${last}</p>`;
}

/** The PWS cumulative chart of one indicator (the web desa panel's geometry): month bars, Jan..m line, target line. */
function pwsChart(
  chart: PackDesaExtras['charts'][number],
  period: Period,
  value: DesaIndicatorValue | undefined,
  trend: { bulan: Trend; tahun: Trend } | undefined,
): string {
  const def = getIndicator(chart.indicator);
  const name = def?.short ?? chart.indicator;
  const model = seriesChartModel(chart.months);
  if (!model.bars.length) {
    return (
      `<figure class="pws-chart pws-chart--none" data-indicator="${esc(chart.indicator)}"><figcaption><b>${esc(name)}</b></figcaption>` +
      `<p class="muted">Tidak ada data bulanan ${esc(name)} tahun ${chart.year} untuk desa ini.</p></figure>`
    );
  }
  const C = SERIES_CHART;
  const cumulativeKind = def?.periodKind === 'ytd_cum' || def?.periodKind === 'annual';
  const ticks = model.ticks
    .map(
      (t) =>
        `<line x1="${C.left}" x2="${C.width - C.right}" y1="${t.y}" y2="${t.y}" stroke="#ddd" stroke-width="0.5"/>` +
        `<text x="${C.left - 4}" y="${t.y + 3}" font-size="8" text-anchor="end">${formatNumberId(t.value, 0)}</text>`,
    )
    .join('');
  const bars = model.bars
    .map((b) => `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="#9ecae1"/>`)
    .join('');
  const target = model.targetPath
    ? `<path d="${model.targetPath}" fill="none" stroke="#000" stroke-width="1.2" stroke-dasharray="4 2"/>`
    : '';
  const line =
    cumulativeKind && model.cumulativePath
      ? `<path d="${model.cumulativePath}" fill="none" stroke="#b2182b" stroke-width="2"/>` +
        model.cumulativePoints.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="2" fill="#b2182b"/>`).join('')
      : '';
  const months = model.monthX
    .map(
      (x, i) =>
        `<text x="${x}" y="${C.height - 6}" font-size="8" text-anchor="middle">${MONTH_SHORT_ID[i]!.slice(0, 1)}</text>`,
    )
    .join('');
  const status =
    def && def.polarity === 'higher' && def.periodKind === 'ytd_cum' ? pwsLine(chart.months, period.toMonth) : '';
  const pair = monthPair(period);
  const trends = trend
    ? `<p class="pws-line">${pair ? `${monthName(pair.thisMonth.toMonth)} saja ${esc(pct(value?.monthCoverage ?? null, chart.indicator))}: ${trendCell(trend.bulan, 'short')} dari ${monthName(pair.lastMonth.toMonth)} · ` : ''}` +
      `${esc(period.label)} ${esc(pct(value?.coverage ?? null, chart.indicator))}: ${trend.tahun.direction === 'tidak-ada-data' ? '– dari tahun lalu' : trendCell(trend.tahun, 'text')}</p>`
    : '';
  return (
    `<figure class="pws-chart" data-indicator="${esc(chart.indicator)}"><figcaption><b>${esc(name)}</b> ${chart.year}: ${cumulativeKind ? 'kumulatif (merah), ' : ''}per bulan (batang), target (putus-putus)</figcaption>` +
    `<svg class="pws-svg" viewBox="0 0 ${C.width} ${C.height}" width="100%" xmlns="http://www.w3.org/2000/svg">${ticks}${bars}${target}${line}${months}</svg>${status}${trends}</figure>`
  );
}

function trendCell(t: Trend | undefined, form: 'short' | 'text' = 'short'): string {
  if (!t) return '–';
  return `<span class="trend trend--${t.better === true ? 'baik' : t.better === false ? 'buruk' : 'netral'}">${esc(t[form])}</span>`;
}

function actionRows(actions: (MeetingAction | EarlierAction)[], withDesa: boolean): string {
  if (!actions.length) return '<p class="muted">Belum ada tindak lanjut.</p>';
  return `<table class="actions"><thead><tr>${withDesa ? '<th>Desa</th>' : ''}<th>Indikator</th><th>Tindak lanjut</th><th>Siapa</th><th>Tenggat</th><th>Status</th><th>Perkembangan sejak disepakati</th></tr></thead><tbody>${actions
    .map(
      (a) =>
        `<tr>${withDesa ? `<td>${esc(a.desaNama)}</td>` : ''}<td>${esc(shortName(a.indicator))}</td><td>${esc(a.apa)}</td><td>${esc(a.siapa)}</td>` +
        `<td>${dateId(a.tenggat)}</td><td>${STATUS_LABEL[a.status] ?? a.status}</td><td class="move move--${a.movement.direction}">${esc(a.movement.text)}${a.movement.numeratorText ? `<br><small>${esc(a.movement.numeratorText)}</small>` : ''}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/** A count of people for a table cell: "5", "tercapai" (≤ 0), "–" (does not apply). */
const shortCell = (n: number | null) => (n === null ? '–' : n > 0 ? formatNumberId(n, 0) : 'tercapai');
const notServedCell = (v: DesaIndicatorValue) =>
  v.notYetServed === null
    ? '–'
    : v.notYetServed > 0
      ? formatNumberId(v.notYetServed, 0)
      : v.numerator !== null && v.denominator !== null && v.numerator > v.denominator
        ? 'melebihi sasaran'
        : '0';

function desaPage(
  meeting: MeetingDetail,
  desa: AgendaDesa,
  index: number,
  locator: string,
  notes: string,
  extras: PackDesaExtras | undefined,
): string {
  const lastMonth = meeting.periodeLabel;
  const period = parsePeriod(meeting.periode);
  const pair = monthPair(period);
  // With the month-on-month column, the Δ column (change since the previous period) would repeat it; it stays
  // only for periods without a month pair (a quarter, a year), where the previous period is another span.
  const showDelta = !extras || pair === null;
  const actions = [...meeting.earlierActions, ...meeting.actions].filter((a) => a.desaKode === desa.kode);
  // Missing months usually hit every indicator of a desa alike: say it once in the header.
  const counts = new Map<string, number>();
  for (const v of desa.values)
    counts.set(`${v.reported}/${v.expectedReports}`, (counts.get(`${v.reported}/${v.expectedReports}`) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const [commonReported, commonExpected] = common.split('/').map(Number);
  const rows = [...desa.values]
    .sort((a, b) => (a.attainment ?? Infinity) - (b.attainment ?? Infinity))
    .map((v) => {
      const def = getIndicator(v.indicator);
      const pwsCell = v.pws
        ? `<span class="pws pws--${v.pws}">${PWS_STATUS_LABELS[v.pws].labelId}</span>`
        : def && pwsApplies(def, period) && v.coverage !== null
          ? '<span class="muted">–†</span>'
          : '–';
      const prev =
        v.previousCoverage === null || v.coverage === null
          ? '–'
          : `${v.coverage - v.previousCoverage >= 0 ? '+' : '−'}${formatNumberId(Math.abs(v.coverage - v.previousCoverage))}`;
      return (
        `<tr><td class="name">${esc(def?.short ?? v.indicator)}</td><td class="n">${def?.polarity === 'lower' ? '≤ ' : ''}${esc(pct(v.expected, v.indicator))}</td>` +
        `<td class="n"><b>${esc(pct(v.coverage, v.indicator))}</b></td><td class="n">${v.protection ? `<span class="hidden-count">${esc(v.protection.text)}</span>` : esc(formatFraction(v.numerator, v.denominator))}</td>` +
        `<td class="kelas">${chip(v.class)}${v.over100 ? ' <span class="flag">&gt; 100%: periksa</span>' : ''}${v.reported < v.expectedReports && `${v.reported}/${v.expectedReports}` !== common ? ` <span class="flag">lap. ${v.reported}/${v.expectedReports}</span>` : ''}</td>` +
        `<td class="n">${esc(shortCell(v.shortOfTarget))}</td><td class="n">${esc(notServedCell(v))}</td><td>${pwsCell}</td>` +
        `${showDelta ? `<td class="n">${prev}</td>` : ''}${extras ? `<td class="trends">${trendCell(extras.trends.get(v.indicator)?.bulan)}</td><td class="trends">${trendCell(extras.trends.get(v.indicator)?.tahun)}</td>` : ''}</tr>`
      );
    })
    .join('');
  return `<section class="page desa" data-desa="${esc(desa.kode)}">
  <header class="top"><span>${esc(meeting.judul)} · ${esc(lastMonth)}</span>${meeting.agenda.simulated ? `<span class="badge">${SIMULATED}</span>` : ''}</header>
  <div class="desa-head"><div><p class="step">Desa ${index + 1} dari ${meeting.agenda.desa.length}</p><h2>${esc(desa.nama)}</h2>
  <p class="muted">Kode ${esc(desa.kode)} · <b>${desa.behindCount} dari ${desa.values.length}</b> indikator di bawah target s.d. periode ini${
    commonReported! < commonExpected!
      ? ` · <span class="flag-strong">laporan masuk ${commonReported} dari ${commonExpected} bulan</span>`
      : ''
  }</p></div><div class="locator">${locator}</div></div>
  <table class="ind"><thead><tr><th>Indikator</th><th>Target s.d. periode</th><th>Capaian</th><th>Pembilang/ penyebut</th><th>Kelas</th><th>Kekurangan terhadap target (orang)</th><th>Belum terlayani tahun ini (orang)</th><th>Status PWS${pair ? ` ${shortMonth(pair.thisMonth.toMonth)}` : ''}</th>${showDelta ? '<th>Δ poin*</th>' : ''}${extras ? `<th>${pair ? `${shortMonth(pair.thisMonth.toMonth)} saja vs ${shortMonth(pair.lastMonth.toMonth)}` : 'vs bulan lalu'}</th><th>vs tahun lalu</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>
  <p class="foot">Kelas: capaian ${esc(lastMonth)} terhadap target s.d. periode ini (kriteria dashboard). ${PEOPLE_LABELS.shortOfTarget}: orang yang masih harus dilayani agar capaian mencapai target s.d. periode ini (ada hanya bila kelas di bawah target). ${PEOPLE_LABELS.notYetServed}: sasaran setahun dikurangi yang sudah terlayani sejak Januari. ${showDelta ? `* Perubahan capaian (poin persentase) sejak ${esc(meeting.agenda.previousPeriodeLabel ?? 'periode lalu')}. ` : ''}${extras && pair ? `${shortMonth(pair.thisMonth.toMonth)} saja vs ${shortMonth(pair.lastMonth.toMonth)}: cakupan ${monthName(pair.thisMonth.toMonth)} saja dibanding ${monthName(pair.lastMonth.toMonth)} saja (poin persentase); vs tahun lalu: periode yang sama tahun lalu; – bila tidak ada data. ` : ''}Status PWS (hanya untuk periode Januari s.d. bulan): posisi kumulatif terhadap garis target (sama dengan kelas) × arah cakupan ${pair ? `${monthName(pair.thisMonth.toMonth)} dibanding ${monthName(pair.lastMonth.toMonth)}` : 'bulan ini dibanding bulan lalu'}. –† tidak dapat dihitung: tidak ada laporan salah satu dari dua bulan itu.</p>
  ${
    extras?.charts.length
      ? `<div class="pws-charts">${extras.charts
          .map((c) =>
            pwsChart(
              c,
              period,
              desa.values.find((v) => v.indicator === c.indicator),
              extras.trends.get(c.indicator),
            ),
          )
          .join('')}</div>`
      : // The PWS charts take the place of the bar chart of all indicators (the table already lists them): one A4 page.
        barChart(desa.values)
  }
  <h3>Tindak lanjut</h3>${actionRows(actions, false)}
  ${notes ? `<h3>Catatan rapat</h3><p class="note">${esc(notes)}</p>` : ''}
</section>`;
}

/** " · kekurangan terhadap target: 5 ibu hamil" (the persons short of the line; never the other count). */
function behindShort(b: MeetingDetail['agenda']['behind'][number]): string {
  const def = getIndicator(b.indicator);
  const text = def ? shortOfTargetText(def, b.shortOfTarget) : null;
  return text && b.shortOfTarget !== null && b.shortOfTarget > 0 ? ` · kekurangan terhadap target: ${esc(text)}` : '';
}

/**
 * How a worsened item reads, in the indicator's own terms: "K4: 95% → 82% dari target s.d. periode" for higher is
 * better; for lower is better the values themselves with the direction that is bad: "Stunting: 12,0% → 17,0% (naik;
 * batas ≤ 14,0%)" — never "168% → 82% dari target", which reads as a fall.
 */
export function worsenedText(w: MeetingDetail['agenda']['worsened'][number]): string {
  const def = getIndicator(w.indicator);
  const name = def?.short ?? w.indicator;
  if (def?.polarity === 'lower' && w.previousCoverage !== null && w.coverage !== null) {
    return `${name}: ${pct(w.previousCoverage, w.indicator)} → ${pct(w.coverage, w.indicator)} (naik; batas ≤ ${pct(def.target, w.indicator)})`;
  }
  return `${name}: ${formatNumberId(w.previousAttainment, 0)}% → ${formatNumberId(w.attainment, 0)}% dari target s.d. periode`;
}

export interface PackInput {
  meeting: MeetingDetail;
  /** Display geometry of the desa of the wilayah. */
  features: ShapeFeature[];
  /** "12 Januari 2027 10.15" */
  printedAt: string;
  /** Per desa kode: PWS charts and trends (absent: the pages show the stored agenda only). */
  extras?: Map<string, PackDesaExtras>;
}

export function meetingPackHtml({ meeting, features, printedAt, extras }: PackInput): string {
  const agenda = meeting.agenda;
  const lead = leadIndicator(agenda);
  const classOf = new Map(
    agenda.desa.map((d) => [d.kode, d.values.find((v) => v.indicator === lead)?.class ?? 'no-data']),
  );
  const fill = (kode: string) =>
    classOf.get(kode) === 'disembunyikan'
      ? 'url(#disembunyikan)'
      : PALETTE.attainment[(classOf.get(kode) ?? 'no-data') as keyof typeof PALETTE.attainment];
  const anyHidden = agenda.desa.some((d) => d.values.some((v) => v.protection));
  const cover = mapShape(features, 760, 520, 10);
  const small = mapShape(features, 200, 140, 4);
  const numbers = new Map(agenda.desa.map((d, i) => [d.kode, i + 1]));
  const notesFor = (key: string) =>
    meeting.notes
      .filter((n) => n.itemKey === key)
      .map((n) => n.text)
      .join('\n\n');
  const allActions = [...meeting.earlierActions, ...meeting.actions];
  const list = (items: string[]) =>
    items.length ? `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>` : '<p class="muted">Tidak ada.</p>';

  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(`Paket rapat — ${meeting.judul}`)}</title><style>
@page { size: A4; margin: 10mm 11mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 0; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
h1 { font-size: 24pt; margin: 0 0 4mm; } h2 { font-size: 18pt; margin: 0 0 1mm; } h3 { font-size: 11pt; margin: 3mm 0 1.5mm; }
.top { display: flex; justify-content: space-between; font-size: 8.5pt; color: #555; border-bottom: 1px solid #ccc; padding-bottom: 1.5mm; margin-bottom: 4mm; }
.badge { background: #fff3cd; color: #6b4e00; border: 1px solid #e0b000; border-radius: 3px; padding: 0 2mm; font-weight: 700; }
.muted { color: #555; } .step { margin: 0; color: #555; font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; }
.cover .meta { font-size: 12pt; margin: 0 0 4mm; } .cover .meta b { display: inline-block; min-width: 34mm; }
.cover figure { margin: 0; border: 1px solid #ccc; padding: 2mm; }
.legend { list-style: none; display: flex; gap: 5mm; padding: 0; margin: 2mm 0; font-size: 9pt; }
.sw { display: inline-block; width: 4mm; height: 3mm; margin-right: 1.5mm; vertical-align: middle; border: 1px solid #888; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; }
th, td { border-bottom: 1px solid #ddd; padding: 0.7mm 1.2mm; text-align: left; vertical-align: top; }
/* The desa table fits one line per indicator (20 indicators and the PWS charts on one A4 page). */
table.ind td { font-size: 7.5pt; padding: 0.4mm 1mm; white-space: nowrap; } table.ind td.name, table.ind td.kelas { white-space: normal; } table.ind td.name { min-width: 21mm; }
table.ind th { font-size: 7.5pt; padding: 0.5mm 1mm; }
.chart svg { max-height: 42mm; }
.pws-charts { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; margin: 2mm 0 0; }
.pws-chart { margin: 0; } .pws-chart figcaption { font-size: 8pt; color: #333; }
.pws-svg { max-height: 36mm; } .pws-line { font-size: 8.5pt; margin: 0.5mm 0 0; }
td.trends { font-size: 7.5pt; white-space: nowrap; } .trend--baik { color: #1b5e20; } .trend--buruk { color: #b2182b; }
.foot { font-size: 7.5pt; color: #555; margin: 1mm 0 0; }
.flag-strong { color: #8a4b00; font-weight: 700; }
th { background: #f1f3f5; font-size: 8.5pt; } td.n { text-align: right; white-space: nowrap; }
.chip { display: inline-block; padding: 0 1.5mm; border-radius: 2px; font-size: 8pt; white-space: nowrap; }
.chip--baik { background: #2166ac; color: #fff; } .chip--cukup { background: #fdb863; } .chip--kurang { background: #b2182b; color: #fff; }
.chip--no-data, .chip--netral { background: #e6e6e6; }
.flag { font-size: 7.5pt; color: #8a4b00; white-space: nowrap; }
.pws { font-weight: 700; } .pws--baik { color: #1b5e20; } .pws--kurang { color: #8a4b00; } .pws--cukup { color: #6b5a00; } .pws--jelek { color: #b2182b; }
.desa-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; margin-bottom: 3mm; }
.locator { width: 34mm; flex: none; border: 1px solid #ddd; }
.chart { margin: 3mm 0 0; } .chart figcaption { font-size: 8.5pt; color: #555; }
.move--naik { color: #1b5e20; } .move--turun { color: #b2182b; }
.note { white-space: pre-wrap; border-left: 3px solid #999; padding-left: 3mm; }
.summary ol { margin: 0; padding-left: 6mm; } .summary li { margin-bottom: 1mm; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
</style></head><body>
<section class="page cover">
  <header class="top"><span>Peta Situasi Kesehatan Desa · dicetak ${esc(printedAt)}</span>${agenda.simulated ? `<span class="badge">${SIMULATED}</span>` : ''}</header>
  <p class="step">${esc(meeting.jenisLabel)}</p>
  <h1>${esc(meeting.judul)}</h1>
  <p class="meta"><b>Tanggal</b> ${dateId(meeting.tanggal)}<br><b>Wilayah</b> ${esc(/^kecamatan\s/i.test(agenda.wilayah.nama) ? agenda.wilayah.nama : `Kecamatan ${agenda.wilayah.nama}`)} (${esc(agenda.wilayah.kode)})<br>
  <b>Periode data</b> ${esc(meeting.periodeLabel)}<br><b>Peserta</b> ${meeting.peserta.length ? meeting.peserta.map((p) => esc(p.peran ? `${p.nama} (${p.peran})` : p.nama)).join(', ') : '–'}</p>
  <figure>${mapSvg(cover, fill, { numbers })}
  <figcaption><b>${esc(lead ? `Cakupan ${shortName(lead)}, ${meeting.periodeLabel}` : meeting.periodeLabel)}</b> — terhadap target s.d. periode ini (kriteria dashboard, bukan ketentuan resmi). Angka = urutan desa dalam paket ini.${legend(anyHidden)}</figcaption></figure>
</section>
<section class="page summary">
  <header class="top"><span>${esc(meeting.judul)} · ${esc(meeting.periodeLabel)}</span>${agenda.simulated ? `<span class="badge">${SIMULATED}</span>` : ''}</header>
  <h2>Agenda</h2>
  <div class="cols"><div>
  <h3>Paling jauh di bawah target s.d. periode ini</h3>
  ${list(agenda.behind.map((b) => `<b>${esc(b.desaNama)}</b> — ${esc(shortName(b.indicator))}: ${esc(pct(b.coverage, b.indicator))}, ${getIndicator(b.indicator)?.polarity === 'lower' ? 'batas ≤' : 'target s.d. periode'} ${esc(pct(b.expected, b.indicator))}${behindShort(b)}`))}
  <h3>Paling memburuk sejak ${esc(agenda.previousPeriodeLabel ?? 'periode lalu')} (kini di bawah target)</h3>
  ${list(agenda.worsened.map((w) => `<b>${esc(w.desaNama)}</b> — ${esc(worsenedText(w))}`))}
  </div><div>
  <h3>Masalah kualitas data</h3>
  ${list(
    agenda.dataQuality.map(
      (d) =>
        `<b>${esc(d.desaNama)}</b> — ${
          d.kind === 'laporan'
            ? `laporan belum lengkap: ${d.indicators.map((i) => `${esc(shortName(i.indicator))} ${i.reported}/${i.expectedReports} bulan`).join(', ')}`
            : `capaian di atas 100%: ${d.indicators.map((i) => `${esc(shortName(i.indicator))} ${esc(pct(i.coverage, i.indicator))}`).join(', ')} (periksa sasaran/pencatatan)`
        }`,
    ),
  )}
  <h3>Tindak lanjut terbuka dari rapat sebelumnya</h3>
  ${list(meeting.earlierActions.map((a) => `<b>${esc(a.desaNama)}</b> — ${esc(shortName(a.indicator))}: ${esc(a.apa)} (${esc(a.siapa)}) — ${esc(a.movement.text)}`))}
  </div></div>
  ${notesFor('ringkasan') ? `<h3>Catatan rapat</h3><p class="note">${esc(notesFor('ringkasan'))}</p>` : ''}
</section>
${agenda.desa
  .map((d, i) =>
    desaPage(
      meeting,
      d,
      i,
      mapSvg(small, () => '#e5e5e5', { highlight: d.kode }),
      notesFor(`desa:${d.kode}`),
      extras?.get(d.kode),
    ),
  )
  .join('\n')}
<section class="page">
  <header class="top"><span>${esc(meeting.judul)} · ${esc(meeting.periodeLabel)}</span>${agenda.simulated ? `<span class="badge">${SIMULATED}</span>` : ''}</header>
  <h2>Daftar tindak lanjut</h2>
  ${actionRows(allActions, true)}
  ${notesFor('tindak-lanjut') ? `<h3>Catatan</h3><p class="note">${esc(notesFor('tindak-lanjut'))}</p>` : ''}
</section>
</body></html>`;
}
