// Wilayah: areas by kode, their display geometry and the vector tiles (read-only; the boundary importer writes them).
import type { DbOrTx } from '@peta/db';
import { geometryService } from './geometry-service.ts';
import { tilesRepository } from './tiles-repository.ts';
import { wilayahRepository } from './wilayah-repository.ts';
import { wilayahService } from './wilayah-service.ts';

export * from './wilayah-repository.ts';
export * from './wilayah-memory.ts';
export * from './wilayah-service.ts';
export * from './tiles-repository.ts';
export * from './geometry-service.ts';

/** The wilayah capability on one database: its repository, the area checks and the geometry. */
export function wilayahCapability(db: DbOrTx) {
  const repository = wilayahRepository(db);
  return { repository, areas: wilayahService(repository), geometry: geometryService(repository, tilesRepository(db)) };
}

export type WilayahCapability = ReturnType<typeof wilayahCapability>;
