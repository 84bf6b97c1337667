// Accounts and scope (issue 9): every write route is tried by people who may not do it — nobody signed in, a
// signed-in user without the CSRF token, a viewer, and users of another scope — and must answer 401/403 with a
// message and change nothing. Then the same kinds of writes by the right people succeed, so the checks are not
// simply refusing everyone. The list of write routes comes from the app itself: a new write route without a case
// here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@peta/db';
import { createUser } from '@peta/server-core';
import { seedPuskesmas } from '@peta/server-core/testing';
import { isWrite } from '../src/auth/access.ts';
import { OLD_PATHS } from '../src/plugins/old-names.ts';
import { loadTinyValues } from './fixtures/tiny-values.ts';
import { SATU, MAU, DUA, TIGA } from './fixtures/tiny-wilayah.ts';
import { clearMeetingsAndRollout, dropPuskesmasUsers, signIn, useApp, type TestUser } from './helper.ts';

async function seed(database: Database) {
  await loadTinyValues(database);
  await clearMeetingsAndRollout(database);
  await seedPuskesmas(
    database,
    [
      { kode: 'P1', nama: 'Puskesmas Satu', desa: [MAU, DUA] },
      { kode: 'P2', nama: 'Puskesmas Dua', desa: [TIGA, '99.01.02.2002'] },
    ],
    { confirmed: false },
  );
}

const ctx = useApp(seed);
// The other files clear the puskesmas table: the puskesmas users made here (pointing at P1/P2) go first.
afterAll(() => dropPuskesmasUsers(ctx.database));
const who = {} as Record<
  'viewer' | 'dinkesLain' | 'dinkes' | 'pkm1' | 'pkm2' | 'camatDua' | 'camatSatu' | 'kadesTiga' | 'kadesMau',
  TestUser
>;
const ids = {} as {
  meeting: number;
  action: number;
  wave: number;
  load: number;
  preview: string;
  user: number;
  profile: number;
};

const LONG_CSV = (rows: [string, number][]) =>
  `kode_wilayah,periode,indikator,pembilang,penyebut\n${rows.map(([k, n]) => `${k},2026-09,KIA_K1,${n},`).join('\n')}\n`;

