// Sorting of the children table. Rows without data always sink to the bottom, whatever the direction: they
// are not "0 %", and putting them first when sorting by lowest capaian would hide the real laggards.
/** 'kurang': persons short of the target for the period (shortOfTarget). */
export type SortKey = 'nama' | 'capaian' | 'kurang';
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export interface SortableRow {
  nama: string;
  coverage: number | null | undefined;
  shortOfTarget: number | null | undefined;
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

function sortValue(row: SortableRow, key: Exclude<SortKey, 'nama'>): number | null {
  const v = key === 'capaian' ? row.coverage : row.shortOfTarget;
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

export function sortRows<T extends SortableRow>(rows: readonly T[], { key, dir }: Sort): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'nama') return sign * collator.compare(a.nama, b.nama);
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return collator.compare(a.nama, b.nama);
    }
    return sign * (va - vb) || collator.compare(a.nama, b.nama);
  });
}

/**
 * Clicking a header: the same column flips direction; a new column starts where it is most useful — names A→Z,
 * capaian lowest first and the shortfall in people largest first (where help is needed).
 */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'kurang' ? 'desc' : 'asc' };
}

/** The table's order when the URL names none: names A→Z (kept out of the URL). */
export const DEFAULT_SORT: Sort = { key: 'nama', dir: 'asc' };

// In the URL (?urut=capaian-naik): column and direction in Bahasa Indonesia, like the other params.
const KEY_IN_URL: Record<SortKey, string> = { nama: 'nama', capaian: 'capaian', kurang: 'kurang' };
const DIR_IN_URL: Record<SortDir, string> = { asc: 'naik', desc: 'turun' };

/** `?urut=` value of a sort; null for the default (A→Z by name). */
export function sortToUrl(sort: Sort): string | null {
  if (sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir) return null;
  return `${KEY_IN_URL[sort.key]}-${DIR_IN_URL[sort.dir]}`;
}

/** The sort of a `?urut=` value; null when it cannot be read (the default is used, as for any unreadable param). */
export function sortFromUrl(raw: string | null): Sort | null {
  const [k, d] = (raw ?? '').trim().toLowerCase().split('-');
  const key = (Object.keys(KEY_IN_URL) as SortKey[]).find((x) => KEY_IN_URL[x] === k);
  const dir = (Object.keys(DIR_IN_URL) as SortDir[]).find((x) => DIR_IN_URL[x] === d);
  return key && dir ? { key, dir } : null;
}
