import { describe, expect, it } from 'vitest';
import { PWS_STATUS_LABELS, pwsStatus } from './pws-status.ts';

describe('pwsStatus', () => {
  it('§4.4: cumulative 75.0 % above the 71.25 % line, August 10.0 % → September 7.5 % down → kurang', () => {
    // Aug 4/40 = 10 %, Sep 3/40 = 7.5 %, Jan..Sep 30/40 = 75 %, line 95 × 9/12 = 71.25
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 7.5, lastMonth: 10 })).toEqual({
      status: 'kurang', trend: 'turun', aboveTarget: true,
    });
  });
  it('gives the four statuses of the matrix', () => {
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 10, lastMonth: 7.5 })?.status).toBe('baik');
    expect(pwsStatus({ cumulative: 60, expected: 71.25, thisMonth: 10, lastMonth: 7.5 })?.status).toBe('cukup');
    expect(pwsStatus({ cumulative: 60, expected: 71.25, thisMonth: 7.5, lastMonth: 10 })?.status).toBe('jelek');
  });
  it('counts cumulative exactly on the line as above it', () => {
    expect(pwsStatus({ cumulative: 71.25, expected: 71.25, thisMonth: 10, lastMonth: 7.5 })?.status).toBe('baik');
  });
  it('tie rule: an unchanged month counts as up above the line and down below it', () => {
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 7.5, lastMonth: 7.5 })).toEqual({
      status: 'baik', trend: 'tetap', aboveTarget: true,
    });
    expect(pwsStatus({ cumulative: 60, expected: 71.25, thisMonth: 7.5, lastMonth: 7.5 })).toEqual({
      status: 'jelek', trend: 'tetap', aboveTarget: false,
    });
  });
  it('is null when a month or the line is missing', () => {
    expect(pwsStatus({ cumulative: 75, expected: 71.25, thisMonth: 7.5, lastMonth: null })).toBeNull();
    expect(pwsStatus({ cumulative: 75, expected: null, thisMonth: 7.5, lastMonth: 10 })).toBeNull();
    expect(pwsStatus({ cumulative: null, expected: 71.25, thisMonth: null, lastMonth: 10 })).toBeNull();
  });
  it('has a Bahasa Indonesia label for every status', () => {
    expect(Object.keys(PWS_STATUS_LABELS).sort()).toEqual(['baik', 'cukup', 'jelek', 'kurang']);
  });
});
