// Calls of the "Pengguna" page (admins only; the server refuses everyone else): the user list, create, change,
// reset a password, and the audit log. Every change refreshes the list and the log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntryDto, PuskesmasDetail, PuskesmasList, User } from '@peta/domain/contract';
import { isKode, tingkatOf } from '@peta/domain';
import { getJson, sendJson } from '../../api/client.ts';
import type { CreateBody, UpdateBody } from './user-model.ts';

/** A temporary password comes back once, here, and is never stored by the server in clear. */
export interface UserWithPassword {
  user: User;
  password: string | null;
}

export const userKeys = {
  all: ['pengguna'] as const,
  audit: (username: string) => ['pengguna', 'audit', username] as const,
  // Not under 'pengguna': a change of accounts does not change the puskesmas.
  puskesmasOf: (kabupaten: string) => ['puskesmas-pilihan', kabupaten] as const,
  puskesmas: (kode: string) => ['puskesmas-pilihan', 'kode', kode] as const,
};

export const AUDIT_LIMIT = 50;

export function useUsers() {
  return useQuery({ queryKey: userKeys.all, queryFn: ({ signal }) => getJson<User[]>('/api/pengguna', signal) });
}

export function useAudit(username: string) {
  const query = new URLSearchParams({ limit: String(AUDIT_LIMIT) });
  if (username) query.set('username', username);
  return useQuery({
    queryKey: userKeys.audit(username),
    queryFn: ({ signal }) => getJson<AuditEntryDto[]>(`/api/audit?${query.toString()}`, signal),
  });
}

/** The list, the log (and the puskesmas lookups, unchanged) after any change. */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateBody) => sendJson<UserWithPassword>('POST', '/api/pengguna', body),
    onSuccess: refresh,
  });
}

export function useUpdateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateBody & { aktif?: boolean; id: number }) =>
      sendJson<User>('PATCH', `/api/pengguna/${id}`, body),
    onSuccess: refresh,
  });
}

export function useResetPassword() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => sendJson<UserWithPassword>('POST', `/api/pengguna/${id}/reset-sandi`),
    onSuccess: refresh,
  });
}

/** The puskesmas of a kabupaten, to pick one for a puskesmas account. */
export function usePuskesmasOf(kabupaten: string) {
  return useQuery({
    queryKey: userKeys.puskesmasOf(kabupaten),
    queryFn: ({ signal }) =>
      getJson<PuskesmasList>(`/api/puskesmas?kabupaten=${encodeURIComponent(kabupaten)}`, signal),
    enabled: isKode(kabupaten) && tingkatOf(kabupaten) === 'kabupaten',
    staleTime: 10 * 60_000,
  });
}

/** One puskesmas' name, to confirm a typed kode. */
export function usePuskesmasName(kode: string) {
  return useQuery({
    queryKey: userKeys.puskesmas(kode),
    queryFn: ({ signal }) => getJson<PuskesmasDetail>(`/api/puskesmas/${encodeURIComponent(kode)}`, signal),
    enabled: kode.trim() !== '',
    staleTime: 10 * 60_000,
    select: (detail) => ({ nama: detail.puskesmas.nama, kabupaten: detail.puskesmas.kabupaten }),
  });
}
