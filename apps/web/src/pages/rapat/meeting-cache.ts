// Offline once loaded: a meeting's data (its detail, the wilayah geometry and the desa series it shows) is kept in
// localStorage per meeting, written on every successful fetch and read when the server cannot be reached. Light on
// purpose (no service worker): the app must already be open — a projector laptop or a phone that loses the
// connection during the meeting keeps stepping through the agenda. Writes (actions, notes) still need the server.
const PREFIX = 'peta.rapat.';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const storage = (): Store | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

/** Stores one entry of a meeting's bundle (part: 'detail', 'geometry', 'series:12.10.09.2001:KIA_K4:2026'). */
export function cachePut(meetingId: number, part: string, value: unknown, store: Store | null = storage()): void {
  if (!store) return;
  const key = `${PREFIX}${meetingId}`;
  try {
    const bundle = JSON.parse(store.getItem(key) ?? '{}') as Record<string, unknown>;
    bundle[part] = value;
    store.setItem(key, JSON.stringify(bundle));
  } catch {
    // Quota or private mode: the meeting still works online.
  }
}

export function cacheGet<T>(meetingId: number, part: string, store: Store | null = storage()): T | undefined {
  if (!store) return undefined;
  try {
    const bundle = JSON.parse(store.getItem(`${PREFIX}${meetingId}`) ?? '{}') as Record<string, unknown>;
    return bundle[part] as T | undefined;
  } catch {
    return undefined;
  }
}

/** Fetch, remember, and fall back to what was remembered when the network fails (status 0). */
export async function withOfflineCache<T>(
  meetingId: number,
  part: string,
  fetcher: () => Promise<T>,
  isNetworkError: (e: unknown) => boolean,
  store: Store | null = storage(),
): Promise<T> {
  try {
    const value = await fetcher();
    cachePut(meetingId, part, value, store);
    return value;
  } catch (error) {
    const cached = isNetworkError(error) ? cacheGet<T>(meetingId, part, store) : undefined;
    if (cached !== undefined) return cached;
    throw error;
  }
}
