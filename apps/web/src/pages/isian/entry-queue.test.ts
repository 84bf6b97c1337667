import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.ts';
import { isNetworkFailure, mergeSave, waitingCells } from './entry-queue.ts';

const cell = (kode: string, numerator: string, base: number | null) => ({
  kode,
  indicator: 'KIA_K4',
  numerator,
  denominator: '',
  base: { numerator: base, denominator: null },
});

describe('the waiting saves', () => {
  it('a second save of the same grid merges: newer values win, each cell keeps the base it was first typed over', () => {
    const first = mergeSave(
      undefined,
      { area: 'PKM1', period: '2026-10', cells: [cell('D1', '5', 3), cell('D2', '7', null)] },
      new Date('2026-10-05T08:00:00Z'),
    );
    // Typed again offline: the grid now shows 5 for D1 (its pending value), so the new edit's base says 5.
    const merged = mergeSave(
      first,
      { area: 'PKM1', period: '2026-10', cells: [cell('D1', '6', 5), cell('D3', '1', 0)] },
      new Date('2026-10-05T09:00:00Z'),
    );
    expect(merged).toEqual({
      key: 'PKM1|2026-10',
      area: 'PKM1',
      period: '2026-10',
      queuedAt: '2026-10-05T08:00:00.000Z',
      cells: [cell('D1', '6', 3), cell('D2', '7', null), cell('D3', '1', 0)],
    });
    expect(waitingCells([merged, first])).toBe(5);
  });

  it('queues on network failures only: offline, fetch TypeError, no answer; an answer (409, 422, 500) is shown', () => {
    expect(isNetworkFailure(new ApiRequestError(500, 'X'), false)).toBe(true);
    expect(isNetworkFailure(new TypeError('Failed to fetch'), true)).toBe(true);
    expect(isNetworkFailure(new ApiRequestError(0, 'NETWORK'), true)).toBe(true);
    expect(isNetworkFailure(new ApiRequestError(409, 'GRID_CONFLICT'), true)).toBe(false);
    expect(isNetworkFailure(new ApiRequestError(500, 'ERROR'), true)).toBe(false);
  });
});
