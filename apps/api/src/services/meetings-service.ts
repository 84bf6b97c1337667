// Meetings: create (generates and stores the agenda snapshot from the values of the kecamatan's desa), list, detail
// (actions with their movement since, open actions of earlier meetings), notes with history, actions with a change
// log. Values come from valuesService (the same roll-up as GET /api/values); the rules are in @peta/domain.
import {
  buildAgenda, chartIndicators, getIndicator, monthPair, movementSince, parsePeriod, previousPeriod,
  sameLastYearPeriod, seriesUpTo, titleCase, trendOf, upgradeAgenda, type AgendaIndicatorInput, type IndicatorDef, type Period,
} from '@peta/domain';
import {
  MEETING_TYPE_LABELS, type Agenda, type AgendaAction, type Baseline, type CreateAction, type CreateMeeting, type CreateNote,
  type EarlierAction, type MeetingAction, type MeetingDetail, type MeetingSummary, type MeetingType, type NoteWithHistory,
  type Peserta, type UpdateAction, type ActionStatus,
} from '@peta/domain/contract';
import { HttpError, badRequest, notFound } from '../plugins/errors.ts';
import type { ValuesRepository } from '../repositories/values-repository.ts';
import type { ActionChangeRow, ActionRow, MeetingRow, MeetingsRepository, NoteRow } from '../repositories/meetings-repository.ts';
import type { WilayahRepository } from '../repositories/wilayah-repository.ts';
import type { valuesService } from './values-service.ts';
import type { PackDesaExtras } from './meetings-pack.ts';
import { dateOr400, indicatorOr400, periodOr400 } from '../routes/params.ts';
import type { Target } from '@peta/domain';

type ValuesService = ReturnType<typeof valuesService>;

/**
 * What a meeting is about, resolved: a kecamatan (its desa) or a puskesmas (the desa of its wilayah kerja on the
 * meeting date — a desa moved later stays in the meetings held before the move). `mapKode` is the wilayah drawn
 * around it: the kecamatan, or the puskesmas' kabupaten/kota.
 */
type MeetingArea = { kind: 'kecamatan' | 'puskesmas'; kode: string; nama: string; mapKode: string; desa: string[] };

const kecamatanOf = (desa: string) => desa.split('.').slice(0, 3).join('.');

