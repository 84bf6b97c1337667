// Wilayah kerja: which puskesmas holds which desa, over time. A desa moves from a date (the open row is closed that day
// and a new confirmed one opens, one rollout_event with before/after); a CSV `kode_puskesmas,nama,kode_desa` is checked
// row by row against the database (domain planWilayahKerjaCsv) and written in one transaction; the export is the same
// CSV; the polygons are the desa of each puskesmas dissolved (wilayah-kerja-geometry.ts). History is never overwritten.
import {
  ancestorAt,
  planWilayahKerjaCsv,
  wilayahKerjaCsvLines,
  wilayahKerjaCsvPuskesmasKodes,
  type ImportIssue,
  type WilayahKerjaCsvIssue,
  type WilayahKerjaCsvPlan,
} from '@peta/domain';
import type { MoveDesaResponse, WilayahKerjaCsvOutcome } from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import { conflict, invalid } from '../errors.ts';
import { dateParam } from '../inputs.ts';
import type { WilayahRepository } from '../wilayah/wilayah-repository.ts';
import type { WilayahService } from '../wilayah/wilayah-service.ts';
import type { PuskesmasRow } from './puskesmas-repository.ts';
import type { PuskesmasService } from './puskesmas-service.ts';
import { inTransaction, rolloutRepositories, type RolloutRepositories } from './repositories.ts';
import { dissolveWilayahKerja } from './wilayah-kerja-geometry.ts';

/** A file as the upload reader gives it: rows of cells, or the reasons it could not be read. */
export type CsvRead = { ok: true; sheet: { rows: unknown[][] } } | { ok: false; errors: ImportIssue[] };

/** A checked CSV: the plan and where and from when it applies. */
export type WilayahKerjaCsvCheck = WilayahKerjaCsvPlan & { kabupaten: string; mulai: string };

type MoveInput = { desa: string; puskesmas: string; mulai: string; oleh: string; kabupaten: string };

/** One move inside a transaction: the rules of a single move and of the CSV import alike. */
async function moveInTx({ wilayahKerja, events }: RolloutRepositories, input: MoveInput): Promise<MoveDesaResponse> {
  const open = await wilayahKerja.openRow(input.desa, true);
  const later = await wilayahKerja.closedAfter(input.desa, input.mulai);
  if (open && open.puskesmas === input.puskesmas) {
    throw conflict('SAME_PUSKESMAS', `Desa ${input.desa} sudah berada di wilayah kerja puskesmas ${input.puskesmas}.`);
  }
  if ((open && open.validFrom >= input.mulai) || later > 0) {
    throw conflict(
      'DATE_BEFORE_CURRENT',
      `Tanggal mulai ${input.mulai} harus sesudah awal wilayah kerja yang berlaku (${open?.validFrom ?? 'riwayat yang lebih baru'}). Riwayat tidak ditimpa.`,
    );
  }
  const before = open
    ? { puskesmas: open.puskesmas, validFrom: open.validFrom, validTo: null, confirmed: open.confirmed }
    : null;
  const after = { puskesmas: input.puskesmas, validFrom: input.mulai, validTo: null, confirmed: true };
  const eventId = await events.record({
    oleh: input.oleh,
    kind: 'wilayah_kerja',
    puskesmas: input.puskesmas,
    kabupaten: input.kabupaten,
    before: before && { ...before, desa: input.desa },
    after: { ...after, desa: input.desa },
    note: `Desa ${input.desa} pindah${open ? ` dari ${open.puskesmas}` : ''} ke ${input.puskesmas} mulai ${input.mulai}`,
  });
  if (open) await wilayahKerja.close(open.id, input.mulai);
  await wilayahKerja.openConfirmed({ puskesmas: input.puskesmas, desa: input.desa, validFrom: input.mulai, eventId });
  return { eventId, before, after };
}

