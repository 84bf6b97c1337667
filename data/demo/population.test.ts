import { describe, expect, it } from 'vitest';
import { binomial, hash, poisson, rng } from './random.ts';
import { readKabupatenPopulation, spreadPopulation } from './population.ts';

describe('rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = rng('demo|12.10.01.2001');
    const b = rng('demo|12.10.01.2001');
    const c = rng('demo|12.10.01.2002');
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('hashes with FNV-1a (known value of the empty string)', () => {
    expect(hash('')).toBe(0x811c9dc5);
  });
});

describe('poisson and binomial', () => {
  it('have the right mean over many draws and stay in range', () => {
    const random = rng(42);
    let sumP = 0;
    let sumB = 0;
    for (let i = 0; i < 20000; i++) {
      sumP += poisson(random, 4);
      const b = binomial(random, 10, 0.3);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(10);
      sumB += b;
    }
    expect(sumP / 20000).toBeCloseTo(4, 1);
    expect(sumB / 20000).toBeCloseTo(3, 1);
    expect(poisson(random, 0)).toBe(0);
    expect(binomial(random, 5, 1)).toBe(5);
  });
});

describe('spreadPopulation', () => {
  it('spreads a kabupaten total over its desa, kelurahan weighted higher, sum kept', () => {
    // 1 kelurahan (1001) and 3 desa (2001..2003) in kabupaten 99.01 of 10,000 people.
    const kodes = ['99.01.01.1001', '99.01.01.2001', '99.01.01.2002', '99.01.02.2003'];
    const pop = spreadPopulation(kodes, new Map([['99.01', 10000]]), 'uji');
    const values = kodes.map((k) => pop.get(k)!);
    expect(values.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9998);
    expect(values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10002);
    expect(spreadPopulation(kodes, new Map([['99.01', 10000]]), 'uji')).toEqual(pop);
  });

  it('reads the real kabupaten totals (Labuhanbatu 513,010; Deli Serdang 2,080,408)', () => {
    const kab = readKabupatenPopulation();
    expect(kab.get('12.10')).toBe(513010);
    expect(kab.get('12.07')).toBe(2080408);
    expect(kab.size).toBe(514);
  });
});
