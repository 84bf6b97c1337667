import { describe, expect, it } from 'vitest';
import { readiness } from './readiness.ts';

const desa = ['12.10.09.2001', '12.10.09.2002', '12.10.09.2003'];

describe('readiness checklist', () => {
  it('counts form answers and items derived from Pustu and Posyandu records', () => {
    const r = readiness({
      form: {
        tim_klaster: true,
        orientasi_staf: true,
        alur_layanan: false,
        pencatatan_digital: true,
        pws_lokmin: true,
      },
      desa,
      // every desa has a Pustu; one lacks a bidan
      pustu: [
        { kodeDesa: '12.10.09.2001', perawat: 1, bidan: 1 },
        { kodeDesa: '12.10.09.2002', perawat: 2, bidan: 0 },
        { kodeDesa: '12.10.09.2003', perawat: 1, bidan: 1 },
        { kodeDesa: '12.10.01.2001', perawat: 0, bidan: 0 }, // outside the wilayah kerja: ignored
      ],
      // 4 of 5 Posyandu with SK = 80 % (meets ≥ 80 %); kader 9 of 20 certified = 45 % (misses ≥ 50 %)
      posyandu: [
        { kodeDesa: '12.10.09.2001', sk: true, kader: 5, kaderTersertifikasi: 3 },
        { kodeDesa: '12.10.09.2001', sk: true, kader: 4, kaderTersertifikasi: 2 },
        { kodeDesa: '12.10.09.2002', sk: true, kader: 4, kaderTersertifikasi: 1 },
        { kodeDesa: '12.10.09.2003', sk: false, kader: 3, kaderTersertifikasi: 1 },
        { kodeDesa: '12.10.09.2003', sk: true, kader: 4, kaderTersertifikasi: 2 },
      ],
    });
    expect(r.items).toEqual({
      tim_klaster: true,
      orientasi_staf: true,
      alur_layanan: false,
      pencatatan_digital: true,
      pws_lokmin: true,
      pustu_tiap_desa: true,
      pustu_nakes: false,
      posyandu_lkd: true,
      kader_tersertifikasi: false,
    });
    expect([r.done, r.total, r.unknown]).toEqual([6, 9, 0]);
    expect(r.ratio).toBeCloseTo(6 / 9, 10);
  });

  it('keeps unanswered items and missing records unknown, counted as not done', () => {
    const r = readiness({ form: { tim_klaster: true }, desa, pustu: null, posyandu: [] });
    expect(r.items.orientasi_staf).toBeNull();
    expect(r.items.pustu_tiap_desa).toBeNull();
    expect(r.items.posyandu_lkd).toBeNull();
    expect([r.done, r.unknown]).toEqual([1, 8]);
  });

  it('marks a desa without Pustu', () => {
    const r = readiness({ form: {}, desa, pustu: [{ kodeDesa: desa[0]!, perawat: 1, bidan: 1 }], posyandu: null });
    expect(r.items.pustu_tiap_desa).toBe(false);
    expect(r.items.pustu_nakes).toBe(true);
  });
});
