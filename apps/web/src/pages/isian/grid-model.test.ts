// The entry grid's rules with hand-worked expectations: columns, keyboard moves, a block pasted from Excel (as typed,
// read by the import rules: Indonesian thousands and decimals), edits over their base, what is sent.
import { describe, expect, it } from 'vitest';
import type { GridDto } from '@peta/domain/contract';
import {
  cellText,
  cellsToSave,
  columnsOf,
  move,
  parsePaste,
  problemsOf,
  storedMap,
  withPaste,
  withText,
  withoutEdit,
  type Column,
} from './grid-model.ts';

const size = { rows: 3, cols: 4 };
const K4: Column = { indicator: 'KIA_K4', part: 'numerator' };
const TB: Column = { indicator: 'SPM11_TB', part: 'numerator' };
const TB_DEN: Column = { indicator: 'SPM11_TB', part: 'denominator' };
const grid: Pick<GridDto, 'cells'> = {
  cells: [
    { kode: 'D1', indicator: 'KIA_K4', numerator: 3, denominator: null, simulated: true },
    { kode: 'D2', indicator: 'SPM11_TB', numerator: 4, denominator: 5, simulated: false },
  ],
};
const stored = storedMap(grid);

describe('columns', () => {
  it('pembilang for every indicator, penyebut after it only where the indicator counts its own denominator', () => {
    expect(columnsOf(['KIA_K4', 'SPM11_TB'])).toEqual([K4, TB, TB_DEN]);
  });
});

describe('keyboard moves', () => {
  it.each([
    ['ArrowDown', { row: 1, col: 1 }, false, { row: 2, col: 1 }],
    ['ArrowDown', { row: 2, col: 1 }, false, { row: 2, col: 1 }], // last row: stays
    ['ArrowUp', { row: 0, col: 1 }, false, { row: 0, col: 1 }],
    ['ArrowRight', { row: 1, col: 3 }, false, { row: 1, col: 3 }],
    ['ArrowLeft', { row: 1, col: 1 }, false, { row: 1, col: 0 }],
    ['Enter', { row: 0, col: 2 }, false, { row: 1, col: 2 }],
    ['Enter', { row: 1, col: 2 }, true, { row: 0, col: 2 }], // Shift+Enter: up
    ['Home', { row: 1, col: 2 }, false, { row: 1, col: 0 }],
    ['End', { row: 1, col: 0 }, false, { row: 1, col: 3 }],
    ['PageDown', { row: 0, col: 0 }, false, { row: 2, col: 0 }],
  ] as const)('%s from %o (shift %s) → %o', (key, from, shift, to) => {
    expect(move(from, key, size, shift)).toEqual(to);
  });
  it('other keys do not move', () => {
    expect(move({ row: 0, col: 0 }, 'a', size)).toBeNull();
  });
});

describe('paste from Excel', () => {
  it('reads lines of tab-separated cells, CRLF or LF, the last line break dropped, cells as typed', () => {
    expect(parsePaste('12\t1.234\r\n0\t12,0\r\n')).toEqual([
      ['12', '1.234'],
      ['0', '12,0'],
    ]);
    expect(parsePaste('7')).toEqual([['7']]);
    expect(parsePaste('1\t\t3\n')).toEqual([['1', '', '3']]);
  });

  it('fills from the focused cell down and right; what falls outside the grid is dropped', () => {
    const { edits, written, dropped } = withPaste(
      new Map(),
      stored,
      ['D1', 'D2'],
      [K4, TB, TB_DEN],
      { row: 1, col: 1 },
      [['6', '7', '8'], ['9']],
    );
    expect([written, dropped]).toEqual([2, 2]);
    expect(edits.get('D2|SPM11_TB')).toEqual({
      numerator: '6',
      denominator: '7',
      base: { numerator: 4, denominator: 5 },
    });
  });

  it('Indonesian numbers pasted are read by the import rules: 1.234 thousands, 12,0 twelve; 1,5 and 1,234 refused', () => {
    expect(problemsOf('KIA_K4', { numerator: '1.234', denominator: '' })).toEqual([]);
    expect(problemsOf('KIA_K4', { numerator: '12,0', denominator: '' })).toEqual([]);
    expect(problemsOf('KIA_K4', { numerator: '1,5', denominator: '' }).map((p) => p.code)).toEqual(['VALUE_NOT_WHOLE']);
    expect(problemsOf('KIA_K4', { numerator: '1,234', denominator: '' }).map((p) => p.code)).toEqual([
      'VALUE_AMBIGUOUS',
    ]);
  });
});

describe('edits and what is sent', () => {
  it('the base is the value stored when the cell was first typed over, kept through later typing', () => {
    let edits = withText(new Map(), stored, 'D1', K4, '5');
    edits = withText(edits, storedMap({ cells: [] }), 'D1', K4, '6'); // the grid reloaded meanwhile
    expect(edits.get('D1|KIA_K4')).toEqual({
      numerator: '6',
      denominator: '',
      base: { numerator: 3, denominator: null },
    });
    expect(cellText(edits, stored, 'D1', K4)).toBe('6');
    expect(cellText(edits, stored, 'D2', TB_DEN)).toBe('5');
  });

  it('sends changed cells only; the same number over a simulated value is a change (it becomes real)', () => {
    let edits = withText(new Map(), stored, 'D1', K4, '3'); // simulated 3 → real 3
    edits = withText(edits, stored, 'D2', TB, '4'); // real 4 / 5 typed again: nothing to send
    edits = withText(edits, stored, 'D3', K4, ''); // an empty cell left empty
    expect(cellsToSave(edits, stored)).toEqual([
      { kode: 'D1', indicator: 'KIA_K4', numerator: '3', denominator: '', base: { numerator: 3, denominator: null } },
    ]);
  });

  it('the import rules per pair: pembilang required, penyebut required for counted denominators', () => {
    expect(problemsOf('SPM11_TB', { numerator: '', denominator: '' }).map((p) => [p.part, p.code])).toEqual([
      ['numerator', 'VALUE_REQUIRED'],
      ['denominator', 'DENOMINATOR_REQUIRED'],
    ]);
    expect(problemsOf('SPM11_TB', { numerator: '-1', denominator: '4' }).map((p) => [p.part, p.code])).toEqual([
      ['numerator', 'VALUE_NEGATIVE'],
    ]);
  });
});

describe('revert', () => {
  it('a cell without its edit shows the stored value again', () => {
    const edits = withoutEdit(withText(new Map(), stored, 'D1', K4, '9'), 'D1', 'KIA_K4');
    expect(cellText(edits, stored, 'D1', K4)).toBe('3');
    expect(cellsToSave(edits, stored)).toEqual([]);
  });
});
