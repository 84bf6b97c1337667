import { describe, expect, it } from 'vitest';
import type { ParsedImport, ValueCell } from '../parse/parsed.ts';
import { answerResult, importAnswer, packValues, unpackValues } from './parse-job.ts';

const cells: ValueCell[] = [
  {
    row: 2,
    column: 'pembilang',
    indicator: 'KIA_K4',
    kode: '12.10.09.2001',
    year: 2026,
    month: 10,
    numerator: 12,
    denominator: 15,
  },
  {
    row: 3,
    column: 'pembilang',
    indicator: 'SPM01_BUMIL',
    kode: '12.10.09.2001',
    year: 2026,
    month: 10,
    numerator: 0,
    denominator: null,
  },
  {
    row: 4,
    column: 'KIA_K1',
    indicator: 'KIA_K1',
    kode: '12.10.09.2002',
    year: 2025,
    month: 1,
    numerator: 2_147_483_647,
    denominator: 0,
  },
];

describe('value cells packed for the way back from a parse worker', () => {
  it('come back as the same cells, each distinct text sent once', () => {
    const packed = packValues(cells)!;
    expect(packed.kodes).toEqual(['12.10.09.2001', '12.10.09.2002']);
    expect(packed.columns).toEqual(['pembilang', 'KIA_K1']);
    expect(unpackValues(structuredClone(packed))).toEqual(cells);
  });
  it('travel as a moved buffer beside the rest of the parse, which is unchanged', () => {
    const parsed: ParsedImport = {
      format: 'long',
      errors: [],
      warnings: [],
      values: cells,
      sasaran: [],
      fileHash: 'x',
    };
    const { answer, transfer } = importAnswer(parsed);
    expect(transfer).toHaveLength(1);
    const received = structuredClone(answer, { transfer });
    expect(received.ok && answerResult(received)).toEqual(parsed);
    const empty = importAnswer({ ...parsed, values: [] });
    expect(empty.transfer).toEqual([]);
    expect(empty.answer.ok && answerResult(empty.answer)).toEqual({ ...parsed, values: [] });
    // A number no rule lets through (not a whole count up to MAX_COUNT) is sent as it is rather than packed wrong.
    const odd = { ...parsed, values: [{ ...cells[0]!, numerator: 2.5 }] };
    expect(packValues(odd.values)).toBeNull();
    const unpacked = importAnswer(odd);
    expect(unpacked.transfer).toEqual([]);
    expect(unpacked.answer.ok && answerResult(unpacked.answer)).toEqual(odd);
  });
});