async function as(user: TestUser | null, method: string, url: string, payload?: unknown, type = 'application/json') {
  const headers: Record<string, string> = { ...(user?.headers ?? {}) };
  if (payload !== undefined) headers['content-type'] = type;
  const res = await ctx.app.inject({ method: method as 'POST', url, headers, payload: payload as string });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

beforeAll(async () => {
  const { app, database } = ctx;
  who.viewer = await signIn(app, database, 'viewer');
  who.dinkes = await signIn(app, database, 'dinkes_kabupaten', { kode: '99.01' });
  who.pkm1 = await signIn(app, database, 'puskesmas', { puskesmas: 'P1' });
  who.pkm2 = await signIn(app, database, 'puskesmas', { puskesmas: 'P2' });
  who.camatSatu = await signIn(app, database, 'camat', { kode: SATU });
  who.camatDua = await signIn(app, database, 'camat', { kode: '99.01.02' });
  who.kadesMau = await signIn(app, database, 'kepala_desa', { kode: MAU });
  who.kadesTiga = await signIn(app, database, 'kepala_desa', { kode: TIGA });
  // A dinkes of another kabupaten (98.01): the tiny fixture has one kabupaten, so this user is written directly.
  await database.pool.query(
    `insert into app_user (username, nama, role, scope_kode, password_hash, created_by)
    select 'dinkes-lain-' || $1, 'Dinkes lain', 'dinkes_kabupaten', '98.01', password_hash, 'uji' from app_user where username = $2`,
    [process.pid, who.dinkes.username],
  );
  const lain = await app.inject({
    method: 'POST',
    url: '/api/auth/masuk',
    payload: { username: `dinkes-lain-${process.pid}`, password: 'kata-sandi-uji-panjang' },
  });
  who.dinkesLain = {
    username: `dinkes-lain-${process.pid}`,
    headers: { cookie: `peta_sesi=${lain.cookies[0]!.value}`, 'x-csrf-token': lain.json().csrfToken },
  };

  // What the writes act on, made by the admin.
  const meeting = await as(ctx.admin, 'POST', '/api/rapat', {
    jenis: 'lokmin_bulanan',
    tanggal: '2026-10-05',
    wilayah: SATU,
    periode: '2026-09',
  });
  ids.meeting = meeting.body.id;
  ids.action = (
    await as(ctx.admin, 'POST', `/api/rapat/${ids.meeting}/tindak-lanjut`, {
      desaKode: MAU,
      indicator: 'KIA_K1',
      apa: 'Sweeping K1',
      siapa: 'Bidan',
    })
  ).body.id;
  ids.wave = (
    await as(ctx.admin, 'POST', '/api/gelombang', {
      kabupaten: '99.01',
      nama: 'Gelombang uji',
      tahun: 2027,
      target: 1,
      members: [{ kode: 'P1' }],
    })
  ).body.id;
  const preview = await as(ctx.admin, 'POST', '/api/impor/pratinjau?berkas=a.csv', LONG_CSV([[MAU, 7]]), 'text/csv');
  ids.load = (await as(ctx.admin, 'POST', `/api/impor/${preview.body.previewId}/simpan`)).body.loadId;
  ids.preview = (
    await as(ctx.admin, 'POST', '/api/impor/pratinjau?berkas=b.csv', LONG_CSV([[MAU, 9]]), 'text/csv')
  ).body.previewId;
  ids.user = (
    await createUser(database, {
      username: `korban-${process.pid}`,
      nama: 'Korban',
      role: 'viewer',
      password: 'kata-sandi-korban-1',
      createdBy: 'uji',
    })
  ).id;
  ids.profile = (
    await as(ctx.admin, 'POST', '/api/profil-impor', {
      versi: 1,
      nama: 'Profil akses',
      kabupaten: '99.01',
      barisJudul: 1,
      desa: { kolom: 'Desa', isi: 'nama' },
      periode: { kolom: 'Bulan' },
      nilai: [{ kolom: 'K1', peran: 'pembilang', indikator: 'KIA_K1' }],
    })
  ).body.id;
  expect([ids.meeting, ids.action, ids.wave, ids.load, ids.user, ids.profile].every((n) => Number.isInteger(n))).toBe(
    true,
  );
  expect(ids.preview).toMatch(/^[0-9a-f-]{36}$/);
});

interface Case {
  method: string;
  url: () => string;
  payload?: () => unknown;
  type?: string;
  /** Signed-in users who must get 403 for this write. */
  refused: (keyof typeof who)[];
}

// One case per write route; the payload is one the admin could send with success.
const CASES: Record<string, Case> = {
  'POST /api/impor/pratinjau': {
    method: 'POST',
    url: () => '/api/impor/pratinjau?berkas=c.csv',
    payload: () => LONG_CSV([[MAU, 11]]),
    type: 'text/csv',
    refused: ['viewer', 'camatSatu', 'kadesMau'],
  },
  'POST /api/impor/:id/simpan': {
    method: 'POST',
    url: () => `/api/impor/${ids.preview}/simpan`,
    refused: ['viewer', 'camatSatu', 'kadesMau'],
  },
  'POST /api/impor/:id/baca-ulang': {
    method: 'POST',
    url: () => `/api/impor/${ids.preview}/baca-ulang`,
    payload: () => ({ lembar: 'Sheet1' }),
    refused: ['viewer', 'camatSatu', 'kadesMau'],
  },
  'POST /api/impor/isian': {
    method: 'POST',
    url: () => '/api/impor/isian',
    payload: () => ({
      period: '2026-09',
      area: SATU,
      cells: [
        {
          kode: MAU,
          indicator: 'KIA_K1',
          numerator: '5',
          denominator: '',
          base: { numerator: null, denominator: null },
        },
      ],
    }),
    refused: ['viewer', 'camatSatu', 'kadesMau'],
  },
  'POST /api/profil-impor': {
    method: 'POST',
    url: () => '/api/profil-impor',
    payload: () => ({ nama: 'Profil uji', kabupaten: '99.01' }),
    refused: ['viewer', 'camatSatu', 'kadesMau'],
  },
  'DELETE /api/profil-impor/:id': {
    method: 'DELETE',
    url: () => `/api/profil-impor/${ids.profile}`,
    refused: ['viewer', 'camatSatu', 'kadesMau'],
  },
  'POST /api/impor/:id/batalkan': {
    method: 'POST',
    url: () => `/api/impor/${ids.load}/batalkan`,
    refused: ['viewer', 'dinkesLain', 'pkm2', 'camatSatu'],
  },
  'POST /api/rapat': {
    method: 'POST',
    url: () => '/api/rapat',
    payload: () => ({ jenis: 'lokmin_bulanan', tanggal: '2026-10-06', wilayah: SATU, periode: '2026-09' }),
    refused: ['viewer', 'dinkesLain', 'pkm2', 'camatDua', 'kadesMau'],
  },
  'POST /api/rapat/:id/catatan': {
    method: 'POST',
    url: () => `/api/rapat/${ids.meeting}/catatan`,
    payload: () => ({ itemKey: 'ringkasan', text: 'catatan' }),
    refused: ['viewer', 'dinkesLain', 'pkm2', 'camatDua', 'kadesTiga'],
  },
  'POST /api/rapat/:id/tindak-lanjut': {
    method: 'POST',
    url: () => `/api/rapat/${ids.meeting}/tindak-lanjut`,
    payload: () => ({ desaKode: DUA, indicator: 'KIA_K1', apa: 'Kunjungan rumah', siapa: 'Kader' }),
    refused: ['viewer', 'dinkesLain', 'pkm2', 'camatDua', 'kadesMau'],
  },
  'PATCH /api/tindak-lanjut/:id': {
    method: 'PATCH',
    url: () => `/api/tindak-lanjut/${ids.action}`,
    payload: () => ({ status: 'selesai' }),
    refused: ['viewer', 'dinkesLain', 'pkm2', 'camatDua', 'kadesTiga'],
  },
  'POST /api/wilayah-kerja/pindah': {
    method: 'POST',
    url: () => '/api/wilayah-kerja/pindah',
    payload: () => ({ desa: DUA, puskesmas: 'P2', mulai: '2026-11-01' }),
    refused: ['viewer', 'dinkesLain', 'pkm1', 'camatSatu'],
  },
  'POST /api/wilayah-kerja/pratinjau': {
    method: 'POST',
    url: () => '/api/wilayah-kerja/pratinjau?kabupaten=99.01&mulai=2026-11-01',
    payload: () => `kode_puskesmas,nama,kode_desa\nP2,Puskesmas Dua,${DUA}\n`,
    type: 'text/csv',
    refused: ['viewer', 'dinkesLain', 'pkm1', 'camatSatu'],
  },
  'POST /api/wilayah-kerja/simpan': {
    method: 'POST',
    url: () => '/api/wilayah-kerja/simpan?kabupaten=99.01&mulai=2026-11-01',
    payload: () => `kode_puskesmas,nama,kode_desa\nP2,Puskesmas Dua,${DUA}\n`,
    type: 'text/csv',
    refused: ['viewer', 'dinkesLain', 'pkm1', 'camatSatu'],
  },
  'POST /api/puskesmas/:kode/tahap': {
    method: 'POST',
    url: () => '/api/puskesmas/P1/tahap',
    payload: () => ({ stage: 'persiapan', date: '2026-10-01' }),
    refused: ['viewer', 'dinkesLain', 'pkm1', 'camatSatu'],
  },
  'POST /api/gelombang': {
    method: 'POST',
    url: () => '/api/gelombang',
    payload: () => ({ kabupaten: '99.01', nama: 'G2', year: 2028, target: 1, members: [] }),
    refused: ['viewer', 'dinkesLain', 'pkm1', 'camatSatu'],
  },
  'PUT /api/gelombang/:id': {
    method: 'PUT',
    url: () => `/api/gelombang/${ids.wave}`,
    payload: () => ({ kabupaten: '99.01', nama: 'Diubah', tahun: 2027, target: 2, members: [] }),
    refused: ['viewer', 'dinkesLain', 'pkm1', 'camatSatu'],
  },
  'PUT /api/puskesmas/:kode/kesiapan': {
    method: 'PUT',
    url: () => '/api/puskesmas/P1/kesiapan',
    payload: () => ({ answers: { alur_layanan: true } }),
    refused: ['viewer', 'dinkesLain', 'pkm2', 'camatSatu'],
  },
  'PUT /api/desa/:kode/fasilitas': {
    method: 'PUT',
    url: () => `/api/desa/${MAU}/fasilitas`,
    payload: () => ({ pustu: [{ nama: "Pustu Ma'u", perawat: 1, bidan: 1 }], posyandu: [] }),
    refused: ['viewer', 'dinkesLain', 'pkm2', 'camatSatu', 'kadesMau'],
  },
  'POST /api/pengguna': {
    method: 'POST',
    url: () => '/api/pengguna',
    payload: () => ({ username: 'baru-sekali', nama: 'Baru', role: 'viewer' }),
    refused: ['viewer', 'dinkes', 'pkm1', 'camatSatu'],
  },
  'PATCH /api/pengguna/:id': {
    method: 'PATCH',
    url: () => `/api/pengguna/${ids.user}`,
    payload: () => ({ role: 'admin', scopeKode: '' }),
    refused: ['viewer', 'dinkes', 'pkm1', 'camatSatu'],
  },
  'POST /api/pengguna/:id/reset-sandi': {
    method: 'POST',
    url: () => `/api/pengguna/${ids.user}/reset-sandi`,
    refused: ['viewer', 'dinkes', 'pkm1', 'camatSatu'],
  },
};
// Sign-in, sign-out and one's own password are every signed-in user's own business (tested below).
const OWN = ['POST /api/auth/masuk', 'POST /api/auth/keluar', 'POST /api/auth/sandi'];

/** Everything a write could change, as one comparable value. */
async function snapshot(database: Database) {
  const tables = [
    'data_load',
    'import_profile',
    'indicator_value',
    'indicator_value_history',
    'import_preview',
    'meeting',
    'meeting_note',
    'meeting_action',
    'meeting_action_change',
    'rollout_event',
    'puskesmas_wilayah',
    'puskesmas',
    'ilp_stage',
    'ilp_wave',
    'ilp_wave_member',
    'readiness_answer',
    'pustu',
    'posyandu',
  ];
  const out: Record<string, string> = {};
  for (const t of tables)
    out[t] = (
      await database.pool.query(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${t} x`)
    ).rows[0].h;
  out.app_user = (
    await database.pool.query(
      `select md5(string_agg(concat_ws(',', id, role, scope_kode, aktif, password_hash), '|' order by id)) as h from app_user`,
    )
  ).rows[0].h;
  return out;
}

describe('every write route', () => {
  it('has a case here', () => {
    // An old path is the same route as its new one (same handler and access: route-access.test.ts), so no case of its own.
    const oldPaths = new Set(Object.values(OLD_PATHS).flat());
    const routes = ctx.app.apiRoutes
      .filter((r) => isWrite(r.method) && !oldPaths.has(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !OWN.includes(r)).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: refused without a session, without the CSRF token, and for ${c.refused.join(', ')} — nothing changes`, async () => {
      const before = await snapshot(ctx.database);
      const send = (user: TestUser | null, headers?: Record<string, string>) =>
        as(user ? { ...user, headers: headers ?? user.headers } : null, c.method, c.url(), c.payload?.(), c.type);

      const anonymous = await send(null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ code: 'SIGN_IN_REQUIRED', message: 'Silakan masuk terlebih dahulu.' });

      const noCsrf = await send(ctx.admin, { cookie: ctx.admin.headers.cookie! });
      expect(noCsrf.status).toBe(403);
      expect(noCsrf.body.code).toBe('CSRF');
      const wrongCsrf = await send(ctx.admin, { ...ctx.admin.headers, 'x-csrf-token': 'salah' });
      expect(wrongCsrf.body.code).toBe('CSRF');
      const crossSite = await send(ctx.admin, { ...ctx.admin.headers, origin: 'https://situs-lain.example' });
      expect(crossSite.body.code).toBe('CROSS_SITE');

      for (const key of c.refused) {
        const res = await send(who[key]);
        // An import preview outside the scope is a refused file (every row an error), not a refused request.
        if (name === 'POST /api/impor/pratinjau' && res.status === 200)
          throw new Error('preview should have been refused');
        expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBe(403);
        expect(['FORBIDDEN', 'OUT_OF_SCOPE']).toContain(res.body.code);
        expect(res.body.message).toMatch(/tidak berwenang/);
      }
      // The same through a spelling the router decodes to this route (issue 14): the same answers, in the audit log.
      const odd = c.url().replace(/^\/api\//, '/%61pi/');
      expect((await as(null, c.method, odd, c.payload?.(), c.type)).status).toBe(401);
      const refusedOdd = await as(who[c.refused[0]!], c.method, odd, c.payload?.(), c.type);
      expect([403, 200]).toContain(refusedOdd.status);
      if (refusedOdd.status === 200) expect(refusedOdd.body.status).toBe('invalid');
      const logged = await ctx.database.pool.query(`select status from audit_log where path = $1 order by id`, [odd]);
      expect(logged.rows.slice(-2).map((r) => r.status)).toEqual([401, refusedOdd.status]);
      expect(await snapshot(ctx.database)).toEqual(before);
    });
  }
});

