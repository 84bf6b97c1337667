// The printed meeting pack: the meeting, its map (the kecamatan's desa or the desa of the puskesmas' wilayah kerja),
// and what the desa pages add to the stored agenda (packExtras) → one HTML document (pack-html.ts), which the bounded
// PDF printer (pdf.ts) turns into A4.
import {
  chartIndicators,
  getIndicator,
  monthPair,
  parsePeriod,
  sameLastYearPeriod,
  seriesUpTo,
  trendOf,
  type IndicatorDef,
  type Period,
} from '@peta/domain';
import type { MeetingDetail } from '@peta/domain/contract';
import { DomainError } from '../errors.ts';
import type { ValuesService } from '../values/values-service.ts';
import type { WilayahRepository } from '../wilayah/wilayah-repository.ts';
import { areaRows, valueRows, type MeetingArea } from './meeting-area.ts';
import type { MeetingsService } from './meetings-service.ts';
import { meetingPackHtml, type PackDesaExtras } from './pack-html.ts';
import { ChromiumUnavailableError, type PdfPrinter } from './pdf.ts';

type PackValues = Pick<ValuesService, 'childValues' | 'series'>;

/** What a reader outside the meeting's area sees: the meeting and the values the pack adds, protected (reader-view.ts). */
export interface PackView {
  meeting(detail: MeetingDetail): Promise<MeetingDetail>;
  values: PackValues;
}

