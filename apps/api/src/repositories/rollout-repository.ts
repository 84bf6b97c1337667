// All SQL of the ILP roll-out planner: puskesmas, wilayah kerja over time, stages, waves, readiness, events.
// Every write is one transaction that records a rollout_event (who, when, before, after) and points its rows at it.
// Dates leave PostgreSQL as text (yyyy-mm-dd), never as JS Date (time zones).
import type { Database } from '@peta/db';
import type { IlpStageCode, PosyanduRecord, PustuRecord, ReadinessItemCode, WilayahKerjaRow } from '@peta/domain';
import type { Facilities, FacilitiesBody } from '@peta/domain/contract';

export interface PuskesmasRow { kode: string; nama: string; kabupaten: string; sumber: string }
export interface StageRow {
  id: number; puskesmas: string; nama: string; stage: IlpStageCode; date: string; evidence: string;
  skNumber: string | null; simulated: boolean;
}
export interface WaveRow {
  id: number; kabupaten: string; nama: string; tahun: number; target: number; plannedStart: string | null;
  plannedEnd: string | null; basis: string; note: string; simulated: boolean;
  members: { kode: string; nama: string; rank: number | null; reason: string | null }[];
}
export interface AssignmentRow { desa: string; nama: string; puskesmas: string | null; validFrom: string | null; confirmed: boolean; label: [number, number] | null }
export interface OpenRow { id: number; puskesmas: string; validFrom: string; validTo: string | null; confirmed: boolean }

type Pool = Database['pool'];
type MoveInput = { desa: string; puskesmas: string; mulai: string; oleh: string; kabupaten: string };
/** What a transaction needs of a pooled client (pg's types are not a dependency of the API). */
type PoolClient = { query: Pool['query'] };

export class RolloutConflict extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

const DATE = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

