// "Ganti kata sandi": the current one, the new one twice. The domain's rules are shown while typing; the server
// checks them again and checks the current password. Forced right after signing in with a temporary password.
import { useId, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@peta/domain';
import { useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import { describeError } from '../../shared/status/describe-error.ts';
import { passwordFormProblem, passwordIssue, type PasswordIssue } from './password-rules.ts';
import { useChangePassword } from '../../shared/session/session-api.ts';

const ISSUE_KEY: Record<PasswordIssue, MessageKey> = {
  short: 'password.short',
  long: 'password.long',
  username: 'password.username',
};

export function ChangePasswordForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const change = useChangePassword();
  const [form, setForm] = useState({ current: '', new: '', repeat: '' });
  const [done, setDone] = useState(false);
  const issue = form.new ? passwordIssue(form.new, username) : null;
  const problem = passwordFormProblem(form, username);
  const set = (field: keyof typeof form) => (value: string) => {
    setForm({ ...form, [field]: value });
    setDone(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    change.mutate(
      { current: form.current, new: form.new },
      {
        onSuccess: () => {
          setForm({ current: '', new: '', repeat: '' });
          setDone(true);
          onDone?.();
        },
      },
    );
  };

  return (
    <form className="password-form" onSubmit={submit} data-testid="password-form" noValidate>
      <label htmlFor={`${id}-c`}>{t('password.current')}</label>
      <input
        id={`${id}-c`}
        type="password"
        autoComplete="current-password"
        value={form.current}
        onChange={(e) => set('current')(e.target.value)}
        data-testid="password-current"
      />
      <label htmlFor={`${id}-n`}>{t('password.new')}</label>
      <input
        id={`${id}-n`}
        type="password"
        autoComplete="new-password"
        value={form.new}
        onChange={(e) => set('new')(e.target.value)}
        aria-describedby={`${id}-n-hint`}
        aria-invalid={issue ? true : undefined}
        data-testid="password-new"
      />
      <p
        id={`${id}-n-hint`}
        className={issue ? 'password-form__problem' : 'password-form__hint'}
        aria-live="polite"
        data-testid="password-new-hint"
      >
        {issue
          ? lang === 'id'
            ? issue.message
            : t(ISSUE_KEY[issue.kind], { n: PASSWORD_MIN_LENGTH })
          : form.new
            ? `✓ ${t('password.ok')}`
            : t('password.rule', { n: PASSWORD_MIN_LENGTH })}
      </p>
      <label htmlFor={`${id}-r`}>{t('password.repeat')}</label>
      <input
        id={`${id}-r`}
        type="password"
        autoComplete="new-password"
        value={form.repeat}
        onChange={(e) => set('repeat')(e.target.value)}
        aria-describedby={`${id}-r-hint`}
        aria-invalid={form.repeat && form.repeat !== form.new ? true : undefined}
        data-testid="password-repeat"
      />
      <p id={`${id}-r-hint`} className="password-form__problem" aria-live="polite">
        {form.repeat && form.repeat !== form.new
          ? t('password.mismatch')
          : form.new && form.new === form.current
            ? t('password.same')
            : ''}
      </p>
      {change.isError && (
        <p className="password-form__error" role="alert" data-testid="password-error">
          {describeError(change.error, t, lang)}
        </p>
      )}
      {done && (
        <p className="password-form__ok" role="status" data-testid="password-done">
          {t('password.done')}
        </p>
      )}
      <button
        type="submit"
        className="button"
        disabled={problem !== null || change.isPending}
        data-testid="password-submit"
      >
        {change.isPending ? t('password.busy') : t('password.submit')}
      </button>
    </form>
  );
}