export function packService(deps: {
  meetings: Pick<MeetingsService, 'detail'>;
  wilayah: WilayahRepository;
  values: Pick<ValuesService, 'childValues' | 'series'>;
  printer: PdfPrinter;
}) {
  const { wilayah } = deps;

  /**
   * What the desa pages of the printed pack add to the stored agenda: per desa the PWS chart (Jan..month of the
   * meeting year) of its indicators furthest behind, and per indicator the trend against last month — month m alone
   * against month m − 1 alone, from the agenda's snapshot (the numbers its PWS status read), or from the values as
   * they are now for agendas stored before issue 15 — and against the same period last year.
   */
  async function packExtras(meeting: MeetingDetail, values: PackValues): Promise<Map<string, PackDesaExtras>> {
    const period = parsePeriod(meeting.periode);
    const pair = monthPair(period);
    const lastYear = sameLastYearPeriod(period);
    const rows = valueRows(values);
    const area: Pick<MeetingArea, 'kind' | 'kode' | 'desa'> = {
      kind: meeting.puskesmasKode ? 'puskesmas' : 'kecamatan',
      kode: meeting.puskesmasKode ?? meeting.wilayahKode,
      desa: meeting.desaKodes,
    };
    const coverageAt = async (def: IndicatorDef, p: Period | null) =>
      new Map(p ? (await areaRows(rows, def, p, area)).map((r) => [r.kode, r.coverage] as const) : []);
    const snapshotHasMonths = meeting.agenda.desa.some((d) =>
      d.values.some((v) => v.monthCoverage !== null || v.previousMonthCoverage !== null),
    );
    const live = pair !== null && !snapshotHasMonths;
    const earlier = new Map<
      string,
      {
        thisMonth: Map<string, number | null>;
        lastMonth: Map<string, number | null>;
        tahun: Map<string, number | null>;
      }
    >();
    for (const code of new Set(meeting.agenda.desa.flatMap((d) => d.values.map((v) => v.indicator)))) {
      const def = getIndicator(code);
      if (!def) continue;
      const [thisMonth, lastMonth, tahun] = await Promise.all([
        coverageAt(def, live ? pair.thisMonth : null),
        coverageAt(def, live ? pair.lastMonth : null),
        coverageAt(def, lastYear),
      ]);
      earlier.set(code, { thisMonth, lastMonth, tahun });
    }
    const areas = new Map((await wilayah.findMany(meeting.agenda.desa.map((d) => d.kode))).map((w) => [w.kode, w]));
    const out = new Map<string, PackDesaExtras>();
    for (const desa of meeting.agenda.desa) {
      const trends = new Map(
        desa.values.map((v) => {
          const def = getIndicator(v.indicator) ?? { unit: 'percent' as const, polarity: 'context' as const };
          const e = earlier.get(v.indicator);
          const [thisMonth, lastMonth] = live
            ? [e?.thisMonth.get(desa.kode) ?? null, e?.lastMonth.get(desa.kode) ?? null]
            : [v.monthCoverage, v.previousMonthCoverage];
          return [
            v.indicator,
            {
              bulan: trendOf(pair ? thisMonth : null, pair ? lastMonth : null, 'bulan', def),
              tahun: trendOf(v.coverage, e?.tahun.get(desa.kode) ?? null, 'tahun', def),
            },
          ] as const;
        }),
      );
      const desaArea = areas.get(desa.kode);
      const charts = desaArea
        ? await Promise.all(
            chartIndicators(desa).flatMap((code) => {
              const def = getIndicator(code);
              return def
                ? [
                    values.series(def, desaArea, period.year).then((s) => ({
                      indicator: code,
                      year: period.year,
                      months: seriesUpTo(s.months, period.toMonth),
                    })),
                  ]
                : [];
            }),
          )
        : [];
      out.set(desa.kode, { charts, trends });
    }
    return out;
  }

  /**
   * The pack of meeting `id` as HTML (the same document the PDF prints). `view`: the reader's protected view (issue 18)
   * of the meeting and of the values the pack adds; without it the pack is exact (participants).
   */
  async function html(id: number, view?: PackView): Promise<{ meeting: MeetingDetail; html: string }> {
    const stored = await deps.meetings.detail(id);
    const meeting = view ? await view.meeting(stored) : stored;
    // The pack's map: the kecamatan's desa, or the desa of the puskesmas' wilayah kerja.
    const [geometries, desa] = meeting.puskesmasKode
      ? await Promise.all([wilayah.geometriesOf(meeting.desaKodes), wilayah.findMany(meeting.desaKodes)])
      : await Promise.all([wilayah.childGeometries(meeting.wilayahKode), wilayah.children(meeting.wilayahKode)]);
    const labels = new Map(desa.map((c) => [c.kode, c.label]));
    const features = geometries.map((g) => ({
      kode: g.kode,
      nama: g.nama,
      geometry: JSON.parse(g.geojson),
      label: labels.get(g.kode) ?? null,
    }));
    const printedAt = new Date().toLocaleString('id-ID', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Asia/Jakarta',
    });
    const extras = await packExtras(meeting, view?.values ?? deps.values);
    return { meeting, html: meetingPackHtml({ meeting, features, printedAt, extras }) };
  }

  return {
    html,

    /**
     * The pack as an A4 PDF, within the printer's bounds (PDF_CONCURRENCY, PDF_QUEUE, PDF_TIMEOUT_SECONDS: busy with
     * Retry-After); unavailable when this server cannot run Chromium. Returns the file name too.
     */
    async pdf(id: number, view?: PackView): Promise<{ bytes: Buffer; fileName: string }> {
      let meeting: MeetingDetail | undefined;
      let bytes: Buffer;
      try {
        bytes = await deps.printer.print(async () => {
          const pack = await html(id, view);
          meeting = pack.meeting;
          return pack.html;
        });
      } catch (error) {
        if (error instanceof ChromiumUnavailableError) {
          throw new DomainError(
            'unavailable',
            'PDF_UNAVAILABLE',
            `PDF tidak dapat dibuat di server ini: ${error.message}`,
          );
        }
        throw error;
      }
      return { bytes, fileName: `rapat-${meeting!.id}-${meeting!.wilayahKode}-${meeting!.tanggal}.pdf` };
    },
  };
}

export type PackService = ReturnType<typeof packService>;
