// Signing in for a browser test. signInAs() gives the page's context the session cookie of a demo account (one
// sign-in per account and file: sign-in is rate-limited), so a test starts signed in where it needs to be;
// signInWithForm() goes through the sign-in page as a user does.
import { openPage, type Browser, type Page, type PageOptions } from './browser.ts';
import { DEMO_PASSWORD, SESSION_COOKIE, sessionOf, type ServerSession } from './app-server.ts';

export async function signInAs(page: Page, baseUrl: string, username: string): Promise<ServerSession> {
  const session = await sessionOf(baseUrl, username);
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: session.token, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return session;
}

/** Fills the sign-in page (already on screen) and submits; resolves when the page has left it or shows an error. */
export async function signInWithForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await Promise.race([
    page.getByTestId('page-masuk').waitFor({ state: 'detached' }),
    page.getByTestId('signin-error').waitFor(),
  ]);
}

/** A request from inside the page (its cookie, its origin), e.g. a write the UI does not offer: status and JSON body. */
export async function fetchInPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/sesi')).json()) as { csrfToken: string | null };
      const response = await fetch(path, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
        },
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** A fresh page (empty storage, see openPage) already signed in as `username`. */
export async function openPageAs(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: PageOptions,
): Promise<Page> {
  const page = await openPage(browser, options);
  await signInAs(page, baseUrl, username);
  return page;
}
