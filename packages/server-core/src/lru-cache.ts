// A small least-recently-used map for the request-time caches of server-core (answers, protection tables). Each cache
// keys its entries by the version of what they were computed from, so an entry is never stale — only evicted.

export interface LruCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  delete(key: string): void;
}

/** At most `entries` values; a hit moves its entry to the back, so the least recently used goes first. */
export function lruCache<T>(entries: number): LruCache<T> {
  const map = new Map<string, T>();
  return {
    get(key) {
      const hit = map.get(key);
      if (hit !== undefined) {
        map.delete(key);
        map.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      map.set(key, value);
      if (map.size > entries) map.delete(map.keys().next().value!);
    },
    delete(key) {
      map.delete(key);
    },
  };
}
