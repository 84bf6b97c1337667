import { describe, expect, it } from 'vitest';
import { getIndicator, type IndicatorDef } from './catalogue.ts';
import {
  ATTAINMENT_CLASSES,
  DASHBOARD_CRITERIA_NOTE,
  PALETTE,
  attainmentLegend,
  classifyAttainment,
  quantileClasses,
  quantileColors,
  quantileIndex,
  quantileLegend,
} from './classify.ts';

const def = (code: string): IndicatorDef => getIndicator(code)!;

describe('classifyAttainment', () => {
  it('higher: compares coverage with the expected value to date (§4.4: 75.0 % vs 71.25 % → baik)', () => {
    // 75 / 71.25 = 105.26 % of expected
    const r = classifyAttainment(def('KIA_K1'), 75, 71.25);
    expect(r.class).toBe('baik');
    expect(r.attainment).toBeCloseTo(105.263, 3);
  });
  it('higher: exactly the expected value is baik, 80 % of it is cukup, below is kurang', () => {
    // expected 50: 50 → 100 % baik; 49.9 → 99.8 % cukup; 40 → 80 % cukup; 39.9 → 79.8 % kurang
    expect(classifyAttainment(def('KIA_K1'), 50, 50).class).toBe('baik');
    expect(classifyAttainment(def('KIA_K1'), 49.9, 50).class).toBe('cukup');
    expect(classifyAttainment(def('KIA_K1'), 40, 50).class).toBe('cukup');
    expect(classifyAttainment(def('KIA_K1'), 39.9, 50).class).toBe('kurang');
  });
  it('higher: the §4.4 roll-up 69.2 % against 71.25 % is cukup', () => {
    // 69.23 / 71.25 = 97.2 %
    expect(classifyAttainment(def('KIA_K1'), (45 / 65) * 100, 71.25).class).toBe('cukup');
  });
  it('classifies coverage above 100 % as it is (the over100 flag is separate)', () => {
    // 112.5 / 95 = 118 %
    expect(classifyAttainment(def('KIA_K1'), 112.5, 95)).toMatchObject({ class: 'baik' });
  });
  it('lower: at or below the target is baik, up to target ÷ 0.8 is cukup, above is kurang (stunting 14 %)', () => {
    // 14 ÷ 0.8 = 17.5
    expect(classifyAttainment(def('GZ_STUNTING'), 12, 14).class).toBe('baik');
    expect(classifyAttainment(def('GZ_STUNTING'), 14, 14).class).toBe('baik');
    expect(classifyAttainment(def('GZ_STUNTING'), 17.5, 14)).toMatchObject({ class: 'cukup', attainment: 80 });
    expect(classifyAttainment(def('GZ_STUNTING'), 17.6, 14).class).toBe('kurang');
    expect(classifyAttainment(def('GZ_STUNTING'), 30, 14).class).toBe('kurang');
  });
  it('lower: zero prevalence is baik with no attainment ratio', () => {
    expect(classifyAttainment(def('GZ_STUNTING'), 0, 14)).toEqual({ class: 'baik', attainment: null });
  });
  it('band: inside the range is baik, within 20 % outside is cukup, further is kurang (positivity 5–15 %)', () => {
    // cukup range: 5 × 0.8 = 4 … 15 ÷ 0.8 = 18.75
    expect(classifyAttainment(def('TB_POSITIVITY'), 10, null).class).toBe('baik');
    expect(classifyAttainment(def('TB_POSITIVITY'), 5, null).class).toBe('baik');
    expect(classifyAttainment(def('TB_POSITIVITY'), 4.5, null).class).toBe('cukup');
    expect(classifyAttainment(def('TB_POSITIVITY'), 18, null).class).toBe('cukup');
    expect(classifyAttainment(def('TB_POSITIVITY'), 3.9, null).class).toBe('kurang');
    expect(classifyAttainment(def('TB_POSITIVITY'), 19, null).class).toBe('kurang');
  });
  it('context indicators and indicators without a target are netral', () => {
    expect(classifyAttainment(def('TB_CNR'), 250, null).class).toBe('netral');
    expect(classifyAttainment(def('KIA_K1'), 75, null).class).toBe('netral');
  });
  it('no coverage is no-data, whatever the polarity', () => {
    for (const code of ['KIA_K1', 'GZ_STUNTING', 'TB_POSITIVITY', 'TB_CNR']) {
      expect(classifyAttainment(def(code), null, 10).class).toBe('no-data');
    }
  });
});

