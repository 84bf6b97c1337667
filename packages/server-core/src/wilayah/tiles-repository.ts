// All SQL about the boundary vector tiles (written by the boundary importer, read-only here).
import { and, eq, isNotNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';

const { boundaryTile, boundaryImport } = schema;

export function tilesRepository(db: DbOrTx) {
  return {
    /**
     * The gzip-compressed MVT of one tile of the import with this geometry version; null when the version is not
     * the finished import's or the tile holds nothing (sea). One query joined to the import, so a tile of another
     * version can never be served under this version's immutable URL, even during a re-import.
     */
    async tile(version: string, z: number, x: number, y: number): Promise<Buffer | null> {
      const [row] = await db
        .select({ data: boundaryTile.data })
        .from(boundaryTile)
        .innerJoin(boundaryImport, eq(boundaryImport.id, boundaryTile.importId))
        .where(
          and(
            eq(boundaryTile.z, z),
            eq(boundaryTile.x, x),
            eq(boundaryTile.y, y),
            eq(boundaryImport.geometryVersion, version),
            isNotNull(boundaryImport.finishedAt),
          ),
        );
      return row?.data ?? null;
    },
  };
}

export type TilesRepository = ReturnType<typeof tilesRepository>;
