-- Custom migration (drizzle-kit generate --custom): drizzle's schema cannot state a column's storage.
-- A boundary import writes ~233 MB of GeoJSON text; with the default storage (EXTENDED) PostgreSQL compresses every
-- text over ~2 KB with pglz in the importing backend, the one the import waits for (national: ~10.5 s of CPU for
-- 38,817 texts, 176 → 73 MB; uncompressed ~4.3 s, measured on a national copy, docs/measurements.md "Session 14:
-- boundary import CPU"). The geometry is written once per import, only ever read whole (never searched in SQL) and
-- sent gzip-compressed, so the texts are kept out of line uncompressed (EXTERNAL: ~115 MB more on disk). The tiles
-- are gzip already: pglz never gains on them and is not tried. Values are the same; rows written before keep their
-- compression until rewritten.
ALTER TABLE "wilayah_geometry" ALTER COLUMN "geojson" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "boundary_tile" ALTER COLUMN "data" SET STORAGE EXTERNAL;
