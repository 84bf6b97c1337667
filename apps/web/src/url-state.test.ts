import { describe, expect, it } from 'vitest';
import { hrefFor, parseUrlState, toSearch } from './url-state.ts';

describe('parseUrlState', () => {
  it('reads the wilayah kode', () => {
    expect(parseUrlState('?wilayah=12.10')).toEqual({ wilayah: '12.10' });
  });

  it('gives Indonesia (null) without a wilayah', () => {
    expect(parseUrlState('')).toEqual({ wilayah: null });
    expect(parseUrlState('?wilayah=')).toEqual({ wilayah: null });
  });

  it('adds the dots to a kode typed without them', () => {
    expect(parseUrlState('?wilayah=1210092001')).toEqual({ wilayah: '12.10.09.2001' });
  });

  it('drops a kode that cannot be read', () => {
    expect(parseUrlState('?wilayah=sumut')).toEqual({ wilayah: null });
    expect(parseUrlState('?wilayah=12.1')).toEqual({ wilayah: null });
  });
});

describe('toSearch', () => {
  it('writes the kode with readable dots', () => {
    expect(toSearch({ wilayah: '12.10.09' })).toBe('?wilayah=12.10.09');
  });

  it('removes the param for Indonesia', () => {
    expect(toSearch({ wilayah: null }, '?wilayah=12')).toBe('');
  });

  it('keeps params it does not own', () => {
    expect(toSearch({ wilayah: '12' }, '?indikator=K4&wilayah=11')).toBe('?indikator=K4&wilayah=12');
  });
});

describe('hrefFor', () => {
  it('links to another wilayah on the same path', () => {
    expect(hrefFor({ wilayah: '12.10' }, { pathname: '/', search: '?wilayah=12' })).toBe('/?wilayah=12.10');
    expect(hrefFor({ wilayah: null }, { pathname: '/', search: '?wilayah=12' })).toBe('/');
  });
});
