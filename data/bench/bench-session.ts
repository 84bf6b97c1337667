// The benchmarks read like a signed-in browser: BENCH_USER / BENCH_PASSWORD (e.g. the demo account "pembaca" and
// the password `pnpm start` prints) sign in once and every request carries the session cookie. Without them the
// server must allow public reading (READ_ACCESS=public).
const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';

async function signIn(): Promise<string | null> {
  const username = process.env.BENCH_USER;
  const password = process.env.BENCH_PASSWORD;
  if (!username || !password) return null;
  const res = await fetch(`${base}/api/auth/masuk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`Gagal masuk sebagai ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('peta_sesi='));
  return cookie ? cookie.slice('peta_sesi='.length).split(';')[0]! : null;
}

/** The session token of BENCH_USER (the `peta_sesi` cookie's value; a browser context sets it), null without one. */
export const sessionToken = await signIn();
const cookie = sessionToken ? `peta_sesi=${sessionToken}` : null;

/** fetch on the server under test, signed in when BENCH_USER is set; a 401 explains what to do. */
export async function benchFetch(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(base + path, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  if (res.status === 401) {
    throw new Error(
      'Server meminta masuk: set BENCH_USER dan BENCH_PASSWORD (mis. akun contoh "pembaca" dan kata sandi dari `pnpm start`), atau jalankan server dengan READ_ACCESS=public.',
    );
  }
  return res;
}
