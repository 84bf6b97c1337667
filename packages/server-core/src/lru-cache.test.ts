import { describe, expect, it } from 'vitest';
import { lruCache } from './lru-cache.ts';

describe('lruCache', () => {
  it('evicts the least recently used entry, a hit counting as a use', () => {
    const cache = lruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent: b goes first
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('replaces a value under the same key without growing, and forgets a deleted key', () => {
    const cache = lruCache<string>(2);
    cache.set('a', 'old');
    cache.set('a', 'new');
    cache.set('b', 'b');
    expect(cache.get('a')).toBe('new');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('b');
  });
});
