// Periods of the exchange formats ↔ our periods (../indicators/period.ts).
//   DHIS2  monthly 202610, quarterly 2026Q3, yearly 2026 (docs.dhis2.org, Web API "Date and period format").
//   ADX    ISO 8601 start/duration: 2026-10-01/P1M, 2026-07-01/P3M, 2026-01-01/P1Y (IHE QRPH ADX §8.x; the DHIS2
//          "ADX data format" table lists the same forms); a PWS range January..October is 2026-01-01/P10M.
//   FHIR   MeasureReport.period start/end dates: 2026-10-01 .. 2026-10-31.
// Values are stored per month, so an IMPORT needs one month; a quarter or a year is refused with the reason rather
// than spread over months by a guess. An EXPORT writes any of our periods the format can express.
import { monthPeriod, quarterPeriod, rangePeriod, yearPeriod, type Period } from '../indicators/period.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export type PeriodReading = { ok: true; period: Period } | { ok: false; message: string };

const ok = (period: Period): PeriodReading => ({ ok: true, period });
const no = (message: string): PeriodReading => ({ ok: false, message });

/** Other DHIS2 period types, recognised only to say precisely why they are refused. */
const DHIS2_OTHER: readonly [RegExp, string][] = [
  [/^\d{8}$/, 'harian'],
  [/^\d{4}-?W\d{1,2}$/i, 'mingguan'],
  [/^\d{4}(Wed|Thu|Sat|Sun)W\d{1,2}$/i, 'mingguan'],
  [/^\d{4}BiW\d{1,2}$/i, 'dua mingguan'],
  [/^\d{6}B$/i, 'dua bulanan'],
  [/^\d{4}(April|Nov)?S[12]$/i, 'semesteran'],
  [/^\d{4}(April|July|Oct|Nov)$/i, 'tahun anggaran'],
];

/** A DHIS2 period code: 202610 → Oktober 2026, 2026Q3 → Triwulan III 2026, 2026 → 2026. */
export function parseDhis2Period(code: string): PeriodReading {
  const s = code.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})$/.exec(s)) || (m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return no(`Periode DHIS2 "${s}": bulan harus 01–12.`);
    return ok(monthPeriod(Number(m[1]), month));
  }
  if ((m = /^(\d{4})Q([1-4])$/i.exec(s))) return ok(quarterPeriod(Number(m[1]), Number(m[2])));
  if ((m = /^(\d{4})$/.exec(s))) return ok(yearPeriod(Number(m[1])));
  const other = DHIS2_OTHER.find(([re]) => re.test(s));
  if (other)
    return no(
      `Periode DHIS2 "${s}" adalah periode ${other[1]}; dasbor menyimpan nilai per bulan: kirim nilai bulanan (misalnya 202610).`,
    );
  return no(`Periode DHIS2 tidak dikenali: "${s}". Contoh: 202610 (bulan), 2026Q3 (triwulan), 2026 (tahun).`);
}

/** Our period as a DHIS2 period code; null for a range that is not a DHIS2 period type (Januari–Oktober). */
export function dhis2PeriodOf(period: Pick<Period, 'kind' | 'year' | 'fromMonth' | 'toMonth'>): string | null {
  switch (period.kind) {
    case 'month':
      return `${period.year}${pad(period.fromMonth)}`;
    case 'quarter':
      return `${period.year}Q${Math.ceil(period.toMonth / 3)}`;
    case 'year':
      return String(period.year);
    case 'cumulative':
      if (period.fromMonth === period.toMonth) return `${period.year}${pad(period.fromMonth)}`;
      return null;
  }
}

/**
 * An ADX period, ISO 8601 "start/duration". Start is a date (a date-time is read by its date); durations in months
 * or years inside one calendar year starting on day 01: P1M = that month, P3M on a quarter start = the quarter,
 * P1Y or P12M on 1 January = the year, any other PnM = the months from..to (PWS range).
 */
export function parseAdxPeriod(text: string): PeriodReading {
  const s = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\/P(?:(\d{1,3})([MYWD]))$/i.exec(s);
  if (!m)
    return no(
      `Periode ADX tidak dikenali: "${s}". Tulis tanggal awal/durasi ISO 8601, misalnya 2026-10-01/P1M (Oktober 2026).`,
    );
  const [year, month, day, n, unit] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), m[5]!.toUpperCase()];
  if (month < 1 || month > 12) return no(`Periode ADX "${s}": bulan harus 01–12.`);
  if (unit === 'D' || unit === 'W') {
    return no(
      `Periode ADX "${s}" dihitung dalam ${unit === 'D' ? 'hari' : 'minggu'}; dasbor menyimpan nilai per bulan (2026-10-01/P1M).`,
    );
  }
  if (day !== 1) return no(`Periode ADX "${s}" tidak mulai pada tanggal 1; dasbor menyimpan nilai per bulan kalender.`);
  const months = unit === 'Y' ? n * 12 : n;
  if (months < 1) return no(`Periode ADX "${s}": durasi harus paling sedikit satu bulan.`);
  const toMonth = month + months - 1;
  if (toMonth > 12) return no(`Periode ADX "${s}" melewati akhir tahun ${year}; kirim per tahun kalender.`);
  if (months === 1) return ok(monthPeriod(year, month));
  if (months === 3 && month % 3 === 1) return ok(quarterPeriod(year, (month + 2) / 3));
  if (months === 12) return ok(yearPeriod(year));
  return ok(rangePeriod(year, month, toMonth));
}

/** Our period in ADX form: 2026-10-01/P1M, 2026-07-01/P3M, 2026-01-01/P1Y, 2026-01-01/P10M. */
export function adxPeriodOf(period: Pick<Period, 'kind' | 'year' | 'fromMonth' | 'toMonth'>): string {
  const start = `${period.year}-${pad(period.fromMonth)}-01`;
  if (period.kind === 'year') return `${start}/P1Y`;
  return `${start}/P${period.toMonth - period.fromMonth + 1}M`;
}

/** First and last day of the period (FHIR MeasureReport.period). */
export function periodDates(period: Pick<Period, 'year' | 'fromMonth' | 'toMonth'>): { start: string; end: string } {
  const lastDay = new Date(Date.UTC(period.year, period.toMonth, 0)).getUTCDate();
  return {
    start: `${period.year}-${pad(period.fromMonth)}-01`,
    end: `${period.year}-${pad(period.toMonth)}-${pad(lastDay)}`,
  };
}

/** A FHIR period back to ours: whole calendar months of one year (start on day 1, end on a month's last day). */
export function periodFromDates(start: string, end: string): PeriodReading {
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(start);
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(end);
  if (!a || !b) return no(`Periode FHIR tidak dapat dibaca: ${start} s.d. ${end}.`);
  const [y1, m1, d1, y2, m2, d2] = [a[1], a[2], a[3], b[1], b[2], b[3]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  if (y1 !== y2 || d1 !== 1 || d2 !== lastDay || m1 > m2 || m1 < 1 || m2 > 12) {
    return no(`Periode FHIR ${start} s.d. ${end} bukan bulan kalender utuh dalam satu tahun.`);
  }
  return parseAdxPeriod(`${start.slice(0, 10)}/P${m2 - m1 + 1}M`);
}
