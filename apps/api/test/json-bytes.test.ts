// jsonBytes must give exactly the bytes of Buffer.from(JSON.stringify(data)): the values answers are sent with it.
import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../src/plugins/json-bytes.ts';

const row = (i: number, nama: string) => ({
  kode: `33.06.02.${2000 + i}`,
  nama,
  numerator: i % 3 === 0 ? null : i * 7,
  coverage: i / 3,
  class: 'baik',
  over100: false,
  protection: null,
});

describe('jsonBytes', () => {
  it('gives the bytes of JSON.stringify for answers, primitives and edge cases', () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(i, `Desa ${i}`));
    const cases: unknown[] = [
      // An answer as /api/nilai sends it: a non-Latin-1 character in a small field, long ASCII rows.
      { indicator: 'KIA_K4', period: '2026-01..2026-05', periodLabel: 'Januari–Mei 2026', parent: null, rows },
      // Non-ASCII in the rows themselves, and two long fields with small ones between and after them.
      { a: rows, label: '≥ 10 – "kutip" \\ \u2028', b: rows.map((r) => ({ ...r, nama: 'Désa Ünïcode – 村' })), z: 1 },
      // Fields JSON.stringify leaves out, nested values with toJSON, a key that needs escaping.
      { skip: undefined, fn: () => 1, sym: Symbol('x'), when: new Date(0), 'ke"y': 'v', list: [undefined, () => 1] },
      { only: 'x'.repeat(1000) },
      {},
      [1, 'dua', null],
      'teks – satu',
      42,
      null,
      true,
      new Date(86_400_000),
      { toJSON: () => ({ dibuat: 'toJSON' }) },
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
      { 2: 'dua', 1: 'satu', b: 'b', a: rows },
    ];
    for (const data of cases) expect(jsonBytes(data).equals(Buffer.from(JSON.stringify(data)))).toBe(true);
  });
});