describe('quantileClasses', () => {
  it('splits 1..10 into five classes of two', () => {
    // upper bounds sorted[⌈k·10/5⌉ − 1] = 2, 4, 6, 8, 10
    const q = quantileClasses([5, 3, 1, 2, 4, 6, 7, 8, 9, 10], 5);
    expect(q.classes.map((c) => [c.from, c.to, c.count])).toEqual([
      [1, 2, 2],
      [2, 4, 2],
      [4, 6, 2],
      [6, 8, 2],
      [8, 10, 2],
    ]);
  });
  it('keeps tied values in one class and gives fewer classes', () => {
    // [1,2,2,2,2,2,3,4], n = 2: bounds sorted[3] = 2, sorted[7] = 4 → [1..2] six values, (2..4] two
    const q = quantileClasses([1, 2, 2, 2, 2, 2, 3, 4], 2);
    expect(q.classes.map((c) => [c.from, c.to, c.count])).toEqual([
      [1, 2, 6],
      [2, 4, 2],
    ]);
    // n = 3: bounds sorted[⌈8/3⌉−1 = 2] = 2, sorted[⌈16/3⌉−1 = 5] = 2, sorted[7] = 4 → merged to 2, 4
    expect(quantileClasses([1, 2, 2, 2, 2, 2, 3, 4], 3).classes).toHaveLength(2);
  });
  it('gives one class per distinct value when there are no more distinct values than classes', () => {
    // [1,5,5,5,5], n = 2 → [1] and [5]
    const q = quantileClasses([5, 5, 1, 5, 5], 2);
    expect(q.classes.map((c) => [c.from, c.to, c.count])).toEqual([
      [1, 1, 1],
      [1, 5, 4],
    ]);
  });
  it('ignores no-data values and gives no classes for empty input', () => {
    expect(quantileClasses([], 5).classes).toEqual([]);
    expect(quantileClasses([null, null], 5).classes).toEqual([]);
    expect(quantileClasses([null, 3, Number.NaN, 7], 2).classes.map((c) => c.count)).toEqual([1, 1]);
  });
  it('rejects a class count outside 1..7', () => {
    expect(() => quantileClasses([1, 2], 0)).toThrow(RangeError);
    expect(() => quantileClasses([1, 2], 8)).toThrow(RangeError);
    expect(() => quantileClasses([1, 2], 2.5)).toThrow(RangeError);
  });
});

describe('quantileIndex', () => {
  it('finds the class of a value, upper bounds inclusive', () => {
    const { classes } = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(quantileIndex(classes, 1)).toBe(0);
    expect(quantileIndex(classes, 2)).toBe(0);
    expect(quantileIndex(classes, 2.1)).toBe(1);
    expect(quantileIndex(classes, 10)).toBe(4);
    expect(quantileIndex(classes, 99)).toBe(4);
  });
  it('is null for no data or no classes', () => {
    expect(quantileIndex([], 3)).toBeNull();
    expect(quantileIndex(quantileClasses([1, 2], 2).classes, null)).toBeNull();
  });
});

