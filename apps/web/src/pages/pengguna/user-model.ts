// The admin's user page, pure parts: which scope field a role needs, the create/update bodies checked with the
// domain's rules before sending (the server checks again), the audit log's time in WIB. Unit-tested.
import { normaliseUsername, ROLE_INFO, scopeProblem, usernameProblem, type Role } from '@peta/domain';
import type { User } from '@peta/domain/contract';

/**
 * What the scope input holds for a role: nothing (admin: all Indonesia), a kode wilayah (required at the role's
 * tingkat, or optional for a viewer, '' = all Indonesia), or a puskesmas kode.
 */
export type ScopeField = 'none' | 'wilayah' | 'wilayah-optional' | 'puskesmas';

export function scopeFieldOf(role: Role): ScopeField {
  switch (ROLE_INFO[role].scopeLevel) {
    case 'indonesia':
      return 'none';
    case 'bebas':
      return 'wilayah-optional';
    case 'puskesmas':
      return 'puskesmas';
    default:
      return 'wilayah';
  }
}

/** The scope as the API takes it, from the one text field the form has. */
export function scopeBody(role: Role, scope: string): { scopeKode: string | null; scopePuskesmas: string | null } {
  const value = scope.trim();
  const field = scopeFieldOf(role);
  if (field === 'puskesmas') return { scopeKode: null, scopePuskesmas: value };
  return { scopeKode: field === 'none' ? '' : value, scopePuskesmas: null };
}

export interface UserForm {
  username: string;
  nama: string;
  role: Role;
  scope: string;
}
export type FormProblems = Partial<Record<keyof UserForm, string>>;

export type Checked<T> = { ok: true; body: T } | { ok: false; problems: FormProblems };

export interface CreateBody {
  username: string;
  nama: string;
  role: Role;
  scopeKode: string | null;
  scopePuskesmas: string | null;
}

const NAMA_MISSING = 'Isi nama lengkap pengguna.';

function scopeCheck(role: Role, scope: string): string | null {
  const body = scopeBody(role, scope);
  return scopeProblem(role, { kode: body.scopeKode, puskesmas: body.scopePuskesmas || null });
}

/** The create body, or the domain's words for what is wrong (no password: the server generates one). */
export function checkCreate(form: UserForm): Checked<CreateBody> {
  const username = normaliseUsername(form.username);
  const problems: FormProblems = {};
  const u = usernameProblem(username);
  if (u) problems.username = u;
  if (!form.nama.trim()) problems.nama = NAMA_MISSING;
  const s = scopeCheck(form.role, form.scope);
  if (s) problems.scope = s;
  if (Object.keys(problems).length) return { ok: false, problems };
  return { ok: true, body: { username, nama: form.nama.trim(), role: form.role, ...scopeBody(form.role, form.scope) } };
}

export type UpdateBody = Partial<Pick<CreateBody, 'nama' | 'role' | 'scopeKode' | 'scopePuskesmas'>>;

/** Only what changed; role and scope travel together (a new role usually needs a new scope). */
export function checkUpdate(
  user: Pick<User, 'nama' | 'role' | 'scopeKode' | 'scopePuskesmas'>,
  form: Omit<UserForm, 'username'>,
): Checked<UpdateBody> {
  const problems: FormProblems = {};
  if (!form.nama.trim()) problems.nama = NAMA_MISSING;
  const s = scopeCheck(form.role, form.scope);
  if (s) problems.scope = s;
  if (Object.keys(problems).length) return { ok: false, problems };
  const body: UpdateBody = {};
  if (form.nama.trim() !== user.nama) body.nama = form.nama.trim();
  const scope = scopeBody(form.role, form.scope);
  if (form.role !== user.role || scope.scopeKode !== user.scopeKode || scope.scopePuskesmas !== user.scopePuskesmas) {
    Object.assign(body, { role: form.role, ...scope });
  }
  return { ok: true, body };
}

/** The text of the scope field for an existing user. */
export const scopeInputOf = (user: Pick<User, 'scopeKode' | 'scopePuskesmas'>) =>
  user.scopePuskesmas ?? user.scopeKode ?? '';

// ---- Audit log --------------------------------------------------------------------------------------------

/**
 * PostgreSQL's timestamptz text ("2026-11-23 13:11:57.450223+00") as a Date; ISO strings pass too. Null when it
 * cannot be read (the raw text is then shown).
 */
export function parseDbTime(text: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const fraction = (m[3] ?? '').slice(0, 4); // milliseconds: Date reads at most three digits everywhere
  let zone = m[4] ?? 'Z';
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${m[1]}T${m[2]}${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const MONTHS = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** "23 Nov 2026 20.11.57 WIB": the time in Asia/Jakarta, whatever the browser's zone (the audit is read in WIB). */
export function formatWib(text: string, lang: 'id' | 'en'): string {
  const date = parseDbTime(text);
  if (!date) return text;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const sep = lang === 'id' ? '.' : ':';
  return `${Number(parts.day)} ${MONTHS[lang][Number(parts.month) - 1]} ${parts.year} ${parts.hour}${sep}${parts.minute}${sep}${parts.second} WIB`;
}
