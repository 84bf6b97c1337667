// Tables ilp_wave and ilp_wave_member: the roll-out waves (gelombang) of a kabupaten/kota, each with its year, target
// count and member puskesmas (with the proposal's rank and reason when saved from a proposal).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@peta/db';

const { ilpWave, ilpWaveMember, puskesmas } = schema;

export interface WaveMember {
  kode: string;
  rank: number | null;
  reason: string | null;
}
export interface WaveRow {
  id: number;
  kabupaten: string;
  nama: string;
  year: number;
  target: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  basis: string;
  note: string;
  simulated: boolean;
  members: (WaveMember & { nama: string })[];
}
export interface WaveFields {
  nama: string;
  year: number;
  target: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  note: string;
}

/** Ranked members first (by rank), the others after. */
const byRank = sql`${ilpWaveMember.rank} asc nulls last`;

/** The contract's `year` is the column `tahun` (named before the one vocabulary; a rename needs a migration). */
const columnsOf = ({ year, ...rest }: WaveFields) => ({ ...rest, tahun: year });

export function waveRepository(db: DbOrTx) {
  return {
    /** The waves of a kabupaten by year, each with its members (by rank, then name). */
    async ofKabupaten(kabupaten: string): Promise<WaveRow[]> {
      const waves = await db
        .select({
          id: ilpWave.id,
          kabupaten: ilpWave.kabupatenKode,
          nama: ilpWave.nama,
          year: ilpWave.tahun,
          target: ilpWave.target,
          plannedStart: ilpWave.plannedStart,
          plannedEnd: ilpWave.plannedEnd,
          basis: ilpWave.basis,
          note: ilpWave.note,
          simulated: ilpWave.simulated,
        })
        .from(ilpWave)
        .where(eq(ilpWave.kabupatenKode, kabupaten))
        .orderBy(asc(ilpWave.tahun), asc(ilpWave.id));
      if (!waves.length) return [];
      const members = await db
        .select({
          waveId: ilpWaveMember.waveId,
          kode: ilpWaveMember.puskesmasKode,
          nama: puskesmas.nama,
          rank: ilpWaveMember.rank,
          reason: ilpWaveMember.reason,
        })
        .from(ilpWaveMember)
        .innerJoin(puskesmas, eq(puskesmas.kode, ilpWaveMember.puskesmasKode))
        .where(
          inArray(
            ilpWaveMember.waveId,
            waves.map((w) => w.id),
          ),
        )
        .orderBy(byRank, asc(puskesmas.nama));
      return waves.map((w) => ({
        ...w,
        members: members.filter((m) => m.waveId === w.id).map(({ waveId: _, ...m }) => m),
      }));
    },

    /**
     * One wave of the kabupaten, locked FOR UPDATE, in the shape an event records (the same as its `after`), so an edit
     * of any field shows what changed; null when the kabupaten has no such wave.
     */
    async lockForEdit(
      id: number,
      kabupaten: string,
    ): Promise<(WaveFields & { simulated: boolean; members: WaveMember[] }) | null> {
      const [wave] = await db
        .select({
          nama: ilpWave.nama,
          year: ilpWave.tahun,
          target: ilpWave.target,
          plannedStart: ilpWave.plannedStart,
          plannedEnd: ilpWave.plannedEnd,
          note: ilpWave.note,
          simulated: ilpWave.simulated,
        })
        .from(ilpWave)
        .where(and(eq(ilpWave.id, id), eq(ilpWave.kabupatenKode, kabupaten)))
        .for('update');
      if (!wave) return null;
      const members = await db
        .select({ kode: ilpWaveMember.puskesmasKode, rank: ilpWaveMember.rank, reason: ilpWaveMember.reason })
        .from(ilpWaveMember)
        .where(eq(ilpWaveMember.waveId, id))
        .orderBy(byRank, asc(ilpWaveMember.puskesmasKode));
      return { ...wave, members };
    },

    /** A user's new wave (basis 'pengguna', not simulated). */
    async insert(kabupaten: string, fields: WaveFields, eventId: number): Promise<number> {
      const [row] = await db
        .insert(ilpWave)
        .values({ kabupatenKode: kabupaten, ...columnsOf(fields), basis: 'pengguna', simulated: false, eventId })
        .returning({ id: ilpWave.id });
      return row!.id;
    },

    /** An edit. A simulated demo wave a user edits becomes the user's: no longer labelled simulasi. */
    async update(id: number, fields: WaveFields, eventId: number): Promise<void> {
      await db
        .update(ilpWave)
        .set({ ...columnsOf(fields), eventId, simulated: false, basis: 'pengguna' })
        .where(eq(ilpWave.id, id));
    },

    /** The members become exactly these. */
    async replaceMembers(waveId: number, members: WaveMember[]): Promise<void> {
      await db.delete(ilpWaveMember).where(eq(ilpWaveMember.waveId, waveId));
      if (members.length) {
        await db
          .insert(ilpWaveMember)
          .values(members.map((m) => ({ waveId, puskesmasKode: m.kode, rank: m.rank, reason: m.reason })));
      }
    },

    /** Any simulated (demo) wave in the kabupaten. */
    async anySimulated(kabupaten: string): Promise<boolean> {
      const [row] = await db
        .select({ id: ilpWave.id })
        .from(ilpWave)
        .where(and(eq(ilpWave.kabupatenKode, kabupaten), eq(ilpWave.simulated, true)))
        .limit(1);
      return row !== undefined;
    },
  };
}

export type WaveRepository = ReturnType<typeof waveRepository>;
