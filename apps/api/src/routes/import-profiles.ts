// Import profiles (issue 19): the wizard reads a previewed file again with a drafted or saved profile and the desa
// names the user confirmed; profiles are listed per area, downloaded and uploaded as small JSON files. HTTP only: the
// rules are the imports service's. A plugin of its own because the upload routes replace the JSON body parser.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ErrorSchema,
  ImportIdParamsSchema,
  ImportOutcomeSchema,
  ImportProfileSummarySchema,
  ReadAgainBodySchema,
} from '@peta/domain/contract';
import type { ImportsService } from '@peta/server-core';
import type { FastifyRequest } from 'fastify';
import type { Target } from '@peta/domain';
import { actorOf, authorize } from '../auth/access.ts';
import { badRequest } from '../plugins/errors.ts';
import { importerOf } from './imports.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

function idOr400(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw badRequest('INVALID_ID', `Nomor profil tidak sah: "${id}".`);
  return Number(id);
}

/** profil-impor-pws-kia-puskesmas-x.json */
const fileNameOf = (nama: string) =>
  `profil-impor-${
    nama
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'tanpa-nama'
  }.json`;

/**
 * Who may keep a profile for a kabupaten: whoever may import there, also into a part of it — a puskesmas of that
 * kabupaten ("PWS KIA Puskesmas X"), a kecamatan scope inside it.
 */
function profileTarget(request: FastifyRequest, kabupaten: string): Target {
  const { scope } = actorOf(request).actor;
  if (scope.kind === 'puskesmas')
    return scope.kabupaten === kabupaten ? { puskesmas: scope.kode, kabupaten } : { wilayah: kabupaten };
  return scope.kode.startsWith(`${kabupaten}.`) ? { wilayah: scope.kode } : { wilayah: kabupaten };
}

export const importProfileRoutes =
  (service: ImportsService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/api/impor/:id/baca-ulang',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary:
            'Baca ulang berkas pratinjau: dengan profil impor (draf dari wizard atau tersimpan) dan nama desa yang dikonfirmasi',
          params: ImportIdParamsSchema,
          body: ReadAgainBodySchema,
          response: { 200: ImportOutcomeSchema, ...errors, 413: ErrorSchema, 503: ErrorSchema },
        },
      },
      async (request) => service.readAgain(request.params.id, request.body, importerOf(request)),
    );

    app.get(
      '/api/profil-impor',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary: 'Profil impor di wilayah Anda (yang berlaku; versi lama disimpan sebagai riwayat)',
          response: { 200: Type.Array(ImportProfileSummarySchema), ...errors },
        },
      },
      async (request) => service.profiles(importerOf(request).area),
    );

    app.get(
      '/api/profil-impor/:id',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary: 'Unduh profil impor sebagai berkas JSON (untuk dibagikan)',
          params: Type.Object({ id: Type.String() }),
          response: {
            200: Type.Unknown({ description: 'profil impor (JSON, Content-Disposition: attachment)' }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const profile = await service.profileFile(idOr400(request.params.id), importerOf(request).area);
        return reply
          .header('content-disposition', `attachment; filename="${fileNameOf(profile.nama)}"`)
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(profile, null, 2));
      },
    );

    app.delete(
      '/api/profil-impor/:id',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary:
            'Hapus profil impor (tetap tersimpan sebagai riwayat: siapa dan kapan); tidak dipakai lagi untuk berkas baru',
          params: Type.Object({ id: Type.String() }),
          response: {
            200: Type.Object({ id: Type.Integer(), nama: Type.String(), kabupaten: Type.String() }),
            ...errors,
          },
        },
      },
      async (request) => {
        const who = importerOf(request);
        return service.deleteProfile(idOr400(request.params.id), who.area, who.oleh, (kabupaten) => {
          authorize(request, 'impor', profileTarget(request, kabupaten));
        });
      },
    );

    app.post(
      '/api/profil-impor',
      {
        config: { access: 'impor' },
        schema: {
          tags: ['impor'],
          summary:
            'Simpan profil impor (dari wizard, atau unggah berkas JSON profil); nama yang sama menggantikan versi sebelumnya',
          body: Type.Unknown({ description: 'profil impor (lihat README: format berkas lain dengan profil impor)' }),
          response: {
            201: Type.Object({ id: Type.Integer(), nama: Type.String(), kabupaten: Type.String() }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const saved = await service.saveProfile(request.body, importerOf(request).oleh, (kabupaten) => {
          authorize(request, 'impor', profileTarget(request, kabupaten));
        });
        return reply.code(201).send({ id: saved.id, nama: saved.profile.nama, kabupaten: saved.profile.kabupaten });
      },
    );
  };
