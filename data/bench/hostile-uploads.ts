// Hostile uploads against a running server (issue 14, items 3 and 4), one case at a time, while /api/health is asked
// every 250 ms and the server's RSS is read from /proc:
//   BASE_URL=http://127.0.0.1:3000 BENCH_USER=admin BENCH_PASSWORD=… pnpm --filter @peta/data bench:hostile
// BENCH_USER must be allowed to import and plan (the demo admin). SERVER_PID names the server process when it is not
// the one listening on BASE_URL's port; CASES=xlsx-1m,csv-1m-cols picks cases. Prints per case: the answer, the time
// to it, the slowest /api/health answer and how many took over 1 s (or failed), the peak and the settled RSS.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { bombXlsx, denseXlsx, longCsv, longXlsx, sparseXlsx, wideCsv } from '@peta/server-core/testing/hostile-files';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const port = Number(new URL(base).port || 80);
const HEALTH_EVERY_MS = 250;
const CASE_TIMEOUT_MS = 300_000;
/** "RSS after" is read this long after the last answer (garbage collection returns memory in its own time). */
const SETTLE_MS = 15_000;

// ---- the server process: SERVER_PID, or the process holding BASE_URL's listening socket
function listeningPid(): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A') inodes.add(f[9]!);
    }
  }
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      }
    } catch {
      /* gone or not ours */
    }
  }
  throw new Error(`Tidak ada proses yang mendengarkan port ${port}; set SERVER_PID.`);
}
const serverPid = Number(process.env.SERVER_PID ?? listeningPid());
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// ---- a signed-in session that may write
async function signIn(): Promise<Record<string, string>> {
  const username = process.env.BENCH_USER ?? 'admin';
  const password = process.env.BENCH_PASSWORD ?? process.env.DEMO_PASSWORD;
  if (!password) throw new Error('Set BENCH_PASSWORD (kata sandi akun contoh dari `pnpm start`).');
  const res = await fetch(`${base}/api/auth/masuk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`Gagal masuk sebagai ${username}: HTTP ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
}
const session = await signIn();

// ---- samplers
function sampleHealth() {
  const samples: { ms: number; ok: boolean }[] = [];
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    const started = performance.now();
    pending.push(
      fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) })
        .then(
          async (res) => {
            await res.arrayBuffer();
            return res.ok;
          },
          () => false,
        )
        .then((ok) => {
          samples.push({ ms: performance.now() - started, ok });
        }),
    );
  }, HEALTH_EVERY_MS);
  return async () => {
    clearInterval(timer);
    await Promise.all(pending);
    return {
      max: Math.max(0, ...samples.map((x) => x.ms)),
      late: samples.filter((x) => !x.ok || x.ms > 1000).length,
      samples: samples.length,
    };
  };
}
function sampleRss() {
  let peak = rssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb());
  };
}

interface Answer {
  status: number;
  ms: number;
  what: string;
}
async function upload(path: string, body: Buffer): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(base + path, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: { ...session, 'content-type': 'application/octet-stream' },
      signal: AbortSignal.timeout(CASE_TIMEOUT_MS),
    });
    const text = await res.text();
    let what = text.slice(0, 120);
    try {
      const json = JSON.parse(text) as {
        status?: string;
        message?: string;
        errors?: { message: string }[];
        errorCount?: number;
        warningCount?: number;
      };
      what = json.errors?.length
        ? `${json.status}: ${json.errors[0]!.message}`
        : json.status
          ? `${json.status}${json.warningCount ? `, ${json.warningCount} peringatan` : ''}`
          : (json.message ?? what);
      if (res.headers.get('retry-after')) what += ` (Retry-After ${res.headers.get('retry-after')})`;
    } catch {
      /* not JSON */
    }
    return { status: res.status, ms: performance.now() - started, what };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, what: (error as Error).message };
  }
}
async function get(path: string): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(base + path, { headers: session, signal: AbortSignal.timeout(CASE_TIMEOUT_MS) });
    const body = await res.arrayBuffer();
    return {
      status: res.status,
      ms: performance.now() - started,
      what: res.ok
        ? `${res.headers.get('content-type')} ${(body.byteLength / 1024).toFixed(0)} KB`
        : Buffer.from(body).toString('utf8').slice(0, 120),
    };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, what: (error as Error).message };
  }
}

// Chromium processes under the server (item 4): descendants of its pid whose command is chromium.
function chromiumUnderServer(): number {
  const parent = new Map<number, number>();
  const isChromium = new Set<number>();
  for (const pid of readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (/chrom/i.test(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) isChromium.add(pid);
    } catch {
      /* gone */
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === serverPid) return true;
    return false;
  };
  return [...isChromium].filter(under).length;
}

// ---- the cases
type Run = () => Promise<Answer[]>;
const preview =
  (name: string, file: () => Buffer | Promise<Buffer>, times = 1): Run =>
  async () => {
    const bytes = await file();
    return Promise.all(
      Array.from({ length: times }, () => upload(`/api/impor/pratinjau?berkas=${encodeURIComponent(name)}`, bytes)),
    );
  };
/**
 * A real, valid long-format file of up to `rows` rows: every desa of Labuhanbatu × indicators with an annual sasaran ×
 * months from 2026-10 backwards.
 */
