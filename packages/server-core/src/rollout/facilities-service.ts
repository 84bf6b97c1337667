// Pustu and Posyandu of one desa (fasilitas): read with the last change, or replace the whole list in one transaction
// whose rollout_event keeps the lists before and after (nothing is lost).
import { ancestorAt } from '@peta/domain';
import type { Facilities, FacilitiesBody } from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import { invalid } from '../errors.ts';
import { inTransaction, rolloutRepositories } from './repositories.ts';

const withoutSimulated = <T extends { simulated: boolean }>({ simulated: _, ...rest }: T) => rest;

export function facilitiesService(db: DbOrTx) {
  const repos = rolloutRepositories(db);

  /** The lists of a desa; `known` false when nobody ever entered them (unknown, not zero). */
  async function ofDesa(desa: string): Promise<Facilities> {
    const [lists, lastChange] = await Promise.all([
      repos.facilities.ofDesa(desa),
      repos.events.lastFacilitiesChange(desa),
    ]);
    return {
      desa,
      pustu: lists.pustu.map(withoutSimulated),
      posyandu: lists.posyandu.map(withoutSimulated),
      simulated: [...lists.pustu, ...lists.posyandu].some((r) => r.simulated),
      known: lists.pustu.length + lists.posyandu.length > 0 || lastChange !== null,
      lastChange,
    };
  }

  return {
    ofDesa,

    /** Replaces the desa's lists; certified kader never outnumber kader. Returns the lists as saved. */
    async save(desa: string, body: FacilitiesBody, oleh: string): Promise<Facilities> {
      for (const p of body.posyandu) {
        if (p.kaderTersertifikasi > p.kader) {
          throw invalid(
            'INVALID_KADER',
            `Kader tersertifikasi (${p.kaderTersertifikasi}) lebih banyak dari jumlah kader (${p.kader})${p.nama ? ` di Posyandu ${p.nama}` : ''}.`,
          );
        }
      }
      await inTransaction(db, async ({ facilities, wilayahKerja, events }) => {
        await facilities.lockDesa(desa);
        const before = await facilities.ofDesa(desa);
        const holder = await wilayahKerja.openRow(desa);
        const eventId = await events.record({
          oleh,
          kind: 'fasilitas',
          puskesmas: holder?.puskesmas ?? null,
          kabupaten: ancestorAt(desa, 'kabupaten'),
          before: { desa, ...before },
          after: { desa, ...body },
        });
        await facilities.replace(desa, body, eventId);
      });
      return ofDesa(desa);
    },
  };
}

export type FacilitiesService = ReturnType<typeof facilitiesService>;
