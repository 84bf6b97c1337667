// Privacy of small counts (issue 18): the protected view of every answer that carries counts, for readers outside an
// area. privacy-service runs the domain rule per kabupaten × indicator × year; reader-view applies it to answers.
import type { DbOrTx } from '@peta/db';
import { countFamilyOf, getIndicator, INDICATORS, privacyClassOf, sasaranGroupOf } from '@peta/domain';
import { wilayahKerjaRepository } from '../rollout/wilayah-kerja-repository.ts';
import type { ValuesCapability } from '../values/index.ts';
import { privacyRepository } from './privacy-repository.ts';
import { privacyService } from './privacy-service.ts';
import type { ProtectRunner } from './protect-runner.ts';

export * from './privacy-service.ts';
export { inProcessRunner, privacyWorkerPool, ProtectBusy, type ProtectRunner } from './protect-runner.ts';
export * from './reader-view.ts';

/** The privacy capability on one database: one cache of results for every reader. */
export function privacyCapability(
  db: DbOrTx,
  deps: { values: ValuesCapability; threshold: number; runner?: ProtectRunner; maxWaitMs?: number },
) {
  const repository = privacyRepository(db);
  const wilayahKerja = wilayahKerjaRepository(db);
  const service = privacyService({
    threshold: deps.threshold,
    runner: deps.runner,
    maxWaitMs: deps.maxWaitMs,
    tableVersion: (def, kabupaten, year) => repository.tableVersion(countFamilyOf(def.code), kabupaten, year),
    dataVersion: async () => String(await repository.latestLoad()),
    desaYears: (def, kabupaten, year) => deps.values.service.desaYears(def, kabupaten, year),
    wilayahKerjaHistory: (kabupaten) => wilayahKerja.history(kabupaten),
    async sasaranIsRegister(def, kabupaten, year) {
      const group = sasaranGroupOf(def);
      // Only a sensitive indicator's register is protected (rule.ts): no query for the others.
      return (
        group !== null && privacyClassOf(def) === 'sensitive' && repository.sasaranIsRegister(group, kabupaten, year)
      );
    },
    async sasaranTotals(def, year, kodes) {
      const group = sasaranGroupOf(def);
      return group === null ? new Map() : repository.sasaranTotals(group, year, kodes);
    },
  });
  let warmedUpTo: number | null = null;
  return {
    ...service,
    /**
     * After a write that may have landed a data load (an import, an undo, a saved isian): warm the protection of every
     * kabupaten × indicator × year each new load touched (privacy-service warm) — the only tables whose version the load
     * changed (tableVersion); every other table keeps its result and is not computed again. Loads of other processes are warmed by
     * their own process; a process that starts warms nothing old (the first request computes it).
     */
    async warmNewLoads(): Promise<number> {
      const latest = await repository.latestLoad();
      if (warmedUpTo === null || latest <= warmedUpTo) {
        warmedUpTo = Math.max(warmedUpTo ?? latest, latest);
        return 0;
      }
      const from = warmedUpTo + 1;
      warmedUpTo = latest;
      let tables = 0;
      for (let load = from; load <= latest; load++) {
        const wanted = new Set<string>();
        for (const t of await repository.touchedBy(load)) {
          const codes = t.indicator
            ? [t.indicator]
            : INDICATORS.filter((d) => sasaranGroupOf(d) === t.group).map((d) => d.code);
          for (const code of codes) wanted.add(`${code}|${t.kabupaten}|${t.year}`);
        }
        for (const key of wanted) {
          const [code, kabupaten, year] = key.split('|');
          const def = getIndicator(code!);
          if (!def || privacyClassOf(def) === 'not-personal') continue;
          service.warm(def, kabupaten!, Number(year));
          tables++;
        }
      }
      return tables;
    },
  };
}