async function validLongCsv(rows: number): Promise<Buffer> {
  const json = async <T>(path: string) => (await (await fetch(base + path, { headers: session })).json()) as T;
  const desa: string[] = [];
  for (const k of await json<{ kode: string }[]>('/api/wilayah/12.10/children')) {
    desa.push(...(await json<{ kode: string }[]>(`/api/wilayah/${k.kode}/children`)).map((d) => d.kode));
  }
  const indicators = (await json<{ code: string; denominator: { kind: string } }[]>('/api/indikator'))
    .filter((i) => i.denominator.kind === 'sasaran')
    .map((i) => i.code);
  const lines = ['kode_wilayah,periode,indikator,pembilang,penyebut'];
  for (let back = 0; lines.length <= rows; back++) {
    const month = 2026 * 12 + 9 - back;
    const period = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    for (const indicator of indicators)
      for (const kode of desa) {
        if (lines.length <= rows) lines.push(`${kode},${period},${indicator},${(back * 7 + kode.length) % 9},`);
      }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}
/** A meeting of Bilah Hulu (24 desa: a 28-page pack), created when there is none. */
async function aMeeting(): Promise<number | null> {
  const res = await fetch(`${base}/api/rapat?wilayah=12.10.09`, { headers: session });
  const list = res.ok ? ((await res.json()) as { id: number }[]) : [];
  if (list[0]) return list[0].id;
  const created = await fetch(`${base}/api/rapat`, {
    method: 'POST',
    headers: { ...session, 'content-type': 'application/json' },
    body: JSON.stringify({
      jenis: 'lokmin_bulanan',
      tanggal: '2026-11-10',
      wilayah: '12.10.09',
      periode: '2026-01..2026-10',
    }),
  });
  return created.ok ? ((await created.json()) as { id: number }).id : null;
}

const CASES: [string, string, Run][] = [
  ['valid', 'valid long-format CSV, 10,000 rows (reference)', preview('valid.csv', () => validLongCsv(10_000))],
  [
    'valid-200k',
    'valid long-format CSV, 199,999 rows + header (at the row limit)',
    preview('valid-200k.csv', () => validLongCsv(199_999)),
  ],
  ['xlsx-1m', '.xlsx, 1,048,576 rows', preview('sejuta-baris.xlsx', () => longXlsx(1_048_575))],
  ['xlsx-1m-x2', 'the same .xlsx twice at once', preview('sejuta-baris.xlsx', () => longXlsx(1_048_575), 2)],
  ['csv-1m', 'CSV, 1,000,000 rows', preview('sejuta-baris.csv', () => longCsv(1_000_000))],
  ['csv-1m-cols', 'CSV, 1,000,000 columns', preview('sejuta-kolom.csv', () => wideCsv(1_000_000))],
  ['xlsx-dense', '.xlsx, 311 KB: 200,000 rows × 20 cells', preview('padat.xlsx', () => denseXlsx(200_000, 20))],
  ['xlsx-sparse', '.xlsx, A1 and XFD1048576', preview('jarang.xlsx', sparseXlsx)],
  ['xlsx-bomb', '.xlsx, 1 GB sheet (1 MB zip)', preview('bom.xlsx', () => bombXlsx(1024))],
  ['xlsx-bomb-lying', '.xlsx, 1 GB sheet declared as 1 KB', preview('bom-bohong.xlsx', () => bombXlsx(1024, 1024))],
  [
    'wk-csv-1m',
    'wilayah kerja CSV, 1,000,000 rows',
    async () => {
      const lines = ['kode_puskesmas,nama,kode_desa'];
      for (let i = 0; i < 1_000_000; i++) lines.push(`1010453,PUSKESMAS ${i % 100},12.10.09.${2001 + (i % 24)}`);
      return [
        await upload('/api/wilayah-kerja/pratinjau?kabupaten=12.10&mulai=2026-12-01', Buffer.from(lines.join('\n'))),
      ];
    },
  ],
  ['flood', '10 parallel 1M-row CSVs', preview('sejuta-baris.csv', () => longCsv(1_000_000), 10)],
  [
    'pdf-50',
    '50 parallel meeting packs (pack.pdf)',
    async () => {
      const id = await aMeeting();
      if (id === null) return [{ status: 0, ms: 0, what: 'rapat 12.10.09 tidak dapat dibuat' }];
      let peakChromium = 0;
      const timer = setInterval(() => {
        peakChromium = Math.max(peakChromium, chromiumUnderServer());
      }, 250);
      const answers = await Promise.all(Array.from({ length: 50 }, () => get(`/api/rapat/${id}/paket.pdf`)));
      clearInterval(timer);
      console.log(`    peak Chromium processes under the server: ${peakChromium}`);
      return answers;
    },
  ],
];

const only = process.env.CASES?.split(',');
const mb = (n: number) => `${n.toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`server pid ${serverPid}, RSS ${mb(rssMb())}`);
console.log('| case | answer | time to answer | max /api/health | health > 1 s | peak RSS | RSS 15 s after |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const [key, label, run] of CASES) {
  if (only && !only.includes(key)) continue;
  const stopHealth = sampleHealth();
  const stopRss = sampleRss();
  const answers = await run();
  const health = await stopHealth();
  const peak = stopRss();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const statuses = new Map<string, number>();
  for (const a of answers) statuses.set(`${a.status} ${a.what}`, (statuses.get(`${a.status} ${a.what}`) ?? 0) + 1);
  const answer = [...statuses]
    .map(([k, n]) => (n > 1 ? `${n}× ${k}` : k))
    .join('; ')
    .replace(/\|/g, '/');
  const slowest = Math.max(...answers.map((a) => a.ms));
  console.log(
    `| ${label} | ${answer} | ${s(slowest)} | ${s(health.max)} | ${health.late}/${health.samples} | ${mb(peak)} | ${mb(rssMb())} |`,
  );
}
