// GET /api/wilayah/{kode}/profil?period=…: every indicator of one desa or kecamatan for the period, and its open actions.
import { useQuery } from '@tanstack/react-query';
import type { WilayahProfile } from '@peta/domain/contract';
import { getJson } from '../../api/client.ts';

export const profileKey = (kode: string, period: string) => ['profil', kode, period] as const;

export function useProfile(kode: string | null, period: string | undefined) {
  return useQuery({
    queryKey: profileKey(kode ?? '', period ?? ''),
    queryFn: ({ signal }) => getJson<WilayahProfile>(
      `/api/wilayah/${encodeURIComponent(kode!)}/profil?period=${encodeURIComponent(period!)}`, signal),
    enabled: kode !== null && period !== undefined,
    staleTime: 5 * 60_000,
    // Another period of the same wilayah: the previous cards stay while the new ones load.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === kode ? previous : undefined),
  });
}
