// What the signed-in user may change, decided in the browser with the same rule as the server (decide() of
// @peta/domain): the UI only avoids offering what the server would refuse, the server stays the authority.
import {
  ancestorAt,
  decide,
  hasCapability,
  ROLE_INFO,
  type Actor,
  type Capability,
  type Scope,
  type Target,
} from '@peta/domain';
import type { SessionUser } from '@peta/domain/contract';

export type Permission =
  | { ok: true }
  /** reason: nobody signed in, the role lacks the capability, or the target lies outside the user's wilayah. */
  | { ok: false; reason: 'signed-out' | 'role' | 'scope'; message: string };

type ScopeFields = Pick<SessionUser, 'scopeKode' | 'scopePuskesmas' | 'scopeDesa' | 'scopeKabupaten'> &
  Partial<Pick<SessionUser, 'scopeLabel'>>;

/** The session's scope as the domain's Scope (the same the server builds). */
export function scopeOfSession(user: ScopeFields): Scope {
  if (user.scopePuskesmas) {
    return {
      kind: 'puskesmas',
      kode: user.scopePuskesmas,
      kabupaten: user.scopeKabupaten ?? '',
      desa: new Set(user.scopeDesa),
      label: user.scopeLabel,
    };
  }
  // As the server: no kode on a wilayah role means all Indonesia (admin, viewer).
  return { kind: 'wilayah', kode: user.scopeKode ?? '', label: user.scopeLabel };
}

/** The kabupaten/kota an account's scope fixes (12.10 from 12.10 or 12.10.09, a puskesmas' own), else null (provinsi, Indonesia). */
export const kabupatenOfScope = (user: Pick<SessionUser, 'scopeKode' | 'scopeKabupaten'>): string | null =>
  user.scopeKabupaten ?? ancestorAt(user.scopeKode, 'kabupaten');

export function actorOfSession(user: Pick<SessionUser, 'username' | 'role'> & ScopeFields): Actor {
  return { username: user.username, role: user.role, scope: scopeOfSession(user) };
}

export const SIGNED_OUT_MESSAGE = 'Masuk terlebih dahulu untuk mengubah data.';

/**
 * May `user` do `capability` (on `target` when given)? Without a target only the role is checked: enough to
 * decide whether to show a form at all.
 */
export function permission(user: SessionUser | null, capability: Capability, target?: Target): Permission {
  if (!user) return { ok: false, reason: 'signed-out', message: SIGNED_OUT_MESSAGE };
  if (!hasCapability(user.role, capability)) {
    // decide() checks the role first: its message is the role's ("Peran Camat tidak berwenang mengimpor data.").
    const decision = decide(actorOfSession(user), capability, target ?? { wilayah: '' });
    return { ok: false, reason: 'role', message: decision.ok ? '' : decision.message };
  }
  if (!target) return { ok: true };
  const decision = decide(actorOfSession(user), capability, target);
  return decision.ok ? decision : { ok: false, reason: 'scope', message: decision.message };
}

/** The role's label in the user's language (the session's roleLabel is Indonesian). */
export const roleLabel = (role: SessionUser['role'], lang: 'id' | 'en') =>
  lang === 'en' ? ROLE_INFO[role].labelEn : ROLE_INFO[role].labelId;
