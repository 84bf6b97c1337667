// Accounts scoped by wilayah (issue 9, "Done when") in real Chromium against the real server: the admin signs in
// through the form, creates a puskesmas account and a camat account on the "Pengguna" page and reads their temporary
// passwords (shown once); each of them signs in through the form, must change the password first, lands on Kecamatan
// Bilah Hulu, and cannot change anything elsewhere (the page says so; a direct write answers 403 and changes
// nothing). An anonymous visitor sees the sign-in page and the API refuses to read.
// Screenshots: /tmp/e2e-shots/accounts-*.png (and artifacts/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSummary, PuskesmasDetail, PuskesmasList, User, WilayahChild } from '@peta/domain/contract';
import { launchBrowser, openPage, type Browser, type Page } from './helpers/browser.ts';
import { signInFetch, useAppServer, type AppServer } from './helpers/app-server.ts';
import { ARTIFACTS } from './helpers/driver.ts';
import { fetchInPage, openPageAs, signInWithForm } from './helpers/session.ts';

const BILAH_HULU = '12.10.09';
const LABUHANBATU = '12.10';
const SHOTS = '/tmp/e2e-shots';
// A new name per run: the test also passes against a kept server (PETA_E2E_URL).
const RUN = Date.now().toString(36).slice(-5);
const PKM_USER = `pkm.uji${RUN}`;
const CAMAT_USER = `camat.uji${RUN}`;
const NEW_PASSWORD = 'sungai-bilah-mengalir-2026';

let server: AppServer;
let browser: Browser;
/** Another kecamatan of Labuhanbatu: outside both new accounts' wilayah. */
let otherKecamatan: WilayahChild;
const created: string[] = [];

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

beforeAll(async () => {
  server = useAppServer();
  browser = await launchBrowser();
  const kecamatan = await server.api<WilayahChild[]>(`/api/wilayah/${LABUHANBATU}/children`);
  otherKecamatan = kecamatan.find((k) => k.kode !== BILAH_HULU && k.childCount > 0)!;
  expect(otherKecamatan).toBeTruthy();
});

afterAll(async () => {
  // Leave no usable test account behind on a kept server.
  if (server) {
    const users = await server.api<User[]>('/api/pengguna');
    for (const u of users.filter((x) => created.includes(x.username) && x.aktif))
      await server.send('PATCH', `/api/pengguna/${u.id}`, { aktif: false });
  }
  await browser?.close();
});

