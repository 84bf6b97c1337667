// Meetings (Lokakarya Mini and others) about a kecamatan or a puskesmas' wilayah kerja: what a write touches (for the
// caller's scope check), create (with the agenda snapshot generated from the values of the area's desa and the open
// actions of earlier meetings), list, and one meeting in detail (its actions with their movement since, the open
// actions of earlier meetings, notes with history). The rules are in @peta/domain.
import { parsePeriod, upgradeAgenda, type Target } from '@peta/domain';
import {
  MEETING_TYPE_LABELS,
  type AgendaAction,
  type CreateMeeting,
  type EarlierAction,
  type MeetingDetail,
  type MeetingSummary,
  type MeetingType,
  type Peserta,
} from '@peta/domain/contract';
import type { DbOrTx } from '@peta/db';
import { invalid, notFound } from '../errors.ts';
import { dateParam, periodParam } from '../inputs.ts';
import type { ValuesRepository } from '../values/values-repository.ts';
import type { ValuesService } from '../values/values-service.ts';
import type { WilayahRepository } from '../wilayah/wilayah-repository.ts';
import { actionDto } from './actions-service.ts';
import { generateAgenda, valueAt } from './agenda-service.ts';
import { kecamatanName, requireMeeting, valueRows, type MeetingArea, type MeetingAreas } from './meeting-area.ts';
import { meetingsRepository, type ActionRow, type MeetingRow } from './meetings-repository.ts';
import { notesWithHistory } from './notes-service.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** Every meeting of the same date counts as earlier for a new one (ids are below this). */
const AFTER_EVERY_ID = 2_147_483_647;

