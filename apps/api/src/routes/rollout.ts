// Routes of the ILP roll-out planner (issue 7). Thin: validate, call the service or repository, map errors.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  IndicatorError, READINESS_ITEMS, isKode, planWilayahKerjaCsv, requireIndicator, tingkatOf, titleCase, wilayahKerjaCsvLines,
  wilayahKerjaCsvPuskesmasKodes, type WilayahKerjaCsvIssue, type WilayahKerjaCsvPlan,
} from '@peta/domain';
// Still in data/ until the roll-out moves to server-core (branch core-rollout-values); the API no longer depends on @peta/data.
import { dissolveWilayahKerja } from '../../../../data/puskesmas/wilayah-kerja-geometry.ts';
import {
  AddStageBodySchema, ErrorSchema, FacilitiesBodySchema, FacilitiesSchema, KabupatenQuerySchema, MoveDesaBodySchema, MoveDesaResponseSchema, ProgressResponseSchema,
  ProposalQuerySchema, ProposalResponseSchema, PuskesmasDetailSchema, PuskesmasListSchema, PuskesmasValuesQuerySchema,
  PuskesmasValuesResponseSchema, ReadinessBodySchema, WaveBodySchema, WaveSchema, WilayahKerjaCsvOutcomeSchema, WilayahKerjaCsvQuerySchema,
  WilayahProfileSchema, type WilayahKerjaCsvOutcome,
} from '@peta/domain/contract';
import { authorize } from '../auth/access.ts';
import { badRequest, HttpError, notFound } from '../plugins/errors.ts';
import { acceptUploads, type Uploads } from '../plugins/uploads.ts';
import { RolloutConflict, type RolloutRepository } from '../repositories/rollout-repository.ts';
import type { WilayahRepository } from '../repositories/wilayah-repository.ts';
import type { ProfileService } from '../services/profile-service.ts';
import type { RolloutService } from '../services/rollout-service.ts';
import { dateOr400, periodOr400 } from './params.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const TAGS = ['rencana-ilp'];

function indicatorsOr400(service: RolloutService, text: string | undefined): string[] {
  try {
    return service.parseIndicators(text);
  } catch (e) {
    if (e instanceof IndicatorError) throw badRequest('INVALID_INDICATOR', e.message);
    throw e;
  }
}

function asHttp(e: unknown): never {
  if (e instanceof RolloutConflict) throw new HttpError(e.code === 'NOT_FOUND' ? 404 : 409, e.code, e.message);
  throw e;
}

