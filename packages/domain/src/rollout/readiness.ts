// ILP readiness of a puskesmas as a checklist (domain brief §3.5). Five items are answered in a form for the
// puskesmas itself; four are derived from its Pustu and Posyandu records, so they stay true to the data.
// The thresholds of the derived items (80 % of Posyandu, 50 % of kader) are this product's choice, not a rule.

export type ReadinessItemCode =
  | 'tim_klaster'
  | 'orientasi_staf'
  | 'alur_layanan'
  | 'pencatatan_digital'
  | 'pws_lokmin'
  | 'pustu_tiap_desa'
  | 'pustu_nakes'
  | 'posyandu_lkd'
  | 'kader_tersertifikasi';

export interface ReadinessItem {
  code: ReadinessItemCode;
  /** 'form': answered for the puskesmas; 'derived': computed from Pustu/Posyandu records. */
  source: 'form' | 'derived';
  labelId: string;
  labelEn: string;
}

export const READINESS_ITEMS: readonly ReadinessItem[] = [
  {
    code: 'tim_klaster',
    source: 'form',
    labelId: 'SK klaster dan penanggung jawab klaster ditetapkan',
    labelEn: 'Cluster decree and leads appointed',
  },
  {
    code: 'orientasi_staf',
    source: 'form',
    labelId: 'Kepala puskesmas dan staf sudah orientasi ILP',
    labelEn: 'Head and staff oriented on ILP',
  },
  {
    code: 'alur_layanan',
    source: 'form',
    labelId: 'Alur layanan ditata per klaster',
    labelEn: 'Service flow arranged by cluster',
  },
  {
    code: 'pencatatan_digital',
    source: 'form',
    labelId: 'Pencatatan SIMPUS/ASIK terhubung SATUSEHAT',
    labelEn: 'SIMPUS/ASIK recording linked to SATUSEHAT',
  },
  {
    code: 'pws_lokmin',
    source: 'form',
    labelId: 'PWS dan Lokakarya Mini bulanan berjalan',
    labelEn: 'Monthly PWS and mini-workshop held',
  },
  { code: 'pustu_tiap_desa', source: 'derived', labelId: 'Setiap desa punya Pustu', labelEn: 'Every desa has a Pustu' },
  {
    code: 'pustu_nakes',
    source: 'derived',
    labelId: 'Setiap Pustu punya ≥ 1 perawat dan ≥ 1 bidan',
    labelEn: 'Every Pustu has ≥ 1 nurse and ≥ 1 midwife',
  },
  {
    code: 'posyandu_lkd',
    source: 'derived',
    labelId: '≥ 80% Posyandu ber-SK LKD/LKK',
    labelEn: '≥ 80% of Posyandu hold an LKD/LKK decree',
  },
  {
    code: 'kader_tersertifikasi',
    source: 'derived',
    labelId: '≥ 50% kader bersertifikat (Purwa/Madya/Utama)',
    labelEn: '≥ 50% of kader certified',
  },
];

export const POSYANDU_LKD_SHARE = 0.8;
export const KADER_CERTIFIED_SHARE = 0.5;

export interface PustuRecord {
  kodeDesa: string;
  perawat: number;
  bidan: number;
}
export interface PosyanduRecord {
  kodeDesa: string;
  sk: boolean;
  kader: number;
  kaderTersertifikasi: number;
}

export interface ReadinessInput {
  /** Form answers; an item not answered is unknown. */
  form: Partial<Record<ReadinessItemCode, boolean>>;
  /** Desa of the wilayah kerja. */
  desa: readonly string[];
  /** null: no Pustu data entered yet (the derived Pustu items are unknown, not false). */
  pustu: readonly PustuRecord[] | null;
  posyandu: readonly PosyanduRecord[] | null;
}

/** true / false, or null when unknown (not answered, or no records). */
export type ItemState = boolean | null;

export interface Readiness {
  items: Record<ReadinessItemCode, ItemState>;
  /** Items that are true. */
  done: number;
  /** All items (unknown ones count as not done: readiness must be shown, not assumed). */
  total: number;
  /** done ÷ total, 0..1. */
  ratio: number;
  unknown: number;
}

export function readiness(input: ReadinessInput): Readiness {
  const desaSet = new Set(input.desa);
  const pustu = input.pustu?.filter((p) => desaSet.has(p.kodeDesa)) ?? null;
  const posyandu = input.posyandu?.filter((p) => desaSet.has(p.kodeDesa)) ?? null;
  const kader = posyandu?.reduce((n, p) => n + p.kader, 0) ?? 0;
  const derived: Record<'pustu_tiap_desa' | 'pustu_nakes' | 'posyandu_lkd' | 'kader_tersertifikasi', ItemState> = {
    pustu_tiap_desa:
      pustu === null ? null : input.desa.length > 0 && input.desa.every((d) => pustu.some((p) => p.kodeDesa === d)),
    pustu_nakes: pustu === null || pustu.length === 0 ? null : pustu.every((p) => p.perawat >= 1 && p.bidan >= 1),
    posyandu_lkd:
      posyandu === null || posyandu.length === 0
        ? null
        : posyandu.filter((p) => p.sk).length / posyandu.length >= POSYANDU_LKD_SHARE,
    kader_tersertifikasi:
      posyandu === null || kader === 0
        ? null
        : posyandu.reduce((n, p) => n + p.kaderTersertifikasi, 0) / kader >= KADER_CERTIFIED_SHARE,
  };
  const items = {} as Record<ReadinessItemCode, ItemState>;
  for (const item of READINESS_ITEMS) {
    items[item.code] =
      item.source === 'form' ? (input.form[item.code] ?? null) : derived[item.code as keyof typeof derived];
  }
  const states = Object.values(items);
  const done = states.filter((s) => s === true).length;
  return {
    items,
    done,
    total: READINESS_ITEMS.length,
    ratio: done / READINESS_ITEMS.length,
    unknown: states.filter((s) => s === null).length,
  };
}
