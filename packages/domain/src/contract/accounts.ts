// HTTP contract for accounts (issue 9): the session (who am I, where do I land, what may I change), sign-in and
// sign-out, one's own password, and the admin's user management and audit log.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CAPABILITIES, ROLES, type Capability, type Role } from '../access/roles.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

// Enums from the domain's lists (one source); Unsafe keeps the literal type that a mapped Union would lose.
export const RoleSchema = Type.Unsafe<Role>(Type.String({ enum: [...ROLES] }));
export const CapabilitySchema = Type.Unsafe<Capability>(Type.String({ enum: [...CAPABILITIES] }));

export const SessionUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  nama: Type.String(),
  role: RoleSchema,
  roleLabel: Type.String(),
  capabilities: Type.Array(CapabilitySchema),
  scopeKode: Nullable(Type.String({ description: "awalan kode wilayah; '' = seluruh Indonesia" })),
  scopePuskesmas: Nullable(Type.String()),
  /** In words: "Kabupaten Labuhanbatu", "wilayah kerja Puskesmas …". */
  scopeLabel: Type.String(),
  /** For a puskesmas: the desa of its wilayah kerja today (the web marks what the user may change). */
  scopeDesa: Type.Array(Type.String()),
  /** For a puskesmas: its kabupaten/kota; null for other roles. */
  scopeKabupaten: Nullable(Type.String()),
  /** Where the map opens after signing in; null = Indonesia. */
  home: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  demo: Type.Boolean(),
});

export const DemoAccountSchema = Type.Object({
  username: Type.String(),
  nama: Type.String(),
  roleLabel: Type.String(),
  wilayah: Type.String(),
});

export const SessionSchema = Type.Object({
  user: Nullable(SessionUserSchema),
  /** Send back in the x-csrf-token header with every write. */
  csrfToken: Nullable(Type.String()),
  readAccess: Type.Union([Type.Literal('signed-in'), Type.Literal('public')]),
  /** Listed on the sign-in page of a demo start (the password is printed in the server's terminal). */
  demoAccounts: Type.Array(DemoAccountSchema),
});

export const SignInBodySchema = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 500 }),
});

export const ChangePasswordBodySchema = Type.Object({
  current: Type.String({ minLength: 1, maxLength: 500 }),
  new: Type.String({ minLength: 1, maxLength: 500 }),
});

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  nama: Type.String(),
  role: RoleSchema,
  scopeKode: Nullable(Type.String()),
  scopePuskesmas: Nullable(Type.String()),
  aktif: Type.Boolean(),
  demo: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Type.String(),
});

export const CreateUserBodySchema = Type.Object({
  username: Type.String({ maxLength: 100 }),
  nama: Type.String({ maxLength: 200 }),
  role: RoleSchema,
  scopeKode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  scopePuskesmas: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  /** Omitted: a password is generated and returned once; the user must change it at first sign-in. */
  password: Type.Optional(Type.String({ maxLength: 500 })),
});

export const UpdateUserBodySchema = Type.Object({
  nama: Type.Optional(Type.String({ maxLength: 200 })),
  role: Type.Optional(RoleSchema),
  scopeKode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  scopePuskesmas: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  aktif: Type.Optional(Type.Boolean()),
});

export const UserWithPasswordSchema = Type.Object({
  user: UserSchema,
  /** Shown once to the admin, to pass on; never stored in clear. */
  password: Nullable(Type.String()),
});

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  username: Nullable(Type.String()),
  action: Type.String(),
  method: Nullable(Type.String()),
  path: Nullable(Type.String()),
  status: Nullable(Type.Integer()),
  ip: Nullable(Type.String()),
  detail: Type.Unknown(),
});

export type Session = Static<typeof SessionSchema>;
export type SessionUser = Static<typeof SessionUserSchema>;
export type User = Static<typeof UserSchema>;
export type AuditEntryDto = Static<typeof AuditEntrySchema>;
export type ChangePasswordBody = Static<typeof ChangePasswordBodySchema>;