describe('an anonymous visitor', () => {
  it('sees the sign-in page (the link kept), and the API answers 401 to reading', async () => {
    const page = await openPage(browser, { width: 1280, height: 800 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?wilayah=${LABUHANBATU}`);
    await page.getByTestId('signin-form').waitFor();
    expect(new URL(page.url()).search).toBe(`?wilayah=${LABUHANBATU}`);
    // No page of the app, no data request: only the session was asked for.
    expect(await page.getByTestId('breadcrumb').count()).toBe(0);
    expect(await page.locator('nav.page-nav').count()).toBe(0);
    // The labelled fields, and the demo accounts with role and wilayah; a click fills the user name.
    expect(await page.getByLabel('Nama pengguna', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Kata sandi', { exact: true }).count()).toBe(1);
    const camat = page.locator('[data-testid=demo-account][data-username="camat.bilahhulu"]');
    expect(await camat.textContent()).toContain('Camat · Kecamatan Bilah Hulu');
    expect(await page.getByTestId('demo-accounts').textContent()).toContain('pnpm start');
    await camat.click();
    expect(await page.getByTestId('signin-username').inputValue()).toBe('camat.bilahhulu');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('signin-password');
    await shot(page, 'accounts-1-signin-desktop');

    // A wrong password: a clear message, the user name kept, the password emptied.
    await page.getByTestId('signin-password').fill('bukan-sandinya-123');
    await page.getByTestId('signin-submit').click();
    await expect
      .poll(() => page.getByTestId('signin-error').textContent())
      .toBe('Nama pengguna atau kata sandi salah.');
    expect(await page.getByTestId('signin-password').inputValue()).toBe('');
    expect(await page.getByTestId('signin-username').inputValue()).toBe('camat.bilahhulu');

    const values = await page.evaluate(async () => {
      const r = await fetch('/api/nilai?indikator=KIA_K4&periode=2026-06&wilayah=12.10');
      return { status: r.status, body: (await r.json()) as { code: string } };
    });
    expect(values).toMatchObject({ status: 401, body: { code: 'SIGN_IN_REQUIRED' } });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fits a phone (360 px) and the large-text setting, in both languages', async () => {
    const page = await openPage(browser, { width: 360, height: 740 });
    await page.goto(`${server.url}/`);
    await page.getByTestId('signin-form').waitFor();
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    await shot(page, 'accounts-2-signin-phone');
    // The display settings fold behind one header button on a phone.
    await page.getByTestId('settings-toggle').click();
    await page.getByTestId('toggle-large-text').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('signin-submit').textContent()).toBe('Sign in');
    expect(await noSideways(page)).toBeLessThanOrEqual(0);
    const submit = await page.getByTestId('signin-submit').boundingBox();
    expect(submit!.height).toBeGreaterThanOrEqual(44);
    await shot(page, 'accounts-3-signin-phone-en-large');
    await page.context().close();
  });
});

describe('the admin creates accounts scoped to a puskesmas and a kecamatan', () => {
  const passwords = new Map<string, string>();

  it('signs in through the form, opens Pengguna and reads each temporary password once', async () => {
    const users = await server.api<User[]>('/api/pengguna');
    const puskesmas = users.find((u) => u.username === 'pkm.perbaungan')!.scopePuskesmas!;
    const pkmName = (await server.api<PuskesmasDetail>(`/api/puskesmas/${puskesmas}`)).puskesmas.nama;

    const page = await openPage(browser, { width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await signInWithForm(page, 'admin');
    await page.getByTestId('nav-pengguna').click();
    await page.getByTestId('user-table').waitFor();
    expect(await page.getByTestId('header-user').textContent()).toBe('Admin (contoh)');
    expect(new URL(page.url()).pathname).toBe('/pengguna');

    // The puskesmas account: the scope is a puskesmas kode, echoed back with its name before saving.
    const create = async (username: string, nama: string, role: string, scope: string, echo: string) => {
      await page.getByTestId('user-username').fill(username);
      await page.getByTestId('user-nama').fill(nama);
      await page.getByTestId('user-role').selectOption(role);
      await page.getByTestId('user-scope').fill(scope);
      await expect
        .poll(() => page.getByTestId('user-create-form').getByTestId('scope-echo').textContent())
        .toContain(echo);
      await page.getByTestId('user-create').click();
      const box = page.getByTestId('one-time-password');
      await expect.poll(() => box.getAttribute('data-username')).toBe(username);
      created.push(username);
      const password = (await page.getByTestId('one-time-password-value').textContent())!;
      expect(password.length).toBeGreaterThanOrEqual(10);
      passwords.set(username, password);
      return box;
    };

    // Checked before sending: a camat needs a kecamatan kode.
    await page.getByTestId('user-username').fill(CAMAT_USER);
    await page.getByTestId('user-nama').fill('Camat Uji');
    await page.getByTestId('user-role').selectOption('camat');
    await page.getByTestId('user-scope').fill(LABUHANBATU);
    await page.getByTestId('user-create').click();
    await expect
      .poll(() => page.getByTestId('user-create-form').getByRole('alert').first().textContent())
      .toBe('Peran Camat memerlukan kode kecamatan (mis. 12.10.01).');

    const box = await create(PKM_USER, 'Kepala Puskesmas Uji', 'puskesmas', puskesmas, pkmName);
    expect(await box.textContent()).toContain('Hanya ditampilkan sekali');
    await shot(page, 'accounts-4-pengguna-created');
    await create(CAMAT_USER, 'Camat Uji', 'camat', BILAH_HULU, 'Kecamatan Bilah Hulu');

    // Both in the table, with role, wilayah in words and "must change the password"; shown once: closed, it is gone.
    const pkmRow = page.locator(`[data-testid=user-row][data-username="${PKM_USER}"]`);
    await expect.poll(() => pkmRow.getByTestId('user-row-role').textContent()).toBe('Puskesmas');
    await expect.poll(() => pkmRow.getByTestId('user-row-scope').textContent()).toContain(puskesmas);
    expect(await pkmRow.textContent()).toContain('wajib ganti sandi');
    const camatRow = page.locator(`[data-testid=user-row][data-username="${CAMAT_USER}"]`);
    await expect
      .poll(() => camatRow.getByTestId('user-row-scope').textContent())
      .toBe('Kecamatan Bilah Hulu (12.10.09)');
    await page.getByTestId('one-time-password-close').click();
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
    expect(await page.content()).not.toContain(passwords.get(CAMAT_USER)!);

    // The audit log lists the creations (POST /api/pengguna, 201), newest first, in WIB.
    await page.getByTestId('audit-log').getByRole('button').click();
    const audit = page.getByTestId('audit-row');
    await expect.poll(() => audit.first().textContent()).toMatch(/WIB/);
    await expect
      .poll(
        async () =>
          (await audit.allTextContents()).filter((t) => t.includes('POST /api/pengguna') && t.includes('201')).length,
      )
      .toBeGreaterThanOrEqual(2);
    await page.getByTestId('user-table').scrollIntoViewIfNeeded();
    await shot(page, 'accounts-5-pengguna-desktop');
    expect(errors).toEqual([]);
    await page.context().close();

    // The same page on a phone: no sideways scrolling, the table as cards.
    const phone = await openPageAs(browser, server.url, 'admin', { width: 360, height: 740 });
    await phone.goto(`${server.url}/pengguna`);
    await phone.getByTestId('user-table').waitFor();
    expect(await noSideways(phone)).toBeLessThanOrEqual(0);
    await shot(phone, 'accounts-6-pengguna-phone');
    await phone.locator(`[data-testid=user-row][data-username="${CAMAT_USER}"]`).scrollIntoViewIfNeeded();
    await shot(phone, 'accounts-7-pengguna-phone-row');
    await phone.context().close();
  });

  /** Signs in with the temporary password through the form, changes it (the rules shown live), lands on Bilah Hulu. */
  async function firstSignIn(username: string): Promise<Page> {
    const page = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${server.url}/`);
    await signInWithForm(page, username, passwords.get(username)!);
    await page.getByTestId('page-ganti-sandi').waitFor();
    expect(await page.getByTestId('password-forced').textContent()).toContain(username);
    // Nothing of the app before the new password.
    expect(await page.locator('nav.page-nav').count()).toBe(0);
    await page.getByTestId('password-current').fill(passwords.get(username)!);
    await page.getByTestId('password-new').fill('pendek');
    await expect
      .poll(() => page.getByTestId('password-new-hint').textContent())
      .toBe('Kata sandi paling sedikit 10 karakter.');
    await page.getByTestId('password-new').fill(`${username}-panjang`);
    await expect
      .poll(() => page.getByTestId('password-new-hint').textContent())
      .toBe('Kata sandi tidak boleh memuat nama pengguna.');
    expect(await page.getByTestId('password-submit').isDisabled()).toBe(true);
    await page.getByTestId('password-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-repeat').fill(`${NEW_PASSWORD}!`);
    await expect
      .poll(() => page.getByTestId('password-form').textContent())
      .toContain('Kedua kata sandi baru tidak sama.');
    if (username === PKM_USER) await shot(page, 'accounts-8-ganti-sandi');
    await page.getByTestId('password-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    // Lands on its own area: the map of Kecamatan Bilah Hulu (the link had no wilayah).
    await page.waitForFunction(
      (kode) => window.__mapState?.viewKode === kode && window.__mapState.viewReady,
      BILAH_HULU,
      { timeout: 60_000 },
    );
    expect(new URL(page.url()).searchParams.get('wilayah')).toBe(BILAH_HULU);
    expect(await page.getByTestId('breadcrumb-current').textContent()).toBe('Bilah Hulu');
    expect(await page.title()).toContain('Bilah Hulu');
    // The temporary password is spent.
    await expect(signInFetch(server.url, username, passwords.get(username)!)).rejects.toThrow(/401/);
    return page;
  }

  it('the puskesmas account changes its password, lands on Bilah Hulu, imports there but changes nothing elsewhere', async () => {
    const page = await firstSignIn(PKM_USER);
    expect(await page.getByTestId('header-role').textContent()).toContain(
      'Puskesmas · wilayah kerja Puskesmas Perbaungan',
    );
    await shot(page, 'accounts-8b-puskesmas-home');

    // Its role may import (for its own desa): the upload is offered, with who and where.
    await page.getByTestId('nav-impor').click();
    await page.getByTestId('upload-section').waitFor();
    expect(await page.getByTestId('impor-who').textContent()).toContain(PKM_USER);

    // Another puskesmas' readiness checklist: refused, nothing saved.
    const list = await server.api<PuskesmasList>(`/api/puskesmas?kabupaten=${LABUHANBATU}`);
    const own = (await server.api<User[]>('/api/pengguna')).find((u) => u.username === PKM_USER)!.scopePuskesmas!;
    const other = list.puskesmas.find((p) => p.kode !== own)!;
    const before = await server.api<PuskesmasDetail>(`/api/puskesmas/${other.kode}`);
    const item = before.readiness.find((i) => i.source === 'form')!;
    const refused = await fetchInPage(page, 'PUT', `/api/puskesmas/${other.kode}/kesiapan`, {
      answers: { [item.code]: item.state !== true },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
    expect((await server.api<PuskesmasDetail>(`/api/puskesmas/${other.kode}`)).readiness).toEqual(before.readiness);
    // Nor other people's accounts.
    const patch = await fetchInPage(
      page,
      'PATCH',
      `/api/pengguna/${(await server.api<User[]>('/api/pengguna')).find((u) => u.username === CAMAT_USER)!.id}`,
      { aktif: false },
    );
    expect(patch).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    // The admin's page is not offered.
    expect(await page.getByTestId('nav-pengguna').count()).toBe(0);
    await page.context().close();
  });

  it('the camat account changes its password, lands on Bilah Hulu, may not import, and a meeting elsewhere is refused', async () => {
    const page = await firstSignIn(CAMAT_USER);
    expect(await page.getByTestId('header-scope').textContent()).toBe('Kecamatan Bilah Hulu');
    await shot(page, 'accounts-9-camat-home');

    // "Impor data" says plainly that the role may not import, instead of the upload form.
    await page.getByTestId('nav-impor').click();
    await page.getByTestId('impor-not-allowed').waitFor();
    expect(await page.getByTestId('impor-not-allowed').textContent()).toContain(
      'Peran Anda (Camat) tidak berwenang mengimpor data',
    );
    expect(await page.getByTestId('upload-section').count()).toBe(0);
    await shot(page, 'accounts-10-camat-impor');

    // Meetings: offered in Bilah Hulu, not in another kecamatan (the page says why).
    await page.goto(`${server.url}/rapat?wilayah=${BILAH_HULU}`);
    await page.getByTestId('rapat-new').waitFor();
    await page.goto(`${server.url}/rapat?wilayah=${otherKecamatan.kode}`);
    await page.getByTestId('rapat-not-allowed').waitFor();
    expect(await page.getByTestId('rapat-new').count()).toBe(0);
    expect(await page.getByTestId('rapat-not-allowed').textContent()).toContain('di luar wilayah Anda');

    // A direct write there, through the page (its cookie and CSRF token): 403 OUT_OF_SCOPE, and no meeting was made.
    const before = await server.api<MeetingSummary[]>(`/api/rapat?wilayah=${otherKecamatan.kode}`);
    const refused = await fetchInPage(page, 'POST', '/api/rapat', {
      jenis: 'lokmin_tribulanan',
      tanggal: '2026-10-09',
      wilayah: otherKecamatan.kode,
      periode: '2026-01..2026-09',
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'OUT_OF_SCOPE' } });
    expect((refused.body as { message: string }).message).toContain(otherKecamatan.kode);
    expect(await server.api<MeetingSummary[]>(`/api/rapat?wilayah=${otherKecamatan.kode}`)).toEqual(before);

    // Signing out ends the session: the sign-in page again, and the old session reads nothing.
    await page.goto(`${server.url}/?wilayah=${BILAH_HULU}`);
    await page.getByTestId('account-menu').locator('summary').click();
    await page.getByTestId('header-signout').click();
    await page.getByTestId('signin-form').waitFor();
    const after = await page.evaluate(async () => (await fetch('/api/wilayah/12')).status);
    expect(after).toBe(401);
    await page.context().close();
  });

  it('the admin deactivates an account (after a confirm step) and its session ends at once', async () => {
    const camat = await openPage(browser, { width: 1280, height: 800 });
    await camat.goto(`${server.url}/`);
    await signInWithForm(camat, CAMAT_USER, NEW_PASSWORD);
    await camat.getByTestId('breadcrumb').waitFor();

    const admin = await openPageAs(browser, server.url, 'admin', { width: 1280, height: 900 });
    await admin.goto(`${server.url}/pengguna`);
    const row = admin.locator(`[data-testid=user-row][data-username="${CAMAT_USER}"]`);
    await row.getByTestId('user-aktif').click();
    expect(await row.getByTestId('user-confirm').textContent()).toContain(`Nonaktifkan ${CAMAT_USER}?`);
    await row.getByTestId('user-confirm-yes').click();
    await expect.poll(() => row.getByTestId('user-row-aktif').textContent()).toBe('Nonaktif');

    // The camat's next request is refused and the page falls back to the sign-in page.
    await camat.reload();
    await camat.getByTestId('signin-form').waitFor();
    await expect(signInFetch(server.url, CAMAT_USER, NEW_PASSWORD)).rejects.toThrow(/401/);
    await camat.context().close();
    await admin.context().close();
  });
});
