// ILP roll-out stages of a puskesmas. No official national taxonomy exists (domain brief §3.5), so this is
// the product's proposal; labels are data so a dinkes can rename them without touching code.

export const ILP_STAGE_CODES = [
  'belum',
  'persiapan',
  'lokus_ditetapkan',
  'orientasi',
  'launching',
  'implementasi',
  'implementasi_penuh',
] as const;
export type IlpStageCode = (typeof ILP_STAGE_CODES)[number];

export interface IlpStage {
  /** 0..6, the order of the roll-out. */
  level: number;
  code: IlpStageCode;
  labelId: string;
  labelEn: string;
  /** What to record as evidence for this stage (shown in the form). */
  evidenceNeeded: string;
}

export const ILP_STAGES: readonly IlpStage[] = [
  { level: 0, code: 'belum', labelId: 'Belum', labelEn: 'Not yet', evidenceNeeded: 'Belum direncanakan.' },
  {
    level: 1,
    code: 'persiapan',
    labelId: 'Persiapan',
    labelEn: 'Preparation',
    evidenceNeeded: 'Sosialisasi, Tim Kerja ILP, inventarisasi kondisi ada vs ideal.',
  },
  {
    level: 2,
    code: 'lokus_ditetapkan',
    labelId: 'Lokus ditetapkan',
    labelEn: 'Designated',
    evidenceNeeded: 'Nomor SK Bupati / daftar lokus dinkes tahun dan gelombang.',
  },
  {
    level: 3,
    code: 'orientasi',
    labelId: 'Orientasi',
    labelEn: 'Orientation',
    evidenceNeeded: 'Orientasi kapus dan staf; SK klaster kepala puskesmas; PJ desa per Pustu.',
  },
  {
    level: 4,
    code: 'launching',
    labelId: 'Launching',
    labelEn: 'Launched',
    evidenceNeeded: 'Tanggal kick-off / soft launching dan oleh siapa.',
  },
  {
    level: 5,
    code: 'implementasi',
    labelId: 'Implementasi',
    labelEn: 'Implementing',
    evidenceNeeded: 'Layanan klaster berjalan; pencatatan ke SIMPUS/ASIK; PWS dan Lokmin bulanan.',
  },
  {
    level: 6,
    code: 'implementasi_penuh',
    labelId: 'Implementasi penuh',
    labelEn: 'Full implementation',
    evidenceNeeded: 'Semua Pustu dan Posyandu melayani siklus hidup; lolos monev.',
  },
];

/** A puskesmas counts as "ILP" against the kabupaten's target from this stage on (roll-out KPI, §3.5). */
export const ILP_COUNTED_FROM_LEVEL = 5;

export function stageByCode(code: IlpStageCode): IlpStage {
  const stage = ILP_STAGES.find((s) => s.code === code);
  if (!stage) throw new Error(`Tahap ILP tidak dikenal: ${code}`);
  return stage;
}

export function isIlpStageCode(value: string): value is IlpStageCode {
  return (ILP_STAGE_CODES as readonly string[]).includes(value);
}

export function countsAsIlp(code: IlpStageCode): boolean {
  return stageByCode(code).level >= ILP_COUNTED_FROM_LEVEL;
}

export interface StageEvent {
  stage: IlpStageCode;
  date: string;
}

/** The stage in force on `date` (ISO yyyy-mm-dd): the latest event on or before it; 'belum' before any. */
export function stageOn(history: readonly StageEvent[], date: string): IlpStageCode {
  let current: StageEvent | null = null;
  for (const event of history) {
    if (event.date <= date && (!current || event.date >= current.date)) current = event;
  }
  return current?.stage ?? 'belum';
}
