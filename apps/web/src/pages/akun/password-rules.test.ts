import { describe, expect, it } from 'vitest';
import { passwordFormProblem, passwordIssue } from './password-rules.ts';

describe('passwordIssue', () => {
  it("names the domain rule that fails, with the domain's own Indonesian sentence", () => {
    expect(passwordIssue('pendek', 'budi')).toEqual({
      kind: 'short',
      message: 'Kata sandi paling sedikit 10 karakter.',
    });
    expect(passwordIssue('a'.repeat(201), 'budi')).toEqual({
      kind: 'long',
      message: 'Kata sandi paling banyak 200 karakter.',
    });
    expect(passwordIssue('budi-sehat-selalu', 'budi')).toEqual({
      kind: 'username',
      message: 'Kata sandi tidak boleh memuat nama pengguna.',
    });
    expect(passwordIssue('kuda-lari-pagi', 'budi')).toBeNull();
  });
});

describe('passwordFormProblem', () => {
  const ok = { current: 'sementara-123', new: 'kuda-lari-pagi', repeat: 'kuda-lari-pagi' };
  it('asks for the current password, a valid new one typed twice, different from the old', () => {
    expect(passwordFormProblem(ok, 'budi')).toBeNull();
    expect(passwordFormProblem({ ...ok, current: '' }, 'budi')).toBe('current');
    expect(passwordFormProblem({ ...ok, new: 'kuda', repeat: 'kuda' }, 'budi')).toBe('short');
    expect(passwordFormProblem({ ...ok, repeat: 'kuda-lari-sore' }, 'budi')).toBe('repeat');
    expect(passwordFormProblem({ ...ok, current: 'kuda-lari-pagi' }, 'budi')).toBe('same');
  });
});
