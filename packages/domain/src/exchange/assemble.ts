// From data values (one number per data element × option combo × orgUnit × period, as DHIS2 and ADX carry them) to
// long rows (one row per desa × month × indicator with pembilang and penyebut). Shared by every reader, so the
// rules are the same whatever the format:
//   - a value's data element must be mapped, else it is skipped and reported once per data element (warning);
//   - its orgUnit must resolve to a kode, its period must be ONE month (values are stored per month);
//   - its value must be a whole number ≥ 0 in machine notation (parseExchangeCount), an empty value is no report;
//   - the same data value twice is an error; values mapped to the same indicator role are summed (disaggregations);
//   - a denominator without a numerator is an error (the numerator is the report).
import type { ExchangeIssueCode } from './issues.ts';
import { ExchangeIssues } from './issues.ts';
import { sortLongRows, type LongRow } from './long-rows.ts';
import { describeRule, orgUnitReader, ruleMatcher, type DataValueKey, type ExchangeMapping } from './mapping.ts';
import type { PeriodReading } from './periods.ts';
import { parseExchangeCount } from './values.ts';

export interface DataValueIn extends DataValueKey {
  orgUnit: string;
  period: string;
  value: string;
  attributeOptionCombo?: string | null;
  deleted?: boolean;
  /** Where it is in the file: line (null for JSON) and position ("dataValues[3]", "<dataValue>"). */
  row: number | null;
  column: string;
}

export interface ExchangeSummary {
  /** Data values read from the file. */
  dataValues: number;
  /** Used in a row. */
  used: number;
  /** Skipped: data element (or option combo) not in the mapping, or another attribute option combo. */
  unmapped: number;
  /** Skipped: no value. */
  empty: number;
  /** Skipped: marked deleted. */
  deleted: number;
  /** Long rows produced. */
  rows: number;
}

export interface ExchangeRead {
  rows: LongRow[];
  errors: ExchangeIssues['errors'];
  warnings: ExchangeIssues['warnings'];
  errorCount: number;
  summary: ExchangeSummary;
}

interface Cell {
  kode: string;
  periode: string;
  indikator: string;
  pembilang: number | null;
  penyebut: number | null;
  sumber: LongRow['sumber'] | null;
  denominatorAt: LongRow['sumber'] | null;
}

/** Accumulates data values of one file; `finish` gives the rows. */
export class DataValueAssembler {
  readonly issues: ExchangeIssues;
  private readonly match: ReturnType<typeof ruleMatcher>;
  private readonly orgUnitOf: ReturnType<typeof orgUnitReader>;
  private readonly cells = new Map<string, Cell>();
  private readonly seen = new Map<string, string>();
  private readonly unmapped = new Map<string, { count: number; row: number | null; column: string }>();
  private readonly otherAoc = new Map<string, number>();
  private readonly periods = new Map<string, PeriodReading>();
  readonly summary: ExchangeSummary = { dataValues: 0, used: 0, unmapped: 0, empty: 0, deleted: 0, rows: 0 };

  constructor(
    private readonly mapping: ExchangeMapping,
    private readonly readPeriod: (text: string) => PeriodReading,
    private readonly maxDataValues: number,
    issues = new ExchangeIssues(),
  ) {
    this.issues = issues;
    this.match = ruleMatcher(mapping);
    this.orgUnitOf = orgUnitReader(mapping);
  }

