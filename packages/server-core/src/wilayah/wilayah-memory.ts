// Every wilayah's name, tingkat and parent, and the desa under each, kept in process memory: they change only with a
// boundary import (geometry is immutable between two), so the values path reads them in one query per process and
// boundary import instead of once or twice per parent (all of Indonesia: 91,599 wilayah, about 7,800 parents; the
// server process holds ~40 MB more). The server reads them at start (warm), so the first answer of a process does
// not wait for them. Several API processes stay correct: every answer's version carries the latest boundary import
// read from the database in the same round trip as its rows, and a memory that was filled under another one forgets
// everything (sameBoundary) and is read again.
import type { WilayahName, WilayahRepository } from './wilayah-repository.ts';

/** A wilayah in memory: its name and the desa at or under it (a desa: 1), as the roll-ups count them. */
export type WilayahEntry = WilayahName & { desa: number };

interface Snapshot {
  /** The boundary import the rows come from (0: none). */
  boundary: number;
  children: Map<string, WilayahEntry[]>;
  byKode: Map<string, WilayahEntry>;
}

const NONE: readonly WilayahEntry[] = Object.freeze([]);

function snapshotOf(boundary: number, rows: WilayahName[]): Snapshot {
  // Desa at or under each wilayah by kode prefix (xx, xx.xx, xx.xx.xx), as the roll-ups sum them.
  const desa = new Map<string, number>();
  for (const row of rows) {
    if (row.tingkat !== 'desa') continue;
    for (let at = row.kode.indexOf('.'); at !== -1; at = row.kode.indexOf('.', at + 1)) {
      const prefix = row.kode.slice(0, at);
      desa.set(prefix, (desa.get(prefix) ?? 0) + 1);
    }
  }
  const children = new Map<string, WilayahEntry[]>();
  const byKode = new Map<string, WilayahEntry>();
  for (const row of rows) {
    const entry = { ...row, desa: row.tingkat === 'desa' ? 1 : (desa.get(row.kode) ?? 0) };
    byKode.set(row.kode, entry);
    const key = row.parentKode ?? '';
    const list = children.get(key);
    if (list) list.push(entry);
    else children.set(key, [entry]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
  return { boundary, children, byKode };
}

export function wilayahMemory(repo: Pick<WilayahRepository, 'allNamesWithBoundary' | 'findByKode'>) {
  /** The snapshot being read or held (null: read at the next use). */
  let current: Promise<Snapshot> | null = null;
  /** The boundary import of the held snapshot, once read (null: none yet, or being read again). */
  let boundary: number | null = null;

  function snapshot(): Promise<Snapshot> {
    if (!current) {
      const reading = repo.allNamesWithBoundary().then(({ boundary: read, rows }) => {
        if (current === reading) boundary = read;
        return snapshotOf(read, rows);
      });
      reading.catch(() => {
        if (current === reading) current = null;
      });
      current = reading;
    }
    return current;
  }

  function forget() {
    current = null;
    boundary = null;
  }

  return {
    /** Read every wilayah now (server start), so the first request does not wait for them. */
    async warm(): Promise<void> {
      await snapshot();
    },
    /**
     * True when the memory holds boundary import `current`; otherwise it forgets everything (it is read again at the
     * next use) and says false.
     */
    sameBoundary(latest: number): boolean {
      if (boundary === latest) return true;
      forget();
      return false;
    },
    /** Children of a wilayah, or the provinces for null, ordered by kode (the same array while the memory holds). */
    async children(parent: string | null): Promise<readonly WilayahEntry[]> {
      return (await snapshot()).children.get(parent ?? '') ?? NONE;
    },
    /**
     * The wilayah with this (well-formed) kode, or null. One the memory does not hold is asked for; when the database
     * has it after all (written without a new boundary import), the memory is read again at the next use.
     */
    async find(kode: string): Promise<WilayahEntry | null> {
      const known = (await snapshot()).byKode.get(kode);
      if (known) return known;
      if (!(await repo.findByKode(kode))) return null;
      forget();
      return (await snapshot()).byKode.get(kode) ?? null;
    },
  };
}

export type WilayahMemory = ReturnType<typeof wilayahMemory>;
