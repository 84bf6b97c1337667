// "Akun saya" (/akun): who I am, where I may change data and what, and changing my password. The same page, reduced
// to the password form, is shown instead of any page while the password must be changed (a temporary one from the
// admin): the server refuses that user's writes until then anyway.
import type { SessionUser } from '@peta/domain/contract';
import { useLang, useT, type MessageKey } from '../../i18n/i18n.tsx';
import type { Capability } from '@peta/domain';
import { roleLabel } from '../../shared/session/can.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { useSignOut } from '../../shared/session/session-api.ts';
import '../../shared/session/session.css';

const CAPABILITY_KEY: Record<Capability, MessageKey> = {
  impor: 'can.cap.impor',
  rencana: 'can.cap.rencana',
  kesiapan: 'can.cap.kesiapan',
  rapat: 'can.cap.rapat',
  pengguna: 'can.cap.pengguna',
};

export function AccountPage({ user, forced = false }: { user: SessionUser; forced?: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const signOut = useSignOut();
  return (
    <main className="page account" data-testid={forced ? 'page-ganti-sandi' : 'page-akun'}>
      <div className="signin__card">
        {forced ? (
          <>
            <h2 className="signin__title">{t('password.title')}</h2>
            <p className="signin__lead" data-testid="password-forced">
              {t('password.forcedLead', { username: user.username })}
            </p>
          </>
        ) : (
          <>
            <h2 className="signin__title">{t('account.title')}</h2>
            <dl className="account__facts">
              <dt>{t('account.nama')}</dt>
              <dd>{user.nama}</dd>
              <dt>{t('account.username')}</dt>
              <dd>
                <code>{user.username}</code>
              </dd>
              <dt>{t('account.role')}</dt>
              <dd>{roleLabel(user.role, lang)}</dd>
              <dt>{t('account.scope')}</dt>
              <dd data-testid="account-scope">{user.scopeLabel}</dd>
              <dt>{t('account.may')}</dt>
              <dd>
                {user.capabilities.length
                  ? user.capabilities.map((c) => t(CAPABILITY_KEY[c])).join(', ')
                  : t('account.readOnly')}
              </dd>
            </dl>
            <h3>{t('password.title')}</h3>
          </>
        )}
        <ChangePasswordForm username={user.username} />
        {forced && (
          <button
            type="button"
            className="button button--ghost account__signout"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            {t('account.signOut')}
          </button>
        )}
      </div>
    </main>
  );
}