  /** False once the file has more data values than allowed (the caller stops reading). */
  add(v: DataValueIn): boolean {
    this.summary.dataValues++;
    if (this.summary.dataValues > this.maxDataValues) {
      this.issues.error(
        v.row,
        v.column,
        'EXCHANGE_TOO_LARGE',
        `Berkas memuat lebih dari ${this.maxDataValues.toLocaleString('id-ID')} data value; bagi berkas per bulan atau per wilayah.`,
      );
      return false;
    }
    const err = (code: ExchangeIssueCode, message: string) => this.issues.error(v.row, v.column, code, message);
    if (v.deleted) {
      this.summary.deleted++;
      return true;
    }
    if (this.mapping.attributeOptionCombo && (v.attributeOptionCombo ?? '') !== this.mapping.attributeOptionCombo) {
      this.summary.unmapped++;
      this.otherAoc.set(v.attributeOptionCombo ?? '', (this.otherAoc.get(v.attributeOptionCombo ?? '') ?? 0) + 1);
      return true;
    }
    const found = this.match(v);
    if (found === null) {
      this.summary.unmapped++;
      const key = describeRule(v);
      const u = this.unmapped.get(key);
      if (u) u.count++;
      else this.unmapped.set(key, { count: 1, row: v.row, column: v.column });
      return true;
    }
    if (found.rule === null) {
      err(
        'MAPPING_INVALID',
        `Data value ${describeRule(v)} cocok dengan beberapa aturan pemetaan yang berbeda tujuan (${found.ambiguous.map((r) => `${r.indikator}/${r.peran}`).join(', ')}); perjelas pemetaannya.`,
      );
      return true;
    }
    const rule = found.rule;
    const kode = this.orgUnitOf(v.orgUnit);
    if (!kode) {
      err(
        'EXCHANGE_ORGUNIT_UNKNOWN',
        this.mapping.orgUnit === 'kode'
          ? `orgUnit "${v.orgUnit}" bukan kode wilayah Kemendagri (misalnya 12.10.09.2001 atau 1210092001) dan tidak ada di tabel orgUnits pemetaan.`
          : `orgUnit "${v.orgUnit}" tidak ada di tabel orgUnits pemetaan "${this.mapping.nama}".`,
      );
    }
    // Every value of an ADX group or a DHIS2 month carries the same period text: read each text once.
    let period = this.periods.get(v.period);
    if (!period) {
      period = this.readPeriod(v.period);
      if (this.periods.size < 10_000) this.periods.set(v.period, period);
    }
    let periode: string | null = null;
    if (!period.ok) err('EXCHANGE_PERIOD', period.message);
    else if (period.period.fromMonth !== period.period.toMonth) {
      err(
        'EXCHANGE_PERIOD',
        `Periode "${v.period}" (${period.period.label}) lebih dari satu bulan: nilai disimpan per bulan, kirim data bulanan.`,
      );
    } else periode = `${period.period.year}-${String(period.period.fromMonth).padStart(2, '0')}`;

    const trimmed = v.value.trim();
    if (!trimmed) {
      this.summary.empty++;
      return true;
    }
    const parsed = parseExchangeCount(trimmed);
    if (!parsed.ok) err(parsed.code, `Nilai ${describeRule(v)}: ${parsed.message}`);
    if (!kode || !periode || !parsed.ok || parsed.value === null) return true;

    const disaggregation = v.disaggregation ? Object.entries(v.disaggregation).sort() : [];
    const identity = JSON.stringify([
      v.dataElement,
      v.categoryOptionCombo ?? null,
      v.attributeOptionCombo ?? null,
      disaggregation,
      kode,
      periode,
    ]);
    const where = v.row !== null ? `baris ${v.row}` : v.column;
    const first = this.seen.get(identity);
    if (first !== undefined) {
      err(
        'EXCHANGE_DUPLICATE',
        `Data value ganda: ${describeRule(v)} untuk ${kode}, ${periode} sudah ada di ${first}.`,
      );
      return true;
    }
    this.seen.set(identity, where);

    const key = `${kode}|${periode}|${rule.indikator}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        kode,
        periode,
        indikator: rule.indikator,
        pembilang: null,
        penyebut: null,
        sumber: null,
        denominatorAt: null,
      };
      this.cells.set(key, cell);
    }
    const at = { row: v.row, column: v.column };
    if (rule.peran === 'pembilang') {
      cell.pembilang = (cell.pembilang ?? 0) + parsed.value;
      cell.sumber ??= at;
    } else {
      cell.penyebut = (cell.penyebut ?? 0) + parsed.value;
      cell.denominatorAt ??= at;
    }
    this.summary.used++;
    return true;
  }

  /** The whole file is over the character bound: nothing is read. */
  refuseTooLarge(chars: number, max: number): ExchangeRead {
    this.issues.error(
      null,
      null,
      'EXCHANGE_TOO_LARGE',
      `Berkas terlalu besar: ${chars.toLocaleString('id-ID')} karakter (batas ${max.toLocaleString('id-ID')}).`,
    );
    return this.finish();
  }

  finish(): ExchangeRead {
    for (const [key, u] of this.unmapped) {
      this.issues.warn(
        u.row,
        u.column,
        'EXCHANGE_UNMAPPED',
        `${u.count.toLocaleString('id-ID')} data value ${key} tidak ada dalam pemetaan "${this.mapping.nama}" dan dilewati.`,
      );
    }
    for (const [aoc, count] of this.otherAoc) {
      this.issues.warn(
        null,
        'attributeOptionCombo',
        'EXCHANGE_UNMAPPED',
        `${count.toLocaleString('id-ID')} data value dengan attributeOptionCombo "${aoc || '(kosong)'}" dilewati: pemetaan hanya membaca "${this.mapping.attributeOptionCombo}".`,
      );
    }
    if (this.summary.empty)
      this.issues.warn(
        null,
        null,
        'EXCHANGE_EMPTY',
        `${this.summary.empty.toLocaleString('id-ID')} data value tanpa nilai dilewati (tidak dihitung sebagai laporan).`,
      );
    if (this.summary.deleted)
      this.issues.warn(
        null,
        null,
        'EXCHANGE_DELETED',
        `${this.summary.deleted.toLocaleString('id-ID')} data value bertanda terhapus (deleted) dilewati.`,
      );
    const rows: LongRow[] = [];
    for (const c of this.cells.values()) {
      if (c.pembilang === null) {
        const at = c.denominatorAt!;
        this.issues.error(
          at.row,
          at.column,
          'EXCHANGE_NUMERATOR_MISSING',
          `Penyebut ${c.indikator} untuk ${c.kode}, ${c.periode} tanpa pembilangnya: kirim keduanya (pembilang 0 bila tidak ada kejadian).`,
        );
        continue;
      }
      rows.push({
        kode_wilayah: c.kode,
        periode: c.periode,
        indikator: c.indikator,
        pembilang: String(c.pembilang),
        penyebut: c.penyebut === null ? '' : String(c.penyebut),
        sumber: c.sumber!,
      });
    }
    const ok = this.issues.ok;
    this.summary.rows = ok ? rows.length : 0;
    return {
      rows: ok ? sortLongRows(rows) : [],
      errors: this.issues.errors,
      warnings: this.issues.warnings,
      errorCount: this.issues.errorCount,
      summary: this.summary,
    };
  }
}
