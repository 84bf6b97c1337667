// Roll-out waves (gelombang) of a kabupaten/kota: create or edit one — name, year, target, planned dates, members —
// in one transaction with its rollout_event (before and after in the same shape, so any edit shows what changed).
import type { WaveBody } from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import { invalid, notFound } from '../errors.ts';
import { dateParam } from '../inputs.ts';
import { inTransaction, rolloutRepositories } from './repositories.ts';
import type { WaveMember, WaveRow } from './wave-repository.ts';

export function waveService(db: DbOrTx) {
  const repos = rolloutRepositories(db);

  return {
    /**
     * Saves wave `id` (null: a new one) of the kabupaten `area`: every member a puskesmas of that kabupaten, named once;
     * the planned end not before the start. Returns the wave as the planner lists it.
     */
    async save(
      id: number | null,
      area: { kode: string; nama: string },
      body: WaveBody,
      oleh: string,
    ): Promise<WaveRow> {
      const members: WaveMember[] = [];
      const seen = new Set<string>();
      for (const m of body.members) {
        const p = await repos.puskesmas.find(m.kode);
        if (!p) throw notFound(`Puskesmas dengan kode ${m.kode} tidak ditemukan.`);
        if (p.kabupaten !== area.kode) throw invalid('OTHER_KABUPATEN', `Puskesmas ${p.nama} bukan di ${area.nama}.`);
        if (seen.has(p.kode)) throw invalid('DUPLICATE_MEMBER', `Puskesmas ${p.nama} tercantum dua kali.`);
        seen.add(p.kode);
        members.push({ kode: p.kode, rank: m.rank ?? null, reason: m.reason ?? null });
      }
      const plannedStart = body.plannedStart ? dateParam(body.plannedStart, 'Rencana mulai') : null;
      const plannedEnd = body.plannedEnd ? dateParam(body.plannedEnd, 'Rencana selesai') : null;
      if (plannedStart && plannedEnd && plannedEnd < plannedStart) {
        throw invalid('INVALID_DATES', `Rencana selesai (${plannedEnd}) sebelum rencana mulai (${plannedStart}).`);
      }
      const fields = {
        nama: body.nama.trim(),
        year: body.year,
        target: body.target,
        plannedStart,
        plannedEnd,
        note: body.note ?? '',
      };
      const waveId = await inTransaction(db, async ({ waves, events }) => {
        let before: unknown = null;
        if (id !== null) {
          before = await waves.lockForEdit(id, area.kode);
          if (!before) throw notFound(`Gelombang ${id} tidak ditemukan di ${area.kode}.`);
        }
        const eventId = await events.record({
          oleh,
          kind: 'gelombang',
          kabupaten: area.kode,
          before,
          after: { ...fields, simulated: false, members },
        });
        const saved = id ?? (await waves.insert(area.kode, fields, eventId));
        if (id !== null) await waves.update(id, fields, eventId);
        await waves.replaceMembers(saved, members);
        return saved;
      });
      return (await repos.waves.ofKabupaten(area.kode)).find((w) => w.id === waveId)!;
    },
  };
}

export type WaveService = ReturnType<typeof waveService>;
