// Load on the values route: N concurrent clients for D seconds against a running server, each asking for a
// random indicator × period × parent from the demo region (so caches do not flatter the figure):
//   BASE_URL=http://127.0.0.1:3000 BENCH_USER=pembaca BENCH_PASSWORD=… CLIENTS=100 SECONDS=60 pnpm bench:load
// Prints requests, throughput, p50/p95/p99 latency and errors (anything but HTTP 200).
import { benchFetch } from './bench-session.ts';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const clients = Number(process.env.CLIENTS ?? 100);
const seconds = Number(process.env.SECONDS ?? 60);

const indicators = ((await (await benchFetch('/api/indikator')).json()) as { code: string; hasData?: boolean }[])
  .filter((i) => i.hasData)
  .map((i) => i.code);
const provinces = ((await (await benchFetch('/api/meta')).json()) as { desaProvinsi: string[] }).desaProvinsi;
const parents: (string | null)[] = [null, ...provinces];
for (const p of provinces) {
  const kab = (await (await benchFetch(`/api/wilayah/${p}/children`)).json()) as { kode: string }[];
  parents.push(...kab.map((k) => k.kode));
  for (const k of kab.slice(0, 3)) {
    const kec = (await (await benchFetch(`/api/wilayah/${k.kode}/children`)).json()) as { kode: string }[];
    parents.push(...kec.map((c) => c.kode));
  }
}
const periods = ['2026-10', '2026-Q3', '2026', '2026-01..2026-10', '2025', '2025-Q4', '2025-06'];
const any = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;

const latencies: number[] = [];
const errors = new Map<string, number>();
const deadline = performance.now() + seconds * 1000;
async function client() {
  while (performance.now() < deadline) {
    const parent = any(parents);
    const url = `/api/nilai?indikator=${any(indicators)}&periode=${any(periods)}${parent ? `&wilayah=${parent}` : ''}`;
    const started = performance.now();
    try {
      const res = await benchFetch(url, { 'accept-encoding': 'gzip' });
      await res.arrayBuffer();
      if (res.status !== 200) errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1);
      else latencies.push(performance.now() - started);
    } catch (error) {
      const key = (error as Error).message;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  }
}
console.log(
  `${clients} clients × ${seconds} s on ${base} (${indicators.length} indicators × ${periods.length} periods × ${parents.length} parents)`,
);
await Promise.all(Array.from({ length: clients }, client));
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(0) ?? '-';
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
console.log(
  `requests ${latencies.length + errorCount}, ${(latencies.length / seconds).toFixed(0)}/s; p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms; errors ${errorCount}`,
);
for (const [k, v] of errors) console.log(`  ${v} × ${k}`);
