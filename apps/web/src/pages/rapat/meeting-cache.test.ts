import { describe, expect, it } from 'vitest';
import { cacheGet, cachePut, withOfflineCache } from './meeting-cache.ts';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}
const offline = new Error('NETWORK');
const isNetwork = (e: unknown) => e === offline;

describe('meeting cache', () => {
  it('keeps each part of a meeting under one key', () => {
    const store = memoryStore();
    cachePut(7, 'detail', { id: 7 }, store);
    cachePut(7, 'series:a', [1, 2], store);
    expect(cacheGet(7, 'detail', store)).toEqual({ id: 7 });
    expect([...store.map.keys()]).toEqual(['peta.rapat.7']);
  });

  it('answers from the cache when the network fails, and only then', async () => {
    const store = memoryStore();
    expect(await withOfflineCache(7, 'detail', async () => ({ v: 1 }), isNetwork, store)).toEqual({ v: 1 });
    expect(
      await withOfflineCache(
        7,
        'detail',
        async () => {
          throw offline;
        },
        isNetwork,
        store,
      ),
    ).toEqual({ v: 1 });
    const notFound = new Error('404');
    await expect(
      withOfflineCache(
        7,
        'detail',
        async () => {
          throw notFound;
        },
        isNetwork,
        store,
      ),
    ).rejects.toBe(notFound);
    await expect(
      withOfflineCache(
        8,
        'detail',
        async () => {
          throw offline;
        },
        isNetwork,
        store,
      ),
    ).rejects.toBe(offline);
  });
});
