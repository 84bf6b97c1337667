// The worker thread of workerTileBuilder: receives provinces, cuts their tiles, and on 'encode' sends them back
// in batches (their bytes transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { addProvinceToTiles } from './tile-features.ts';
import { TileSet, type EncodedTile, type TileOptions } from './tile-set.ts';
import { unpackSource, type PackedSource } from './tile-builder.ts';

const tiles = new TileSet(workerData as Partial<TileOptions>);
const port = parentPort!;

port.on('message', (m: { type: 'add'; source: PackedSource } | { type: 'encode' }) => {
  try {
    if (m.type === 'add') {
      addProvinceToTiles(tiles, unpackSource(m.source));
      return;
    }
    let batch: EncodedTile[] = [];
    let bytes = 0;
    const flush = () => {
      port.postMessage(
        { type: 'tiles', tiles: batch },
        batch.map((t) => t.data.buffer as ArrayBuffer),
      );
      batch = [];
      bytes = 0;
    };
    for (const tile of tiles.encode()) {
      // A copy that owns its whole buffer (zlib output may sit in a shared one), so it can be transferred.
      batch.push({ ...tile, data: new Uint8Array(tile.data) as Buffer });
      bytes += tile.data.length;
      if (batch.length >= 500 || bytes > 8 << 20) flush();
    }
    if (batch.length) flush();
    port.postMessage({ type: 'done' });
  } catch (error) {
    port.postMessage({ type: 'error', message: (error as Error).message });
  }
});