export function rolloutRepository(pool: Pool) {
  async function tx<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  }

  async function event(client: PoolClient, e: { oleh: string; kind: string; puskesmas?: string | null; kabupaten?: string | null; before?: unknown; after?: unknown; note?: string }) {
    const { rows: [row] } = await client.query<{ id: number }>(
      `insert into rollout_event (oleh, kind, puskesmas_kode, kabupaten_kode, before, after, note) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [e.oleh, e.kind, e.puskesmas ?? null, e.kabupaten ?? null, e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after), e.note ?? null]);
    return row!.id;
  }

  /** One move inside a transaction: the rules of the move route and of the CSV import alike. */
  async function moveInTx(client: PoolClient, input: MoveInput) {
    const { rows: [open] } = await client.query<OpenRow>(`select id, puskesmas_kode as puskesmas, ${DATE('valid_from')} as "validFrom",
        ${DATE('valid_to')} as "validTo", confirmed from puskesmas_wilayah where desa_kode = $1 and valid_to is null for update`, [input.desa]);
    const { rows: [later] } = await client.query<{ n: number }>(
      `select count(*)::int as n from puskesmas_wilayah where desa_kode = $1 and valid_to > $2::date and valid_to is not null`, [input.desa, input.mulai]);
    if (open && open.puskesmas === input.puskesmas) {
      throw new RolloutConflict('SAME_PUSKESMAS', `Desa ${input.desa} sudah berada di wilayah kerja puskesmas ${input.puskesmas}.`);
    }
    if ((open && open.validFrom >= input.mulai) || (later?.n ?? 0) > 0) {
      throw new RolloutConflict('DATE_BEFORE_CURRENT',
        `Tanggal mulai ${input.mulai} harus sesudah awal wilayah kerja yang berlaku (${open?.validFrom ?? 'riwayat yang lebih baru'}). Riwayat tidak ditimpa.`);
    }
    const before = open ? { puskesmas: open.puskesmas, validFrom: open.validFrom, validTo: null, confirmed: open.confirmed } : null;
    const after = { puskesmas: input.puskesmas, validFrom: input.mulai, validTo: null, confirmed: true };
    const eventId = await event(client, {
      oleh: input.oleh, kind: 'wilayah_kerja', puskesmas: input.puskesmas, kabupaten: input.kabupaten,
      before: before && { ...before, desa: input.desa }, after: { ...after, desa: input.desa },
      note: `Desa ${input.desa} pindah${open ? ` dari ${open.puskesmas}` : ''} ke ${input.puskesmas} mulai ${input.mulai}`,
    });
    if (open) await client.query(`update puskesmas_wilayah set valid_to = $2::date where id = $1`, [open.id, input.mulai]);
    await client.query(`insert into puskesmas_wilayah (puskesmas_kode, desa_kode, valid_from, confirmed, event_id)
      values ($1, $2, $3::date, true, $4)`, [input.puskesmas, input.desa, input.mulai, eventId]);
    return { eventId, before, after };
  }

  return {
    async puskesmasOf(kabupaten: string): Promise<PuskesmasRow[]> {
      const r = await pool.query<PuskesmasRow>(`select kode, nama, kabupaten_kode as kabupaten, sumber from puskesmas
        where kabupaten_kode = $1 and aktif order by nama, kode`, [kabupaten]);
      return r.rows;
    },

    async puskesmas(kode: string): Promise<PuskesmasRow | null> {
      const r = await pool.query<PuskesmasRow>(`select kode, nama, kabupaten_kode as kabupaten, sumber from puskesmas where kode = $1`, [kode]);
      return r.rows[0] ?? null;
    },

    /** Every wilayah kerja row (all of history) of the desa of a kabupaten. */
    async wilayahKerja(kabupaten: string): Promise<WilayahKerjaRow[]> {
      const r = await pool.query<WilayahKerjaRow>(`select desa_kode as desa, puskesmas_kode as puskesmas,
        ${DATE('valid_from')} as "validFrom", ${DATE('valid_to')} as "validTo"
        from puskesmas_wilayah where desa_kode like $1 order by desa_kode, valid_from`, [`${kabupaten}.%`]);
      return r.rows;
    },

    /** Each desa of the kabupaten with the puskesmas holding it on `tanggal` (null: tanpa puskesmas). */
    async assignments(kabupaten: string, tanggal: string): Promise<AssignmentRow[]> {
      const r = await pool.query<AssignmentRow>(`select w.kode as desa, w.nama, pw.puskesmas_kode as puskesmas,
          ${DATE('pw.valid_from')} as "validFrom", coalesce(pw.confirmed, false) as confirmed,
          case when w.label_lng is null or w.label_lat is null then null else json_build_array(w.label_lng, w.label_lat) end as label
        from wilayah w left join puskesmas_wilayah pw on pw.desa_kode = w.kode and pw.valid_from <= $2::date
          and (pw.valid_to is null or pw.valid_to > $2::date)
        where w.tingkat = 'desa' and w.kode like $1 order by w.kode`, [`${kabupaten}.%`, tanggal]);
      return r.rows;
    },

    async stages(kabupaten: string | null, puskesmas: string | null = null): Promise<StageRow[]> {
      const r = await pool.query<StageRow>(`select s.id, s.puskesmas_kode as puskesmas, p.nama, s.stage, ${DATE('s.date')} as date,
          s.evidence, s.sk_number as "skNumber", s.simulated
        from ilp_stage s join puskesmas p on p.kode = s.puskesmas_kode
        where ($1::text is null or p.kabupaten_kode = $1) and ($2::text is null or s.puskesmas_kode = $2)
        order by s.date, s.id`, [kabupaten, puskesmas]);
      return r.rows;
    },

    async waves(kabupaten: string): Promise<WaveRow[]> {
      const r = await pool.query<WaveRow>(`select w.id, w.kabupaten_kode as kabupaten, w.nama, w.tahun, w.target,
          ${DATE('w.planned_start')} as "plannedStart", ${DATE('w.planned_end')} as "plannedEnd", w.basis, w.note, w.simulated,
          coalesce((select json_agg(json_build_object('kode', m.puskesmas_kode, 'nama', p.nama, 'rank', m.rank, 'reason', m.reason)
            order by m.rank nulls last, p.nama) from ilp_wave_member m join puskesmas p on p.kode = m.puskesmas_kode where m.wave_id = w.id), '[]') as members
        from ilp_wave w where w.kabupaten_kode = $1 order by w.tahun, w.id`, [kabupaten]);
      return r.rows;
    },

    async readinessForm(kabupaten: string): Promise<Map<string, Partial<Record<ReadinessItemCode, boolean>>>> {
      const r = await pool.query<{ puskesmas: string; item: ReadinessItemCode; value: boolean }>(
        `select a.puskesmas_kode as puskesmas, a.item, a.value from readiness_answer a join puskesmas p on p.kode = a.puskesmas_kode
         where p.kabupaten_kode = $1`, [kabupaten]);
      const map = new Map<string, Partial<Record<ReadinessItemCode, boolean>>>();
      for (const row of r.rows as { puskesmas: string; item: ReadinessItemCode; value: boolean }[]) {
        const form = map.get(row.puskesmas) ?? {};
        form[row.item] = row.value;
        map.set(row.puskesmas, form);
      }
      return map;
    },

    /** Pustu and Posyandu of the kabupaten's desa; null when none were ever entered there (unknown, not zero). */
    async facilities(kabupaten: string): Promise<{ pustu: PustuRecord[] | null; posyandu: PosyanduRecord[] | null }> {
      const like = `${kabupaten}.%`;
      const [pustu, posyandu] = await Promise.all([
        pool.query<PustuRecord>(`select desa_kode as "kodeDesa", perawat, bidan from pustu where desa_kode like $1`, [like]),
        pool.query<PosyanduRecord>(`select desa_kode as "kodeDesa", sk, kader, kader_tersertifikasi as "kaderTersertifikasi"
          from posyandu where desa_kode like $1`, [like]),
      ]);
      return { pustu: pustu.rows.length ? pustu.rows : null, posyandu: posyandu.rows.length ? posyandu.rows : null };
    },

    /** Pustu and Posyandu of one desa, with the last recorded change. */
    async desaFacilities(desa: string): Promise<Facilities> {
      const [pustu, posyandu, last] = await Promise.all([
        pool.query<Facilities['pustu'][number] & { simulated: boolean }>(`select nama, perawat, bidan, simulated from pustu where desa_kode = $1 order by id`, [desa]),
        pool.query<Facilities['posyandu'][number] & { simulated: boolean }>(`select nama, lokasi, sk, kader, kader_tersertifikasi as "kaderTersertifikasi", simulated
          from posyandu where desa_kode = $1 order by id`, [desa]),
        pool.query<{ oleh: string; at: string }>(`select oleh, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at from rollout_event
          where kind = 'fasilitas' and after->>'desa' = $1 order by id desc limit 1`, [desa]),
      ]);
      const strip = <T extends { simulated: boolean }>({ simulated: _, ...rest }: T) => rest;
      return {
        desa, pustu: pustu.rows.map(strip), posyandu: posyandu.rows.map(strip),
        simulated: [...pustu.rows, ...posyandu.rows].some((r) => r.simulated),
        known: pustu.rows.length + posyandu.rows.length > 0 || last.rows.length > 0,
        lastChange: last.rows[0] ?? null,
      };
    },

    /** Replaces the desa's Pustu and Posyandu in one transaction; the event keeps the lists before and after. */
    async saveDesaFacilities(input: { desa: string; kabupaten: string; body: FacilitiesBody; oleh: string }): Promise<number> {
      return tx(async (client) => {
        await client.query(`select pg_advisory_xact_lock(hashtext('peta:fasilitas:' || $1))`, [input.desa]);
        const before = {
          pustu: (await client.query(`select nama, perawat, bidan, simulated from pustu where desa_kode = $1 order by id`, [input.desa])).rows,
          posyandu: (await client.query(`select nama, lokasi, sk, kader, kader_tersertifikasi as "kaderTersertifikasi", simulated from posyandu
            where desa_kode = $1 order by id`, [input.desa])).rows,
        };
        const { rows: [holder] } = await client.query<{ p: string }>(`select puskesmas_kode as p from puskesmas_wilayah where desa_kode = $1 and valid_to is null`, [input.desa]);
        const eventId = await event(client, { oleh: input.oleh, kind: 'fasilitas', puskesmas: holder?.p ?? null, kabupaten: input.kabupaten,
          before: { desa: input.desa, ...before }, after: { desa: input.desa, ...input.body } });
        await client.query('delete from pustu where desa_kode = $1', [input.desa]);
        await client.query('delete from posyandu where desa_kode = $1', [input.desa]);
        for (const p of input.body.pustu) {
          await client.query(`insert into pustu (desa_kode, nama, perawat, bidan, event_id) values ($1, $2, $3, $4, $5)`,
            [input.desa, p.nama?.trim() || null, p.perawat, p.bidan, eventId]);
        }
        for (const p of input.body.posyandu) {
          await client.query(`insert into posyandu (desa_kode, nama, lokasi, sk, kader, kader_tersertifikasi, event_id) values ($1, $2, $3, $4, $5, $6, $7)`,
            [input.desa, p.nama?.trim() || null, p.lokasi?.trim() || null, p.sk, p.kader, p.kaderTersertifikasi, eventId]);
        }
        return eventId;
      });
    },

    async anySimulated(kabupaten: string): Promise<boolean> {
      const r = await pool.query<{ any: boolean }>(`select exists (select 1 from ilp_wave where kabupaten_kode = $1 and simulated)
        or exists (select 1 from ilp_stage s join puskesmas p on p.kode = s.puskesmas_kode where p.kabupaten_kode = $1 and s.simulated) as any`, [kabupaten]);
      return r.rows[0]!.any;
    },

    async events(puskesmas: string, limit = 50) {
      const r = await pool.query<{ id: number; at: string; oleh: string; kind: string; before: unknown; after: unknown; note: string | null; simulated: boolean }>(
        `select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, oleh, kind, before, after, note, simulated
         from rollout_event where puskesmas_kode = $1 order by id desc limit $2`, [puskesmas, limit]);
      return r.rows;
    },

    /**
     * Moves a desa to another puskesmas from `mulai`: closes the open row on that day and opens a new, confirmed one,
     * as one event with before/after. The open row is locked, so two moves of one desa cannot interleave; the unique
     * index on open rows makes "a desa in two puskesmas" impossible even then.
     */
    async moveDesa(input: MoveInput) {
      return tx((client) => moveInTx(client, input));
    },

    /** The CSV export: every open wilayah kerja row of the kabupaten's desa, by puskesmas name then desa. */
    async wilayahKerjaExport(kabupaten: string): Promise<{ kodePuskesmas: string; nama: string; kodeDesa: string }[]> {
      const r = await pool.query<{ kodePuskesmas: string; nama: string; kodeDesa: string }>(`select p.kode as "kodePuskesmas", p.nama,
          pw.desa_kode as "kodeDesa" from puskesmas_wilayah pw join puskesmas p on p.kode = pw.puskesmas_kode
        where pw.valid_to is null and pw.desa_kode like $1 order by p.nama, p.kode, pw.desa_kode`, [`${kabupaten}.%`]);
      return r.rows;
    },

    /** What a CSV upload is checked against: the named puskesmas, the kabupaten's desa and their open rows. */
    async wilayahKerjaCsvContext(kabupaten: string, kodes: string[]) {
      const like = `${kabupaten}.%`;
      const [p, d, c] = await Promise.all([
        pool.query<{ kode: string; nama: string; kabupaten: string }>(`select kode, nama, kabupaten_kode as kabupaten from puskesmas
          where kode = any($1::text[])`, [kodes]),
        pool.query<{ kode: string }>(`select kode from wilayah where tingkat = 'desa' and kode like $1`, [like]),
        pool.query<{ desa: string; puskesmas: string; validFrom: string; confirmed: boolean }>(`select desa_kode as desa,
          puskesmas_kode as puskesmas, ${DATE('valid_from')} as "validFrom", confirmed from puskesmas_wilayah
          where valid_to is null and desa_kode like $1`, [like]),
      ]);
      return {
        puskesmas: new Map(p.rows.map((r: { kode: string; nama: string; kabupaten: string }) => [r.kode, { nama: r.nama, kabupaten: r.kabupaten }])),
        desa: new Set(d.rows.map((r: { kode: string }) => r.kode)),
        current: new Map(c.rows.map((r: { desa: string; puskesmas: string; validFrom: string; confirmed: boolean }) =>
          [r.desa, { puskesmas: r.puskesmas, validFrom: r.validFrom, confirmed: r.confirmed }])),
      };
    },

    /**
     * Writes a checked CSV plan in one transaction: new puskesmas (sumber 'pengguna'), each move as `moveDesa` does,
     * and confirmations of proposed rows; every change is a rollout_event. Any conflict rolls everything back.
     */
    async commitWilayahKerjaCsv(input: {
      kabupaten: string; mulai: string; oleh: string; newPuskesmas: { kode: string; nama: string }[];
      moves: { desa: string; to: string }[]; confirms: { desa: string; puskesmas: string }[];
    }): Promise<number[]> {
      return tx(async (client) => {
        const ids: number[] = [];
        for (const p of input.newPuskesmas) {
          const eventId = await event(client, { oleh: input.oleh, kind: 'puskesmas', puskesmas: p.kode, kabupaten: input.kabupaten,
            before: null, after: { kode: p.kode, nama: p.nama, kabupaten: input.kabupaten, sumber: 'pengguna' }, note: 'Dari impor CSV wilayah kerja' });
          const { rowCount } = await client.query(`insert into puskesmas (kode, nama, kabupaten_kode, sumber) values ($1, $2, $3, 'pengguna')
            on conflict (kode) do nothing`, [p.kode, p.nama, input.kabupaten]);
          if (!rowCount) throw new RolloutConflict('PUSKESMAS_EXISTS', `Puskesmas ${p.kode} baru saja ditambahkan orang lain. Periksa ulang berkasnya.`);
          ids.push(eventId);
        }
        for (const m of input.moves) {
          ids.push((await moveInTx(client, { desa: m.desa, puskesmas: m.to, mulai: input.mulai, oleh: input.oleh, kabupaten: input.kabupaten })).eventId);
        }
        for (const c of input.confirms) {
          const { rows: [open] } = await client.query<OpenRow>(`select id, puskesmas_kode as puskesmas, ${DATE('valid_from')} as "validFrom",
              confirmed from puskesmas_wilayah where desa_kode = $1 and valid_to is null for update`, [c.desa]);
          if (!open || open.puskesmas !== c.puskesmas) {
            throw new RolloutConflict('CHANGED', `Wilayah kerja desa ${c.desa} berubah sejak pratinjau. Periksa ulang berkasnya.`);
          }
          if (open.confirmed) continue;
          const state = { desa: c.desa, puskesmas: c.puskesmas, validFrom: open.validFrom, validTo: null };
          const eventId = await event(client, { oleh: input.oleh, kind: 'wilayah_kerja', puskesmas: c.puskesmas, kabupaten: input.kabupaten,
            before: { ...state, confirmed: false }, after: { ...state, confirmed: true }, note: `Desa ${c.desa} dikonfirmasi di ${c.puskesmas} (impor CSV)` });
          await client.query(`update puskesmas_wilayah set confirmed = true, event_id = $2 where id = $1`, [open.id, eventId]);
          ids.push(eventId);
        }
        return ids;
      });
    },

    async addStage(input: { puskesmas: string; kabupaten: string; stage: IlpStageCode; date: string; evidence: string; skNumber: string | null; oleh: string }) {
      return tx(async (client) => {
        const { rows: [prev] } = await client.query<{ stage: string; date: string }>(`select stage, ${DATE('date')} as date from ilp_stage
          where puskesmas_kode = $1 and date <= $2::date order by date desc, id desc limit 1`, [input.puskesmas, input.date]);
        const eventId = await event(client, {
          oleh: input.oleh, kind: 'tahap', puskesmas: input.puskesmas, kabupaten: input.kabupaten,
          before: prev ?? { stage: 'belum' }, after: { stage: input.stage, date: input.date, evidence: input.evidence, skNumber: input.skNumber },
        });
        const { rows: [row] } = await client.query<{ id: number }>(`insert into ilp_stage (puskesmas_kode, stage, date, evidence, sk_number, event_id)
          values ($1, $2, $3::date, $4, $5, $6) returning id`, [input.puskesmas, input.stage, input.date, input.evidence, input.skNumber, eventId]);
        return { id: row!.id, eventId };
      });
    },

    async saveWave(input: {
      id: number | null; kabupaten: string; nama: string; tahun: number; target: number; plannedStart: string | null;
      plannedEnd: string | null; note: string; members: { kode: string; rank: number | null; reason: string | null }[]; oleh: string;
    }): Promise<number> {
      return tx(async (client) => {
        let before: unknown = null;
        if (input.id !== null) {
          // Before and after in the same shape, so an edit of any field (also dates or the note) shows what changed.
          const { rows: [old] } = await client.query(`select w.nama, w.tahun, w.target, ${DATE('w.planned_start')} as "plannedStart",
              ${DATE('w.planned_end')} as "plannedEnd", w.note, w.simulated,
              coalesce((select json_agg(json_build_object('kode', m.puskesmas_kode, 'rank', m.rank, 'reason', m.reason) order by m.rank nulls last, m.puskesmas_kode)
                from ilp_wave_member m where m.wave_id = w.id), '[]') as members
            from ilp_wave w where w.id = $1 and w.kabupaten_kode = $2 for update`, [input.id, input.kabupaten]);
          if (!old) throw new RolloutConflict('NOT_FOUND', `Gelombang ${input.id} tidak ditemukan di ${input.kabupaten}.`);
          before = old;
        }
        const eventId = await event(client, {
          oleh: input.oleh, kind: 'gelombang', kabupaten: input.kabupaten, before,
          after: { nama: input.nama, tahun: input.tahun, target: input.target, plannedStart: input.plannedStart, plannedEnd: input.plannedEnd,
            note: input.note, simulated: false, members: input.members },
        });
        let id: number;
        if (input.id === null) {
          const { rows: [row] } = await client.query<{ id: number }>(`insert into ilp_wave (kabupaten_kode, nama, tahun, target, planned_start, planned_end,
            basis, note, simulated, event_id) values ($1, $2, $3, $4, $5::date, $6::date, 'pengguna', $7, false, $8) returning id`,
          [input.kabupaten, input.nama, input.tahun, input.target, input.plannedStart, input.plannedEnd, input.note, eventId]);
          id = row!.id;
        } else {
          id = input.id;
          // A simulated demo wave a user edits becomes the user's: no longer labelled simulasi.
          await client.query(`update ilp_wave set nama = $2, tahun = $3, target = $4, planned_start = $5::date, planned_end = $6::date,
            note = $7, event_id = $8, simulated = false, basis = 'pengguna' where id = $1`,
          [id, input.nama, input.tahun, input.target, input.plannedStart, input.plannedEnd, input.note, eventId]);
          await client.query(`delete from ilp_wave_member where wave_id = $1`, [id]);
        }
        await client.query(`insert into ilp_wave_member (wave_id, puskesmas_kode, rank, reason)
          select $1, k, r, t from unnest($2::text[], $3::int[], $4::text[]) as u(k, r, t)`,
        [id, input.members.map((m) => m.kode), input.members.map((m) => m.rank), input.members.map((m) => m.reason)]);
        return id;
      });
    },

    async saveReadiness(input: { puskesmas: string; kabupaten: string; answers: Record<string, boolean>; oleh: string }) {
      return tx(async (client) => {
        const { rows: old } = await client.query<{ item: string; value: boolean }>(
          `select item, value from readiness_answer where puskesmas_kode = $1 for update`, [input.puskesmas]);
        const before = Object.fromEntries(old.map((o: { item: string; value: boolean }) => [o.item, o.value]));
        const eventId = await event(client, { oleh: input.oleh, kind: 'kesiapan', puskesmas: input.puskesmas, kabupaten: input.kabupaten, before, after: input.answers });
        const items = Object.keys(input.answers);
        await client.query(`insert into readiness_answer (puskesmas_kode, item, value, simulated, event_id)
          select $1, i, v, false, $4 from unnest($2::text[], $3::bool[]) as u(i, v)
          on conflict (puskesmas_kode, item) do update set value = excluded.value, simulated = false, event_id = excluded.event_id`,
        [input.puskesmas, items, items.map((i) => input.answers[i]), eventId]);
        return eventId;
      });
    },

    /** Desa of the kabupaten's wilayah geometry (display geometry per desa), concatenated, no parse. */
    /** Each puskesmas' desa today, and how many are still the unconfirmed proposal. */
    async wilayahKerjaGroups(kabupaten: string): Promise<{ kode: string; nama: string; desa: string[]; unconfirmed: number }[]> {
      const r = await pool.query<{ kode: string; nama: string; desa: string[]; unconfirmed: number }>(`select p.kode, p.nama,
          array_agg(w.desa_kode order by w.desa_kode) as desa, (count(*) filter (where not w.confirmed))::int as unconfirmed
        from puskesmas_wilayah w join puskesmas p on p.kode = w.puskesmas_kode
        where w.valid_to is null and w.desa_kode like $1 group by p.kode, p.nama order by p.nama, p.kode`, [`${kabupaten}.%`]);
      return r.rows;
    },

    /** Changes whenever a wilayah kerja of the kabupaten does (a move inserts a row, a confirmation flips a flag). */
    async wilayahKerjaStamp(kabupaten: string): Promise<string> {
      const r = await pool.query<{ stamp: string }>(`select concat_ws('-', coalesce(max(id), 0), count(*) filter (where valid_to is null),
          count(*) filter (where confirmed)) as stamp from puskesmas_wilayah where desa_kode like $1`, [`${kabupaten}.%`]);
      return r.rows[0]!.stamp;
    },

    async desaGeometries(kabupaten: string): Promise<{ kode: string; nama: string; geojson: string }[]> {
      const r = await pool.query<{ kode: string; nama: string; geojson: string }>(`select w.kode, w.nama, g.geojson
        from wilayah w join wilayah_geometry g on g.kode = w.kode where w.tingkat = 'desa' and w.kode like $1 order by w.kode`, [`${kabupaten}.%`]);
      return r.rows;
    },
  };
}

export type RolloutRepository = ReturnType<typeof rolloutRepository>;
