import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parsePath, parseUpstreamSql, readUpstreamFile, type UpstreamRecord } from './parse-upstream-sql.ts';
import { BAD_TUPLE_SQL, INSERT, PARSER_CASES_SQL, writeFixtureFile } from './fixtures/tiny-upstream.ts';

const CASES = writeFixtureFile('parser-cases.sql', PARSER_CASES_SQL);

async function collect(iterable: AsyncIterable<UpstreamRecord>) {
  const out: UpstreamRecord[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

/** Feed text in fixed-size pieces to exercise the resumable parser at every kind of boundary. */
async function* pieces(text: string, size: number) {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('parseUpstreamSql', () => {
  it('reads every tuple of every INSERT, skipping comments, SET and DELETE', async () => {
    const records = await collect(readUpstreamFile(CASES));
    expect(records.map((r) => r.kode)).toEqual(['99.01', '99.02', '99.03', '99.04', '99.05']);
    expect(records.map((r) => r.line)).toEqual([8, 9, 10, 11, 11]);
  });

  it('swaps [lat, lng] to GeoJSON [lng, lat] and keeps a hole as the second ring', async () => {
    const [withHole] = await collect(readUpstreamFile(CASES));
    expect(withHole!.lat).toBe(1.5);
    expect(withHole!.lng).toBe(100.5);
    expect(withHole!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [100, 0],
          [103, 0],
          [103, 3],
          [100, 3],
          [100, 0],
        ],
        [
          [101, 1],
          [101, 2],
          [102, 2],
          [102, 1],
          [101, 1],
        ],
      ],
    });
  });

  it('tells a MultiPolygon by nesting depth and reads doubled quotes in names', async () => {
    const records = await collect(readUpstreamFile(CASES));
    const multi = records[1]!;
    expect(multi.nama).toBe("Kepulauan Jum'at");
    expect(multi.lat).toBe(-0.5);
    expect(multi.lng).toBe(120.25);
    expect(multi.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [120, -1],
            [121, -1],
            [121, 0],
            [120, -1],
          ],
        ],
        [
          [
            [122, -2],
            [123, -2],
            [123, -1],
            [122, -2],
          ],
        ],
      ],
    });
  });

  it('gives geometry null for an empty or [] path, and null centroid for NULL', async () => {
    const records = await collect(readUpstreamFile(CASES));
    expect(records[2]).toMatchObject({ kode: '99.03', lat: null, lng: null, geometry: null });
    expect(records[3]).toMatchObject({ kode: '99.04', geometry: null });
    // A ";" inside a quoted name does not end the statement; a path may start on the next line.
    expect(records[4]).toMatchObject({
      nama: 'Satu; Dua',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [100, 0],
            [101, 0],
            [101, 1],
            [100, 0],
          ],
        ],
      },
    });
  });

  it('gives the same records for any chunking of the input', async () => {
    const text = readFileSync(CASES, 'utf8');
    const whole = await collect(parseUpstreamSql([text], { file: 'x.sql' }));
    for (const size of [1, 2, 7, 64]) {
      expect(await collect(parseUpstreamSql(pieces(text, size), { file: 'x.sql' }))).toEqual(whole);
    }
  });

  it('reads .sql and .sql.gz alike', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peta-parse-'));
    const gz = join(dir, 'parser-cases.sql.gz');
    writeFileSync(gz, gzipSync(readFileSync(CASES)));
    const plain = await collect(readUpstreamFile(CASES));
    const zipped = await collect(readUpstreamFile(gz));
    expect(zipped).toEqual(plain);
    expect(zipped).toHaveLength(5);
  });

  it('names the file and the line of a broken tuple', async () => {
    const file = writeFixtureFile('bad-tuple.sql', BAD_TUPLE_SQL);
    const seen: string[] = [];
    const run = async () => {
      for await (const r of readUpstreamFile(file)) seen.push(r.kode);
    };
    await expect(run()).rejects.toThrow(
      /bad-tuple\.sql baris 6: path wilayah 99\.01\.01\.2003 tidak sah: bukan JSON yang sah/,
    );
    expect(seen).toEqual(['99.01.01.2001', '99.01.01.2002']);
  });

  it('reports a wrong number of values and an unterminated string with their line', async () => {
    const extra = `${INSERT}\n('11','A',1,2,'[]'),\n('12','B',1,2,'[]',9);`;
    await expect(collect(parseUpstreamSql([extra], { file: 'extra.sql' }))).rejects.toThrow(
      /extra\.sql baris 3: tuple berisi 6 nilai, padahal ada 5 kolom/,
    );
    const open = `${INSERT}\n\n('11','A,1,2,'[]');`;
    await expect(collect(parseUpstreamSql([open], { file: 'open.sql' }))).rejects.toThrow(/open\.sql baris 3/);
  });
});

describe('parsePath', () => {
  it('reads a bare ring as a Polygon and rejects coordinates out of range', () => {
    expect(parsePath('[[1,2],[1,3],[2,3],[1,2]]')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [2, 1],
          [3, 1],
          [3, 2],
          [2, 1],
        ],
      ],
    });
    expect(() => parsePath('[[[95,100],[0,101],[1,101],[95,100]]]')).toThrow(/di luar jangkauan/);
    expect(parsePath('null')).toBeNull();
  });

  it('swaps every point of a MultiPolygon, and keeps only [lng, lat] of a point with a third number', () => {
    expect(parsePath('[[[[1,2,7],[1,3],[2,3],[1,2]]],[[[-5,100],[-5,101],[-4,101],[-5,100]]]]')).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [2, 1],
            [3, 1],
            [3, 2],
            [2, 1],
          ],
        ],
        [
          [
            [100, -5],
            [101, -5],
            [101, -4],
            [100, -5],
          ],
        ],
      ],
    });
  });
});
