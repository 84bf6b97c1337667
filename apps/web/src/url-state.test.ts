import { describe, expect, it } from 'vitest';
import { hrefFor, hrefForPage, pageFromPath, parseUrlState, toSearch } from './url-state.ts';

const EMPTY = {
  wilayah: null,
  indikator: null,
  periode: null,
  legenda: null,
  menurut: null,
  urut: null,
  tampilan: null,
};

describe('parseUrlState', () => {
  it('reads the wilayah kode', () => {
    expect(parseUrlState('?wilayah=12.10')).toEqual({ ...EMPTY, wilayah: '12.10' });
  });

  it('gives Indonesia (null) without a wilayah', () => {
    expect(parseUrlState('')).toEqual(EMPTY);
    expect(parseUrlState('?wilayah=')).toEqual(EMPTY);
  });

  it('adds the dots to a kode typed without them', () => {
    expect(parseUrlState('?wilayah=1210092001').wilayah).toBe('12.10.09.2001');
  });

  it('drops a kode that cannot be read', () => {
    expect(parseUrlState('?wilayah=sumut').wilayah).toBeNull();
    expect(parseUrlState('?wilayah=12.1').wilayah).toBeNull();
  });

  it('reads indikator, periode and legenda together', () => {
    expect(parseUrlState('?wilayah=12.10&indikator=KIA_K4&periode=2026-01..2026-10&legenda=kuantil')).toEqual({
      wilayah: '12.10',
      indikator: 'KIA_K4',
      periode: '2026-01..2026-10',
      legenda: 'kuantil',
      menurut: null,
      urut: null,
      tampilan: null,
    });
  });

  it('accepts an indicator code typed in lower case', () => {
    expect(parseUrlState('?indikator=kia_k4').indikator).toBe('KIA_K4');
  });

  it('drops an indicator that is not in the catalogue (the default is used instead)', () => {
    expect(parseUrlState('?indikator=K4').indikator).toBeNull();
    expect(parseUrlState('?indikator=').indikator).toBeNull();
  });

  it('normalises a period and drops one that cannot be read', () => {
    expect(parseUrlState('?periode=2026-q2').periode).toBe('2026-Q2');
    expect(parseUrlState('?periode=2026-06').periode).toBe('2026-06');
    expect(parseUrlState('?periode=2026').periode).toBe('2026');
    expect(parseUrlState('?periode=2026-13').periode).toBeNull();
    expect(parseUrlState('?periode=2026-10..2026-01').periode, 'reversed range').toBeNull();
    expect(parseUrlState('?periode=2025-01..2026-10').periode, 'two years').toBeNull();
    expect(parseUrlState('?periode=kemarin').periode).toBeNull();
  });

  it('keeps the order of the table, and opens old links (no urut) in the default order', () => {
    expect(parseUrlState('?wilayah=12.10&urut=capaian-naik').urut).toBe('capaian-naik');
    expect(parseUrlState('?urut=KURANG-TURUN').urut).toBe('kurang-turun');
    expect(parseUrlState('?urut=nama-naik').urut, 'the default is kept out').toBeNull();
    expect(parseUrlState('?urut=acak').urut).toBeNull();
    expect(parseUrlState('?wilayah=12.10').urut).toBeNull();
    expect(toSearch({ urut: 'capaian-turun' }, '?wilayah=12.10')).toBe('?wilayah=12.10&urut=capaian-turun');
    expect(toSearch({ urut: null }, '?wilayah=12.10&urut=capaian-turun')).toBe('?wilayah=12.10');
  });

  it('knows only the quantile legend besides the default', () => {
    expect(parseUrlState('?legenda=kuantil').legenda).toBe('kuantil');
    expect(parseUrlState('?legenda=target').legenda).toBeNull();
    expect(parseUrlState('?legenda=warna').legenda).toBeNull();
  });
});

describe('toSearch', () => {
  it('writes the kode with readable dots', () => {
    expect(toSearch({ wilayah: '12.10.09' })).toBe('?wilayah=12.10.09');
  });

  it('removes the param for Indonesia', () => {
    expect(toSearch({ wilayah: null }, '?wilayah=12')).toBe('');
  });

  it('keeps params it does not own, and owned params absent from the patch', () => {
    expect(toSearch({ wilayah: '12' }, '?foo=bar&wilayah=11')).toBe('?foo=bar&wilayah=12');
    expect(toSearch({ wilayah: '12' }, '?indikator=KIA_K4&wilayah=11')).toBe('?indikator=KIA_K4&wilayah=12');
  });

  it('writes a cumulative period readably', () => {
    expect(toSearch({ wilayah: '12.10', indikator: 'KIA_K4', periode: '2026-01..2026-10' })).toBe(
      '?wilayah=12.10&indikator=KIA_K4&periode=2026-01..2026-10',
    );
  });
});

