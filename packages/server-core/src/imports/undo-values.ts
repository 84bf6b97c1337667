// The value part of an undo, set-based inside PostgreSQL like an import's write (plan-values.ts): the load's history
// rows are unnested once (by the primary key) and grouped per desa row (indicator × kode × year) into a staging table
// (undo_row) that holds, per row, the months to restore, their values before the import and the stored arrays with
// their place (ctid); the check for later changes, the restore (one DELETE of the rows left empty, one UPDATE of the
// others), the undo's own history and the keys for the roll-up upkeep are each one statement over that table. Nothing
// comes back to this process but counts and three example cells, and the roll-ups take the restored cells' deltas as
// an import's do (rollup-delta.ts), so a national undo (1.7 M cells) costs set work in the database, not 1.7 M cells
// and rows in memory.
//
// The semantics are those of the undo in TypeScript it replaces: each cell gets back its numerator, denominator (the
// row's denominators stay NULL where the row has none), load and simulated flag from before the import; a row whose
// every month is then unwritten (no load) did not exist before and is deleted; the undo's history holds each cell from
// the stored value (of the undone load, real) to the restored one.
import { INDICATORS } from '@peta/domain';
import type { DbOrTx } from '@peta/db';
import { sql } from 'drizzle-orm';
import { applyRollupDeltas, type DeltaSource } from '../values/rollup-delta.ts';
import { HISTORY_CELLS_SQL } from './indicator-values-repository.ts';
import { eachMonth, indicatorRulesRows, monthArray, setBulkWriteSession } from './plan-values.ts';

/**
 * The staged desa rows: indicator, kode, year, months (the restored months), f_num, f_den, f_load, f_sim (per month the
 * cell before the import where restored, else NULL), b_num, b_den, b_load, b_sim, b_ctid (the stored row), a_num, a_den
 * (the row once restored), counted and sasaran (what the roll-up deltas need of the indicator and the desa).
 */
const STAGED_UNDO = 'undo_row';

/** The undo's rows for the roll-up deltas (rollup-delta.ts), as an import's. */
const UNDO_DELTAS: DeltaSource = {
  table: STAGED_UNDO,
  after: { num: (j) => `r.a_num[${j}]`, den: (j) => `r.a_den[${j}]` },
  afterColumns: ['a_num', 'a_den'],
  newMayBeEmpty: true,
  newSimulated: 'r.f_sim[m]',
};

/** A restored month m of a staged row: the value before the import where the load changed it, else the stored one. */
const restored = (column: string, stored: string) => (m: number) =>
  `case when ${m} = any(r.months) then r.${column}[${m}] else r.${stored}[${m}] end`;

/** A cell of the undone load that a later write holds now (or whose row is gone). */
export interface LaterCell {
  indicator: string;
  kode: string;
  year: number;
  month: number;
  currentLoadId: number | null;
}

export interface LaterChanges {
  count: number;
  loads: number[];
  /** The first three, in the order of desa, indicator, year, month. */
  examples: LaterCell[];
}

