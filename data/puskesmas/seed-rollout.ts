// First-start seed of the roll-out planner (issue 7), idempotent like ensureDemoData; each step runs only where
// its data is missing, so a later start does nothing and a start with more desa loaded adds only what is new:
//  1. puskesmas of the Komdat list, all of Indonesia (sumber 'komdat-2022');
//  2. for each kabupaten whose desa are loaded and none is in a wilayah kerja yet: the UNCONFIRMED wilayah kerja
//     proposal from names (packages/domain proposeWilayahKerja), valid from 2025-01-01;
//  3. for the demo kabupaten (data/demo/rollout.ts) without a wave yet: waves, stage histories, readiness answers,
//     Pustu and Posyandu — simulated (simulated = true, evidence says "simulasi").
// Every step is a rollout_event of kind 'seed' that the rows it wrote point at. One transaction.
import type { Database } from '@peta/db';
import { ancestorAt, groupBy, proposeWilayahKerja } from '@peta/domain';
import { readCodeList } from '../importers/boundaries/code-list.ts';
import { DEMO_SEED } from '../demo/assumptions.ts';
import { generateRollout, ROLLOUT_PLANS } from '../demo/rollout.ts';
import { readKomdatPuskesmas } from './read-komdat.ts';

export const WILAYAH_KERJA_SEED_FROM = '2025-01-01';
const SEED_BY = 'seed (data awal)';
/** The note of a wilayah kerja proposal's event: how a start knows a kabupaten was proposed already. */
const PROPOSAL_NOTE = 'Usulan wilayah kerja dari nama puskesmas (belum dikonfirmasi)';

/** The tables the seed writes. */
export const SEED_TABLES = [
  'puskesmas',
  'puskesmas_wilayah',
  'rollout_event',
  'ilp_wave',
  'ilp_wave_member',
  'ilp_stage',
  'readiness_answer',
  'pustu',
  'posyandu',
] as const;

export interface RolloutSeedResult {
  puskesmas: number;
  wilayahKerjaKabupaten: number;
  wilayahKerjaDesa: number;
  desaWithoutPuskesmas: number;
  demoKabupaten: string[];
  ms: number;
}

type Client = import('pg').PoolClient;

async function event(
  client: Client,
  kabupaten: string | null,
  note: string,
  after: unknown,
  simulated: boolean,
): Promise<number> {
  const {
    rows: [row],
  } = await client.query<{ id: number }>(
    `insert into rollout_event (oleh, kind, kabupaten_kode, after, note, simulated) values ($1, 'seed', $2, $3, $4, $5) returning id`,
    [SEED_BY, kabupaten, JSON.stringify(after), note, simulated],
  );
  return row!.id;
}

