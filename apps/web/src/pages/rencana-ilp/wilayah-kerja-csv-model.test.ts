import { describe, expect, it } from 'vitest';
import type { PuskesmasList, WilayahKerjaCsvOutcome } from '@peta/domain/contract';
import { csvPlanState, csvPlanSummary, wilayahKerjaCsvUrl, wilayahKerjaUploadUrl } from './wilayah-kerja-csv-model.ts';

const list = {
  puskesmas: [
    { kode: '1', nama: 'Pantai Labu' },
    { kode: '2', nama: 'Batang Kuis' },
  ],
  desa: [
    { kode: '12.07.01.2001', nama: 'Denai Kuala' },
    { kode: '12.07.01.2002', nama: 'Rugemuk' },
  ],
} as unknown as PuskesmasList;

const base: WilayahKerjaCsvOutcome = {
  status: 'valid',
  kabupaten: '12.07',
  mulai: '2026-12-01',
  rows: 6,
  errors: [],
  warnings: [],
  newPuskesmas: [],
  moves: [],
  confirms: [],
  unchanged: 0,
  changed: false,
  eventIds: [],
};

describe('wilayah kerja CSV model', () => {
  it('builds the download and upload URLs', () => {
    expect(wilayahKerjaCsvUrl('12.07')).toBe('/api/wilayah-kerja.csv?kabupaten=12.07');
    expect(wilayahKerjaUploadUrl('preview', '12.07', '2026-12-01')).toBe(
      '/api/wilayah-kerja/pratinjau?kabupaten=12.07&mulai=2026-12-01',
    );
    expect(wilayahKerjaUploadUrl('commit', '12.07', '2026-12-01')).toBe(
      '/api/wilayah-kerja/simpan?kabupaten=12.07&mulai=2026-12-01',
    );
  });

  it('reads the state: errors, nothing to change, ready to save, saved', () => {
    expect(csvPlanState({ status: 'invalid', changed: true })).toBe('invalid');
    expect(csvPlanState({ status: 'valid', changed: false })).toBe('unchanged');
    expect(csvPlanState({ status: 'valid', changed: true })).toBe('ready');
    expect(csvPlanState({ status: 'committed', changed: true })).toBe('committed');
  });

  it('names the moves and counts confirmations per puskesmas', () => {
    const summary = csvPlanSummary(
      {
        ...base,
        changed: true,
        unchanged: 2,
        newPuskesmas: [{ kode: '9', nama: 'Puskesmas Baru' }],
        moves: [
          { row: 2, desa: '12.07.01.2001', from: '1', to: '9' },
          { row: 5, desa: '12.07.99.2999', from: null, to: '2' },
        ],
        confirms: [
          { row: 3, desa: '12.07.01.2002', puskesmas: '2' },
          { row: 4, desa: 'a', puskesmas: '1' },
          { row: 6, desa: 'b', puskesmas: '2' },
        ],
      },
      list,
    );
    expect(summary).toEqual({
      state: 'ready',
      newPuskesmas: [{ kode: '9', nama: 'Puskesmas Baru' }],
      moves: [
        { row: 2, desa: '12.07.01.2001', desaNama: 'Denai Kuala', from: 'Pantai Labu', to: 'Puskesmas Baru' },
        // A desa missing from the list keeps its kode; a desa without a puskesmas comes from nowhere (null).
        { row: 5, desa: '12.07.99.2999', desaNama: '12.07.99.2999', from: null, to: 'Batang Kuis' },
      ],
      confirms: [
        { puskesmas: 'Batang Kuis', n: 2 },
        { puskesmas: 'Pantai Labu', n: 1 },
      ],
      confirmCount: 3,
      unchanged: 2,
    });
  });
});
