// Wilayah: the area, its parents and its children. Kode wilayah Kemendagri is the key.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ancestorsOf, childTingkat, type Tingkat } from '@peta/domain';
import { ErrorSchema, WilayahChildrenSchema, WilayahSchema, type WilayahChild } from '@peta/domain/contract';
import { notFound } from '../plugins/errors.ts';
import { requireKode } from './params.ts';
import type { WilayahRepository, WilayahRow } from '../repositories/wilayah-repository.ts';

const toChild = (r: WilayahRow): WilayahChild => ({
  kode: r.kode, nama: r.nama, tingkat: r.tingkat, hasGeometry: r.hasGeometry, childCount: r.childCount,
  bbox: r.bbox, label: r.label,
});

const KodeParams = Type.Object({ kode: Type.String({ description: 'Kode wilayah Kemendagri, misalnya 12.10' }) });
const errors = { 400: ErrorSchema, 404: ErrorSchema };

export const wilayahRoutes = (repo: WilayahRepository): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/wilayah', {
    config: { access: 'read' },
    schema: { tags: ['wilayah'], summary: 'Daftar provinsi', response: { 200: WilayahChildrenSchema } },
  }, async () => (await repo.children(null)).map(toChild));

  app.get('/api/wilayah/:kode', {
    config: { access: 'read' },
    schema: { tags: ['wilayah'], params: KodeParams, response: { 200: WilayahSchema, ...errors } },
  }, async (request) => {
    const kode = requireKode(request.params.kode);
    const row = await repo.findByKode(kode);
    if (!row) throw notFound(`Wilayah dengan kode ${kode} tidak ditemukan.`);
    const parents = await repo.findMany(ancestorsOf(kode));
    return {
      kode: row.kode, nama: row.nama, tingkat: row.tingkat,
      parents: parents.map((p) => ({ kode: p.kode, nama: p.nama, tingkat: p.tingkat })),
      bbox: row.bbox, label: row.label, hasGeometry: row.hasGeometry, childCount: row.childCount,
      childTingkat: childTingkat(row.tingkat as Tingkat),
    };
  });

  app.get('/api/wilayah/:kode/children', {
    config: { access: 'read' },
    schema: { tags: ['wilayah'], params: KodeParams, response: { 200: WilayahChildrenSchema, ...errors } },
  }, async (request) => {
    const kode = requireKode(request.params.kode);
    const row = await repo.findByKode(kode);
    if (!row) throw notFound(`Wilayah dengan kode ${kode} tidak ditemukan.`);
    return (await repo.children(kode)).map(toChild);
  });
};