/** "Bilah Hulu" → "Kecamatan Bilah Hulu"; a name that already says it is left alone. */
export const kecamatanName = (nama: string) => (/^kecamatan\s/i.test(nama) ? nama : `Kecamatan ${nama}`);

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function meetingsService(repo: MeetingsRepository, values: ValuesService, valuesRepo: ValuesRepository,
  wilayah: WilayahRepository, now: () => Date) {
  /** Value rows of one indicator for the children of a wilayah, cached for one request. */
  function rowsCache() {
    const cache = new Map<string, ReturnType<ValuesService['childValues']>>();
    return (def: IndicatorDef, period: Period, parent: string) => {
      const key = `${def.code}|${period.code}|${parent}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = values.childValues(def, period, parent);
        cache.set(key, hit);
      }
      return hit;
    };
  }

  async function valueAt(rows: ReturnType<typeof rowsCache>, indicator: string, period: Period, desaKode: string): Promise<Baseline> {
    const def = getIndicator(indicator);
    const parent = desaKode.split('.').slice(0, 3).join('.');
    const row = def ? (await rows(def, period, parent)).find((r) => r.kode === desaKode) : undefined;
    return { periode: period.code, numerator: row?.numerator ?? null, denominator: row?.denominator ?? null, coverage: row?.coverage ?? null };
  }

  /** The value rows of the area's desa: the kecamatan's children, or the puskesmas' desa gathered from their kecamatan. */
  async function areaRows(rows: ReturnType<typeof rowsCache>, def: IndicatorDef, period: Period, area: MeetingArea) {
    if (area.kind === 'kecamatan') return rows(def, period, area.kode);
    const desa = new Set(area.desa);
    const perKecamatan = await Promise.all([...new Set(area.desa.map(kecamatanOf))].map((k) => rows(def, period, k)));
    return perKecamatan.flat().filter((r) => desa.has(r.kode));
  }

  async function areaOf(m: Pick<MeetingRow, 'wilayahKode' | 'puskesmasKode' | 'tanggal'>): Promise<MeetingArea> {
    if (m.puskesmasKode) {
      const p = await repo.puskesmasAt(m.puskesmasKode, m.tanggal);
      if (!p) throw notFound(`Puskesmas dengan kode ${m.puskesmasKode} tidak ditemukan.`);
      return { kind: 'puskesmas', kode: p.kode, nama: titleCase(p.nama), mapKode: p.kabupaten, desa: p.desa };
    }
    const kode = m.wilayahKode ?? '';
    const [area, children] = await Promise.all([wilayah.findByKode(kode), wilayah.children(kode)]);
    return { kind: 'kecamatan', kode, nama: area?.nama ?? kode, mapKode: kode, desa: children.map((c) => c.kode) };
  }

  async function generateAgenda(area: MeetingArea, period: Period, openActions: AgendaAction[]): Promise<Agenda> {
    const rows = rowsCache();
    const withData = await valuesRepo.indicatorsWithData();
    const defs = [...withData].map((c) => getIndicator(c)).filter((d): d is IndicatorDef => !!d);
    const previous = previousPeriod(period);
    // Month m alone and m − 1 alone: stored with each value, so the PWS status and "dari bulan lalu" read one snapshot.
    const pair = monthPair(period);
    const coverageByKode = async (def: IndicatorDef, p: Period) =>
      new Map((await areaRows(rows, def, p, area)).map((r) => [r.kode, r.coverage] as const));
    const indicators: AgendaIndicatorInput[] = [];
    // One indicator at a time: each asks for up to four periods, and the pool is shared with other requests.
    for (const def of defs) {
      const [current, prev, thisMonth, lastMonth] = await Promise.all([
        areaRows(rows, def, period, area),
        previous ? areaRows(rows, def, previous, area) : Promise.resolve(null),
        pair ? coverageByKode(def, pair.thisMonth) : Promise.resolve(null),
        pair ? coverageByKode(def, pair.lastMonth) : Promise.resolve(null),
      ]);
      indicators.push({ indicator: def.code, current, previous: prev,
        monthCoverage: thisMonth && lastMonth ? { thisMonth, lastMonth } : null });
    }
    return buildAgenda({ wilayah: { kode: area.kode, nama: area.nama }, period, indicators, openActions, generatedAt: now().toISOString() });
  }

  async function desaNames(kodes: string[]): Promise<Map<string, string>> {
    const found = await wilayah.findMany([...new Set(kodes)]);
    return new Map(found.map((w) => [w.kode, w.nama]));
  }

  function summaryOf(m: MeetingRow, area: MeetingArea, counts: { actionCount: number; openActionCount: number }): MeetingSummary {
    const period = parsePeriod(m.periode);
    return {
      id: m.id, jenis: m.jenis as MeetingType, jenisLabel: MEETING_TYPE_LABELS[m.jenis as MeetingType] ?? m.jenis,
      tanggal: m.tanggal, wilayahKode: area.mapKode, puskesmasKode: m.puskesmasKode, desaKodes: area.desa, judul: m.judul, periode: period.code, periodeLabel: period.label,
      peserta: m.peserta as Peserta[], createdAt: iso(m.createdAt), oleh: m.oleh, ...counts,
    };
  }

  function actionDto(a: ActionRow, nama: Map<string, string>, changes: ActionChangeRow[], now: Baseline): MeetingAction {
    const baseline = a.baseline as Baseline;
    const def = getIndicator(a.indicator);
    return {
      id: a.id, meetingId: a.meetingId, desaKode: a.desaKode, desaNama: nama.get(a.desaKode) ?? a.desaKode, indicator: a.indicator,
      apa: a.apa, siapa: a.siapa, tenggat: a.tenggat, status: a.status as ActionStatus, baseline, createdAt: iso(a.createdAt), oleh: a.oleh,
      movement: movementSince(baseline, now, def?.unit ?? 'percent'),
      changes: changes.filter((c) => c.actionId === a.id).map((c) => ({
        at: iso(c.at), oleh: c.oleh, before: c.before as Record<string, unknown>, after: c.after as Record<string, unknown> })),
    };
  }

  function notesWithHistory(rows: NoteRow[]): NoteWithHistory[] {
    const byId = new Map(rows.map((n) => [n.id, n]));
    const superseded = new Set(rows.map((n) => n.supersedes).filter((x): x is number => x !== null));
    const dto = (n: NoteRow) => ({ id: n.id, itemKey: n.itemKey, text: n.text, at: iso(n.at), oleh: n.oleh, supersedes: n.supersedes });
    return rows.filter((n) => !superseded.has(n.id)).map((n) => {
      const history = [];
      for (let prev = n.supersedes; prev !== null; prev = byId.get(prev)?.supersedes ?? null) {
        const p = byId.get(prev);
        if (!p) break;
        history.push(dto(p));
      }
      return { ...dto(n), history };
    });
  }

  async function requireMeeting(id: number): Promise<MeetingRow> {
    const m = await repo.findMeeting(id);
    if (!m) throw notFound(`Rapat #${id} tidak ditemukan.`);
    return m;
  }

  return {
    /** What writes to a meeting touch (the user's scope must hold it): its kecamatan, or its puskesmas. */
    async targetOfMeeting(id: number): Promise<Target> {
      const m = await requireMeeting(id);
      return m.puskesmasKode ? { puskesmas: m.puskesmasKode, kabupaten: m.wilayahKode ?? '' } : { wilayah: m.wilayahKode ?? '' };
    },
    /** What creating this meeting touches; 400/404 for a body naming no or an unknown area. */
    async targetOfNew(body: Pick<CreateMeeting, 'wilayah' | 'puskesmas'>): Promise<Target> {
      if ((body.wilayah === undefined) === (body.puskesmas === undefined)) {
        throw badRequest('AREA_REQUIRED', 'Sebutkan tepat satu: wilayah (kode kecamatan) atau puskesmas (kode puskesmas).');
      }
      if (body.wilayah !== undefined) return { wilayah: body.wilayah };
      const p = await repo.puskesmasAt(body.puskesmas!, '1900-01-01');
      if (!p) throw notFound(`Puskesmas dengan kode ${body.puskesmas} tidak ditemukan.`);
      return { puskesmas: p.kode, kabupaten: p.kabupaten };
    },
    /** The desa an action is pinned to. */
    async desaOfAction(id: number): Promise<string> {
      const action = await repo.findAction(id);
      if (!action) throw notFound(`Tindak lanjut #${id} tidak ditemukan.`);
      return action.desaKode;
    },

    async create(body: CreateMeeting, oleh: string): Promise<MeetingDetail> {
      await this.targetOfNew(body);
      const period = periodOr400(body.periode);
      const tanggal = dateOr400(body.tanggal, 'Tanggal rapat');
      let area: MeetingArea;
      if (body.wilayah !== undefined) {
        const found = await wilayah.findByKode(body.wilayah);
        if (!found) throw notFound(`Wilayah dengan kode ${body.wilayah} tidak ditemukan.`);
        if (found.tingkat !== 'kecamatan') {
          throw badRequest('WILAYAH_NOT_KECAMATAN',
            `Rapat dibuat untuk satu kecamatan atau satu wilayah kerja puskesmas; ${found.nama} (${found.kode}) adalah ${found.tingkat}.`);
        }
        area = await areaOf({ wilayahKode: found.kode, puskesmasKode: null, tanggal });
      } else {
        area = await areaOf({ wilayahKode: null, puskesmasKode: body.puskesmas!, tanggal });
        if (!area.desa.length) {
          throw badRequest('NO_DESA', `${area.nama} tidak memiliki desa di wilayah kerjanya pada ${tanggal}: tetapkan wilayah kerjanya dulu di Rencana ILP.`);
        }
      }
      const key = area.kind === 'puskesmas' ? { puskesmas: area.kode } : { kecamatan: area.kode };
      const earlier = await repo.openActionsBefore(key, { tanggal, id: 2_147_483_647 } /* every meeting of that date too */);
      const names = await desaNames(earlier.map((e) => e.action.desaKode));
      const openActions: AgendaAction[] = earlier.map(({ action, meetingTanggal }) => ({
        id: action.id, meetingId: action.meetingId, meetingTanggal, desaKode: action.desaKode,
        desaNama: names.get(action.desaKode) ?? action.desaKode, indicator: action.indicator, apa: action.apa, siapa: action.siapa, tenggat: action.tenggat,
      }));
      const agenda = await generateAgenda(area, period, openActions);
      const jenis = body.jenis;
      const created = await repo.insertMeeting({
        jenis, tanggal, wilayahKode: area.mapKode, puskesmasKode: area.kind === 'puskesmas' ? area.kode : null,
        judul: body.judul?.trim() || `${MEETING_TYPE_LABELS[jenis]} ${area.kind === 'puskesmas' ? area.nama : kecamatanName(area.nama)}`,
        peserta: (body.peserta ?? []).map((p) => ({ nama: p.nama.trim(), peran: p.peran.trim() })).filter((p) => p.nama),
        periode: period.code, agenda, oleh,
      });
      return this.detail(created.id);
    },

    async list(query: { wilayah?: string; puskesmas?: string }): Promise<MeetingSummary[]> {
      let key: { kecamatan: string } | { puskesmas: string };
      if (query.puskesmas !== undefined) {
        if (!(await repo.puskesmasAt(query.puskesmas, '1900-01-01'))) throw notFound(`Puskesmas dengan kode ${query.puskesmas} tidak ditemukan.`);
        key = { puskesmas: query.puskesmas };
      } else {
        if (!query.wilayah || !(await wilayah.findByKode(query.wilayah))) throw notFound(`Wilayah dengan kode ${query.wilayah ?? ''} tidak ditemukan.`);
        key = { kecamatan: query.wilayah };
      }
      const rows = await repo.listByArea(key);
      return Promise.all(rows.map(async (r) => summaryOf(r.meeting, await areaOf(r.meeting), r)));
    },

    async detail(id: number): Promise<MeetingDetail> {
      const m = await requireMeeting(id);
      const period = parsePeriod(m.periode);
      const key = m.puskesmasKode ? { puskesmas: m.puskesmasKode } : { kecamatan: m.wilayahKode ?? '' };
      const [actions, earlier, notes, counts, area] = await Promise.all([
        repo.actionsOf(id), repo.openActionsBefore(key, { tanggal: m.tanggal, id: m.id }), repo.notes(id), repo.actionCounts(id), areaOf(m),
      ]);
      const all = [...actions, ...earlier.map((e) => e.action)];
      const [names, changes] = await Promise.all([desaNames(all.map((a) => a.desaKode)), repo.changesOf(all.map((a) => a.id))]);
      const rows = rowsCache();
      const nowOf = (a: ActionRow) => valueAt(rows, a.indicator, period, a.desaKode);
      const actionDtos = await Promise.all(actions.map(async (a) => actionDto(a, names, changes, await nowOf(a))));
      const earlierDtos: EarlierAction[] = await Promise.all(earlier.map(async (e) => ({
        ...actionDto(e.action, names, changes, await nowOf(e.action)), meetingTanggal: e.meetingTanggal, meetingJudul: e.meetingJudul,
      })));
      return { ...summaryOf(m, area, counts), agenda: upgradeAgenda(m.agenda), actions: actionDtos, earlierActions: earlierDtos, notes: notesWithHistory(notes) };
    },

    /**
     * What the desa pages of the printed pack add to the stored agenda: per desa the PWS chart (Jan..month of the
     * meeting year) of its indicators furthest behind, and per indicator the trend against last month — month m alone
     * against month m − 1 alone, from the agenda's snapshot (the numbers its PWS status read), or from the values as
     * they are now for agendas stored before issue 15 — and against the same period last year.
     */
    async packExtras(meeting: MeetingDetail): Promise<Map<string, PackDesaExtras>> {
      const period = parsePeriod(meeting.periode);
      const pair = monthPair(period);
      const lastYear = sameLastYearPeriod(period);
      const rows = rowsCache();
      const area: MeetingArea = { kind: meeting.puskesmasKode ? 'puskesmas' : 'kecamatan', kode: meeting.puskesmasKode ?? meeting.wilayahKode,
        nama: '', mapKode: meeting.wilayahKode, desa: meeting.desaKodes };
      const coverageAt = async (def: IndicatorDef, p: Period | null) =>
        new Map(p ? (await areaRows(rows, def, p, area)).map((r) => [r.kode, r.coverage] as const) : []);
      const snapshotHasMonths = meeting.agenda.desa.some((d) => d.values.some((v) => v.monthCoverage !== null || v.previousMonthCoverage !== null));
      const live = pair !== null && !snapshotHasMonths;
      const earlier = new Map<string, { thisMonth: Map<string, number | null>; lastMonth: Map<string, number | null>; tahun: Map<string, number | null> }>();
      for (const code of new Set(meeting.agenda.desa.flatMap((d) => d.values.map((v) => v.indicator)))) {
        const def = getIndicator(code);
        if (!def) continue;
        const [thisMonth, lastMonth, tahun] = await Promise.all([
          coverageAt(def, live ? pair.thisMonth : null), coverageAt(def, live ? pair.lastMonth : null), coverageAt(def, lastYear),
        ]);
        earlier.set(code, { thisMonth, lastMonth, tahun });
      }
      const areas = new Map((await wilayah.findMany(meeting.agenda.desa.map((d) => d.kode))).map((w) => [w.kode, w]));
      const out = new Map<string, PackDesaExtras>();
      for (const desa of meeting.agenda.desa) {
        const trends = new Map(desa.values.map((v) => {
          const def = getIndicator(v.indicator) ?? { unit: 'percent' as const, polarity: 'context' as const };
          const e = earlier.get(v.indicator);
          const [thisMonth, lastMonth] = live
            ? [e?.thisMonth.get(desa.kode) ?? null, e?.lastMonth.get(desa.kode) ?? null]
            : [v.monthCoverage, v.previousMonthCoverage];
          return [v.indicator, {
            bulan: trendOf(pair ? thisMonth : null, pair ? lastMonth : null, 'bulan', def),
            tahun: trendOf(v.coverage, e?.tahun.get(desa.kode) ?? null, 'tahun', def),
          }] as const;
        }));
        const area = areas.get(desa.kode);
        const charts = area ? await Promise.all(chartIndicators(desa).flatMap((code) => {
          const def = getIndicator(code);
          return def ? [values.series(def, area, period.year).then((s) => ({ indicator: code, year: period.year, months: seriesUpTo(s.months, period.toMonth) }))] : [];
        })) : [];
        out.set(desa.kode, { charts, trends });
      }
      return out;
    },

    async addNote(meetingId: number, body: CreateNote, oleh: string): Promise<NoteWithHistory> {
      await requireMeeting(meetingId);
      if (body.supersedes !== undefined) {
        const old = await repo.findNote(body.supersedes);
        if (!old || old.meetingId !== meetingId) throw notFound(`Catatan #${body.supersedes} tidak ada di rapat ini.`);
        if (old.itemKey !== body.itemKey) throw badRequest('NOTE_ITEM_MISMATCH', `Catatan #${old.id} milik butir "${old.itemKey}", bukan "${body.itemKey}".`);
        if (await repo.isSuperseded(old.id)) {
          throw new HttpError(409, 'NOTE_SUPERSEDED', `Catatan #${old.id} sudah diubah orang lain. Muat ulang lalu ubah versi terbaru.`);
        }
      }
      const created = await repo.insertNote({ meetingId, itemKey: body.itemKey, text: body.text, oleh, supersedes: body.supersedes ?? null });
      return notesWithHistory(await repo.notes(meetingId)).find((n) => n.id === created.id)!;
    },

    async addAction(meetingId: number, body: CreateAction, oleh: string): Promise<MeetingAction> {
      const m = await requireMeeting(meetingId);
      const def = indicatorOr400(body.indicator);
      const area = await areaOf(m);
      const desa = await wilayah.findByKode(body.desaKode);
      if (!desa || desa.tingkat !== 'desa' || !area.desa.includes(desa.kode)) {
        throw badRequest('DESA_NOT_IN_WILAYAH', `Desa ${body.desaKode} bukan desa/kelurahan di wilayah rapat ini (${area.kind === 'puskesmas' ? area.nama : m.wilayahKode}).`);
      }
      const tenggat = body.tenggat ? dateOr400(body.tenggat, 'Tenggat') : null;
      const period = parsePeriod(m.periode);
      const baseline = await valueAt(rowsCache(), def.code, period, desa.kode);
      const created = await repo.insertAction({
        meetingId, desaKode: desa.kode, indicator: def.code, apa: body.apa.trim(), siapa: body.siapa.trim(), tenggat,
        status: 'terbuka', baseline, oleh,
      });
      return actionDto(created, new Map([[desa.kode, desa.nama]]), [], baseline);
    },

    async updateAction(actionId: number, body: UpdateAction, oleh: string): Promise<MeetingAction> {
      const existing = await repo.findAction(actionId);
      if (!existing) throw notFound(`Tindak lanjut #${actionId} tidak ditemukan.`);
      const tenggat = body.tenggat === undefined ? undefined : body.tenggat === null ? null : dateOr400(body.tenggat, 'Tenggat');
      const updated = await repo.updateAction(actionId, {
        apa: body.apa?.trim(), siapa: body.siapa?.trim(), tenggat, status: body.status,
      }, oleh);
      const m = await requireMeeting(updated!.meetingId);
      const [names, changes] = await Promise.all([desaNames([updated!.desaKode]), repo.changesOf([actionId])]);
      return actionDto(updated!, names, changes, await valueAt(rowsCache(), updated!.indicator, parsePeriod(m.periode), updated!.desaKode));
    },
  };
}

export type MeetingsService = ReturnType<typeof meetingsService>;
