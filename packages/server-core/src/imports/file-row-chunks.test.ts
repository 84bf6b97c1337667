import { describe, expect, it } from 'vitest';
import type { ValueCell } from './parse/parsed.ts';
import { fileRowChunks } from './plan-values.ts';

const cell = (c: Omit<ValueCell, 'row' | 'column'>): ValueCell => ({ row: 2, column: 'B', ...c });
const text = (cells: ValueCell[]) => Buffer.concat([...fileRowChunks(cells)]).toString('utf8');

describe('the file rows COPYed into the staged table (fileRowChunks)', () => {
  it('writes a row of one cell in its columns and a row of several months as arrays, in the order of first cells', () => {
    const cells = [
      cell({ indicator: 'KIA_K4', kode: '99.01.01.2001', year: 2026, month: 3, numerator: 12, denominator: 40 }),
      cell({ indicator: 'KIA_K4', kode: '99.01.01.2002', year: 2026, month: 3, numerator: 7, denominator: null }),
      cell({ indicator: 'KIA_K4', kode: '99.01.01.2001', year: 2025, month: 12, numerator: 0, denominator: 2.5 }),
      cell({ indicator: 'KIA_K4', kode: '99.01.01.2002', year: 2026, month: 1, numerator: 3, denominator: 9 }),
    ];
    expect(text(cells).split('\n')).toEqual([
      'KIA_K4\t99.01.01.2001\t2026\t0\t3\t12\t40\t\\N\t\\N\t\\N\t\\N',
      // Months 1 and 3 of one row: n, the cells' places in the file, and their numbers by month.
      'KIA_K4\t99.01.01.2002\t2026\t\\N\t\\N\t\\N\t\\N\t{1,3}\t{3,NULL,1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}' +
        '\t{3,NULL,7,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}\t{9,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}',
      'KIA_K4\t99.01.01.2001\t2025\t2\t12\t0\t2.5\t\\N\t\\N\t\\N\t\\N',
      '',
    ]);
  });

  it('cuts many rows into chunks that end between rows or inside one, never losing a byte', () => {
    const cells: ValueCell[] = [];
    for (let d = 0; d < 20_000; d++)
      cells.push(
        cell({
          indicator: 'GZ_STUNTING',
          kode: `99.02.01.${2000 + d}`,
          year: 2026,
          month: 10,
          numerator: d * 31,
          denominator: d % 5 ? d : null,
        }),
      );
    const chunks = [...fileRowChunks(cells)];
    expect(chunks.length).toBeGreaterThan(1);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n');
    expect(lines).toHaveLength(20_001);
    expect(lines[19_999]).toBe(
      `GZ_STUNTING\t99.02.01.21999\t2026\t19999\t10\t${19_999 * 31}\t19999\t\\N\t\\N\t\\N\t\\N`,
    );
    expect(lines[5]).toBe('GZ_STUNTING\t99.02.01.2005\t2026\t5\t10\t155\t\\N\t\\N\t\\N\t\\N\t\\N');
  });
});