export function meetingsService(
  db: DbOrTx,
  deps: {
    wilayah: WilayahRepository;
    areas: MeetingAreas;
    values: Pick<ValuesService, 'childValues'>;
    valuesRepo: Pick<ValuesRepository, 'indicatorsWithData'>;
    now: () => Date;
  },
) {
  const repo = meetingsRepository(db);
  const { areas } = deps;

  function summaryOf(
    m: MeetingRow,
    area: MeetingArea,
    counts: { actionCount: number; openActionCount: number },
  ): MeetingSummary {
    const period = parsePeriod(m.periode);
    return {
      id: m.id,
      jenis: m.jenis as MeetingType,
      jenisLabel: MEETING_TYPE_LABELS[m.jenis as MeetingType] ?? m.jenis,
      tanggal: m.tanggal,
      wilayahKode: area.mapKode,
      puskesmasKode: m.puskesmasKode,
      desaKodes: area.desa,
      judul: m.judul,
      periode: period.code,
      periodeLabel: period.label,
      peserta: m.peserta as Peserta[],
      createdAt: iso(m.createdAt),
      oleh: m.oleh,
      ...counts,
    };
  }

  /** What creating this meeting touches; 400/404 for a body naming no or an unknown area. */
  async function targetOfNew(body: Pick<CreateMeeting, 'wilayah' | 'puskesmas'>): Promise<Target> {
    if ((body.wilayah === undefined) === (body.puskesmas === undefined)) {
      throw invalid('AREA_REQUIRED', 'Sebutkan tepat satu: wilayah (kode kecamatan) atau puskesmas (kode puskesmas).');
    }
    if (body.wilayah !== undefined) return { wilayah: body.wilayah };
    const p = await areas.requirePuskesmas(body.puskesmas!);
    return { puskesmas: p.kode, kabupaten: p.kabupaten };
  }

  async function detail(id: number): Promise<MeetingDetail> {
    const m = await requireMeeting(repo, id);
    const period = parsePeriod(m.periode);
    const key = m.puskesmasKode ? { puskesmas: m.puskesmasKode } : { kecamatan: m.wilayahKode ?? '' };
    const [actions, earlier, notes, counts, area] = await Promise.all([
      repo.actionsOf(id),
      repo.openActionsBefore(key, { tanggal: m.tanggal, id: m.id }),
      repo.notes(id),
      repo.actionCounts(id),
      areas.areaOf(m),
    ]);
    const all = [...actions, ...earlier.map((e) => e.action)];
    const [names, changes] = await Promise.all([
      areas.desaNames(all.map((a) => a.desaKode)),
      repo.changesOf(all.map((a) => a.id)),
    ]);
    const rows = valueRows(deps.values);
    const nowOf = (a: ActionRow) => valueAt(rows, a.indicator, period, a.desaKode);
    const actionDtos = await Promise.all(actions.map(async (a) => actionDto(a, names, changes, await nowOf(a))));
    const earlierDtos: EarlierAction[] = await Promise.all(
      earlier.map(async (e) => ({
        ...actionDto(e.action, names, changes, await nowOf(e.action)),
        meetingTanggal: e.meetingTanggal,
        meetingJudul: e.meetingJudul,
      })),
    );
    return {
      ...summaryOf(m, area, counts),
      agenda: upgradeAgenda(m.agenda),
      actions: actionDtos,
      earlierActions: earlierDtos,
      notes: notesWithHistory(notes),
    };
  }

  return {
    targetOfNew,
    detail,

    /** What writes to a meeting touch (the user's scope must hold it): its kecamatan, or its puskesmas. */
    async targetOfMeeting(id: number): Promise<Target> {
      const m = await requireMeeting(repo, id);
      return m.puskesmasKode
        ? { puskesmas: m.puskesmasKode, kabupaten: m.wilayahKode ?? '' }
        : { wilayah: m.wilayahKode ?? '' };
    },

    async create(body: CreateMeeting, oleh: string): Promise<MeetingDetail> {
      await targetOfNew(body);
      const period = periodParam(body.periode);
      const tanggal = dateParam(body.tanggal, 'Tanggal rapat');
      let area: MeetingArea;
      if (body.wilayah !== undefined) {
        const found = await deps.wilayah.findByKode(body.wilayah);
        if (!found) throw notFound(`Wilayah dengan kode ${body.wilayah} tidak ditemukan.`);
        if (found.tingkat !== 'kecamatan') {
          throw invalid(
            'WILAYAH_NOT_KECAMATAN',
            `Rapat dibuat untuk satu kecamatan atau satu wilayah kerja puskesmas; ${found.nama} (${found.kode}) adalah ${found.tingkat}.`,
          );
        }
        area = await areas.areaOf({ wilayahKode: found.kode, puskesmasKode: null, tanggal });
      } else {
        area = await areas.areaOf({ wilayahKode: null, puskesmasKode: body.puskesmas!, tanggal });
        if (!area.desa.length) {
          throw invalid(
            'NO_DESA',
            `${area.nama} tidak memiliki desa di wilayah kerjanya pada ${tanggal}: tetapkan wilayah kerjanya dulu di Rencana ILP.`,
          );
        }
      }
      const key = area.kind === 'puskesmas' ? { puskesmas: area.kode } : { kecamatan: area.kode };
      const earlier = await repo.openActionsBefore(key, { tanggal, id: AFTER_EVERY_ID });
      const names = await areas.desaNames(earlier.map((e) => e.action.desaKode));
      const openActions: AgendaAction[] = earlier.map(({ action, meetingTanggal }) => ({
        id: action.id,
        meetingId: action.meetingId,
        meetingTanggal,
        desaKode: action.desaKode,
        desaNama: names.get(action.desaKode) ?? action.desaKode,
        indicator: action.indicator,
        apa: action.apa,
        siapa: action.siapa,
        tenggat: action.tenggat,
      }));
      const agenda = await generateAgenda(
        { rows: valueRows(deps.values), valuesRepo: deps.valuesRepo, now: deps.now },
        area,
        period,
        openActions,
      );
      const jenis = body.jenis;
      const created = await repo.insertMeeting({
        jenis,
        tanggal,
        wilayahKode: area.mapKode,
        puskesmasKode: area.kind === 'puskesmas' ? area.kode : null,
        judul:
          body.judul?.trim() ||
          `${MEETING_TYPE_LABELS[jenis]} ${area.kind === 'puskesmas' ? area.nama : kecamatanName(area.nama)}`,
        peserta: (body.peserta ?? [])
          .map((p) => ({ nama: p.nama.trim(), peran: p.peran.trim() }))
          .filter((p) => p.nama),
        periode: period.code,
        agenda,
        oleh,
      });
      return detail(created.id);
    },

    /** The meetings of a kecamatan or of a puskesmas, newest first. */
    async list(query: { wilayah?: string; puskesmas?: string }): Promise<MeetingSummary[]> {
      let key: { kecamatan: string } | { puskesmas: string };
      if (query.puskesmas !== undefined) {
        await areas.requirePuskesmas(query.puskesmas);
        key = { puskesmas: query.puskesmas };
      } else {
        if (!query.wilayah || !(await deps.wilayah.findByKode(query.wilayah)))
          throw notFound(`Wilayah dengan kode ${query.wilayah ?? ''} tidak ditemukan.`);
        key = { kecamatan: query.wilayah };
      }
      const rows = await repo.listByArea(key);
      return Promise.all(rows.map(async (r) => summaryOf(r.meeting, await areas.areaOf(r.meeting), r)));
    },
  };
}

export type MeetingsService = ReturnType<typeof meetingsService>;
