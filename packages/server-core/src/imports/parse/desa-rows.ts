// Cells grouped per desa row (indicator × kode × year), the unit the database stores: the long parser finds a duplicate
// cell in its group, plan-values COPYs one line per group. A national file is 1.7 M cells, so the grouping works on
// numbers: each distinct kode and indicator gets a small id once, a kode × indicator pair is one slot of a flat array,
// and a group's cells are a chain through one Int32Array. A string key per cell and a Map of 1.7 M of them cost
// seconds, most of it the garbage collector's.

/** Cell numbers are their index in the caller's list; -1 ends a chain. */
const NONE = -1;

export class DesaRowGroups {
  private readonly kodeIds = new Map<string, number>();
  private readonly indicatorIds = new Map<string, number>();
  /** kode id × indicatorSlots + indicator id → the pair's first group (+1; 0 = none yet). */
  private pairs = new Int32Array(1024);
  private indicatorSlots = 64;
  private lastKode: string | undefined;
  private lastKodeId = 0;
  /**
   * Per group (numbered 0, 1, … in the order of their first cell; never more groups than cells): its year, the next
   * group of the same kode × indicator (another year), its first and last cell. Per cell: the next cell of its group.
   * Typed arrays sized for the cells the caller announced, grown together if more come.
   */
  private year: Int32Array;
  private nextOfPair: Int32Array;
  private firstCells: Int32Array;
  private lastCell: Int32Array;
  private nextCell: Int32Array;
  private groups = 0;

  constructor(cellCount: number) {
    const size = Math.max(cellCount, 16);
    this.year = new Int32Array(size);
    this.nextOfPair = new Int32Array(size);
    this.firstCells = new Int32Array(size);
    this.lastCell = new Int32Array(size);
    this.nextCell = new Int32Array(size);
  }

  /** Number of groups so far. */
  get size(): number {
    return this.groups;
  }

  /** The first cell of a group. */
  firstCell(group: number): number {
    return this.firstCells[group]!;
  }

  /** The slot of a kode × indicator pair (created on first sight): the key of find and add. */
  slot(kode: string, indicator: string): number {
    // Cells of one desa follow each other in most files: the kode of the cell before needs no lookup.
    let kodeId = kode === this.lastKode ? this.lastKodeId : this.kodeIds.get(kode);
    if (kodeId === undefined) this.kodeIds.set(kode, (kodeId = this.kodeIds.size));
    this.lastKode = kode;
    this.lastKodeId = kodeId;
    let indicatorId = this.indicatorIds.get(indicator);
    if (indicatorId === undefined) {
      this.indicatorIds.set(indicator, (indicatorId = this.indicatorIds.size));
      if (indicatorId >= this.indicatorSlots) this.widen();
    }
    const slot = kodeId * this.indicatorSlots + indicatorId;
    if (slot >= this.pairs.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.pairs.length * 2));
      grown.set(this.pairs);
      this.pairs = grown;
    }
    return slot;
  }

  /** The group of the pair's desa row of `year`, or -1 when no cell of it was added yet. */
  find(slot: number, year: number): number {
    for (let g = this.pairs[slot]! - 1; g !== NONE; g = this.nextOfPair[g]!) if (this.year[g] === year) return g;
    return NONE;
  }

  /** Adds cell `n` to its desa row's group (creating it) and returns the group. */
  add(n: number, slot: number, year: number): number {
    if (n >= this.nextCell.length || this.groups >= this.year.length) this.grow(n + 1);
    const first = this.pairs[slot]! - 1;
    let group = this.find(slot, year);
    if (group === NONE) {
      group = this.groups++;
      this.year[group] = year;
      this.nextOfPair[group] = NONE;
      this.firstCells[group] = n;
      this.lastCell[group] = n;
      if (first === NONE) this.pairs[slot] = group + 1;
      else {
        let g = first;
        while (this.nextOfPair[g]! !== NONE) g = this.nextOfPair[g]!;
        this.nextOfPair[g] = group;
      }
    } else {
      this.nextCell[this.lastCell[group]!] = n;
      this.lastCell[group] = n;
    }
    this.nextCell[n] = NONE;
    return group;
  }

  private grow(least: number): void {
    const size = Math.max(least, this.nextCell.length * 2);
    const grown = (from: Int32Array) => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.year = grown(this.year);
    this.nextOfPair = grown(this.nextOfPair);
    this.firstCells = grown(this.firstCells);
    this.lastCell = grown(this.lastCell);
    this.nextCell = grown(this.nextCell);
  }

  /** The cells of a group, in the order they were added. */
  *cellsOf(group: number): Generator<number> {
    for (let n = this.firstCells[group]!; n !== NONE; n = this.nextCell[n]!) yield n;
  }

  /** True when the group holds more than its first cell. */
  hasMore(group: number): boolean {
    return this.nextCell[this.firstCells[group]!] !== NONE;
  }

  /** More indicators than slots per kode (the catalogue has fewer; a profile could map more): re-lay the pairs. */
  private widen(): void {
    const slots = this.indicatorSlots * 2;
    const pairs = new Int32Array(this.kodeIds.size * slots + 1024);
    for (let k = 0; k < this.kodeIds.size; k++)
      for (let i = 0; i < this.indicatorSlots; i++) pairs[k * slots + i] = this.pairs[k * this.indicatorSlots + i] ?? 0;
    this.pairs = pairs;
    this.indicatorSlots = slots;
  }
}