export function wilayahKerjaService(
  db: DbOrTx,
  deps: {
    wilayah: WilayahRepository;
    areas: Pick<WilayahService, 'requireDesa'>;
    puskesmas: Pick<PuskesmasService, 'require'>;
  },
) {
  const repos = rolloutRepositories(db);

  return {
    /** What a move touches, checked before the user's scope is: the desa, and the puskesmas of the same kabupaten. */
    async moveTarget(desaKode: string, puskesmasKode: string): Promise<{ desa: string; puskesmas: PuskesmasRow }> {
      const desa = await deps.areas.requireDesa(desaKode);
      const puskesmas = await deps.puskesmas.require(puskesmasKode);
      if (ancestorAt(desa.kode, 'kabupaten') !== puskesmas.kabupaten) {
        throw invalid(
          'OTHER_KABUPATEN',
          `Desa ${desa.kode} tidak berada di kabupaten/kota puskesmas ${puskesmas.nama} (${puskesmas.kabupaten}).`,
        );
      }
      return { desa: desa.kode, puskesmas };
    },

    /**
     * Moves a desa to another puskesmas from `mulaiText`: closes the open row on that day and opens a new, confirmed
     * one, as one event with before/after. The open row is locked, so two moves of one desa cannot interleave.
     */
    async move(
      target: { desa: string; puskesmas: PuskesmasRow },
      mulaiText: string,
      oleh: string,
    ): Promise<MoveDesaResponse> {
      const mulai = dateParam(mulaiText, 'Tanggal mulai');
      const p = target.puskesmas;
      return inTransaction(db, (tx) =>
        moveInTx(tx, { desa: target.desa, puskesmas: p.kode, mulai, oleh, kabupaten: p.kabupaten }),
      );
    },

    /** The CSV of a kabupaten: every open row, by puskesmas name then desa (with the byte-order mark Excel wants). */
    async exportCsv(kabupaten: string): Promise<string> {
      return `\ufeff${wilayahKerjaCsvLines(await repos.wilayahKerja.exportRows(kabupaten))}`;
    },

    /** Checks an uploaded CSV against the database: every row's issues and the changes it would make. Writes nothing. */
    async check(kabupaten: string, mulai: string, read: CsvRead): Promise<WilayahKerjaCsvCheck> {
      const base = { kabupaten, mulai };
      if (!read.ok) {
        return {
          ...base,
          rows: 0,
          errors: read.errors as WilayahKerjaCsvIssue[],
          warnings: [],
          newPuskesmas: [],
          moves: [],
          confirms: [],
          unchanged: 0,
        };
      }
      const rows = read.sheet.rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
      const [named, desa, current] = await Promise.all([
        repos.puskesmas.findMany(wilayahKerjaCsvPuskesmasKodes(rows)),
        deps.wilayah.desaUnder(kabupaten),
        repos.wilayahKerja.openRowsUnder(kabupaten),
      ]);
      const ctx = {
        kabupaten,
        mulai,
        puskesmas: new Map(named.map((p) => [p.kode, { nama: p.nama, kabupaten: p.kabupaten }])),
        desa: new Set(desa),
        current: new Map(
          current.map((r) => [r.desa, { puskesmas: r.puskesmas, validFrom: r.validFrom, confirmed: r.confirmed }]),
        ),
      };
      return { ...base, ...planWilayahKerjaCsv(rows, ctx) };
    },

    /**
     * Writes a checked CSV in one transaction: new puskesmas (sumber 'pengguna'), each move as a single move does, and
     * confirmations of proposed rows; every change is a rollout_event. Any conflict rolls everything back. A plan with
     * errors writes nothing (status 'invalid').
     */
    async commit(plan: WilayahKerjaCsvCheck, oleh: string): Promise<WilayahKerjaCsvOutcome> {
      if (plan.errors.length) return outcome(plan, 'invalid');
      const eventIds = await inTransaction(db, async (tx) => {
        const ids: number[] = [];
        for (const p of plan.newPuskesmas) {
          const eventId = await tx.events.record({
            oleh,
            kind: 'puskesmas',
            puskesmas: p.kode,
            kabupaten: plan.kabupaten,
            before: null,
            after: { kode: p.kode, nama: p.nama, kabupaten: plan.kabupaten, sumber: 'pengguna' },
            note: 'Dari impor CSV wilayah kerja',
          });
          if (!(await tx.puskesmas.insertFromUser({ kode: p.kode, nama: p.nama, kabupaten: plan.kabupaten }))) {
            throw conflict(
              'PUSKESMAS_EXISTS',
              `Puskesmas ${p.kode} baru saja ditambahkan orang lain. Periksa ulang berkasnya.`,
            );
          }
          ids.push(eventId);
        }
        for (const m of plan.moves) {
          ids.push(
            (await moveInTx(tx, { desa: m.desa, puskesmas: m.to, mulai: plan.mulai, oleh, kabupaten: plan.kabupaten }))
              .eventId,
          );
        }
        for (const c of plan.confirms) {
          const open = await tx.wilayahKerja.openRow(c.desa, true);
          if (!open || open.puskesmas !== c.puskesmas) {
            throw conflict('CHANGED', `Wilayah kerja desa ${c.desa} berubah sejak pratinjau. Periksa ulang berkasnya.`);
          }
          if (open.confirmed) continue;
          const state = { desa: c.desa, puskesmas: c.puskesmas, validFrom: open.validFrom, validTo: null };
          const eventId = await tx.events.record({
            oleh,
            kind: 'wilayah_kerja',
            puskesmas: c.puskesmas,
            kabupaten: plan.kabupaten,
            before: { ...state, confirmed: false },
            after: { ...state, confirmed: true },
            note: `Desa ${c.desa} dikonfirmasi di ${c.puskesmas} (impor CSV)`,
          });
          await tx.wilayahKerja.confirm(open.id, eventId);
          ids.push(eventId);
        }
        return ids;
      });
      return outcome(plan, 'committed', eventIds);
    },

    outcome,

    /**
     * What the polygons of a kabupaten are a function of: the geometry version and a stamp that changes whenever a
     * wilayah kerja there does (a move inserts a row, a confirmation flips a flag). Same key, same polygons.
     */
    async polygonsKey(kabupaten: string): Promise<string> {
      const [latest, stamp] = await Promise.all([deps.wilayah.latestImport(), repos.wilayahKerja.stamp(kabupaten)]);
      return `${latest?.geometryVersion ?? ''}/${kabupaten}/${stamp}`;
    },

    /** The wilayah kerja of the kabupaten today as GeoJSON: per puskesmas its desa dissolved, name, desa and unconfirmed count. */
    async polygons(kabupaten: string): Promise<Buffer> {
      const [desa, groups] = await Promise.all([
        deps.wilayah.desaGeometriesUnder(kabupaten),
        repos.wilayahKerja.groups(kabupaten),
      ]);
      return Buffer.from(JSON.stringify(dissolveWilayahKerja(desa, groups)));
    },
  };
}

/** What the preview and the commit answer: the plan, its status, and the events written. */
function outcome(
  plan: WilayahKerjaCsvCheck,
  status: WilayahKerjaCsvOutcome['status'],
  eventIds: number[] = [],
): WilayahKerjaCsvOutcome {
  return {
    status,
    kabupaten: plan.kabupaten,
    mulai: plan.mulai,
    rows: plan.rows,
    errors: plan.errors,
    warnings: plan.warnings,
    newPuskesmas: plan.newPuskesmas,
    moves: plan.moves,
    confirms: plan.confirms,
    unchanged: plan.unchanged,
    changed: plan.newPuskesmas.length + plan.moves.length + plan.confirms.length > 0,
    eventIds,
  };
}

export type WilayahKerjaService = ReturnType<typeof wilayahKerjaService>;