export function undoValuesRepository(db: DbOrTx) {
  return {
    /** Stage the load's cells per desa row with what is stored now; returns the number of cells. */
    async stage(loadId: number): Promise<number> {
      await setBulkWriteSession(db);
      // Per desa row: the changed months and, per month, its value before the import (NULL elsewhere and where
      // there was none: `months` tells which months are restored).
      const before = (column: string, type: string) =>
        `${monthArray((m) => `max(c.${column}) filter (where c.month = ${m})`)}::${type}[]`;
      const catalogue = indicatorRulesRows(INDICATORS);
      await db.execute(
        sql`create temp table ${sql.raw(STAGED_UNDO)} on commit drop as
        select r.*, ${sql.raw(`${monthArray(restored('f_num', 'b_num'))} as a_num, ${monthArray(restored('f_den', 'b_den'))} as a_den`)}
        from (select x.*, v.numerators as b_num, v.denominators as b_den, v.month_load_ids as b_load,
          v.month_simulated as b_sim, v.ctid as b_ctid, coalesce(i.counted, false) as counted, s.value as sasaran
        from (select c.indicator, h.kode, h.year, array_agg(c.month order by c.month) as months,
            ${sql.raw(`${before('old_numerator', 'int')} as f_num, ${before('old_denominator', 'int')} as f_den,
            ${before('old_load_id', 'int')} as f_load,
            ${monthArray((m) => `bool_or(c.old_simulated) filter (where c.month = ${m})`)} as f_sim
          from ${HISTORY_CELLS_SQL}
          where h.load_id = ${Number(loadId)}`)}
          group by c.indicator, h.kode, h.year) x
        left join indicator_value v using (indicator, kode, year)
        left join (${catalogue}) i using (indicator)
        left join sasaran s on s.kode = x.kode and s.year = x.year and s."group" = i.grp offset 0) r`,
      );
      const [count] = (
        await db.execute<{ cells: number }>(
          sql.raw(`select coalesce(sum(cardinality(months)), 0)::int as cells from ${STAGED_UNDO}`),
        )
      ).rows;
      return count?.cells ?? 0;
    },

    /** The staged cells that the undone load no longer holds: a later import changed them (or their row is gone). */
    async laterChanges(loadId: number): Promise<LaterChanges> {
      const cells = `from ${eachMonth(STAGED_UNDO, 'months')}
        where r.b_load[m] is distinct from ${Number(loadId)}`;
      const [summary] = (
        await db.execute<{ count: number; loads: number[] | null }>(
          sql.raw(`select count(*)::int as count, array_agg(distinct r.b_load[m]) filter (where r.b_load[m] is not null)
            as loads ${cells}`),
        )
      ).rows;
      if (!summary?.count) return { count: 0, loads: [], examples: [] };
      const examples = await db.execute<Record<string, unknown> & LaterCell>(
        sql.raw(`select r.indicator, r.kode, r.year, m as month, r.b_load[m] as "currentLoadId" ${cells}
          order by r.kode, r.indicator, r.year, m limit 3`),
      );
      return { count: summary.count, loads: (summary.loads ?? []).sort((a, b) => a - b), examples: examples.rows };
    },

    /**
     * Restore the staged rows (held by the undone load: laterChanges found none) and write the undo's history, one
     * row per desa × year with its cells as parallel arrays sorted by indicator and month, as an import writes it.
     */
    async restore(undoId: number, loadId: number): Promise<void> {
      const loads = monthArray(restored('f_load', 'b_load'));
      // A row whose every month is unwritten once restored did not exist before the import.
      await db.execute(
        sql.raw(`delete from indicator_value v using ${STAGED_UNDO} r
        where v.ctid = r.b_ctid and v.indicator = r.indicator and v.kode = r.kode and v.year = r.year
          and array_remove(${loads}, null) = '{}'`),
      );
      // The rows are updated where the stage found them (their ctid, read in this transaction under the import lock),
      // as writeValues does; the key check guards against a row moved since, and the count makes that an error.
      const updated = await db.execute(
        sql.raw(`update indicator_value v set numerators = r.a_num,
          denominators = case when r.b_den is null then null else r.a_den end,
          month_load_ids = ${loads}, month_simulated = ${monthArray(restored('f_sim', 'b_sim'))}
        from ${STAGED_UNDO} r
        where v.ctid = r.b_ctid and v.indicator = r.indicator and v.kode = r.kode and v.year = r.year
          and array_remove(${loads}, null) <> '{}'`),
      );
      const [expected] = (
        await db.execute<{ count: number }>(
          sql.raw(`select count(*)::int as count from ${STAGED_UNDO} r where array_remove(${loads}, null) <> '{}'`),
        )
      ).rows;
      if (updated.rowCount !== expected?.count)
        throw new Error(
          `indicator_value berubah selama pembatalan: ${updated.rowCount} dari ${expected?.count} baris diperbarui`,
        );
      await db.execute(
        sql.raw(`insert into indicator_value_history (load_id, kode, year, indicators, months, old_numerators,
          old_denominators, old_load_ids, old_simulated_flags, new_numerators, new_denominators)
        select ${Number(undoId)}, kode, year, array_agg(indicator), array_agg(m), array_agg(old_num),
          array_agg(old_den), array_agg(old_load), array_agg(old_sim), array_agg(new_num), array_agg(new_den)
        from (select r.kode, r.year, r.indicator, m, r.b_num[m] as old_num, r.b_den[m] as old_den,
            ${Number(loadId)} as old_load, false as old_sim, r.f_num[m] as new_num, r.f_den[m] as new_den
          from ${eachMonth(STAGED_UNDO, 'months')}
          order by r.kode, r.year, r.indicator, m) c
        group by kode, year`),
      );
    },

    /** Add what the restored cells change to the roll-ups of every ancestor, as an import does (rollup-delta.ts). */
    async applyRollupDeltas(undoId: number): Promise<void> {
      await applyRollupDeltas(db, undoId, UNDO_DELTAS);
    },
  };
}
