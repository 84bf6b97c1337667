// Roles, what each may change (capabilities) and what kind of scope it holds. Reading is not a capability: who may
// read is a deployment setting (READ_ACCESS), the same for every role.

export const ROLES = [
  'admin',
  'dinkes_provinsi',
  'dinkes_kabupaten',
  'puskesmas',
  'camat',
  'kepala_desa',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * impor    — value/sasaran imports and their undo
 * rencana  — the ILP planner: wilayah kerja edits, stages, waves
 * kesiapan — readiness checklists (the puskesmas fills in its own)
 * rapat    — meetings, notes and actions (rencana tindak lanjut)
 * pengguna — accounts of other people
 */
export const CAPABILITIES = ['impor', 'rencana', 'kesiapan', 'rapat', 'pengguna'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The level a role's scope must be at: a kode wilayah of that tingkat, all Indonesia, or one puskesmas. */
export type ScopeLevel = 'indonesia' | 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa' | 'puskesmas' | 'bebas';

export interface RoleInfo {
  labelId: string;
  labelEn: string;
  capabilities: readonly Capability[];
  scopeLevel: ScopeLevel;
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  admin: { labelId: 'Admin', labelEn: 'Administrator', capabilities: CAPABILITIES, scopeLevel: 'indonesia' },
  dinkes_provinsi: {
    labelId: 'Dinas Kesehatan Provinsi',
    labelEn: 'Provincial health office',
    capabilities: ['impor', 'rencana', 'kesiapan', 'rapat'],
    scopeLevel: 'provinsi',
  },
  dinkes_kabupaten: {
    labelId: 'Dinas Kesehatan Kabupaten/Kota',
    labelEn: 'District health office',
    capabilities: ['impor', 'rencana', 'kesiapan', 'rapat'],
    scopeLevel: 'kabupaten',
  },
  // The kepala puskesmas imports its own desa's data, fills its readiness checklist and runs its Lokmin; the
  // dinkes plans (moves desa, sets stages and waves).
  puskesmas: {
    labelId: 'Puskesmas',
    labelEn: 'Primary health centre',
    capabilities: ['impor', 'kesiapan', 'rapat'],
    scopeLevel: 'puskesmas',
  },
  camat: { labelId: 'Camat', labelEn: 'Sub-district head', capabilities: ['rapat'], scopeLevel: 'kecamatan' },
  kepala_desa: { labelId: 'Kepala desa/lurah', labelEn: 'Village head', capabilities: ['rapat'], scopeLevel: 'desa' },
  viewer: { labelId: 'Pembaca', labelEn: 'Viewer', capabilities: [], scopeLevel: 'bebas' },
};

export const CAPABILITY_LABEL: Record<Capability, string> = {
  impor: 'mengimpor data',
  rencana: 'mengubah rencana ILP',
  kesiapan: 'mengisi ceklis kesiapan',
  rapat: 'mencatat rapat dan tindak lanjut',
  pengguna: 'mengelola pengguna',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasCapability(role: Role, capability: Capability): boolean {
  return ROLE_INFO[role].capabilities.includes(capability);
}
