// Demo roll-out state for the planner: waves, ILP stage histories, readiness answers, Pustu and Posyandu.
// What the news reported is reproduced as reported (domain brief §3.5, "seed news"): Deli Serdang 17 puskesmas
// at ILP against a target of 14 (Pantai Labu among them), Tanjungpinang 3 then 5, Manokwari one pilot (Prafi).
// WHICH puskesmas (other than the named ones), every date, and everything else (Labuhanbatu's wave, readiness,
// Pustu, Posyandu) are simulated — deterministic from the seed — and marked so. Pure: lists in, rows out.
import type { IlpStageCode, PosyanduRecord, PustuRecord, ReadinessItemCode } from '@peta/domain';
import { ancestorAt, READINESS_ITEMS } from '@peta/domain';
import { rng } from './random.ts';

export interface PuskesmasSeed {
  kode: string;
  nama: string;
  kabupaten: string;
}

export interface DemoWave {
  kabupaten: string;
  nama: string;
  tahun: number;
  target: number;
  members: string[];
  /** 'berita': count reported in the news (members and dates still simulated); 'simulasi': all invented. */
  basis: 'berita' | 'simulasi';
  note: string;
}
export interface DemoStageEvent {
  puskesmas: string;
  stage: IlpStageCode;
  date: string;
  evidence: string;
}
export interface DemoRollout {
  waves: DemoWave[];
  stageEvents: DemoStageEvent[];
  readinessForm: Map<string, Partial<Record<ReadinessItemCode, boolean>>>;
  pustu: PustuRecord[];
  posyandu: PosyanduRecord[];
}

interface Plan {
  kabupaten: string;
  /** Names that must be in the first wave, as reported. */
  named: RegExp[];
  waves: { nama: string; tahun: number; target: number; reached: number; basis: 'berita' | 'simulasi'; note: string }[];
}

