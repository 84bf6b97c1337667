// The signed-in user in the header: name, role and wilayah (only the role on a phone), and a menu with
// "Akun saya" and "Keluar". On a public server without a session: a "Masuk" button instead.
import { useCallback, useEffect, useRef } from 'react';
import type { Session } from '@peta/domain/contract';
import { useLang, useT } from '../../i18n/i18n.tsx';
import { goToPage, hrefForPage } from '../../url-state.ts';
import { roleLabel } from '../session/can.ts';
import { useSignOut } from '../session/session-api.ts';

export function AccountMenu({ session, onSignIn }: { session: Session | undefined; onSignIn: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const signOut = useSignOut();
  const menu = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (menu.current) menu.current.open = false;
  }, []);

  // Esc or a click elsewhere closes the menu, as any menu does.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && menu.current?.open) {
        close();
        menu.current.querySelector('summary')?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (menu.current?.open && !menu.current.contains(e.target as Node)) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [close]);

  if (!session) return null;
  const user = session.user;
  if (!user) {
    if (session.readAccess !== 'public') return null;
    return (
      <button type="button" className="account-menu__signin" onClick={onSignIn} data-testid="header-signin">
        {t('header.signIn')}
      </button>
    );
  }
  const role = roleLabel(user.role, lang);
  return (
    <details className="account-menu" ref={menu} data-testid="account-menu">
      <summary
        title={`${user.nama} · ${role} · ${user.scopeLabel}`}
        aria-label={t('header.account', { nama: user.nama, role, scope: user.scopeLabel })}
      >
        {/* Drawn, not an emoji: phones and kiosks without an emoji font would show a box. */}
        <svg
          className="account-menu__icon"
          viewBox="0 0 20 20"
          width="18"
          height="18"
          aria-hidden="true"
          focusable="false"
        >
          <circle cx="10" cy="6.5" r="3.6" fill="currentColor" />
          <path d="M2.8 18c0-4 3.2-6.6 7.2-6.6s7.2 2.6 7.2 6.6z" fill="currentColor" />
        </svg>
        <span className="account-menu__text">
          <span className="account-menu__name" data-testid="header-user">
            {user.nama}
          </span>
          <span className="account-menu__meta" data-testid="header-role">
            {role} · <span data-testid="header-scope">{user.scopeLabel}</span>
          </span>
        </span>
      </summary>
      <div className="account-menu__panel">
        <p className="account-menu__who">
          <strong>{user.nama}</strong>
          <br />
          <code>{user.username}</code>
          <br />
          {role} · {user.scopeLabel}
        </p>
        <a
          href={hrefForPage('akun')}
          onClick={(e) => {
            e.preventDefault();
            close();
            goToPage('akun');
          }}
          data-testid="header-account"
        >
          {t('header.myAccount')}
        </a>
        <button
          type="button"
          onClick={() => {
            close();
            signOut.mutate();
          }}
          disabled={signOut.isPending}
          data-testid="header-signout"
        >
          {t('header.signOut')}
        </button>
      </div>
    </details>
  );
}
