-- Custom migration (drizzle-kit generate --custom): the desa rows rewritten in year order, as value_rollup's were
-- (0013). The demo load wrote each desa's rows of both years side by side, so every page held rows of 2025 and 2026,
-- and an import of one month of 2026 changed every page of the table: after a checkpoint each of those pages is logged
-- whole once (a national month: ~209,000 page images, 1.2 GB of WAL in the rows' UPDATE alone) and written back.
-- Rows of one year together, an import of that year touches half the pages (docs/measurements.md "Session 10").
-- CLUSTER rewrites the table in the order of a temporary index (keeping the fillfactor of 0011, freezing the rows it
-- copies, rebuilding the primary key); the index goes again, an import has no use for it. Imports write a new year's
-- rows together anyway (they are inserted when its first month arrives), and the demo load now writes by year too.
CREATE INDEX "indicator_value_year_order" ON "indicator_value" USING btree ("year", "kode", "indicator");--> statement-breakpoint
CLUSTER "indicator_value" USING "indicator_value_year_order";--> statement-breakpoint
DROP INDEX "indicator_value_year_order";
