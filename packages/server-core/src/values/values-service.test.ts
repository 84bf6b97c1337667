import { describe, expect, it } from 'vitest';
import { getIndicator, monthPeriod, ytdPeriod } from '@peta/domain';
import type { AnswerRepository } from './answer-repository.ts';
import type { RollupRepository } from './rollup-repository.ts';
import type { ValuesRepository } from './values-repository.ts';
import { valuesService } from './values-service.ts';
import type { WilayahRepository } from '../wilayah/wilayah-repository.ts';
import type { WilayahService } from '../wilayah/wilayah-service.ts';

const K4 = getIndicator('KIA_K4')!;
const DESA = ['99.01.01.2001', '99.01.01.2002'];

/**
 * A desa year with one report a month, January–October: `n` mothers served of a sasaran of 120 (10 a month), as
 * values-repository.ts desaYearTexts gives it (no denominators: '-').
 */
const yearText = (kode: string, n: number) =>
  `${kode};${Array.from({ length: 12 }, (_, i) => (i < 10 ? n : '')).join(',')};-;${Array.from({ length: 12 }, (_, i) => (i < 10 ? 't' : '')).join(',')}`;

/** The service on fake repositories that count the desa rows read; `version` is the roll-ups' version of the data. */
function serviceWith() {
  const state = { version: 'b1.7', reads: 0, served: 10 };
  const values = {
    async desaYearTexts() {
      state.reads++;
      return {
        values: DESA.map((kode) => yearText(kode, state.served)).join('/'),
        sasaran: DESA.map((kode) => `${kode};120`).join('/'),
      };
    },
  } as unknown as ValuesRepository;
  const stored = { version: async () => state.version } as unknown as RollupRepository;
  const wilayah = { desaUnder: async () => DESA } as unknown as WilayahRepository;
  const service = valuesService(
    values,
    stored,
    {} as AnswerRepository,
    wilayah,
    {} as Pick<WilayahService, 'requireWilayah'>,
  );
  return { service, state };
}

describe('"Semua desa": the desa rows of an indicator and year are read once per version of the data', () => {
  it('computes another period from the rows already read, and reads them again after a load', async () => {
    const { service, state } = serviceWith();
    const october = await service.desaValues(K4, ytdPeriod(2026, 10), '99');
    expect(state.reads).toBe(1);
    // K4's denominator is the annual sasaran: Jan–Oct 10 × 10 = 100 served of 120 = 83.3 %; March alone 10 of 120.
    expect(october.coverage).toEqual([83.3, 83.3]);
    const march = await service.desaValues(K4, monthPeriod(2026, 3), '99');
    expect(march.coverage).toEqual([8.3, 8.3]);
    expect(state.reads).toBe(1);
    // Concurrent answers of other periods share the same rows too.
    await Promise.all([
      service.desaValues(K4, monthPeriod(2026, 4), '99'),
      service.desaValues(K4, monthPeriod(2026, 5), '99'),
    ]);
    expect(state.reads).toBe(1);
    // A load changes the version: the rows are read again and the answer follows them.
    state.version = 'b1.8';
    state.served = 5;
    const after = await service.desaValues(K4, monthPeriod(2026, 3), '99');
    expect(state.reads).toBe(2);
    expect(after.coverage).toEqual([4.2, 4.2]); // 5 of 120
  });
});
