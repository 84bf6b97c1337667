import { describe, expect, it } from 'vitest';
import { IMPORT_PHASES, type ImportOutcomeDto, type ImportPhase, type ImportSampleDto } from '@peta/domain/contract';
import { translate, type TFunction } from '../../i18n/i18n.tsx';
import { DATA_QUERY_PREFIXES, queryKeys } from '../../api/queries.ts';
import {
  canCommit,
  canUndo,
  cellText,
  commitUrl,
  commonWilayah,
  formatBytes,
  formatPercent,
  issueRows,
  loadStatus,
  mapHref,
  mapLinkFor,
  outcomeView,
  phaseText,
  parentsOfSample,
  previewUrl,
  sampleRows,
  shortHash,
  truncation,
  undoUrl,
} from './import-model.ts';

const sample = (over: Partial<ImportSampleDto>): ImportSampleDto => ({
  row: 7,
  kode: '12.10.09.2001',
  item: 'KIA_KF',
  period: '2026-09',
  change: 'changed',
  oldNumerator: 3,
  oldDenominator: null,
  oldSimulated: true,
  newNumerator: 11,
  newDenominator: null,
  ...over,
});

describe('URLs', () => {
  it('send the file name in the query (raw body upload), never who: the server records the signed-in user', () => {
    expect(previewUrl('kf september.csv')).toBe('/api/impor/pratinjau?berkas=kf+september.csv');
    expect(previewUrl('a.xlsx')).toBe('/api/impor/pratinjau?berkas=a.xlsx');
    expect(commitUrl('abc-123')).toBe('/api/impor/abc-123/simpan');
    expect(undoUrl(12)).toBe('/api/impor/12/batalkan');
  });
});

describe('the query caches an import changes', () => {
  it('are every answer computed from values: values (children, desa, puskesmas), series, profiles, the planner, meta and the catalogue', () => {
    expect(DATA_QUERY_PREFIXES).toEqual([
      queryKeys.values('KIA_K4', '2026', null)[0],
      queryKeys.desaValues('KIA_K4', '2026', null)[0],
      queryKeys.puskesmasValues('KIA_K4', '2026', '12.10')[0],
      queryKeys.series('12', 'KIA_K4', 2026)[0],
      'profil',
      'rencana',
      queryKeys.meta[0],
      queryKeys.indicators[0],
    ]);
    expect(new Set(DATA_QUERY_PREFIXES).size).toBe(8);
  });
});

describe('issueRows (errors and warnings table)', () => {
  it('shows row and column, and a dash for the whole file or row', () => {
    expect(
      issueRows([
        { row: 3, column: 'kode_wilayah', code: 'KODE_UNKNOWN', message: 'Kode desa 12.10.09.9999 tidak ada' },
        { row: 5, column: null, code: 'DUPLICATE', message: 'Baris ganda' },
        { row: null, column: null, code: 'EMPTY_FILE', message: 'Berkas kosong.' },
      ]),
    ).toEqual([
      { baris: '3', kolom: 'kode_wilayah', kode: 'KODE_UNKNOWN', pesan: 'Kode desa 12.10.09.9999 tidak ada' },
      { baris: '5', kolom: '—', kode: 'DUPLICATE', pesan: 'Baris ganda' },
      { baris: '—', kolom: '—', kode: 'EMPTY_FILE', pesan: 'Berkas kosong.' },
    ]);
  });
  it('says when the API listed only part of them', () => {
    expect(truncation(500, 1234)).toEqual({ shown: 500, total: 1234 });
    expect(truncation(2, 2)).toBeNull();
  });
});

describe('outcome states', () => {
  it('maps the API status to the page state, and only a preview with an id can be committed', () => {
    expect(outcomeView({ status: 'preview' })).toBe('ready');
    expect(outcomeView({ status: 'unchanged' })).toBe('unchanged');
    expect(outcomeView({ status: 'invalid' })).toBe('invalid');
    expect(outcomeView({ status: 'imported' })).toBe('imported');
    expect(canCommit({ status: 'preview', previewId: 'x' })).toBe(true);
    expect(canCommit({ status: 'preview', previewId: null })).toBe(false);
    expect(canCommit({ status: 'invalid', previewId: null })).toBe(false);
    expect(canCommit({ status: 'unchanged', previewId: null })).toBe(false);
  });
});

describe('sampleRows (change table)', () => {
  it('names the desa, the indicator and the month, and shows old → new with the simulated flag', () => {
    const rows = sampleRows(
      [
        sample({}),
        sample({
          kode: '12.10.09.2002',
          change: 'added',
          oldNumerator: null,
          oldSimulated: null,
          item: 'KIA_MTBS',
          newNumerator: 4,
          newDenominator: 6,
        }),
      ],
      new Map([['12.10.09.2001', 'Lingga Tiga']]),
      (c) => (c === 'KIA_KF' ? 'KF lengkap' : c),
      (p) => `bulan ${p}`,
    );
    expect(rows.map(({ key: _key, ...r }) => r)).toEqual([
      {
        kode: '12.10.09.2001',
        desa: 'Lingga Tiga',
        item: 'KF lengkap',
        period: 'bulan 2026-09',
        lama: '3',
        lamaSimulated: true,
        baru: '11',
        change: 'changed',
      },
      {
        kode: '12.10.09.2002',
        desa: '12.10.09.2002',
        item: 'KIA_MTBS',
        period: 'bulan 2026-09',
        lama: '',
        lamaSimulated: false,
        baru: '4/6',
        change: 'added',
      },
    ]);
  });
  it('formats numbers the Indonesian way', () => {
    expect(cellText(1234, null)).toBe('1.234');
    expect(cellText(12, 15)).toBe('12/15');
    expect(cellText(null, null)).toBe('');
  });
  it('asks for the names under each parent once', () => {
    expect(parentsOfSample([{ kode: '12.10.09.2001' }, { kode: '12.10.09.2002' }, { kode: '12.10.08.2001' }])).toEqual([
      '12.10.08',
      '12.10.09',
    ]);
  });
});

