// Mapbox Vector Tile 2.1 encoding — PURE. Geometry arrives already clipped, quantised to integer tile
// coordinates and oriented (polygon shells with positive area in tile coordinates, holes negative, as the
// specification asks), so this module only writes the protocol buffer: layer → features → keys/values.
// Written directly with pbf (no intermediate point objects): a national build encodes millions of vertices.
import { PbfWriter } from 'pbf';

export const GEOMETRY = { point: 1, line: 2, polygon: 3 } as const;

export interface MvtFeature {
  type: (typeof GEOMETRY)[keyof typeof GEOMETRY];
  /** String properties (our tiles carry `kode` or `tingkat` only). */
  properties: Record<string, string>;
  /**
   * Rings (polygon) or runs (line) as flat [x0, y0, x1, y1, …]; a ring without its closing point. Or the geometry
   * already encoded (`appendGeometry`), which is how a tile set keeps tens of thousands of features small in memory.
   */
  parts: ArrayLike<number>[] | Uint8Array;
}

/** Appends one feature's command stream to `pbf` (many features in one growing buffer); returns the end offset. */
export function appendGeometry(pbf: PbfWriter, type: MvtFeature['type'], parts: ArrayLike<number>[]): number {
  writeCommands(type, parts, pbf);
  return pbf.pos;
}

export interface MvtLayer {
  name: string;
  extent: number;
  features: MvtFeature[];
}

const command = (id: number, count: number) => (count << 3) | id;
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

function writeGeometry(feature: MvtFeature, pbf: PbfWriter) {
  writeCommands(feature.type, feature.parts as ArrayLike<number>[], pbf);
}

function writeCommands(type: MvtFeature['type'], parts: ArrayLike<number>[], pbf: PbfWriter) {
  let x = 0,
    y = 0;
  const polygon = type === GEOMETRY.polygon;
  for (const part of parts) {
    const n = part.length >> 1;
    pbf.writeVarint(command(1, 1)); // MoveTo
    pbf.writeVarint(zigzag(part[0]! - x));
    pbf.writeVarint(zigzag(part[1]! - y));
    x = part[0]!;
    y = part[1]!;
    pbf.writeVarint(command(2, n - 1)); // LineTo
    for (let i = 1; i < n; i++) {
      const px = part[2 * i]!,
        py = part[2 * i + 1]!;
      pbf.writeVarint(zigzag(px - x));
      pbf.writeVarint(zigzag(py - y));
      x = px;
      y = py;
    }
    if (polygon) pbf.writeVarint(command(7, 1)); // ClosePath
  }
}

function writeLayer(layer: MvtLayer, pbf: PbfWriter) {
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, layer.name);
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const values: string[] = [];
  const valueIndex = new Map<string, number>();
  for (const feature of layer.features) {
    const tags: number[] = [];
    for (const [key, value] of Object.entries(feature.properties)) {
      let k = keyIndex.get(key);
      if (k === undefined) keyIndex.set(key, (k = keys.push(key) - 1));
      let v = valueIndex.get(value);
      if (v === undefined) valueIndex.set(value, (v = values.push(value) - 1));
      tags.push(k, v);
    }
    pbf.writeMessage(
      2,
      (f: MvtFeature, p: PbfWriter) => {
        p.writePackedVarint(2, tags);
        p.writeVarintField(3, f.type);
        if (f.parts instanceof Uint8Array) p.writeBytesField(4, f.parts);
        else p.writeMessage(4, writeGeometry, f);
      },
      feature,
    );
  }
  for (const key of keys) pbf.writeStringField(3, key);
  for (const value of values) pbf.writeMessage(4, (v: string, p: PbfWriter) => p.writeStringField(1, v), value);
  pbf.writeVarintField(5, layer.extent);
}

/** One tile: the layers that have features, in the order given. */
export function encodeTile(layers: MvtLayer[]): Uint8Array {
  const pbf = new PbfWriter();
  for (const layer of layers) if (layer.features.length) pbf.writeMessage(3, writeLayer, layer);
  return pbf.finish();
}