export async function ensureRolloutSeed(
  database: Database,
  options: { seed?: string; demo?: boolean } = {},
): Promise<RolloutSeedResult> {
  const started = Date.now();
  const result: RolloutSeedResult = {
    puskesmas: 0,
    wilayahKerjaKabupaten: 0,
    wilayahKerjaDesa: 0,
    desaWithoutPuskesmas: 0,
    demoKabupaten: [],
    ms: 0,
  };
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    // Two servers starting on one database must not seed twice.
    await client.query(`select pg_advisory_xact_lock(hashtext('peta:rollout-seed'))`);

    // 1. Puskesmas.
    const {
      rows: [count],
    } = await client.query<{ n: number }>(`select count(*)::int as n from puskesmas where sumber = 'komdat-2022'`);
    const existing = count?.n ?? 0;
    if (existing === 0) {
      const komdat = await readKomdatPuskesmas(await readCodeList());
      await event(
        client,
        null,
        'Daftar puskesmas Komdat 2022 (CC0)',
        {
          puskesmas: komdat.puskesmas.length,
          remapped: komdat.remapped,
          unresolved: komdat.unresolved.length,
        },
        false,
      );
      const r = await client.query(
        `insert into puskesmas (kode, nama, kabupaten_kode, sumber)
        select * from unnest($1::text[], $2::text[], $3::text[], array_fill('komdat-2022'::text, array[$4::int])) on conflict do nothing`,
        [
          komdat.puskesmas.map((p) => p.kodeInstansi),
          komdat.puskesmas.map((p) => p.nama),
          komdat.puskesmas.map((p) => p.kabupaten),
          komdat.puskesmas.length,
        ],
      );
      result.puskesmas = r.rowCount ?? 0;
    }

    // 2. Wilayah kerja proposal, per kabupaten with desa, no wilayah kerja and no proposal yet. A proposal that placed
    // no desa (no puskesmas name matched a kecamatan or desa: 8 kabupaten nationally) leaves no wilayah kerja, so
    // without its event in the difference every restart proposed it again, adding an empty proposal to the history.
    // A set difference of kabupaten kode (hashed), not a LIKE per desa: nationally that was 83,762 scans of
    // puskesmas_wilayah on every start (minutes).
    const { rows: kabupaten } = await client.query<{ kab: string }>(
      `select kab from (select distinct left(kode, 5) as kab from wilayah where tingkat = 'desa'
        except select distinct left(desa_kode, 5) from puskesmas_wilayah
        except select kabupaten_kode from rollout_event where kind = 'seed' and oleh = $1 and note = $2) k
      order by 1`,
      [SEED_BY, PROPOSAL_NOTE],
    );
    // The puskesmas, kecamatan and desa of all those kabupaten in three statements, grouped here: one round trip per
    // kabupaten and table (514 × 3 nationally) took ~2 s of a first start's serial tail; the three take ~0.15 s.
    // Each group keeps the statement's order by kode, as the per-kabupaten statements had.
    const kabs = kabupaten.map((k) => k.kab);
    const puskesmasOf = groupBy(
      (
        await client.query<{ kode: string; nama: string; kab: string }>(
          `select kode, nama, kabupaten_kode as kab from puskesmas where kabupaten_kode = any($1) and aktif order by kode`,
          [kabs],
        )
      ).rows,
      (r) => r.kab,
    );
    const kecamatanOf = groupBy(
      (
        await client.query<{ kode: string; nama: string }>(
          `select kode, nama from wilayah where tingkat = 'kecamatan' and left(kode, 5) = any($1) order by kode`,
          [kabs],
        )
      ).rows,
      (r) => r.kode.slice(0, 5),
    );
    const desaOf = groupBy(
      (
        await client.query<{ kode: string; nama: string; kecamatan: string }>(
          `select kode, nama, parent_kode as kecamatan from wilayah where tingkat = 'desa' and left(kode, 5) = any($1) order by kode`,
          [kabs],
        )
      ).rows,
      (r) => r.kode.slice(0, 5),
    );
    const proposals: {
      kab: string;
      proposal: ReturnType<typeof proposeWilayahKerja>;
      placements: Record<string, number>;
    }[] = [];
    for (const kab of kabs) {
      const pkm = (puskesmasOf.get(kab) ?? []).map(({ kode, nama }) => ({ kode, nama }));
      if (!pkm.length) continue;
      const proposal = proposeWilayahKerja(pkm, kecamatanOf.get(kab) ?? [], desaOf.get(kab) ?? []);
      const placements: Record<string, number> = {};
      for (const p of proposal.placements) placements[p.kind] = (placements[p.kind] ?? 0) + 1;
      proposals.push({ kab, proposal, placements });
    }
    // One event per kabupaten and all their desa in two statements, in the order the per-kabupaten statements had (ids
    // included). On a first seed (no wilayah kerja at all yet: nationally 73,907 rows) the two foreign keys are dropped
    // for the insert and added again after it, checked in one join: row by row they took ~2.5 s of ~3.6 s of the
    // insert, in the first start's serial tail. The same names and definitions as the migration (0004).
    const {
      rows: [state],
    } = await client.query<{ empty: boolean }>(`select not exists(select 1 from puskesmas_wilayah) as empty`);
    const bulk = state!.empty && proposals.length > 0;
    const { rows: events } = await client.query<{ id: number; kab: string }>(
      `insert into rollout_event (oleh, kind, kabupaten_kode, after, note, simulated)
      select $1, 'seed', k, a::jsonb, $2, false from unnest($3::text[], $4::text[]) with ordinality as u(k, a, i) order by i
      returning id, kabupaten_kode as kab`,
      [
        SEED_BY,
        PROPOSAL_NOTE,
        proposals.map((p) => p.kab),
        proposals.map(({ proposal, placements }) =>
          JSON.stringify({
            confirmed: false,
            validFrom: WILAYAH_KERJA_SEED_FROM,
            desa: proposal.assignment.size,
            desaWithoutPuskesmas: proposal.desaWithoutPuskesmas.length,
            placements,
          }),
        ),
      ],
    );
    const eventOf = new Map(events.map((e) => [e.kab, e.id]));
    const rows = { puskesmas: [] as string[], desa: [] as string[], event: [] as number[] };
    for (const { kab, proposal } of proposals) {
      for (const [desa, puskesmas] of proposal.assignment) {
        rows.puskesmas.push(puskesmas);
        rows.desa.push(desa);
        rows.event.push(eventOf.get(kab)!);
      }
      result.wilayahKerjaKabupaten++;
      result.wilayahKerjaDesa += proposal.assignment.size;
      result.desaWithoutPuskesmas += proposal.desaWithoutPuskesmas.length;
    }
    if (bulk)
      await client.query(`alter table puskesmas_wilayah drop constraint puskesmas_wilayah_puskesmas_kode_puskesmas_kode_fk,
        drop constraint puskesmas_wilayah_event_id_rollout_event_id_fk`);
    await client.query(
      `insert into puskesmas_wilayah (puskesmas_kode, desa_kode, valid_from, confirmed, event_id)
      select p, d, $4::date, false, e from unnest($1::text[], $2::text[], $3::int[]) with ordinality as u(p, d, e, i) order by i`,
      [rows.puskesmas, rows.desa, rows.event, WILAYAH_KERJA_SEED_FROM],
    );
    if (bulk)
      await client.query(`alter table puskesmas_wilayah
        add constraint puskesmas_wilayah_puskesmas_kode_puskesmas_kode_fk foreign key (puskesmas_kode) references puskesmas(kode),
        add constraint puskesmas_wilayah_event_id_rollout_event_id_fk foreign key (event_id) references rollout_event(id)`);

    // 3. Demo roll-out (simulated) for the demo kabupaten without a wave.
    const { rows: withWave } = await client.query<{ k: string }>(`select distinct kabupaten_kode as k from ilp_wave`);
    const todo =
      options.demo === false
        ? []
        : ROLLOUT_PLANS.map((p) => p.kabupaten).filter((k) => !withWave.some((w) => w.k === k));
    if (todo.length) {
      const { rows: pkm } = await client.query<{ kode: string; nama: string; kabupaten: string }>(
        `select kode, nama, kabupaten_kode as kabupaten from puskesmas where kabupaten_kode = any($1) order by kode`,
        [todo],
      );
      const { rows: desaRows } = await client.query<{ kode: string }>(
        `select kode from wilayah where tingkat = 'desa' and left(kode, 5) = any($1) order by kode`,
        [todo],
      );
      const demo = generateRollout(
        pkm,
        desaRows.map((d) => d.kode),
        options.seed ?? DEMO_SEED,
      );
      for (const kab of todo) {
        const here = new Set(pkm.filter((p) => p.kabupaten === kab).map((p) => p.kode));
        if (!here.size) continue;
        const waves = demo.waves.filter((w) => w.kabupaten === kab);
        const stages = demo.stageEvents.filter((e) => here.has(e.puskesmas));
        const pustu = demo.pustu.filter((p) => ancestorAt(p.kodeDesa, 'kabupaten') === kab);
        const posyandu = demo.posyandu.filter((p) => ancestorAt(p.kodeDesa, 'kabupaten') === kab);
        const eventId = await event(
          client,
          kab,
          'Data contoh rencana ILP (simulasi)',
          {
            waves: waves.map((w) => ({ nama: w.nama, tahun: w.tahun, target: w.target, basis: w.basis })),
            stageEvents: stages.length,
            pustu: pustu.length,
            posyandu: posyandu.length,
          },
          true,
        );
        for (const w of waves) {
          const {
            rows: [wave],
          } = await client.query<{ id: number }>(
            `insert into ilp_wave
            (kabupaten_kode, nama, tahun, target, planned_start, planned_end, basis, note, simulated, event_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, true, $9) returning id`,
            [kab, w.nama, w.tahun, w.target, `${w.tahun}-01-01`, `${w.tahun}-12-31`, w.basis, w.note, eventId],
          );
          await client.query(`insert into ilp_wave_member (wave_id, puskesmas_kode) select $1, unnest($2::text[])`, [
            wave!.id,
            w.members,
          ]);
        }
        await client.query(
          `insert into ilp_stage (puskesmas_kode, stage, date, evidence, simulated, event_id)
          select p, s, d::date, e, true, $5 from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(p, s, d, e)`,
          [
            stages.map((s) => s.puskesmas),
            stages.map((s) => s.stage),
            stages.map((s) => s.date),
            stages.map((s) => s.evidence),
            eventId,
          ],
        );
        const answers = [...demo.readinessForm]
          .filter(([k]) => here.has(k))
          .flatMap(([k, form]) => Object.entries(form).map(([item, v]) => [k, item, v] as const));
        await client.query(
          `insert into readiness_answer (puskesmas_kode, item, value, simulated, event_id)
          select p, i, v, true, $4 from unnest($1::text[], $2::text[], $3::bool[]) as u(p, i, v)`,
          [answers.map((a) => a[0]), answers.map((a) => a[1]), answers.map((a) => a[2]), eventId],
        );
        await client.query(
          `insert into pustu (desa_kode, perawat, bidan, simulated, event_id)
          select d, p, b, true, $4 from unnest($1::text[], $2::int[], $3::int[]) as u(d, p, b)`,
          [pustu.map((p) => p.kodeDesa), pustu.map((p) => p.perawat), pustu.map((p) => p.bidan), eventId],
        );
        await client.query(
          `insert into posyandu (desa_kode, sk, kader, kader_tersertifikasi, simulated, event_id)
          select d, s, k, c, true, $5 from unnest($1::text[], $2::bool[], $3::int[], $4::int[]) as u(d, s, k, c)`,
          [
            posyandu.map((p) => p.kodeDesa),
            posyandu.map((p) => p.sk),
            posyandu.map((p) => p.kader),
            posyandu.map((p) => p.kaderTersertifikasi),
            eventId,
          ],
        );
        result.demoKabupaten.push(kab);
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  result.ms = Date.now() - started;
  return result;
}
