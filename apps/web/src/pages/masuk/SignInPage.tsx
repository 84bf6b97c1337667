// "Masuk": shown instead of any page when reading needs an account (or when the user asks to sign in on a public
// server). The URL stays as it was, so after signing in the user is where the link pointed; a plain link (no
// wilayah) opens the map on the user's own area (session.user.home).
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Session } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { navigate, parseUrlState } from '../../url-state.ts';
import { describeError } from '../../shared/status/describe-error.ts';
import { useSignIn } from '../../shared/session/session-api.ts';
import '../../shared/session/session.css';

export interface SignInPageProps {
  session: Session;
  /** On a public server signing in is optional: "Kembali" returns to the page. */
  onCancel?: () => void;
  onSignedIn?: () => void;
}

/** `pnpm start` in a message: the parts between backticks shown as code. */
// biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed text, never reordered.
const withCode = (text: string) => text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));

export function SignInPage({ session, onCancel, onSignedIn }: SignInPageProps) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (next) => {
          // A link without a wilayah: land on the user's own area. A link with one: stay where it points.
          if (next.user?.home && !parseUrlState(window.location.search).wilayah)
            navigate({ wilayah: next.user.home }, { replace: true });
          onSignedIn?.();
        },
        onError: () => {
          setPassword('');
          passwordInput.current?.focus();
        },
      },
    );
  };
  const pick = (name: string) => {
    setUsername(name);
    signIn.reset();
    passwordInput.current?.focus();
  };

  return (
    <main className="page signin" data-testid="page-masuk">
      <div className="signin__card">
        <p className="signin__app">{t('app.title')}</p>
        <h2 className="signin__title">{t('signin.title')}</h2>
        <p className="signin__lead">
          {session.readAccess === 'signed-in' ? t('signin.leadRequired') : t('signin.leadOptional')}
        </p>
        <form className="signin__form" onSubmit={submit} data-testid="signin-form" noValidate>
          <label htmlFor={`${id}-u`}>{t('signin.username')}</label>
          <input
            id={`${id}-u`}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="signin-username"
            // biome-ignore lint/a11y/noAutofocus: the page exists to sign in; the name field is where a user starts.
            autoFocus
          />
          <label htmlFor={`${id}-p`}>{t('signin.password')}</label>
          <div className="signin__password">
            <input
              ref={passwordInput}
              id={`${id}-p`}
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="signin-password"
            />
            <button
              type="button"
              className="button button--ghost"
              aria-pressed={showPassword}
              onClick={() => setShowPassword(!showPassword)}
              aria-controls={`${id}-p`}
            >
              {showPassword ? t('signin.hide') : t('signin.show')}
            </button>
          </div>
          <div aria-live="assertive">
            {signIn.isError && (
              <p className="signin__error" role="alert" data-testid="signin-error">
                {describeError(signIn.error, t, lang)}
              </p>
            )}
          </div>
          <button
            type="submit"
            className="button signin__submit"
            disabled={!username.trim() || !password || signIn.isPending}
            aria-busy={signIn.isPending || undefined}
            data-testid="signin-submit"
          >
            {signIn.isPending ? t('signin.busy') : t('signin.submit')}
          </button>
          <p className="signin__hint">{t('signin.forgot')}</p>
          {onCancel && (
            <button type="button" className="button button--ghost" onClick={onCancel} data-testid="signin-cancel">
              {t('signin.cancel')}
            </button>
          )}
        </form>
      </div>
      {session.demoAccounts.length > 0 && (
        <section className="signin__card signin__demo" aria-labelledby={`${id}-demo`} data-testid="demo-accounts">
          <h3 id={`${id}-demo`}>{t('signin.demo.title')}</h3>
          <p className="signin__hint">{withCode(t('signin.demo.password'))}</p>
          <ul>
            {session.demoAccounts.map((a) => (
              <li key={a.username}>
                <button
                  type="button"
                  className="signin__account"
                  onClick={() => pick(a.username)}
                  data-testid="demo-account"
                  data-username={a.username}
                  aria-label={t('signin.demo.pick', { username: a.username, role: a.roleLabel, wilayah: a.wilayah })}
                >
                  <code>{a.username}</code>
                  <span className="signin__account-meta">
                    {a.roleLabel} · {a.wilayah}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
