// Roll-out (Rencana ILP): puskesmas, wilayah kerja over time (moves, CSV, polygons), ILP stages (tahap), waves
// (gelombang), readiness (kesiapan), Pustu and Posyandu (fasilitas), progress, the next-wave proposal and values per
// wilayah kerja. One repository per table group (repositories.ts); every write is one transaction with its event.
import type { DbOrTx } from '@peta/db';
import type { ValuesCapability } from '../values/index.ts';
import type { WilayahCapability } from '../wilayah/index.ts';
import { facilitiesService } from './facilities-service.ts';
import { plannerService } from './planner-service.ts';
import { puskesmasService } from './puskesmas-service.ts';
import { waveService } from './wave-service.ts';
import { wilayahKerjaService } from './wilayah-kerja-service.ts';
import { wilayahKerjaValues } from './wilayah-kerja-values.ts';

export * from './repositories.ts';
export * from './rollout-event-repository.ts';
export * from './puskesmas-repository.ts';
export * from './wilayah-kerja-repository.ts';
export * from './stage-repository.ts';
export * from './wave-repository.ts';
export * from './readiness-repository.ts';
export * from './facilities-repository.ts';
export * from './wilayah-kerja-values.ts';
export * from './planner-service.ts';
export * from './puskesmas-service.ts';
export * from './wilayah-kerja-service.ts';
export * from './wave-service.ts';
export * from './facilities-service.ts';
export * from './wilayah-kerja-geometry.ts';

/** The roll-out capability on one database. */
export function rolloutCapability(
  db: DbOrTx,
  deps: { wilayah: WilayahCapability; values: ValuesCapability; now: () => Date },
) {
  const puskesmas = puskesmasService(db);
  const perPuskesmas = wilayahKerjaValues(db, deps.values.service);
  return {
    puskesmas,
    perPuskesmas,
    planner: plannerService(db, deps.values.service, perPuskesmas, deps.now),
    wilayahKerja: wilayahKerjaService(db, { wilayah: deps.wilayah.repository, areas: deps.wilayah.areas, puskesmas }),
    waves: waveService(db),
    facilities: facilitiesService(db),
  };
}

export type RolloutCapability = ReturnType<typeof rolloutCapability>;
