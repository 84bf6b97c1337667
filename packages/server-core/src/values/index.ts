// Values: indicator values per wilayah (children, every desa, monthly series), the latest month with data (the one
// default period) and the profile of a wilayah or a puskesmas' wilayah kerja.
import type { Db } from '@peta/db';
import type { WilayahCapability } from '../wilayah/index.ts';
import { answerRepository, type AnswersPool } from './answer-repository.ts';
import { rollupRepository } from './rollup-repository.ts';
import { valuesRepository } from './values-repository.ts';
import { valuesService } from './values-service.ts';

export * from './values-repository.ts';
export * from './values-service.ts';
export * from './profile-service.ts';
export * from './rollup-repository.ts';
export * from './rollup-upkeep.ts';
export * from './rollup-accumulator.ts';
export * from './answer-repository.ts';

/** The values capability on one database: one values service (and so one values cache) for every reader. */
export function valuesCapability(
  db: Db,
  wilayah: WilayahCapability,
  now: () => Date,
  /** Where the answers' statements run: Database.genericPlanPool in the API (the pool of `db` by default). */
  answersPool: AnswersPool = db.$client,
) {
  const repository = valuesRepository(db);
  return {
    repository,
    service: valuesService(
      repository,
      rollupRepository(db),
      answerRepository(db, answersPool),
      wilayah.repository,
      wilayah.areas,
      now,
    ),
  };
}

export type ValuesCapability = ReturnType<typeof valuesCapability>;