describe('"Lihat di peta"', () => {
  const outcome = (over: Partial<ImportOutcomeDto>): Pick<ImportOutcomeDto, 'target' | 'template' | 'sample'> => ({
    target: 'nilai',
    template: null,
    sample: [sample({})],
    ...over,
  });
  it('goes to the template wilayah, the first indicator and the template month', () => {
    const link = mapLinkFor(outcome({ template: { wilayah: '12.10.09', period: '2026-09' } }));
    expect(link).toEqual({ wilayah: '12.10.09', indikator: 'KIA_KF', periode: '2026-09' });
    expect(mapHref(link!)).toBe('/?wilayah=12.10.09&indikator=KIA_KF&periode=2026-09');
  });
  it('for a long file: the wilayah holding the desa (the kecamatan of one desa) and the months imported', () => {
    expect(mapLinkFor(outcome({ sample: [sample({}), sample({ kode: '12.10.09.2005', period: '2026-07' })] }))).toEqual(
      { wilayah: '12.10.09', indikator: 'KIA_KF', periode: '2026-07..2026-09' },
    );
    expect(mapLinkFor(outcome({ sample: [sample({}), sample({ kode: '12.10.08.2001' })] }))).toEqual({
      wilayah: '12.10',
      indikator: 'KIA_KF',
      periode: '2026-09',
    });
    expect(mapLinkFor(outcome({}))).toEqual({ wilayah: '12.10.09', indikator: 'KIA_KF', periode: '2026-09' });
  });
  it('has no link for a sasaran file or without changes', () => {
    expect(mapLinkFor(outcome({ target: 'sasaran' }))).toBeNull();
    expect(mapLinkFor(outcome({ sample: [] }))).toBeNull();
  });
  it('finds the deepest common wilayah', () => {
    expect(commonWilayah(['12.10.09.2001', '12.10.09.2002'])).toBe('12.10.09');
    expect(commonWilayah(['12.10.09.2001', '12.07.01.2001'])).toBe('12');
    expect(commonWilayah(['12.10.09.2001', '13.01.01.2001'])).toBeNull();
    expect(commonWilayah([])).toBeNull();
  });
});

describe('history', () => {
  it('offers undo only for an import still in effect', () => {
    expect(canUndo({ kind: 'import', status: 'done' })).toBe(true);
    expect(canUndo({ kind: 'import', status: 'undone' })).toBe(false);
    expect(canUndo({ kind: 'undo', status: 'done' })).toBe(false);
    expect(canUndo({ kind: 'demo', status: 'done' })).toBe(false);
  });
  it('words the status: in effect, undone by #n, undoes #n', () => {
    expect(loadStatus({ kind: 'import', status: 'done', undoneBy: null, undoes: null })).toEqual({
      key: 'impor.status.done',
    });
    expect(loadStatus({ kind: 'import', status: 'undone', undoneBy: 9, undoes: null })).toEqual({
      key: 'impor.status.undoneBy',
      params: { id: 9 },
    });
    expect(loadStatus({ kind: 'undo', status: 'done', undoneBy: null, undoes: 8 })).toEqual({
      key: 'impor.status.undoes',
      params: { id: 8 },
    });
  });
  it('shortens the sha256 and sizes files', () => {
    expect(shortHash('1fac944fe53591ca47dfcfabcd1d6633890a830650c5b7d60e661b6171c9ae7c')).toBe('1fac944fe5');
    expect(shortHash(null)).toBe('');
    expect(formatBytes(312, 'id')).toBe('312 B');
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024, 'en')).toBe('3 MB');
  });
});

describe('formatPercent', () => {
  it('rounds down, so 100% means every byte is sent', () => {
    expect(formatPercent(999, 1000, 'id')).toBe('99%');
    expect(formatPercent(1000, 1000, 'id')).toBe('100%');
    expect(formatPercent(1, 3, 'en')).toBe('33%');
    expect(formatPercent(5, 0, 'id')).toBe('0%');
  });
});

describe('commit phases in the page language', () => {
  const inLang =
    (lang: 'id' | 'en'): TFunction =>
    (key, params) =>
      translate(lang, key, params);

  it('says a phase by its code in the page language; a phase without a code in the server words', () => {
    expect(phaseText({ phase: 'Menyimpan', code: 'save' }, inLang('en'))).toBe('Saving');
    expect(phaseText({ phase: 'Menyimpan', code: 'save' }, inLang('id'))).toBe('Menyimpan');
    expect(phaseText({ phase: 'Menulis baris baru' }, inLang('en'))).toBe('Menulis baris baru');
  });

  it('knows every phase code in both languages, in Bahasa Indonesia with the server words', () => {
    for (const [code, words] of Object.entries(IMPORT_PHASES) as [ImportPhase, string][]) {
      expect(phaseText({ phase: words, code }, inLang('id'))).toBe(words);
      expect(phaseText({ phase: words, code }, inLang('en'))).not.toBe(words);
    }
  });
});
