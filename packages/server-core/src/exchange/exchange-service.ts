// Our values in the formats of other systems (issue 19): DHIS2 dataValueSets (JSON, CSV) and IHE ADX per desa and
// month, FHIR R4 MeasureReports per wilayah and period, FHIR Measures of the catalogue. The writers are the domain's
// (packages/domain/src/exchange); this service only gathers the values.
//   - DHIS2 and ADX carry stored desa × month values of the period, REAL cells only (a simulated demo month is never
//     sent to another system as data), under the catalogue mapping (<KODE>_PEMBILANG / <KODE>_PENYEBUT, orgUnit = kode).
//   - FHIR carries the roll-up the dashboard shows for each child of the wilayah (Σ numerators ÷ Σ denominators as
//     used, sasaran included), leaving out children without a report or with a simulated cell.
import {
  catalogueMapping,
  INDICATORS,
  monthPeriod,
  writeAdx,
  writeDhis2Csv,
  writeDhis2Json,
  writeFhirBundle,
  writeMeasureBundle,
  type ExchangeValue,
  type IndicatorDef,
  type Period,
} from '@peta/domain';
import { DomainError } from '../errors.ts';
import type { ValuesService } from '../values/values-service.ts';
import type { WilayahService } from '../wilayah/wilayah-service.ts';

/** Values per answer: the readers' own bound (DEFAULT_EXCHANGE_LIMITS), so an export can always be read back. */
export const MAX_EXPORT_VALUES = 500_000;

export interface ExchangeExportRequest {
  wilayah: string;
  period: Period;
  /** Empty: every indicator of the catalogue. */
  indicators: readonly IndicatorDef[];
}

export type ExchangeExportFormat = 'dhis2-json' | 'dhis2-csv' | 'adx';

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: string;
  /**
   * What the file holds and what it leaves out, so the answer can say it plainly (an export of demo months is empty):
   * real cells written (desa × indicator × month; FHIR: wilayah × indicator) and cells left out as simulated.
   */
  counts?: { real: number; simulated: number };
}

const CONTENT_TYPES: Record<ExchangeExportFormat | 'fhir', { type: string; ext: string }> = {
  'dhis2-json': { type: 'application/json; charset=utf-8', ext: 'json' },
  'dhis2-csv': { type: 'text/csv; charset=utf-8', ext: 'csv' },
  adx: { type: 'application/adx+xml; charset=utf-8', ext: 'xml' },
  fhir: { type: 'application/fhir+json; charset=utf-8', ext: 'json' },
};

const tooMany = (count: number) =>
  new DomainError(
    'too-large',
    'EXPORT_TOO_LARGE',
    `Ekspor ini memuat lebih dari ${MAX_EXPORT_VALUES.toLocaleString('id-ID')} nilai (${count.toLocaleString('id-ID')} sejauh ini): pilih wilayah yang lebih kecil, lebih sedikit indikator atau bulan.`,
  );

export function exchangeService(
  values: Pick<ValuesService, 'desaYears' | 'childValues'>,
  areas: Pick<WilayahService, 'requireWilayah'>,
  now: () => Date,
) {
  const indicatorsOf = (req: ExchangeExportRequest) => (req.indicators.length ? req.indicators : INDICATORS);
  const fileName = (req: ExchangeExportRequest, kind: ExchangeExportFormat | 'fhir') =>
    `${kind}-${req.wilayah}-${req.period.code.replace('..', '_')}.${CONTENT_TYPES[kind].ext}`;

  /** Real desa × month values under the wilayah in the period, and how many simulated cells were left out. */
  async function desaMonths(req: ExchangeExportRequest): Promise<{ rows: ExchangeValue[]; simulated: number }> {
    const area = await areas.requireWilayah(req.wilayah);
    const out: ExchangeValue[] = [];
    let simulated = 0;
    for (const def of indicatorsOf(req)) {
      const counted = def.denominator.kind === 'counted';
      for (const d of await values.desaYears(def, area.kode, req.period.year)) {
        if (!d.row) continue;
        for (let m = req.period.fromMonth; m <= req.period.toMonth; m++) {
          const numerator = d.row.numerators[m - 1];
          if (numerator == null) continue;
          if (d.row.monthSimulated[m - 1] === true) {
            simulated++;
            continue;
          }
          out.push({
            kode: d.kode,
            indikator: def.code,
            period: monthPeriod(req.period.year, m),
            pembilang: numerator,
            penyebut: counted ? (d.row.denominators?.[m - 1] ?? null) : null,
          });
          if (out.length > MAX_EXPORT_VALUES) throw tooMany(out.length);
        }
      }
    }
    return { rows: out, simulated };
  }

  return {
    /** DHIS2 dataValueSet (JSON or CSV) or ADX of the real desa months. */
    async dataValues(req: ExchangeExportRequest, format: ExchangeExportFormat): Promise<ExportFile> {
      const { rows, simulated } = await desaMonths(req);
      const mapping = catalogueMapping();
      const body =
        format === 'dhis2-json'
          ? writeDhis2Json(rows, mapping)
          : format === 'dhis2-csv'
            ? writeDhis2Csv(rows, mapping)
            : writeAdx(rows, mapping, { exported: now() });
      return {
        contentType: CONTENT_TYPES[format].type,
        fileName: fileName(req, format),
        body,
        counts: { real: rows.length, simulated },
      };
    },

    /** A FHIR Bundle: the Measures of the indicators, then one MeasureReport per child of the wilayah with data. */
    async measureReports(req: ExchangeExportRequest, baseUrl: string): Promise<ExportFile> {
      const area = await areas.requireWilayah(req.wilayah);
      const reports: ExchangeValue[] = [];
      let simulated = 0;
      for (const def of indicatorsOf(req)) {
        for (const row of await values.childValues(def, req.period, area.kode)) {
          if (row.numerator === null) continue;
          if (row.simulated) {
            simulated++;
            continue;
          }
          reports.push({
            kode: row.kode,
            nama: row.nama,
            indikator: def.code,
            period: req.period,
            pembilang: row.numerator,
            penyebut: row.denominator,
          });
          if (reports.length > MAX_EXPORT_VALUES) throw tooMany(reports.length);
        }
      }
      return {
        contentType: CONTENT_TYPES.fhir.type,
        fileName: fileName(req, 'fhir'),
        body: writeFhirBundle(reports, { baseUrl, generated: now(), withMeasures: true }),
        counts: { real: reports.length, simulated },
      };
    },

    /** The Measures of the whole catalogue. */
    measures(baseUrl: string): ExportFile {
      return {
        contentType: CONTENT_TYPES.fhir.type,
        fileName: 'measure-katalog.json',
        body: writeMeasureBundle({ baseUrl, generated: now() }),
      };
    },
  };
}

export type ExchangeService = ReturnType<typeof exchangeService>;
