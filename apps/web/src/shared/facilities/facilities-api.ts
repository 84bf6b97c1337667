// Pustu and Posyandu of one desa: read (never cached by the server: "no-store") and saved as whole lists.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Facilities, FacilitiesBody } from '@peta/domain/contract';
import { getJson, sendJson } from '../../api/client.ts';

const facilitiesKey = (kode: string) => ['fasilitas', kode] as const;
const path = (kode: string) => `/api/desa/${encodeURIComponent(kode)}/fasilitas`;

export function useFacilities(kode: string) {
  return useQuery({
    queryKey: facilitiesKey(kode),
    queryFn: ({ signal }) => getJson<Facilities>(path(kode), signal),
    staleTime: 30_000,
  });
}

/** PUT replaces both lists; the answer is the desa's facilities as stored, then they are fetched again. */
export function useSaveFacilities(kode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FacilitiesBody) => sendJson<Facilities>('PUT', path(kode), body),
    onSuccess: (saved) => {
      client.setQueryData(facilitiesKey(kode), saved);
      // The planner's readiness items are derived from these lists.
      return Promise.all([
        client.invalidateQueries({ queryKey: facilitiesKey(kode) }),
        client.invalidateQueries({ queryKey: ['rencana'] }),
      ]);
    },
  });
}
