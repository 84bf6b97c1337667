// GET /api/wilayah/{kode}/profil?periode=… (a desa or kecamatan) or /api/puskesmas/{kode}/profil?periode=… (a puskesmas
// wilayah kerja): every indicator for the period, and the open actions.
import { useQuery } from '@tanstack/react-query';
import type { WilayahProfile } from '@peta/domain/contract';
import { getJson } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';

/** Whose profile: a kode wilayah, or a puskesmas (its wilayah kerja). */
export type ProfileSubject = { kind: 'wilayah' | 'puskesmas'; kode: string };

export const profileKey = (subject: ProfileSubject | null, period: string) =>
  [queryKeys.profil[0], subject?.kind ?? '', subject?.kode ?? '', period] as const;

export function profileUrl(subject: ProfileSubject, period: string): string {
  const base = subject.kind === 'puskesmas' ? '/api/puskesmas' : '/api/wilayah';
  return `${base}/${encodeURIComponent(subject.kode)}/profil?periode=${encodeURIComponent(period)}`;
}

export function useProfile(subject: ProfileSubject | null, period: string | undefined) {
  const kode = subject?.kode ?? null;
  return useQuery({
    queryKey: profileKey(subject, period ?? ''),
    queryFn: ({ signal }) => getJson<WilayahProfile>(profileUrl(subject!, period!), signal),
    enabled: subject !== null && period !== undefined,
    staleTime: 5 * 60_000,
    // Another period of the same wilayah: the previous cards stay while the new ones load.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === kode ? previous : undefined),
  });
}
