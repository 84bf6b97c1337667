// The roll-out's seven table groups, each with its repository, built on one handle: the database for reads, or the
// transaction a write runs in (so every row of one change, and its rollout_event, commit or roll back together).
import type { DbOrTx } from '@peta/db';
import { facilitiesRepository } from './facilities-repository.ts';
import { puskesmasRepository } from './puskesmas-repository.ts';
import { readinessRepository } from './readiness-repository.ts';
import { rolloutEventRepository } from './rollout-event-repository.ts';
import { stageRepository } from './stage-repository.ts';
import { waveRepository } from './wave-repository.ts';
import { wilayahKerjaRepository } from './wilayah-kerja-repository.ts';

export function rolloutRepositories(db: DbOrTx) {
  return {
    events: rolloutEventRepository(db),
    puskesmas: puskesmasRepository(db),
    wilayahKerja: wilayahKerjaRepository(db),
    stages: stageRepository(db),
    waves: waveRepository(db),
    readiness: readinessRepository(db),
    facilities: facilitiesRepository(db),
  };
}

export type RolloutRepositories = ReturnType<typeof rolloutRepositories>;

/** Runs `work` in one transaction with the repositories built on it. */
export function inTransaction<T>(db: DbOrTx, work: (repos: RolloutRepositories) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(rolloutRepositories(tx)));
}
