// Wilayah names and children kept in process memory: they change only with a boundary import (geometry is immutable
// between two), so the values path reads them once per process instead of twice per request. Several API processes
// stay correct: every answer's version carries the latest boundary import read from the database in the same round
// trip as its rows, and a memory that was filled under another one forgets everything (sameBoundary) and is read again.
import { parentOf } from '@peta/domain';
import type { WilayahRepository, WilayahRow } from './wilayah-repository.ts';

/** Parents whose children are kept; past this the memory starts over (all of Indonesia has about 7,900 parents). */
const MAX_PARENTS = 20_000;

export function wilayahMemory(repo: Pick<WilayahRepository, 'childrenWithBoundary' | 'findByKode'>) {
  /** The boundary import every entry comes from (null: none read yet). */
  let boundary: number | null = null;
  let children = new Map<string, Promise<WilayahRow[]>>();
  let byKode = new Map<string, WilayahRow>();

  function forget(next: number | null) {
    boundary = next;
    children = new Map();
    byKode = new Map();
  }

  /** True when the memory belongs to boundary import `current`; otherwise it forgets everything and says false. */
  function sameBoundary(current: number): boolean {
    if (boundary === current) return true;
    forget(current);
    return false;
  }

  function childrenOf(parent: string | null): Promise<WilayahRow[]> {
    const key = parent ?? '';
    let hit = children.get(key);
    if (!hit) {
      if (children.size >= MAX_PARENTS) forget(boundary);
      const store = children;
      hit = repo.childrenWithBoundary(parent).then(({ boundary: read, rows }) => {
        // Read under another boundary import than the entries beside it: start over from this one.
        if (read !== null && boundary !== read) {
          forget(read);
          children.set(key, hit!);
        }
        for (const row of rows) byKode.set(row.kode, row);
        return rows;
      });
      hit.catch(() => store.get(key) === hit && store.delete(key));
      store.set(key, hit);
    }
    return hit;
  }

  return {
    sameBoundary,
    /** Children of a wilayah, or the provinces for null, ordered by kode. */
    children: childrenOf,
    /** The wilayah with this (well-formed) kode, or null: found among its parent's children, else asked for. */
    async find(kode: string): Promise<WilayahRow | null> {
      const known = byKode.get(kode);
      if (known) return known;
      await childrenOf(parentOf(kode));
      return byKode.get(kode) ?? (await repo.findByKode(kode));
    },
  };
}

export type WilayahMemory = ReturnType<typeof wilayahMemory>;