export const rolloutRoutes = (
  service: RolloutService, repo: RolloutRepository, wilayah: WilayahRepository, profiles: ProfileService,
  uploads: Uploads,
): FastifyPluginAsyncTypebox => async (app) => {
  async function requireKabupaten(kode: string) {
    if (!isKode(kode) || tingkatOf(kode) !== 'kabupaten') {
      throw badRequest('INVALID_KABUPATEN', `Kode kabupaten/kota tidak sah: "${kode}". Gunakan kode bertitik, misalnya 12.07.`);
    }
    const area = await wilayah.findByKode(kode);
    if (!area) throw notFound(`Kabupaten/kota dengan kode ${kode} tidak ditemukan.`);
    return area;
  }
  async function requirePuskesmas(kode: string) {
    const p = await repo.puskesmas(kode);
    if (!p) throw notFound(`Puskesmas dengan kode ${kode} tidak ditemukan.`);
    return p;
  }

  app.get('/api/puskesmas', {
    config: { access: 'read' },
    schema: {
      tags: TAGS, summary: 'Puskesmas satu kabupaten/kota: tahap ILP, gelombang, kesiapan, wilayah kerja, kebutuhan',
      querystring: Type.Composite([KabupatenQuerySchema, Type.Object({ indicators: Type.Optional(Type.String()), period: Type.Optional(Type.String()) })]),
      response: { 200: PuskesmasListSchema, ...errors },
    },
  }, async (request) => {
    const area = await requireKabupaten(request.query.kabupaten);
    const indicators = indicatorsOr400(service, request.query.indicators);
    return service.list(area.kode, area.nama, indicators, (request.query.period ? periodOr400(request.query.period) : await service.defaultPeriod()));
  });

  app.get('/api/puskesmas/:kode', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Rincian puskesmas: desa, riwayat tahap, ceklis kesiapan, riwayat perubahan', params: Type.Object({ kode: Type.String() }), response: { 200: PuskesmasDetailSchema, ...errors } },
  }, async (request) => {
    const p = await requirePuskesmas(request.params.kode);
    const detail = await service.detail(p.kode, p.kabupaten);
    if (!detail) throw notFound(`Puskesmas dengan kode ${p.kode} tidak aktif.`);
    return detail;
  });

  app.get('/api/puskesmas/:kode/profil', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Profil wilayah kerja puskesmas: semua indikator berdata (desa dijumlah menurut wilayah kerja tiap bulan), tren, tindak lanjut terbuka',
      params: Type.Object({ kode: Type.String() }), querystring: Type.Object({ period: Type.String({ description: '2026-10, 2026-Q3, 2026 atau 2026-01..2026-10' }) }),
      response: { 200: WilayahProfileSchema, ...errors } },
  }, async (request, reply) => {
    const p = await requirePuskesmas(request.params.kode);
    const period = periodOr400(request.query.period);
    const desa = (await repo.wilayahKerjaGroups(p.kabupaten)).find((g) => g.kode === p.kode)?.desa ?? [];
    reply.header('cache-control', 'no-cache');
    return profiles.puskesmasProfile({ kode: p.kode, nama: titleCase(p.nama), kabupaten: p.kabupaten, desa }, period);
  });

  app.post('/api/wilayah-kerja/pindah', {
    config: { access: 'rencana' },
    schema: { tags: TAGS, summary: 'Pindahkan desa ke puskesmas lain mulai suatu tanggal (riwayat disimpan)', body: MoveDesaBodySchema, response: { 200: MoveDesaResponseSchema, ...errors } },
  }, async (request) => {
    const { desa, mulai } = request.body;
    if (!isKode(desa) || tingkatOf(desa) !== 'desa') throw badRequest('INVALID_KODE', `Kode desa tidak sah: "${desa}".`);
    if (!(await wilayah.findByKode(desa))) throw notFound(`Desa dengan kode ${desa} tidak ditemukan.`);
    const p = await requirePuskesmas(request.body.puskesmas);
    if (!desa.startsWith(`${p.kabupaten}.`)) {
      throw badRequest('OTHER_KABUPATEN', `Desa ${desa} tidak berada di kabupaten/kota puskesmas ${p.nama} (${p.kabupaten}).`);
    }
    const oleh = authorize(request, 'rencana', { wilayah: p.kabupaten });
    try {
      return await repo.moveDesa({ desa, puskesmas: p.kode, mulai: dateOr400(mulai, 'Tanggal mulai'), oleh, kabupaten: p.kabupaten });
    } catch (e) {
      return asHttp(e);
    }
  });

  // Wilayah kerja as CSV: kode_puskesmas,nama,kode_desa. Upload = raw request body, as /api/imports/preview, read by
  // the same bounded reader in the parse pool.
  acceptUploads(app);

  app.get('/api/wilayah-kerja.csv', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Unduh wilayah kerja puskesmas (CSV UTF-8: kode_puskesmas,nama,kode_desa; satu baris per desa)', querystring: KabupatenQuerySchema,
      response: { 200: Type.Unknown({ description: 'text/csv (Content-Disposition: attachment)' }), ...errors } },
  }, async (request, reply) => {
    const area = await requireKabupaten(request.query.kabupaten);
    const text = wilayahKerjaCsvLines(await repo.wilayahKerjaExport(area.kode));
    return reply.type('text/csv; charset=utf-8').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="wilayah-kerja-${area.kode}.csv"`).send(`\ufeff${text}`);
  });

  async function checkCsv(body: unknown, query: typeof WilayahKerjaCsvQuerySchema.static): Promise<WilayahKerjaCsvPlan & { kabupaten: string; mulai: string }> {
    const area = await requireKabupaten(query.kabupaten);
    const mulai = dateOr400(query.mulai, 'Tanggal mulai');
    if (body === undefined || body === null) body = Buffer.alloc(0);
    if (!Buffer.isBuffer(body)) throw badRequest('NO_FILE', 'Kirim isi berkas CSV sebagai badan permintaan (Content-Type text/csv).');
    const read = body.length === 0 ? { ok: true as const, sheet: { rows: [] as unknown[][] } } : await uploads.parsing.readCsv(body);
    const base = { kabupaten: area.kode, mulai };
    if (!read.ok) {
      return { ...base, rows: 0, errors: read.errors as WilayahKerjaCsvIssue[], warnings: [], newPuskesmas: [], moves: [], confirms: [], unchanged: 0 };
    }
    const rows = read.sheet.rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
    const ctx = await repo.wilayahKerjaCsvContext(area.kode, wilayahKerjaCsvPuskesmasKodes(rows));
    return { ...base, ...planWilayahKerjaCsv(rows, { ...ctx, kabupaten: area.kode, mulai }) };
  }
  const outcome = (plan: WilayahKerjaCsvPlan & { kabupaten: string; mulai: string }, status: WilayahKerjaCsvOutcome['status'], eventIds: number[] = []): WilayahKerjaCsvOutcome => ({
    status, kabupaten: plan.kabupaten, mulai: plan.mulai, rows: plan.rows, errors: plan.errors, warnings: plan.warnings,
    newPuskesmas: plan.newPuskesmas, moves: plan.moves, confirms: plan.confirms, unchanged: plan.unchanged,
    changed: plan.newPuskesmas.length + plan.moves.length + plan.confirms.length > 0, eventIds,
  });

  app.post('/api/wilayah-kerja/preview', {
    config: { access: 'rencana', upload: true },
    ...uploads.routeOptions,
    schema: { tags: TAGS, summary: 'Unggah CSV wilayah kerja (badan mentah) → pemeriksaan tiap baris dan rencana perubahan; tidak menyimpan',
      querystring: WilayahKerjaCsvQuerySchema, response: { 200: WilayahKerjaCsvOutcomeSchema, ...errors, 413: ErrorSchema, 503: ErrorSchema } },
  }, async (request) => {
    authorize(request, 'rencana', { wilayah: (await requireKabupaten(request.query.kabupaten)).kode });
    const plan = await checkCsv(request.body, request.query);
    return outcome(plan, plan.errors.length ? 'invalid' : 'valid');
  });

  app.post('/api/wilayah-kerja/commit', {
    config: { access: 'rencana', upload: true },
    ...uploads.routeOptions,
    schema: { tags: TAGS, summary: 'Simpan CSV wilayah kerja: diperiksa ulang, satu transaksi, tiap desa pindah mulai tanggal `mulai` (riwayat disimpan)',
      querystring: WilayahKerjaCsvQuerySchema, response: { 200: WilayahKerjaCsvOutcomeSchema, 422: WilayahKerjaCsvOutcomeSchema, ...errors, 413: ErrorSchema, 503: ErrorSchema } },
  }, async (request, reply) => {
    const who = authorize(request, 'rencana', { wilayah: (await requireKabupaten(request.query.kabupaten)).kode });
    const plan = await checkCsv(request.body, request.query);
    if (plan.errors.length) return reply.code(422).send(outcome(plan, 'invalid'));
    try {
      const eventIds = await repo.commitWilayahKerjaCsv({ kabupaten: plan.kabupaten, mulai: plan.mulai, oleh: who,
        newPuskesmas: plan.newPuskesmas, moves: plan.moves, confirms: plan.confirms });
      return outcome(plan, 'committed', eventIds);
    } catch (e) {
      return asHttp(e);
    }
  });

  app.post('/api/puskesmas/:kode/tahap', {
    config: { access: 'rencana' },
    schema: { tags: TAGS, summary: 'Catat tahap ILP puskesmas (tanggal, bukti, nomor SK)', params: Type.Object({ kode: Type.String() }), body: AddStageBodySchema,
      response: { 201: Type.Object({ id: Type.Integer(), eventId: Type.Integer() }), ...errors } },
  }, async (request, reply) => {
    const p = await requirePuskesmas(request.params.kode);
    const oleh = authorize(request, 'rencana', { wilayah: p.kabupaten });
    const b = request.body;
    const saved = await repo.addStage({ puskesmas: p.kode, kabupaten: p.kabupaten, stage: b.stage, date: dateOr400(b.date, 'Tanggal tahap'),
      evidence: b.evidence ?? '', skNumber: b.skNumber ?? null, oleh });
    return reply.code(201).send(saved);
  });

  async function saveWave(request: FastifyRequest, id: number | null, body: typeof WaveBodySchema.static) {
    const area = await requireKabupaten(body.kabupaten);
    const oleh = authorize(request, 'rencana', { wilayah: area.kode });
    const members = [];
    const seen = new Set<string>();
    for (const m of body.members) {
      const p = await requirePuskesmas(m.kode);
      if (p.kabupaten !== area.kode) throw badRequest('OTHER_KABUPATEN', `Puskesmas ${p.nama} bukan di ${area.nama}.`);
      if (seen.has(p.kode)) throw badRequest('DUPLICATE_MEMBER', `Puskesmas ${p.nama} tercantum dua kali.`);
      seen.add(p.kode);
      members.push({ kode: p.kode, rank: m.rank ?? null, reason: m.reason ?? null });
    }
    const plannedStart = body.plannedStart ? dateOr400(body.plannedStart, 'Rencana mulai') : null;
    const plannedEnd = body.plannedEnd ? dateOr400(body.plannedEnd, 'Rencana selesai') : null;
    if (plannedStart && plannedEnd && plannedEnd < plannedStart) {
      throw badRequest('INVALID_DATES', `Rencana selesai (${plannedEnd}) sebelum rencana mulai (${plannedStart}).`);
    }
    try {
      const waveId = await repo.saveWave({
        id, kabupaten: area.kode, nama: body.nama.trim(), tahun: body.tahun, target: body.target,
        plannedStart, plannedEnd, note: body.note ?? '', members, oleh,
      });
      return (await repo.waves(area.kode)).find((w) => w.id === waveId)!;
    } catch (e) {
      return asHttp(e);
    }
  }

  app.post('/api/gelombang', {
    config: { access: 'rencana' },
    schema: { tags: TAGS, summary: 'Buat gelombang ILP (nama, tahun, target, anggota)', body: WaveBodySchema, response: { 201: WaveSchema, ...errors } },
  }, async (request, reply) => reply.code(201).send(await saveWave(request, null, request.body)));

  app.put('/api/gelombang/:id', {
    config: { access: 'rencana' },
    schema: { tags: TAGS, summary: 'Ubah gelombang ILP', params: Type.Object({ id: Type.Integer() }), body: WaveBodySchema, response: { 200: WaveSchema, ...errors } },
  }, async (request) => saveWave(request, request.params.id, request.body));

  app.put('/api/puskesmas/:kode/kesiapan', {
    config: { access: 'kesiapan' },
    schema: { tags: TAGS, summary: 'Simpan jawaban ceklis kesiapan (butir formulir)', params: Type.Object({ kode: Type.String() }), body: ReadinessBodySchema,
      response: { 200: Type.Object({ eventId: Type.Integer() }), ...errors } },
  }, async (request) => {
    const p = await requirePuskesmas(request.params.kode);
    const oleh = authorize(request, 'kesiapan', { puskesmas: p.kode, kabupaten: p.kabupaten });
    for (const item of Object.keys(request.body.answers)) {
      const def = READINESS_ITEMS.find((i) => i.code === item);
      if (!def) throw badRequest('INVALID_ITEM', `Butir kesiapan tidak dikenal: "${item}".`);
      if (def.source !== 'form') throw badRequest('DERIVED_ITEM', `Butir "${def.labelId}" dihitung dari data Pustu/Posyandu, tidak diisi di formulir.`);
    }
    return { eventId: await repo.saveReadiness({ puskesmas: p.kode, kabupaten: p.kabupaten, answers: request.body.answers, oleh }) };
  });

  async function requireDesa(kode: string) {
    if (!isKode(kode) || tingkatOf(kode) !== 'desa') throw badRequest('INVALID_KODE', `Kode desa tidak sah: "${kode}".`);
    const desa = await wilayah.findByKode(kode);
    if (!desa) throw notFound(`Desa dengan kode ${kode} tidak ditemukan.`);
    return desa;
  }

  app.get('/api/desa/:kode/fasilitas', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Pustu dan Posyandu satu desa, dengan perubahan terakhir', params: Type.Object({ kode: Type.String() }),
      response: { 200: FacilitiesSchema, ...errors } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return repo.desaFacilities((await requireDesa(request.params.kode)).kode);
  });

  app.put('/api/desa/:kode/fasilitas', {
    config: { access: 'kesiapan' },
    schema: { tags: TAGS, summary: 'Simpan daftar Pustu dan Posyandu satu desa (menggantikan daftar lama; sebelum/sesudah dicatat)',
      params: Type.Object({ kode: Type.String() }), body: FacilitiesBodySchema, response: { 200: FacilitiesSchema, ...errors } },
  }, async (request) => {
    const desa = await requireDesa(request.params.kode);
    const oleh = authorize(request, 'kesiapan', { wilayah: desa.kode });
    for (const p of request.body.posyandu) {
      if (p.kaderTersertifikasi > p.kader) {
        throw badRequest('INVALID_KADER', `Kader tersertifikasi (${p.kaderTersertifikasi}) lebih banyak dari jumlah kader (${p.kader})${p.nama ? ` di Posyandu ${p.nama}` : ''}.`);
      }
    }
    await repo.saveDesaFacilities({ desa: desa.kode, kabupaten: desa.kode.slice(0, 5), body: request.body, oleh });
    return repo.desaFacilities(desa.kode);
  });

  app.get('/api/rencana-ilp/progres', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Capaian per tahun (puskesmas tahap ≥ 5 vs Σ target gelombang) dan linimasa tahap', querystring: KabupatenQuerySchema, response: { 200: ProgressResponseSchema, ...errors } },
  }, async (request) => service.progress((await requireKabupaten(request.query.kabupaten)).kode));

  app.get('/api/rencana-ilp/usulan', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Usulan gelombang berikutnya: peringkat kebutuhan dan kesiapan, dengan alasan', querystring: ProposalQuerySchema, response: { 200: ProposalResponseSchema, ...errors } },
  }, async (request) => {
    const area = await requireKabupaten(request.query.kabupaten);
    return service.proposal(area.kode, indicatorsOr400(service, request.query.indicators), (request.query.period ? periodOr400(request.query.period) : await service.defaultPeriod()), request.query.bobot);
  });

  app.get('/api/values/puskesmas', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Nilai indikator per wilayah kerja puskesmas (desa dijumlah menurut wilayah kerja yang berlaku tiap bulan)',
      querystring: PuskesmasValuesQuerySchema, response: { 200: PuskesmasValuesResponseSchema, ...errors } },
  }, async (request) => {
    const area = await requireKabupaten(request.query.kabupaten);
    let def;
    try {
      def = requireIndicator(request.query.indicator);
    } catch (e) {
      if (e instanceof IndicatorError) throw badRequest('INVALID_INDICATOR', e.message);
      throw e;
    }
    const period = (request.query.period ? periodOr400(request.query.period) : await service.defaultPeriod());
    const rows = await service.puskesmasValues(def, period, area.kode);
    return { indicator: def.code, period: period.code, periodLabel: period.label, kabupaten: area.kode, simulated: rows.some((r) => r.simulated), rows };
  });

  // Wilayah kerja polygons of one kabupaten (desa dissolved per puskesmas): they change with every move, so no
  // immutable URL; an ETag from the geometry version and the wilayah kerja stamp lets the browser revalidate cheaply.
  const wilayahKerjaCache = new Map<string, { gzip: Buffer; raw: Buffer; etag: string }>();
  app.get('/api/rencana-ilp/wilayah-kerja.geojson', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Poligon wilayah kerja puskesmas (desa digabung per puskesmas) dengan nama, jumlah desa dan yang belum dikonfirmasi',
      querystring: KabupatenQuerySchema },
  }, async (request, reply) => {
    const area = await requireKabupaten(request.query.kabupaten);
    const version = (await wilayah.latestImport())?.geometryVersion ?? '';
    const key = `${version}/${area.kode}/${await repo.wilayahKerjaStamp(area.kode)}`;
    let payload = wilayahKerjaCache.get(key);
    if (!payload) {
      const [desa, groups] = await Promise.all([repo.desaGeometries(area.kode), repo.wilayahKerjaGroups(area.kode)]);
      const raw = Buffer.from(JSON.stringify(dissolveWilayahKerja(desa, groups)));
      payload = { raw, gzip: gzipSync(raw, { level: 9 }), etag: `"${createHash('sha1').update(key).digest('base64url').slice(0, 20)}"` };
      for (const old of wilayahKerjaCache.keys()) if (old.startsWith(`${version}/${area.kode}/`) || wilayahKerjaCache.size >= 40) wilayahKerjaCache.delete(old);
      wilayahKerjaCache.set(key, payload);
    }
    reply.header('cache-control', 'no-cache').header('etag', payload.etag).header('vary', 'accept-encoding').type('application/geo+json');
    if (request.headers['if-none-match'] === payload.etag) return reply.code(304).send();
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(payload.gzip);
    return reply.send(payload.raw);
  });

  // All desa of one kabupaten in one immutable FeatureCollection (the planner's map), built like geometry-cache.
  const desaCache = new Map<string, { raw: Buffer; gzip: Buffer; etag: string }>();
  app.get('/api/geometry/:version/:kode/desa.geojson', {
    config: { access: 'read' },
    schema: { tags: TAGS, summary: 'Poligon semua desa satu kabupaten/kota (tetap per versi geometri)', params: Type.Object({ version: Type.String(), kode: Type.String() }) },
  }, async (request, reply) => {
    const area = await requireKabupaten(request.params.kode);
    const current = (await wilayah.latestImport())?.geometryVersion;
    if (!current) throw notFound('Batas wilayah belum diimpor.');
    if (request.params.version !== current) {
      return reply.code(307).header('cache-control', 'no-store').redirect(`/api/geometry/${current}/${area.kode}/desa.geojson`);
    }
    const key = `${current}/${area.kode}`;
    let payload = desaCache.get(key);
    if (!payload) {
      const rows = await repo.desaGeometries(area.kode);
      const raw = Buffer.from(`{"type":"FeatureCollection","features":[${rows.map((r) =>
        `{"type":"Feature","properties":{"kode":${JSON.stringify(r.kode)},"nama":${JSON.stringify(r.nama)}},"geometry":${r.geojson}}`).join(',')}]}`);
      payload = { raw, gzip: gzipSync(raw, { level: 9 }), etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"` };
      if (desaCache.size >= 40) desaCache.delete(desaCache.keys().next().value!);
      desaCache.set(key, payload);
    }
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', payload.etag).header('vary', 'accept-encoding')
      .type('application/geo+json');
    if (request.headers['if-none-match'] === payload.etag) return reply.code(304).send();
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(payload.gzip);
    return reply.send(payload.raw);
  });
};
