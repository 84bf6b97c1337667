-- The roll-up triangles only for the indicators whose period rule reads them (packages/domain rollup-sums.ts
-- keptTriangles, as of this migration: last_num for the 'point' indicators, last_den also for those with an annual
-- denominator), NULL for the others, which the code reads as zeros. The triangles were ~1 KB of each ~1.5 KB row, and
-- an import rewrites every row it touches (README "Measured figures"). drizzle-kit generated the two DROP NOT NULL;
-- the conversion below is written by hand: the rows are copied out, the table emptied (TRUNCATE gives it new, empty
-- files, so the rows shrink in place without a VACUUM FULL) and the rows written back by year, so that an import of
-- one year touches the pages of that year only (rows of two years interleaved on every page made a month's import
-- write every page of the table).
ALTER TABLE "value_rollup" ALTER COLUMN "last_num" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "value_rollup" ALTER COLUMN "last_den" DROP NOT NULL;--> statement-breakpoint
CREATE TEMP TABLE "value_rollup_kept" AS
  SELECT "indicator", "year", "kode", "num", "den", "reports", "reports_with_den", "simulated",
    CASE WHEN "indicator" IN ('KIA_CPR', 'GZ_STUNTING', 'GZ_WASTING', 'GZ_CAKUPAN_UKUR', 'KL_JAMBAN', 'KL_SBS_DESA', 'UKBM_POSY_AKTIF') THEN "last_num" END AS "last_num",
    CASE WHEN "indicator" IN ('SPM01_BUMIL', 'SPM02_BULIN', 'SPM03_BBL', 'SPM04_BALITA', 'SPM05_DIKDAS', 'SPM06_PRODUKTIF', 'SPM07_LANSIA', 'SPM08_HT', 'SPM09_DM', 'SPM10_ODGJ', 'SPM12_HIV', 'KIA_K1', 'KIA_K1_MURNI', 'KIA_K4', 'KIA_K6', 'KIA_PN', 'KIA_PF', 'KIA_KF', 'KIA_DRT_MASY', 'KIA_DRT_NAKES', 'KIA_PK', 'KIA_KN1', 'KIA_KNL', 'KIA_NK', 'KIA_KBY', 'KIA_KBAL', 'KIA_CPR', 'IMM_IDL', 'IMM_BADUTA', 'GZ_STUNTING', 'GZ_WASTING', 'GZ_CAKUPAN_UKUR', 'RMJ_TTD', 'TB_TERDUGA', 'TB_CNR', 'DBD_IR', 'KL_JAMBAN', 'KL_SBS_DESA', 'UKBM_POSY_AKTIF') THEN "last_den" END AS "last_den",
    "load_id"
  FROM "value_rollup";--> statement-breakpoint
TRUNCATE "value_rollup";--> statement-breakpoint
INSERT INTO "value_rollup" ("indicator", "year", "kode", "num", "den", "reports", "reports_with_den", "simulated",
    "last_num", "last_den", "load_id")
  SELECT * FROM "value_rollup_kept" ORDER BY "year", "kode", "indicator";--> statement-breakpoint
DROP TABLE "value_rollup_kept";
