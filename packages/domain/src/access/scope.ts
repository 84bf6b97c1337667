// A user's scope and the one rule that decides every write: the target must lie inside the scope.
//   wilayah scope   — a kode prefix: '12.10' covers 12.10 and everything under it; '' covers all Indonesia.
//   puskesmas scope — its wilayah kerja: the desa it holds today, the kecamatan those desa lie in (its Lokmin is
//                     about them), and the puskesmas itself (its readiness checklist).
import { ancestorAt, isKode, tingkatOf, type Tingkat } from '../wilayah.ts';
import { CAPABILITY_LABEL, hasCapability, ROLE_INFO, type Capability, type Role } from './roles.ts';

/** `label`: the scope in words ("Kabupaten Labuhanbatu", "wilayah kerja Puskesmas Sigambal") for messages; optional. */
export type Scope =
  | { kind: 'wilayah'; kode: string; label?: string }
  | { kind: 'puskesmas'; kode: string; kabupaten: string; desa: ReadonlySet<string>; label?: string };

/** What a write touches: an area (kode wilayah) or a puskesmas (its own record, e.g. readiness). */
export type Target = { wilayah: string } | { puskesmas: string; kabupaten: string };

export interface Actor {
  username: string;
  role: Role;
  scope: Scope;
}

export type Decision = { ok: true } | { ok: false; message: string };

const within = (kode: string, prefix: string) => prefix === '' || kode === prefix || kode.startsWith(`${prefix}.`);

export function scopeCovers(scope: Scope, target: Target): boolean {
  if ('puskesmas' in target) {
    if (scope.kind === 'puskesmas') return scope.kode === target.puskesmas;
    return within(target.kabupaten, scope.kode);
  }
  if (scope.kind === 'wilayah') return within(target.wilayah, scope.kode);
  if (!isKode(target.wilayah)) return false;
  const tingkat = tingkatOf(target.wilayah);
  if (tingkat === 'desa') return scope.desa.has(target.wilayah);
  if (tingkat === 'kecamatan') return [...scope.desa].some((d) => ancestorAt(d, 'kecamatan') === target.wilayah);
  return false;
}

/** May this actor do this kind of write on this target? The message says why not, in words a user understands. */
export function decide(actor: Actor, capability: Capability, target: Target): Decision {
  const info = ROLE_INFO[actor.role];
  if (!hasCapability(actor.role, capability)) {
    return { ok: false, message: `Peran ${info.labelId} tidak berwenang ${CAPABILITY_LABEL[capability]}.` };
  }
  if (!scopeCovers(actor.scope, target)) {
    const what = 'puskesmas' in target ? `puskesmas ${target.puskesmas}` : `wilayah ${target.wilayah}`;
    return {
      ok: false,
      message: `Anda tidak berwenang ${CAPABILITY_LABEL[capability]} untuk ${what}: di luar wilayah Anda (${describeScope(actor.scope)}).`,
    };
  }
  return { ok: true };
}

/** The scope as a user says it: its name when known, never a bare code ("kode 12.10" only when the name is unknown). */
export function describeScope(scope: Scope): string {
  if (scope.label) return scope.label;
  if (scope.kind === 'puskesmas') return `wilayah kerja puskesmas ${scope.kode}`;
  return scope.kode === '' ? 'seluruh Indonesia' : `kode ${scope.kode}`;
}

const LEVEL_TINGKAT: Partial<Record<string, Tingkat>> = {
  provinsi: 'provinsi',
  kabupaten: 'kabupaten',
  kecamatan: 'kecamatan',
  desa: 'desa',
};

/** Checks that a scope fits the role (a camat holds a kecamatan, a puskesmas user a puskesmas…). Null when it fits. */
export function scopeProblem(role: Role, scope: { kode: string | null; puskesmas: string | null }): string | null {
  const level = ROLE_INFO[role].scopeLevel;
  const label = ROLE_INFO[role].labelId;
  if (level === 'puskesmas') {
    return scope.puskesmas && scope.kode === null
      ? null
      : `Peran ${label} memerlukan satu puskesmas sebagai wilayah (bukan kode wilayah).`;
  }
  if (scope.puskesmas) return `Peran ${label} berwilayah kode Kemendagri, bukan puskesmas.`;
  const kode = scope.kode ?? '';
  if (level === 'indonesia')
    return kode === '' ? null : `Peran ${label} mencakup seluruh Indonesia; kosongkan kode wilayah.`;
  if (kode !== '' && !isKode(kode)) return `Kode wilayah tidak sah: "${kode}" (contoh: 12.10 untuk Labuhanbatu).`;
  if (level === 'bebas') return null;
  const tingkat = LEVEL_TINGKAT[level]!;
  if (kode === '' || tingkatOf(kode) !== tingkat)
    return `Peran ${label} memerlukan kode ${tingkat} (mis. ${EXAMPLE[tingkat]}).`;
  return null;
}

const EXAMPLE: Record<Tingkat, string> = {
  provinsi: '12',
  kabupaten: '12.10',
  kecamatan: '12.10.01',
  desa: '12.10.01.2001',
};

/**
 * Where a user lands after signing in: the scope's wilayah, or for a puskesmas the kecamatan holding most of its
 * desa (ties: the lower kode). Null = the national view.
 */
export function homeWilayah(scope: Scope): string | null {
  if (scope.kind === 'wilayah') return scope.kode || null;
  const counts = new Map<string, number>();
  for (const d of scope.desa) {
    const kecamatan = ancestorAt(d, 'kecamatan');
    if (kecamatan) counts.set(kecamatan, (counts.get(kecamatan) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [kode, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (best === null || n > counts.get(best)!) best = kode;
  }
  return best ?? scope.kabupaten;
}