// Colour-vision-deficiency simulation: Machado, Oliveira & Fernandes (2009), severity 1.0, applied in linear sRGB;
// difference as CIE76 ΔE in CIELAB (D65).
const CVD: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
function lab(hex: string, m: number[][]): [number, number, number] {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const s = m.map((r) => Math.min(1, Math.max(0, r[0]! * lin[0]! + r[1]! * lin[1]! + r[2]! * lin[2]!)));
  const [R, G, B] = s as [number, number, number];
  const X = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const Y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const Z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
const deltaE = (a: string, b: string, m: number[][]) => {
  const [p, q] = [lab(a, m), lab(b, m)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

describe('PALETTE', () => {
  it('keeps every pair of attainment colours apart for normal vision and three colour-vision deficiencies', () => {
    const colors = ATTAINMENT_CLASSES.map((c) => PALETTE.attainment[c]);
    for (const [name, m] of Object.entries(CVD)) {
      for (let i = 0; i < colors.length; i++) {
        for (let j = i + 1; j < colors.length; j++) {
          expect(deltaE(colors[i]!, colors[j]!, m), `${name} ${colors[i]} ${colors[j]}`).toBeGreaterThanOrEqual(25);
        }
      }
    }
  });
  it('keeps adjacent quantile colours apart and away from the no-data grey', () => {
    for (let n = 2; n <= 7; n++) {
      const colors = quantileColors(n);
      expect(colors).toHaveLength(n);
      for (const [name, m] of Object.entries(CVD)) {
        for (let i = 1; i < n; i++) {
          expect(deltaE(colors[i - 1]!, colors[i]!, m), `${name} n=${n} ${i}`).toBeGreaterThanOrEqual(12);
        }
        for (const c of colors) expect(deltaE(c, PALETTE.noData, m), `${name} ${c}`).toBeGreaterThanOrEqual(15);
      }
    }
  });
});

describe('quantileColors', () => {
  it('gives as many colours as classes, none for no classes', () => {
    expect(quantileColors(0)).toEqual([]);
    expect(quantileColors(3)).toHaveLength(3);
    expect(quantileColors(1)).toHaveLength(1);
  });
});

describe('attainmentLegend', () => {
  it('states the class limits in the unit for a higher-is-better indicator (§4.4 expected 71.25 %)', () => {
    // 0.8 × 71.25 = 57.0
    const l = attainmentLegend(def('KIA_K1'), 71.25);
    expect(l.items.map((i) => i.key)).toEqual(['baik', 'cukup', 'kurang', 'no-data', 'over100']);
    expect(l.items[0]!.label).toBe('Baik: ≥ 100% target (capaian ≥ 71,3%)');
    expect(l.items[1]!.label).toBe('Cukup: 80–<100% target (capaian 57,0% – < 71,3%)');
    expect(l.items[2]!.label).toBe('Kurang: < 80% target (capaian < 57,0%)');
    expect(l.items[4]).toMatchObject({ pattern: 'hatch' });
    expect(l.note).toBe(DASHBOARD_CRITERIA_NOTE);
    expect(l.note).toBe('kriteria dashboard (bukan ketentuan resmi)');
  });
  it('inverts the limits for a lower-is-better indicator (stunting 14 %)', () => {
    const labels = attainmentLegend(def('GZ_STUNTING'), 14).items.map((i) => i.label);
    expect(labels.slice(0, 3)).toEqual([
      'Baik: ≤ 14,0% (target tercapai)',
      'Cukup: > 14,0% – 17,5%',
      'Kurang: > 17,5%',
    ]);
  });
  it('states the band for a band indicator', () => {
    expect(attainmentLegend(def('TB_POSITIVITY'), null).items[0]!.label).toBe('Baik: 5,0% – 15,0% (dalam rentang)');
  });
  it('has a netral item and no over-100 item for a per-100k context indicator', () => {
    const l = attainmentLegend(def('TB_CNR'), null);
    expect(l.items.map((i) => i.key)).toEqual(['netral', 'no-data']);
  });
  it('uses the palette colours', () => {
    const l = attainmentLegend(def('KIA_K1'), 50);
    expect(l.items[0]!.color).toBe(PALETTE.attainment.baik);
    expect(l.items[3]!.color).toBe(PALETTE.noData);
  });
});

describe('quantileLegend', () => {
  it('labels classes with their limits and states the method', () => {
    const q = quantileClasses([10, 20, 30, 40], 2);
    const l = quantileLegend(q, 'percent', 'K1 akses');
    expect(l.items.map((i) => i.label)).toEqual(['10,0% – 20,0%', '> 20,0% – 40,0%', 'Tidak ada laporan']);
    expect(l.items.map((i) => i.color)).toEqual([...quantileColors(2), PALETTE.noData]);
    expect(l.note).toMatch(/^Kuantil, 2 kelas/);
    expect(l.note).toMatch(/bukan penilaian terhadap target/);
  });
  it('labels per-100k values', () => {
    const l = quantileLegend(quantileClasses([47, 47], 3), 'per100k', 'IR DBD');
    expect(l.items[0]!.label).toBe('47,0 per 100.000');
  });
});
