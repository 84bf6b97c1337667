// The import history: every data load (demo, import, undo), newest first.
import type { DatabaseHandle } from '../database.ts';
import { dataLoadsRepository } from './data-loads-repository.ts';

export type { LoadRecord } from './data-loads-repository.ts';

export const listLoads = ({ db }: DatabaseHandle, limit = 100) => dataLoadsRepository(db).list(limit);

/** The warnings stored with one load (capped at 1,000 per load). */
export const loadWarnings = ({ db }: DatabaseHandle, id: number) => dataLoadsRepository(db).warnings(id);
