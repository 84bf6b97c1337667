// User management for admins: list, create (a generated one-time password when none is given), change role,
// scope or active flag, reset a password; and the audit log. Every change is written to the audit log with
// before and after (the generic write audit records the request; this records what changed).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Database } from '@peta/db';
import {
  AuditEntrySchema,
  CreateUserBodySchema,
  ErrorSchema,
  UpdateUserBodySchema,
  UserSchema,
  UserWithPasswordSchema,
} from '@peta/domain/contract';
import {
  addUser,
  changeUser,
  generatePassword,
  listAudit,
  listUsers,
  resetPassword,
  userView,
  type ChangedBy,
} from '@peta/server-core';
import { authorize, type SessionCache } from '../auth/access.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** The signed-in admin, who may change accounts (403 otherwise), as the audit log records them. */
function admin(request: FastifyRequest): ChangedBy {
  const username = authorize(request, 'pengguna', { wilayah: '' });
  return { userId: request.auth!.user.id, username, ip: request.ip, requestId: request.id };
}

export const userRoutes =
  (database: Database, sessions: SessionCache): FastifyPluginAsyncTypebox =>
  async (app) => {
    const Id = Type.Object({ id: Type.Integer() });
    // Accounts and the audit log are never cached, not even by the browser. (Every route of this plugin.)
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    app.get(
      '/api/pengguna',
      {
        config: { access: 'pengguna' },
        schema: {
          tags: ['akun'],
          summary: 'Daftar pengguna (admin)',
          response: { 200: Type.Array(UserSchema), ...errors },
        },
      },
      async () => (await listUsers(database)).map(userView),
    );

    app.post(
      '/api/pengguna',
      {
        config: { access: 'pengguna' },
        schema: {
          tags: ['akun'],
          summary: 'Buat pengguna (admin). Tanpa kata sandi: dibuatkan, ditampilkan sekali, wajib diganti saat masuk',
          body: CreateUserBodySchema,
          response: { 201: UserWithPasswordSchema, ...errors },
        },
      },
      async (request, reply) => {
        const by = admin(request);
        const generated = request.body.password ? null : generatePassword();
        const user = await addUser(
          database,
          {
            ...request.body,
            role: String(request.body.role),
            password: request.body.password ?? generated!,
            mustChangePassword: generated !== null,
            createdBy: by.username,
          },
          by,
        );
        return reply.code(201).send({ user: userView(user), password: generated });
      },
    );

    app.patch(
      '/api/pengguna/:id',
      {
        config: { access: 'pengguna' },
        schema: {
          tags: ['akun'],
          summary:
            'Ubah nama, peran, wilayah atau status aktif (admin); sesi pengguna itu berakhir bila wilayah/aktif berubah',
          params: Id,
          body: UpdateUserBodySchema,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request) => {
        const by = admin(request);
        const after = await changeUser(
          database,
          request.params.id,
          { ...request.body, role: request.body.role === undefined ? undefined : String(request.body.role) },
          by,
        );
        sessions.forgetUser(request.params.id);
        return userView(after);
      },
    );

    app.post(
      '/api/pengguna/:id/reset-sandi',
      {
        config: { access: 'pengguna' },
        schema: {
          tags: ['akun'],
          summary: 'Atur ulang kata sandi (admin): kata sandi sementara ditampilkan sekali, wajib diganti saat masuk',
          params: Id,
          response: { 200: UserWithPasswordSchema, ...errors },
        },
      },
      async (request) => {
        const by = admin(request);
        const password = generatePassword();
        const user = await resetPassword(database, request.params.id, password, by);
        sessions.forgetUser(request.params.id);
        return { user: userView(user), password };
      },
    );

    app.get(
      '/api/audit',
      {
        config: { access: 'pengguna' },
        schema: {
          tags: ['akun'],
          summary: 'Log audit: masuk, keluar, perubahan pengguna dan setiap permintaan tulis (admin), terbaru dulu',
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            username: Type.Optional(Type.String({ maxLength: 100 })),
          }),
          response: { 200: Type.Array(AuditEntrySchema), ...errors },
        },
      },
      async (request) => listAudit(database, { limit: request.query.limit ?? 200, username: request.query.username }),
    );
  };
