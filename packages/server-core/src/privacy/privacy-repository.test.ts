// The sasaran totals of a reader outside the area, on a real database (embedded, or DATABASE_URL's server): summed
// exactly, so the same data gives the same total — and the same answer bytes and ETag — whatever order PostgreSQL
// (or its parallel workers) adds the desa in. In double precision 0.1 + 0.2 is 0.30000000000000004, and a national
// total came out different in its last digits from one request to the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { runImport } from '../imports/run-import.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { privacyRepository } from './privacy-repository.ts';

describe('privacyRepository.sasaranTotals on a real database', () => {
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase());
    const imported = await runImport(database, {
      bytes: new TextEncoder().encode(
        [
          'kode_wilayah,tahun,sasaran,jumlah,sumber',
          '99.01.01.2001,2026,bumil,0.1,uji',
          '99.01.01.2002,2026,bumil,0.2,uji',
          '99.01.02.2001,2026,bumil,0.3,uji',
        ].join('\n'),
      ),
      fileName: 'sasaran.csv',
      oleh: 'uji',
      today: { year: 2026, month: 11 },
    });
    expect(imported.errors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });

  it('sums the desa under each kode exactly: 0.1 + 0.2 = 0.3, 0.1 + 0.2 + 0.3 = 0.6', async () => {
    const totals = await privacyRepository(database.db).sasaranTotals('bumil', 2026, ['99', '99.01.01', '99.01.02']);
    expect(totals).toEqual(
      new Map([
        ['99', 0.6],
        ['99.01.01', 0.3],
        ['99.01.02', 0.3],
      ]),
    );
  });
});