describe('menurut (values per wilayah kerja puskesmas)', () => {
  it('reads menurut=puskesmas on a kabupaten/kota, also typed without dots', () => {
    expect(parseUrlState('?wilayah=12.07&menurut=puskesmas').menurut).toBe('puskesmas');
    expect(parseUrlState('?wilayah=1207&menurut=puskesmas').menurut).toBe('puskesmas');
  });

  it('drops it on any other level and for an unknown value', () => {
    expect(parseUrlState('?wilayah=12&menurut=puskesmas').menurut).toBeNull();
    expect(parseUrlState('?wilayah=12.07.01&menurut=puskesmas').menurut).toBeNull();
    expect(parseUrlState('?menurut=puskesmas').menurut).toBeNull();
    expect(parseUrlState('?wilayah=12.07&menurut=kecamatan').menurut).toBeNull();
  });

  it('writes it, and removes it to go back to the kecamatan', () => {
    expect(toSearch({ menurut: 'puskesmas' }, '?wilayah=12.07&indikator=KIA_K4')).toBe(
      '?wilayah=12.07&indikator=KIA_K4&menurut=puskesmas',
    );
    expect(toSearch({ menurut: null }, '?wilayah=12.07&menurut=puskesmas')).toBe('?wilayah=12.07');
  });

  it('is left when the view goes to a kecamatan or up to the provinsi, and kept on the same kabupaten', () => {
    const here = { pathname: '/', search: '?wilayah=12.07&indikator=KIA_K4&menurut=puskesmas' };
    expect(hrefFor({ wilayah: '12.07.05' }, here)).toBe('/?wilayah=12.07.05&indikator=KIA_K4');
    expect(hrefFor({ wilayah: '12' }, here)).toBe('/?wilayah=12&indikator=KIA_K4');
    expect(hrefFor({ wilayah: '12.07' }, here)).toBe('/?wilayah=12.07&indikator=KIA_K4&menurut=puskesmas');
    expect(hrefFor({ periode: '2026-06' }, here)).toBe(
      '/?wilayah=12.07&indikator=KIA_K4&menurut=puskesmas&periode=2026-06',
    );
  });
});

describe('tampilan=semua-desa (every desa of a provinsi or Indonesia)', () => {
  it('reads it on Indonesia and on a provinsi, and drops it below', () => {
    expect(parseUrlState('?tampilan=semua-desa').tampilan).toBe('semua-desa');
    expect(parseUrlState('?wilayah=35&tampilan=semua-desa').tampilan).toBe('semua-desa');
    expect(parseUrlState('?wilayah=35.07&tampilan=semua-desa').tampilan).toBeNull();
    expect(parseUrlState('?wilayah=35&tampilan=desa').tampilan).toBeNull();
  });

  it('is left when a desa is chosen, and kept going up from a provinsi to Indonesia', () => {
    const here = { pathname: '/', search: '?wilayah=35&tampilan=semua-desa&indikator=KIA_K4' };
    expect(hrefFor({ wilayah: '35.07.01.2001' }, here)).toBe('/?wilayah=35.07.01.2001&indikator=KIA_K4');
    expect(hrefFor({ wilayah: null }, here)).toBe('/?tampilan=semua-desa&indikator=KIA_K4');
    expect(toSearch({ tampilan: null }, here.search)).toBe('?wilayah=35&indikator=KIA_K4');
  });
});

describe('hrefFor', () => {
  it('links to another wilayah on the same path', () => {
    expect(hrefFor({ wilayah: '12.10' }, { pathname: '/', search: '?wilayah=12' })).toBe('/?wilayah=12.10');
    expect(hrefFor({ wilayah: null }, { pathname: '/', search: '?wilayah=12' })).toBe('/');
  });

  it('keeps the chosen indicator and period when drilling down', () => {
    expect(
      hrefFor({ wilayah: '12.10.09' }, { pathname: '/', search: '?wilayah=12.10&indikator=KIA_K4&periode=2026-Q2' }),
    ).toBe('/?wilayah=12.10.09&indikator=KIA_K4&periode=2026-Q2');
  });

  it('drops unreadable params in the canonical rewrite', () => {
    expect(hrefFor({}, { pathname: '/', search: '?wilayah=1210&indikator=nope&periode=2026-99' })).toBe(
      '/?wilayah=12.10',
    );
  });
});

describe('pages', () => {
  it('reads the page from the path, unknown paths and trailing slashes included', () => {
    expect(pageFromPath('/')).toBe('peta');
    expect(pageFromPath('/impor')).toBe('impor');
    expect(pageFromPath('/impor/')).toBe('impor');
    expect(pageFromPath('/rencana-ilp')).toBe('rencana');
    expect(pageFromPath('/rapat')).toBe('rapat');
    expect(pageFromPath('/pengguna')).toBe('pengguna');
    expect(pageFromPath('/akun')).toBe('akun');
    expect(pageFromPath('/tidak-ada')).toBe('peta');
  });

  it('keeps the wilayah when changing page', () => {
    expect(hrefForPage('impor', { search: '?wilayah=12.10&indikator=KIA_K4' })).toBe(
      '/impor?wilayah=12.10&indikator=KIA_K4',
    );
    expect(hrefForPage('peta', { search: '' })).toBe('/');
  });
});
