// Builds the vector tiles next to the boundary import: in a worker thread by default, so on two cores the tiles
// of one province are cut while the importer dissolves the next one (the work is independent until the end).
// The same TileBuilder runs in the calling thread when asked (or when workers are unavailable).
import { Worker } from 'node:worker_threads';
import type { TileSource } from '../build-geometry.ts';
import { addProvinceToTiles } from './tile-features.ts';
import { TileSet, type EncodedTile, type TileOptions } from './tile-set.ts';

export interface TileBuilder {
  /** Adds a province's desa and outlines (returns at once; the work may run elsewhere). */
  add(source: TileSource): void;
  /** Waits for every province, then yields the encoded tiles (z, x, y order). */
  encode(): AsyncGenerator<EncodedTile>;
  close(): Promise<void>;
}

/** A TileSource as plain transferable data: the arcs as one flat [x, y, weight, …] array plus offsets. */
export interface PackedSource {
  coords: Float64Array;
  /** Arc a is points offsets[a] .. offsets[a+1]−1. */
  offsets: Int32Array;
  objects: TileSource['topo']['objects'];
  units: TileSource['units'];
  outlines: TileSource['outlines'];
}

export function packSource(source: TileSource): { packed: PackedSource; transfer: ArrayBuffer[] } {
  const arcs = source.topo.arcs;
  const offsets = new Int32Array(arcs.length + 1);
  let n = 0;
  arcs.forEach((arc, a) => {
    offsets[a] = n;
    n += arc.length;
  });
  offsets[arcs.length] = n;
  const coords = new Float64Array(n * 3);
  let i = 0;
  for (const arc of arcs)
    for (const p of arc) {
      coords[i++] = p[0]!;
      coords[i++] = p[1]!;
      coords[i++] = p[2] ?? Infinity;
    }
  return {
    packed: { coords, offsets, objects: source.topo.objects, units: source.units, outlines: source.outlines },
    transfer: [coords.buffer as ArrayBuffer, offsets.buffer as ArrayBuffer],
  };
}

export function unpackSource(p: PackedSource): TileSource {
  const arcs: number[][][] = [];
  for (let a = 0; a + 1 < p.offsets.length; a++) {
    const arc: number[][] = [];
    for (let k = p.offsets[a]!; k < p.offsets[a + 1]!; k++)
      arc.push([p.coords[3 * k]!, p.coords[3 * k + 1]!, p.coords[3 * k + 2]!]);
    arcs.push(arc);
  }
  // Only the arcs and objects are read when cutting tiles (tile-features.ts); the node tables stay empty.
  const topo = {
    arcs,
    objects: p.objects,
    arcStart: new Int32Array(0),
    arcEnd: new Int32Array(0),
    arcCross: new Float64Array(0),
  };
  return { topo, units: p.units, outlines: p.outlines };
}

export function inlineTileBuilder(options: Partial<TileOptions> = {}): TileBuilder {
  const tiles = new TileSet(options);
  return {
    add(source) {
      addProvinceToTiles(tiles, source);
    },
    async *encode() {
      yield* tiles.encode();
    },
    async close() {},
  };
}

type FromWorker = { type: 'tiles'; tiles: EncodedTile[] } | { type: 'done' } | { type: 'error'; message: string };

export function workerTileBuilder(options: Partial<TileOptions> = {}): TileBuilder {
  const worker = new Worker(new URL('./tile-worker.mjs', import.meta.url), { workerData: options });
  let failure: Error | null = null;
  const inbox: FromWorker[] = [];
  let wake: (() => void) | null = null;
  worker.on('message', (m: FromWorker) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`Pekerja petak vektor berhenti (kode ${code}).`);
    wake?.();
  });
  const next = async (): Promise<FromWorker> => {
    for (;;) {
      if (inbox.length) return inbox.shift()!;
      if (failure) throw failure;
      await new Promise<void>((r) => {
        wake = r;
      });
      wake = null;
    }
  };
  return {
    add(source) {
      const { packed, transfer } = packSource(source);
      worker.postMessage({ type: 'add', source: packed }, transfer);
    },
    async *encode() {
      worker.postMessage({ type: 'encode' });
      for (;;) {
        const m = await next();
        if (m.type === 'error') throw new Error(`Petak vektor gagal dibuat: ${m.message}`);
        if (m.type === 'done') return;
        for (const t of m.tiles) yield { ...t, data: Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength) };
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}
