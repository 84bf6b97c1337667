// User management for admins: list, create (a generated one-time password when none is given), change role,
// scope or active flag, reset a password; and the audit log. Every change is written to the audit log with
// before and after (the generic write audit records the request; this records what changed).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '@peta/db';
import {
  AuditEntrySchema, CreateUserBodySchema, ErrorSchema, UpdateUserBodySchema, UserSchema, UserWithPasswordSchema,
} from '@peta/domain/contract';
import {
  AccountError, countAdmins, createUser, findUserById, generatePassword, listAudit, listUsers, setPassword, updateUser, writeAudit,
  type UserRow,
} from '@peta/data/accounts';
import { HttpError, notFound } from '../plugins/errors.ts';
import { authorize, type SessionCache } from '../auth/access.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const STATUS: Record<AccountError['code'], number> = {
  INVALID_USERNAME: 400, INVALID_PASSWORD: 400, INVALID_ROLE: 400, INVALID_SCOPE: 400, USERNAME_TAKEN: 409, USER_NOT_FOUND: 404,
};

const dto = (u: UserRow) => ({
  id: u.id, username: u.username, nama: u.nama, role: u.role, scopeKode: u.scopeKode, scopePuskesmas: u.scopePuskesmas,
  aktif: u.aktif, demo: u.demo, mustChangePassword: u.mustChangePassword, createdAt: u.createdAt, createdBy: u.createdBy,
});

async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AccountError) throw new HttpError(STATUS[e.code], e.code, e.message);
    throw e;
  }
}

export const userRoutes = (database: Database, sessions: SessionCache): FastifyPluginAsyncTypebox => async (app) => {
  const Id = Type.Object({ id: Type.Integer() });
  // Accounts and the audit log are never cached, not even by the browser. (Every route of this plugin.)
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get('/api/pengguna', {
    config: { access: 'pengguna' },
    schema: { tags: ['akun'], summary: 'Daftar pengguna (admin)', response: { 200: Type.Array(UserSchema), ...errors } },
  }, async () => (await listUsers(database)).map(dto));

  app.post('/api/pengguna', {
    config: { access: 'pengguna' },
    schema: { tags: ['akun'], summary: 'Buat pengguna (admin). Tanpa kata sandi: dibuatkan, ditampilkan sekali, wajib diganti saat masuk',
      body: CreateUserBodySchema, response: { 201: UserWithPasswordSchema, ...errors } },
  }, async (request, reply) => {
    const by = authorize(request, 'pengguna', { wilayah: '' });
    const generated = request.body.password ? null : generatePassword();
    const user = await asHttp(() => createUser(database, {
      ...request.body, role: String(request.body.role), password: request.body.password ?? generated!, mustChangePassword: generated !== null, createdBy: by,
    }));
    await writeAudit(database, { userId: request.auth!.user.id, username: by, action: 'pengguna', detail: { dibuat: dto(user) }, ip: request.ip, requestId: request.id });
    return reply.code(201).send({ user: dto(user), password: generated });
  });

  app.patch('/api/pengguna/:id', {
    config: { access: 'pengguna' },
    schema: { tags: ['akun'], summary: 'Ubah nama, peran, wilayah atau status aktif (admin); sesi pengguna itu berakhir bila wilayah/aktif berubah',
      params: Id, body: UpdateUserBodySchema, response: { 200: UserSchema, ...errors } },
  }, async (request) => {
    const by = authorize(request, 'pengguna', { wilayah: '' });
    const target = await findUserById(database, request.params.id);
    if (!target) throw notFound(`Pengguna #${request.params.id} tidak ditemukan.`);
    const losesAdmin = target.role === 'admin' && target.aktif && ((request.body.role && request.body.role !== 'admin') || request.body.aktif === false);
    if (losesAdmin && await countAdmins(database) <= 1) {
      throw new HttpError(409, 'LAST_ADMIN', 'Ini admin aktif terakhir: buat admin lain dulu.');
    }
    const { before, after } = await asHttp(() => updateUser(database, request.params.id, { ...request.body, role: request.body.role === undefined ? undefined : String(request.body.role) }));
    sessions.forgetUser(request.params.id);
    await writeAudit(database, { userId: request.auth!.user.id, username: by, action: 'pengguna', detail: { sebelum: dto(before), sesudah: dto(after) }, ip: request.ip, requestId: request.id });
    return dto(after);
  });

  app.post('/api/pengguna/:id/reset-sandi', {
    config: { access: 'pengguna' },
    schema: { tags: ['akun'], summary: 'Atur ulang kata sandi (admin): kata sandi sementara ditampilkan sekali, wajib diganti saat masuk',
      params: Id, response: { 200: UserWithPasswordSchema, ...errors } },
  }, async (request) => {
    const by = authorize(request, 'pengguna', { wilayah: '' });
    const password = generatePassword();
    await asHttp(() => setPassword(database, request.params.id, password, true));
    sessions.forgetUser(request.params.id);
    const user = (await findUserById(database, request.params.id))!;
    await writeAudit(database, { userId: request.auth!.user.id, username: by, action: 'sandi', detail: { diatur_ulang: user.username }, ip: request.ip, requestId: request.id });
    return { user: dto(user), password };
  });

  app.get('/api/audit', {
    config: { access: 'pengguna' },
    schema: { tags: ['akun'], summary: 'Log audit: masuk, keluar, perubahan pengguna dan setiap permintaan tulis (admin), terbaru dulu',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), username: Type.Optional(Type.String({ maxLength: 100 })) }),
      response: { 200: Type.Array(AuditEntrySchema), ...errors } },
  }, async (request) => listAudit(database, { limit: request.query.limit ?? 200, username: request.query.username }));
};
