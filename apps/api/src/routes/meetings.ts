// Meetings (Lokakarya Mini) about one kecamatan or a puskesmas' wilayah kerja: create (agenda generated from the data),
// list, detail, notes with history, actions with a change log, and the printed pack (PDF via Chromium). The work is in
// @peta/server-core meetings; these routes check who may write and speak HTTP.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CreateActionSchema,
  CreateMeetingSchema,
  CreateNoteSchema,
  ErrorSchema,
  MeetingActionSchema,
  MeetingDetailSchema,
  MeetingIdParamsSchema,
  MeetingListQuerySchema,
  MeetingSummarySchema,
  NoteWithHistorySchema,
  UpdateActionSchema,
} from '@peta/domain/contract';
import type { MeetingsCapability, ReaderView } from '@peta/server-core';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../auth/access.ts';
import { PACK_CSP } from '../plugins/security-headers.ts';
import { requireKode } from './params.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

// Readers outside the meeting's area get its agenda and pack in the protected view (issue 18: small counts hidden);
// participants (the scope that may write to the meeting) see it as stored.
export const meetingsRoutes =
  (
    { meetings: service, notes, actions, packs }: MeetingsCapability,
    viewOf: (request: FastifyRequest) => ReaderView,
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    const packView = (request: FastifyRequest) => {
      const view = viewOf(request);
      return { meeting: view.meeting, values: view };
    };
    // Meetings are working documents that change by the minute: never cached. (Every route of this plugin.)
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    app.post(
      '/api/rapat',
      {
        config: { access: 'rapat' },
        schema: {
          tags: ['rapat'],
          summary: 'Buat rapat: agenda dibuat dari data periode yang dipilih dan disimpan',
          body: CreateMeetingSchema,
          response: { 201: MeetingDetailSchema, ...errors },
        },
      },
      async (request, reply) => {
        if (request.body.wilayah !== undefined) requireKode(request.body.wilayah);
        const oleh = authorize(request, 'rapat', await service.targetOfNew(request.body));
        return reply.code(201).send(await service.create(request.body, oleh));
      },
    );

    app.get(
      '/api/rapat',
      {
        config: { access: 'read' },
        schema: {
          tags: ['rapat'],
          summary: 'Rapat satu wilayah, terbaru dulu',
          querystring: MeetingListQuerySchema,
          response: { 200: Type.Array(MeetingSummarySchema), ...errors },
        },
      },
      async (request) => {
        if (request.query.wilayah !== undefined) requireKode(request.query.wilayah);
        return service.list(request.query);
      },
    );

    app.get(
      '/api/rapat/:id',
      {
        config: { access: 'read' },
        schema: {
          tags: ['rapat'],
          summary: 'Satu rapat: agenda, tindak lanjut dengan perkembangannya, catatan',
          params: MeetingIdParamsSchema,
          response: { 200: MeetingDetailSchema, ...errors },
        },
      },
      async (request) => viewOf(request).meeting(await service.detail(Number(request.params.id))),
    );

    app.post(
      '/api/rapat/:id/catatan',
      {
        config: { access: 'rapat' },
        schema: {
          tags: ['rapat'],
          summary: 'Catatan per butir agenda; ubah = catatan baru dengan supersedes (riwayat disimpan)',
          params: MeetingIdParamsSchema,
          body: CreateNoteSchema,
          response: { 201: NoteWithHistorySchema, ...errors },
        },
      },
      async (request, reply) => {
        const id = Number(request.params.id);
        const oleh = authorize(request, 'rapat', await service.targetOfMeeting(id));
        return reply.code(201).send(await notes.add(id, request.body, oleh));
      },
    );

    app.post(
      '/api/rapat/:id/tindak-lanjut',
      {
        config: { access: 'rapat' },
        schema: {
          tags: ['rapat'],
          summary: 'Rencana tindak lanjut untuk satu desa dan indikator (nilai awal dicatat)',
          params: MeetingIdParamsSchema,
          body: CreateActionSchema,
          response: { 201: MeetingActionSchema, ...errors },
        },
      },
      async (request, reply) => {
        const id = Number(request.params.id);
        await service.targetOfMeeting(id); // 404 before 403: a missing meeting is missing for everyone
        // An action is about one desa: a kepala desa may record it for their desa in the kecamatan's meeting.
        const oleh = authorize(request, 'rapat', { wilayah: requireKode(request.body.desaKode) });
        return reply.code(201).send(await actions.add(id, request.body, oleh));
      },
    );

    app.patch(
      '/api/tindak-lanjut/:id',
      {
        config: { access: 'rapat' },
        schema: {
          tags: ['rapat'],
          summary: 'Ubah tindak lanjut (status, siapa, tenggat…); sebelum/sesudah dicatat',
          params: MeetingIdParamsSchema,
          body: UpdateActionSchema,
          response: { 200: MeetingActionSchema, ...errors },
        },
      },
      async (request) => {
        const id = Number(request.params.id);
        const oleh = authorize(request, 'rapat', { wilayah: await actions.desaOf(id) });
        return actions.update(id, request.body, oleh);
      },
    );

    app.get(
      '/api/rapat/:id/paket.html',
      {
        config: { access: 'read' },
        schema: {
          tags: ['rapat'],
          summary: 'Paket rapat sebagai halaman HTML (pratinjau cetak; sama dengan isi PDF)',
          params: MeetingIdParamsSchema,
          response: { 200: Type.String({ description: 'text/html' }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', PACK_CSP)
          .send((await packs.html(Number(request.params.id), packView(request))).html),
    );

    app.get(
      '/api/rapat/:id/paket.pdf',
      {
        config: { access: 'read' },
        schema: {
          tags: ['rapat'],
          summary: 'Paket rapat A4 (PDF): sampul dengan peta, satu halaman per desa, daftar tindak lanjut',
          params: MeetingIdParamsSchema,
          response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errors, 503: ErrorSchema },
        },
      },
      async (request, reply) => {
        // Bounded (PDF_CONCURRENCY, PDF_QUEUE, PDF_TIMEOUT_SECONDS): 503 with Retry-After when busy or too slow.
        const pdf = await packs.pdf(Number(request.params.id), packView(request));
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${pdf.fileName}"`)
          .send(pdf.bytes);
      },
    );
  };
