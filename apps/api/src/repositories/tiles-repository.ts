// All SQL about the boundary vector tiles (written by the boundary importer, read-only here).
import type { Database } from '@peta/db';

export function tilesRepository(database: Database) {
  return {
    /**
     * The gzip-compressed MVT of one tile of the import with this geometry version; null when the version is not
     * the finished import's or the tile holds nothing (sea). One query joined to the import, so a tile of another
     * version can never be served under this version's immutable URL, even during a re-import.
     */
    async tile(version: string, z: number, x: number, y: number): Promise<Buffer | null> {
      const r = await database.pool.query<{ data: Buffer }>(
        `SELECT t.data FROM boundary_tile t JOIN boundary_import i ON i.id = t.import_id
          WHERE t.z = $1 AND t.x = $2 AND t.y = $3 AND i.geometry_version = $4 AND i.finished_at IS NOT NULL`,
        [z, x, y, version]);
      return r.rows[0]?.data ?? null;
    },
  };
}

export type TilesRepository = ReturnType<typeof tilesRepository>;
