// Actions (rencana tindak lanjut) of a meeting: pinned to one desa of the meeting's area and one indicator, with the
// value when agreed (baseline) and its movement since. An edit writes the changed fields before/after to the action's
// change log in the same transaction.
import { getIndicator, movementSince, parsePeriod } from '@peta/domain';
import type { ActionStatus, Baseline, CreateAction, MeetingAction, UpdateAction } from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import { invalid, notFound } from '../errors.ts';
import { dateParam, indicatorParam } from '../inputs.ts';
import type { ValuesService } from '../values/values-service.ts';
import type { WilayahRepository } from '../wilayah/wilayah-repository.ts';
import { valueAt } from './agenda-service.ts';
import { requireMeeting, valueRows, type MeetingAreas } from './meeting-area.ts';
import { meetingsRepository, type ActionChangeRow, type ActionPatch, type ActionRow } from './meetings-repository.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** An action as the API gives it: the desa's name, its movement from the baseline to `now`, and its change log. */
export function actionDto(
  a: ActionRow,
  nama: Map<string, string>,
  changes: ActionChangeRow[],
  now: Baseline,
): MeetingAction {
  const baseline = a.baseline as Baseline;
  const def = getIndicator(a.indicator);
  return {
    id: a.id,
    meetingId: a.meetingId,
    desaKode: a.desaKode,
    desaNama: nama.get(a.desaKode) ?? a.desaKode,
    indicator: a.indicator,
    apa: a.apa,
    siapa: a.siapa,
    tenggat: a.tenggat,
    status: a.status as ActionStatus,
    baseline,
    createdAt: iso(a.createdAt),
    oleh: a.oleh,
    movement: movementSince(baseline, now, def?.unit ?? 'percent'),
    changes: changes
      .filter((c) => c.actionId === a.id)
      .map((c) => ({
        at: iso(c.at),
        oleh: c.oleh,
        before: c.before as Record<string, unknown>,
        after: c.after as Record<string, unknown>,
      })),
  };
}

export function actionsService(
  db: DbOrTx,
  deps: { wilayah: WilayahRepository; areas: MeetingAreas; values: Pick<ValuesService, 'childValues'> },
) {
  const repo = meetingsRepository(db);

  return {
    /** The desa an action is pinned to (what an edit touches); 404 when there is no such action. */
    async desaOf(id: number): Promise<string> {
      const action = await repo.findAction(id);
      if (!action) throw notFound(`Tindak lanjut #${id} tidak ditemukan.`);
      return action.desaKode;
    },

    /** Adds an action for a desa of the meeting's area; its baseline is the desa's value at the meeting's period. */
    async add(meetingId: number, body: CreateAction, oleh: string): Promise<MeetingAction> {
      const m = await requireMeeting(repo, meetingId);
      const def = indicatorParam(body.indicator);
      const area = await deps.areas.areaOf(m);
      const desa = await deps.wilayah.findByKode(body.desaKode);
      if (desa?.tingkat !== 'desa' || !area.desa.includes(desa.kode)) {
        throw invalid(
          'DESA_NOT_IN_WILAYAH',
          `Desa ${body.desaKode} bukan desa/kelurahan di wilayah rapat ini (${area.kind === 'puskesmas' ? area.nama : m.wilayahKode}).`,
        );
      }
      const tenggat = body.tenggat ? dateParam(body.tenggat, 'Tenggat') : null;
      const baseline = await valueAt(valueRows(deps.values), def.code, parsePeriod(m.periode), desa.kode);
      const created = await repo.insertAction({
        meetingId,
        desaKode: desa.kode,
        indicator: def.code,
        apa: body.apa.trim(),
        siapa: body.siapa.trim(),
        tenggat,
        status: 'terbuka',
        baseline,
        oleh,
      });
      return actionDto(created, new Map([[desa.kode, desa.nama]]), [], baseline);
    },

    /** Applies an edit; only the fields that change are logged (nothing changes: nothing is logged). */
    async update(actionId: number, body: UpdateAction, oleh: string): Promise<MeetingAction> {
      const existing = await repo.findAction(actionId);
      if (!existing) throw notFound(`Tindak lanjut #${actionId} tidak ditemukan.`);
      const tenggat =
        body.tenggat === undefined ? undefined : body.tenggat === null ? null : dateParam(body.tenggat, 'Tenggat');
      const patch: ActionPatch = { apa: body.apa?.trim(), siapa: body.siapa?.trim(), tenggat, status: body.status };
      const updated = await db.transaction(async (tx) => {
        const actions = meetingsRepository(tx);
        const current = await actions.lockAction(actionId);
        if (!current) throw notFound(`Tindak lanjut #${actionId} tidak ditemukan.`);
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(patch) as [keyof ActionPatch, unknown][]) {
          if (value === undefined || current[key] === value) continue;
          before[key] = current[key];
          after[key] = value;
        }
        if (!Object.keys(after).length) return current;
        const row = await actions.updateAction(actionId, after as ActionPatch);
        await actions.insertChange({ actionId, oleh, before, after });
        return row;
      });
      const m = await requireMeeting(repo, updated.meetingId);
      const [names, changes] = await Promise.all([
        deps.areas.desaNames([updated.desaKode]),
        repo.changesOf([actionId]),
      ]);
      return actionDto(
        updated,
        names,
        changes,
        await valueAt(valueRows(deps.values), updated.indicator, parsePeriod(m.periode), updated.desaKode),
      );
    },
  };
}

export type ActionsService = ReturnType<typeof actionsService>;
