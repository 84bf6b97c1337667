import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n.tsx';
import { exportCounts, exportSummary, exportUrl } from './export-request.ts';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('id', key, params);

describe('the export form', () => {
  it('asks for one month or a range of one year, the indicators only when some are ticked', () => {
    expect(
      exportUrl({ format: 'dhis2-json', wilayah: '12.10.09', year: 2026, fromMonth: 10, toMonth: 10, indicators: [] }),
    ).toBe('/api/exchange/dhis2.json?wilayah=12.10.09&periode=2026-10');
    expect(
      exportUrl({
        format: 'fhir',
        wilayah: '12.10',
        year: 2026,
        fromMonth: 1,
        toMonth: 9,
        indicators: ['KIA_K4', 'SPM11_TB'],
      }),
    ).toBe('/api/exchange/fhir/MeasureReport?wilayah=12.10&periode=2026-01..2026-09&indikator=KIA_K4,SPM11_TB');
    expect(exportUrl({ format: 'adx', wilayah: '12', year: 2025, fromMonth: 3, toMonth: 4, indicators: [] })).toBe(
      '/api/exchange/adx?wilayah=12&periode=2025-03..2025-04',
    );
  });

  it('says plainly that months of demo values export nothing, and how many demo cells were left out otherwise', () => {
    const headers = (real: string, simulated: string) =>
      new Headers({ 'x-sel-nyata': real, 'x-sel-simulasi': simulated });
    expect(exportCounts(headers('0', '2940'))).toEqual({ real: 0, simulated: 2940 });
    expect(exportCounts(new Headers())).toEqual({ real: 0, simulated: 0 });
    expect(exportSummary({ real: 0, simulated: 2940 }, 'x.json', t)).toBe(
      'Tidak ada yang diunduh: bulan yang dipilih hanya berisi data contoh (simulasi) — 2.940 sel — dan data contoh tidak pernah diekspor. Impor atau isi data nyata terlebih dahulu.',
    );
    expect(exportSummary({ real: 0, simulated: 0 }, 'x.json', t)).toBe(
      'Tidak ada yang diunduh: belum ada data untuk wilayah, bulan dan indikator ini.',
    );
    expect(exportSummary({ real: 1234, simulated: 5 }, 'dhis2-json-12.10-2026-10.json', t)).toBe(
      'Ekspor diunduh: dhis2-json-12.10-2026-10.json, 1.234 nilai nyata. 5 sel data contoh (simulasi) tidak diekspor.',
    );
  });
});
