import { describe, expect, it } from 'vitest';
import { normaliseUsername, passwordProblem, usernameProblem } from './credentials.ts';

describe('credentials', () => {
  it('login names are lower-case words of 3–40 characters', () => {
    expect(normaliseUsername('  PKM.Bilah-Hulu ')).toBe('pkm.bilah-hulu');
    expect(usernameProblem('pkm.bilah-hulu')).toBeNull();
    expect(usernameProblem('ab')).not.toBeNull();
    expect(usernameProblem('.admin')).not.toBeNull();
    expect(usernameProblem('ada spasi')).not.toBeNull();
  });
  it('passwords: at least 10 characters (counted as characters, not bytes), not containing the login name', () => {
    expect(passwordProblem('123456789', 'budi')).toBe('Kata sandi paling sedikit 10 karakter.');
    expect(passwordProblem('ÿÿÿÿÿÿÿÿÿÿ', 'budi')).toBeNull();
    expect(passwordProblem('budi-1234567', 'budi')).toBe('Kata sandi tidak boleh memuat nama pengguna.');
    expect(passwordProblem('kuda-lari-pagi', 'budi')).toBeNull();
  });
});
