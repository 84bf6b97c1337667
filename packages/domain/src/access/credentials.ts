// Rules for login names and passwords, shared by the API, the admin CLI and the web form (same messages everywhere).

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
export const PASSWORD_MIN_LENGTH = 10;

export function normaliseUsername(value: string): string {
  return value.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username)
    ? null
    : 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.';
}

/** Length is what matters (NIST SP 800-63B); no composition rules, but not the login name itself. */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Kata sandi paling sedikit ${PASSWORD_MIN_LENGTH} karakter.`;
  if ([...password].length > 200) return 'Kata sandi paling banyak 200 karakter.';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Kata sandi tidak boleh memuat nama pengguna.';
  return null;
}
