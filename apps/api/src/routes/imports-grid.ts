// Entry in the browser (issue 19 item 5): the grid of desa × indicators for one month with the stored values, and its
// save as one import (the imports pipeline: same rules, warnings, history, undo). HTTP only: gridService has the rules.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorSchema,
  GridConflictErrorSchema,
  GridQuerySchema,
  GridSaveBodySchema,
  GridSchema,
  ImportOutcomeSchema,
} from '@peta/domain/contract';
import type { GridService } from '@peta/server-core';
import { actorOf, authorize, scopeFilter } from '../auth/access.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

export const gridRoutes =
  (service: GridService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/impor/isian',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary:
            'Isian di peramban: desa sebuah kecamatan atau wilayah kerja puskesmas × indikator, satu bulan, dengan nilai tersimpan',
          querystring: GridQuerySchema,
          response: { 200: GridSchema, ...errors },
        },
      },
      async (request) => {
        const { periode, indikator, wilayah, puskesmas } = request.query;
        return service.read({ period: periode, indicators: indikator, wilayah, puskesmas });
      },
    );

    app.post(
      '/api/impor/isian',
      {
        config: { access: 'impor' },
        bodyLimit: 4 * 1024 * 1024, // GRID_MAX_CELLS cells of ~200 bytes
        schema: {
          tags: ['impor'],
          summary:
            'Simpan isian sebagai satu impor (aturan, peringatan, riwayat dan pembatalan seperti berkas); 409 bila sel diubah orang lain sejak nilai dasarnya',
          body: GridSaveBodySchema,
          response: {
            200: ImportOutcomeSchema,
            422: ImportOutcomeSchema,
            ...errors,
            409: GridConflictErrorSchema,
            503: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        // Every desa in the user's scope, or nothing is read further (403); the import checks each row again.
        authorize(
          request,
          'impor',
          [...new Set(request.body.cells.map((c) => c.kode))].map((kode) => ({ wilayah: kode })),
        );
        const outcome = await service.save(request.body, actorOf(request).user.username, scopeFilter(request, 'impor'));
        return reply.code(outcome.status === 'invalid' ? 422 : 200).send(outcome);
      },
    );
  };