describe('the right people may', () => {
  it("a puskesmas imports rows of its own desa; a row of another puskesmas' desa refuses the whole file", async () => {
    const mixed = await as(
      who.pkm1,
      'POST',
      '/api/impor/pratinjau?berkas=campur.csv',
      LONG_CSV([
        [MAU, 12],
        [TIGA, 1],
      ]),
      'text/csv',
    );
    expect(mixed.status).toBe(200);
    expect(mixed.body.status).toBe('invalid');
    expect(mixed.body.errors).toEqual([
      {
        row: 3,
        column: null,
        code: 'KODE_OUT_OF_SCOPE',
        message: `Anda tidak berwenang mengimpor data untuk wilayah ${TIGA}: di luar wilayah Anda (wilayah kerja Puskesmas Satu).`,
      },
    ]);
    expect(mixed.body.previewId).toBeNull();
    const own = await as(
      who.pkm1,
      'POST',
      '/api/impor/pratinjau?berkas=sendiri.csv',
      LONG_CSV([[MAU, 12]]),
      'text/csv',
    );
    expect(own.body.status).toBe('preview');
    // Another puskesmas may not commit P1's preview: the commit re-checks against the committer's scope.
    const byOther = await as(who.pkm2, 'POST', `/api/impor/${own.body.previewId}/simpan`);
    expect(byOther.status).toBe(422);
    expect(byOther.body.errors[0].code).toBe('KODE_OUT_OF_SCOPE');
    const commit = await as(who.pkm1, 'POST', `/api/impor/${own.body.previewId}/simpan`);
    expect(commit.body.status).toBe('imported');
    const history = await as(ctx.admin, 'GET', '/api/impor?limit=1');
    expect(history.body[0]).toMatchObject({ kind: 'import', oleh: who.pkm1.username });
  });

  it("a puskesmas fills its own readiness checklist and its desa's Pustu and Posyandu, not another's", async () => {
    expect((await as(who.pkm1, 'PUT', '/api/puskesmas/P1/kesiapan', { answers: { alur_layanan: true } })).status).toBe(
      200,
    );
    const facilities = {
      pustu: [],
      posyandu: [{ nama: 'Mawar', lokasi: 'Dusun I', sk: true, kader: 5, kaderTersertifikasi: 2 }],
    };
    expect((await as(who.pkm1, 'PUT', `/api/desa/${DUA}/fasilitas`, facilities)).status).toBe(200);
    expect((await as(who.pkm1, 'PUT', `/api/desa/${TIGA}/fasilitas`, facilities)).body.code).toBe('OUT_OF_SCOPE');
    expect(
      (await as(who.pkm1, 'PUT', '/api/puskesmas/P2/kesiapan', { answers: { alur_layanan: true } })).body.code,
    ).toBe('OUT_OF_SCOPE');
  });

  it('a kepala desa records an action for their desa in the kecamatan meeting; a camat runs the meeting', async () => {
    const action = await as(who.kadesMau, 'POST', `/api/rapat/${ids.meeting}/tindak-lanjut`, {
      desaKode: MAU,
      indicator: 'KIA_K1',
      apa: 'Posyandu keliling',
      siapa: 'Kader',
    });
    expect(action.status).toBe(201);
    expect(action.body.oleh).toBe(who.kadesMau.username);
    const meeting = await as(who.camatSatu, 'POST', '/api/rapat', {
      jenis: 'lintas_sektor',
      tanggal: '2026-10-07',
      wilayah: SATU,
      periode: '2026-09',
    });
    expect(meeting.status).toBe(201);
    expect(
      (
        await as(who.camatSatu, 'POST', `/api/rapat/${meeting.body.id}/catatan`, {
          itemKey: 'ringkasan',
          text: 'Disepakati',
        })
      ).status,
    ).toBe(201);
  });

  it('the dinkes of the kabupaten moves a desa; the audit log has the write with who and the result', async () => {
    const moved = await as(who.dinkes, 'POST', '/api/wilayah-kerja/pindah', {
      desa: DUA,
      puskesmas: 'P2',
      mulai: '2026-11-01',
    });
    expect(moved.status).toBe(200);
    const audit = await as(ctx.admin, 'GET', `/api/audit?username=${who.dinkes.username}&limit=5`);
    expect(audit.body[0]).toMatchObject({
      action: 'tulis',
      method: 'POST',
      path: '/api/wilayah-kerja/pindah',
      status: 200,
      username: who.dinkes.username,
    });
    const refused = await as(ctx.admin, 'GET', `/api/audit?username=${who.viewer.username}&limit=100`);
    expect(
      refused.body.some(
        (e: { status: number; path: string }) => e.status === 403 && e.path === '/api/wilayah-kerja/pindah',
      ),
    ).toBe(true);
  });
});