export const ROLLOUT_PLANS: Plan[] = [
  {
    kabupaten: '12.07',
    named: [/pantai labu/i],
    waves: [
      {
        nama: 'Gelombang 1',
        tahun: 2025,
        target: 14,
        reached: 17,
        basis: 'berita',
        note: '17 puskesmas ILP dari target 14 (berita); puskesmas lain selain Pantai Labu dan tanggal: simulasi',
      },
    ],
  },
  {
    kabupaten: '21.72',
    named: [],
    waves: [
      {
        nama: 'Gelombang 1',
        tahun: 2024,
        target: 3,
        reached: 3,
        basis: 'berita',
        note: 'Mulai dengan 3 puskesmas (berita); puskesmas dan tanggal: simulasi',
      },
      {
        nama: 'Gelombang 2',
        tahun: 2025,
        target: 2,
        reached: 2,
        basis: 'berita',
        note: 'Bertambah menjadi 5 puskesmas (berita); puskesmas dan tanggal: simulasi',
      },
    ],
  },
  {
    kabupaten: '92.02',
    named: [/prafi/i],
    waves: [
      {
        nama: 'Pilot',
        tahun: 2025,
        target: 1,
        reached: 1,
        basis: 'berita',
        note: 'Satu puskesmas pilot, Prafi (berita); tanggal: simulasi',
      },
    ],
  },
  {
    kabupaten: '12.10',
    named: [],
    waves: [
      { nama: 'Gelombang 1', tahun: 2025, target: 6, reached: 4, basis: 'simulasi', note: 'Seluruhnya simulasi' },
    ],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

export function generateRollout(
  puskesmas: readonly PuskesmasSeed[],
  desa: readonly string[],
  seed: string,
): DemoRollout {
  const waves: DemoWave[] = [];
  const stageEvents: DemoStageEvent[] = [];
  for (const plan of ROLLOUT_PLANS) {
    const random = rng(`${seed}|rollout|${plan.kabupaten}`);
    const here = puskesmas.filter((p) => p.kabupaten === plan.kabupaten).sort((a, b) => (a.kode < b.kode ? -1 : 1));
    if (!here.length) continue;
    const named = here.filter((p) => plan.named.some((re) => re.test(p.nama)));
    // Seeded shuffle of the others, named ones first: the order in which puskesmas join.
    const others = here
      .filter((p) => !named.includes(p))
      .map((p) => ({ p, r: random() }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.p);
    const queue = [...named, ...others];
    for (const wave of plan.waves) {
      const members = queue.splice(0, Math.min(wave.target, queue.length));
      const extra = wave.reached > wave.target ? queue.splice(0, wave.reached - wave.target) : [];
      const all = [...members, ...extra];
      waves.push({
        kabupaten: plan.kabupaten,
        nama: wave.nama,
        tahun: wave.tahun,
        target: wave.target,
        members: all.map((p) => p.kode),
        basis: wave.basis,
        note: wave.note,
      });
      all.forEach((p, i) => {
        const implemented = i < wave.reached;
        // Steps 3–8 weeks apart from a start in January–February of the wave's year (dates strictly increase).
        let day = Date.UTC(wave.tahun, 0, 2) + Math.floor(random() * 55) * DAY;
        const steps: [IlpStageCode, string][] = [
          ['persiapan', 'Sosialisasi dan inventarisasi (simulasi)'],
          ['lokus_ditetapkan', `SK lokus ILP ${wave.nama} ${wave.tahun} (simulasi)`],
          ['orientasi', 'Orientasi kepala puskesmas dan staf (simulasi)'],
          ['launching', 'Launching ILP (simulasi)'],
        ];
        if (implemented) steps.push(['implementasi', 'Layanan klaster berjalan, PWS dan Lokmin bulanan (simulasi)']);
        for (const [stage, evidence] of steps) {
          stageEvents.push({ puskesmas: p.kode, stage, date: new Date(day).toISOString().slice(0, 10), evidence });
          day += (21 + Math.floor(random() * 36)) * DAY;
        }
      });
    }
    // Some of the rest are preparing for next year.
    for (const p of queue) {
      if (random() < 0.3)
        stageEvents.push({
          puskesmas: p.kode,
          stage: 'persiapan',
          date: `2026-${pad(2 + Math.floor(random() * 6))}-${pad(1 + Math.floor(random() * 27))}`,
          evidence: 'Sosialisasi ILP (simulasi)',
        });
    }
  }

  const readinessForm = new Map<string, Partial<Record<ReadinessItemCode, boolean>>>();
  const formItems = READINESS_ITEMS.filter((i) => i.source === 'form');
  const inPlans = new Set(ROLLOUT_PLANS.map((p) => p.kabupaten));
  for (const p of puskesmas) {
    if (!inPlans.has(p.kabupaten)) continue;
    const random = rng(`${seed}|readiness|${p.kode}`);
    const joined = stageEvents.some((e) => e.puskesmas === p.kode && e.stage === 'launching');
    const level = joined ? 0.85 : 0.35 + random() * 0.4;
    readinessForm.set(p.kode, Object.fromEntries(formItems.map((i) => [i.code, random() < level])));
  }

  const pustu: PustuRecord[] = [];
  const posyandu: PosyanduRecord[] = [];
  for (const kode of desa) {
    if (!inPlans.has(ancestorAt(kode, 'kabupaten') ?? '')) continue;
    const random = rng(`${seed}|faskes|${kode}`);
    if (random() < 0.78)
      pustu.push({
        kodeDesa: kode,
        perawat: random() < 0.85 ? 1 + Math.floor(random() * 2) : 0,
        bidan: random() < 0.8 ? 1 : 0,
      });
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      const kader = 5;
      posyandu.push({
        kodeDesa: kode,
        sk: random() < 0.7,
        kader,
        kaderTersertifikasi: Math.floor(random() * (kader + 1)),
      });
    }
  }
  return { waves, stageEvents, readinessForm, pustu, posyandu };
}
