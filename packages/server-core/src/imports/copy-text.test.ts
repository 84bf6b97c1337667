import { describe, expect, it } from 'vitest';
import { emptyRollupSums } from '@peta/domain';
import { writeRollupCopyLine } from '../values/rollup-accumulator.ts';
import { storedTriangles, type StoredRollup } from '../values/rollup-repository.ts';
import { arrayLiteral } from './bulk-sql.ts';
import { copyChunks, CopyTextWriter } from './copy-text.ts';

const text = (w: CopyTextWriter) => w.take().toString('utf8');

/** The roll-up line as template strings wrote it before CopyTextWriter (the demo's COPY until session 14). */
function rollupLineAsString(r: StoredRollup): string {
  const { lastNum, lastDen } = storedTriangles(r);
  const triangle = (xs: number[] | null) => (xs === null ? '\\N' : arrayLiteral(xs));
  return `${r.indicator}\t${r.year}\t${r.kode}\t${arrayLiteral(r.num)}\t${arrayLiteral(r.den)}\t${arrayLiteral(r.reports)}\t${arrayLiteral(r.reportsWithDen)}\t${arrayLiteral(r.simulated)}\t${triangle(lastNum)}\t${triangle(lastDen)}\t${r.loadId}\n`;
}

describe('CopyTextWriter', () => {
  it('writes numbers as a template string does', () => {
    const numbers = [
      0,
      1,
      9,
      10,
      99,
      100,
      12345,
      2147483647,
      2147483648,
      1e21,
      -0,
      -1,
      -12345,
      0.5,
      16.24,
      1 / 3,
      1e-7,
    ];
    const w = new CopyTextWriter(4);
    for (const n of numbers) w.number(n).char(44);
    expect(text(w)).toBe(numbers.map((n) => `${n},`).join(''));
  });
  it('writes arrays as arrayLiteral does', () => {
    const arrays: (number | boolean | null)[][] = [[], [null], [1, null, 3, 0], [true, false, null], [0.25, -7, 1e21]];
    const w = new CopyTextWriter();
    for (const a of arrays) w.array(a).char(10);
    expect(text(w)).toBe(arrays.map((a) => `${arrayLiteral(a)}\n`).join(''));
  });
  it('escapes and encodes text (UTF-8) as COPY needs it', () => {
    const w = new CopyTextWriter(2);
    w.text('0,5 % × penduduk\tsatu\\dua\n').ascii('35.07').bytes(Buffer.from('\tt\n'));
    expect(text(w)).toBe('0,5 % × penduduk satu\\\\dua 35.07\tt\n');
  });
  it('cuts chunks only between lines and keeps every byte', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => i);
    const chunks = [...copyChunks(rows, (i, w) => w.number(i).char(10), 100)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.at(-1)).toBe(10);
    expect(Buffer.concat(chunks).toString()).toBe(rows.map((i) => `${i}\n`).join(''));
  });
  it('writes a roll-up as the template strings did (with and without its triangles)', () => {
    for (const indicator of ['SPM01_BUMIL', 'SPM05_DIKDAS', 'KIA_CPR', 'unknown']) {
      const sums = emptyRollupSums();
      sums.num[3] = 17;
      sums.den[3] = 250.37;
      sums.lastDen[5] = 1e-3;
      sums.lastNum[77] = 4;
      const r = { indicator, year: 2025, kode: '35.07.01', loadId: 42, ...sums };
      const w = new CopyTextWriter(8);
      writeRollupCopyLine(r, w);
      expect(text(w)).toBe(rollupLineAsString(r));
    }
  });
});
