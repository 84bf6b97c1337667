// Entry in the browser: the grid of desa × indicators for one month (read with the stored values) and its save — ONE
// import through runImport, so the same rules, warnings, scope check per row, history and undo as a file. Its cells
// are rows of the long format (gridLongRows); inside the import lock each cell's stored value is compared with the
// value its user saw, and a cell someone else changed since refuses the whole save (409, both values listed).
import {
  IndicatorError,
  gridLongRows,
  isGridConflict,
  parseImportMonth,
  requireIndicator,
  toLongSheet,
  toSourceIssue,
  yearMonthOf,
  type StoredPair,
} from '@peta/domain';
import type { GridConflict, GridDto, GridQuery, GridSaveBody, ImportOutcomeDto } from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import type { DatabaseHandle } from '../../database.ts';
import { DomainError, invalid, notFound } from '../../errors.ts';
import { dataLoadsRepository } from '../data-loads-repository.ts';
import { toOutcomeDto } from '../imports-service.ts';
import { indicatorValuesRepository, rowKey } from '../indicator-values-repository.ts';
import { parseLong } from '../parse/parse-long.ts';
import type { ParsedImport } from '../parse/parsed.ts';
import { runImport, sha256 } from '../run-import.ts';
import { gridRepository, type GridDesa } from './grid-repository.ts';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function requireIndicators(list: string) {
  const codes = [
    ...new Set(
      list
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
  if (!codes.length)
    throw invalid('INVALID_INDICATOR', 'Pilih paling sedikit satu indikator (indicators=KIA_K4,KIA_K1).');
  return codes.map((code) => {
    try {
      return requireIndicator(code);
    } catch (e) {
      if (e instanceof IndicatorError) throw invalid('INVALID_INDICATOR', e.message);
      throw e;
    }
  });
}

export function gridService(database: DatabaseHandle, { now = () => new Date() }: { now?: () => Date } = {}) {
  const month = (period: string) => {
    const parsed = parseImportMonth(period, yearMonthOf(now()));
    if (!parsed.ok) throw invalid('INVALID_PERIOD', parsed.message);
    return parsed.value;
  };

  async function areaOf(
    query: Pick<GridQuery, 'wilayah' | 'puskesmas'>,
  ): Promise<{ area: GridDto['area']; desa: GridDesa[] }> {
    const repo = gridRepository(database.db);
    if ((query.wilayah ? 1 : 0) + (query.puskesmas ? 1 : 0) !== 1) {
      throw invalid('INVALID_AREA', 'Pilih satu wilayah: wilayah=KODE_KECAMATAN atau puskesmas=KODE_PUSKESMAS.');
    }
    if (query.puskesmas) {
      const p = await repo.puskesmas(query.puskesmas);
      if (!p) throw notFound(`Puskesmas dengan kode ${query.puskesmas} tidak ditemukan.`);
      return {
        area: { kind: 'puskesmas', kode: p.kode, nama: p.nama },
        desa: await repo.desaOfPuskesmas(p.kode, isoDay(now())),
      };
    }
    const area = await repo.area(query.wilayah!);
    if (!area) throw notFound(`Wilayah dengan kode ${query.wilayah} tidak ditemukan.`);
    if (area.tingkat !== 'kecamatan')
      throw invalid(
        'NOT_KECAMATAN',
        `${area.nama} (${area.kode}) bukan kecamatan: isian dibuka per kecamatan atau per puskesmas.`,
      );
    return {
      area: { kind: 'kecamatan', kode: area.kode, nama: area.nama },
      desa: await repo.desaOfKecamatan(area.kode),
    };
  }

  /** The conflicts of the validated cells against the data as it is now (inside the import lock). */
  async function conflictsOf(
    tx: DbOrTx,
    parsed: ParsedImport,
    cells: GridSaveBody['cells'],
    period: string,
  ): Promise<GridConflict[]> {
    const stored = await indicatorValuesRepository(tx).readRows(parsed.values);
    const found: Omit<GridConflict, 'current'>[] = [];
    const currents: (StoredPair & { loadId: number | null })[] = [];
    for (const v of parsed.values) {
      const base = cells[v.row - 2]!.base;
      const row = stored.get(rowKey(v.indicator, v.kode, v.year));
      const i = v.month - 1;
      const current = { numerator: row?.numerators[i] ?? null, denominator: row?.denominators?.[i] ?? null };
      const mine = { numerator: v.numerator, denominator: v.denominator };
      if (!isGridConflict(base, current, mine)) continue;
      found.push({ kode: v.kode, indicator: v.indicator, period, base, mine });
      currents.push({ ...current, loadId: row?.monthLoadIds[i] ?? null });
    }
    const loadIds = [...new Set(currents.map((c) => c.loadId).filter((id): id is number => id !== null))];
    const oleh = await dataLoadsRepository(tx).olehOf(loadIds);
    return found.map((f, n) => ({
      ...f,
      current: { ...currents[n]!, oleh: oleh.get(currents[n]!.loadId ?? -1) ?? null },
    }));
  }

  return {
    async read(query: GridQuery): Promise<GridDto> {
      const { year, month: m } = month(query.period);
      const indicators = requireIndicators(query.indicators);
      const { area, desa } = await areaOf(query);
      const keys = desa.flatMap((d) => indicators.map((def) => ({ indicator: def.code, kode: d.kode, year })));
      const rows = await indicatorValuesRepository(database.db).readRows(keys);
      const cells: GridDto['cells'] = [];
      for (const k of keys) {
        const row = rows.get(rowKey(k.indicator, k.kode, k.year));
        const numerator = row?.numerators[m - 1] ?? null;
        if (!row || numerator === null) continue;
        cells.push({
          kode: k.kode,
          indicator: k.indicator,
          numerator,
          denominator: row.denominators?.[m - 1] ?? null,
          simulated: row.monthSimulated[m - 1] === true,
        });
      }
      return { area, period: query.period, desa, indicators: indicators.map((d) => d.code), cells };
    },

    /**
     * Saves the cells as one import by `oleh`; each row checked against `outOfScope` (the API also refuses the whole
     * request first). Throws DomainError GRID_CONFLICT (409, body.conflicts) when a cell changed since its base.
     */
    async save(
      body: GridSaveBody,
      oleh: string,
      outOfScope?: (kode: string) => string | null,
    ): Promise<ImportOutcomeDto> {
      month(body.period);
      const rows = gridLongRows(body.period, body.cells);
      const bytes = new TextEncoder().encode(JSON.stringify(body));
      const fileName = `isian-${body.area}-${body.period}.json`;
      const outcome = await runImport(database, {
        bytes,
        fileName,
        oleh,
        today: yearMonthOf(now()),
        outOfScope,
        parse: async (_bytes, _name, ctx) => ({ ...parseLong(toLongSheet(rows), 1, ctx), fileHash: sha256(bytes) }),
        beforePlan: async (tx, parsed) => {
          const conflicts = await conflictsOf(tx, parsed, body.cells, body.period);
          if (!conflicts.length) return;
          throw new DomainError(
            'conflict',
            'GRID_CONFLICT',
            `${conflicts.length} sel telah diubah orang lain sejak Anda membukanya; tidak ada yang disimpan. Pilih nilai yang benar untuk sel bertanda lalu simpan lagi.`,
            { body: { conflicts } },
          );
        },
      });
      // Issues name the cell ("12.10.09.2001 KIA_K4 (pembilang)") and its number in the request (row 1 = cells[0]).
      return toOutcomeDto({
        ...outcome,
        errors: outcome.errors.map((i) => toSourceIssue(i, rows)),
        warnings: outcome.warnings.map((i) => toSourceIssue(i, rows)),
      });
    },
  };
}

export type GridService = ReturnType<typeof gridService>;
