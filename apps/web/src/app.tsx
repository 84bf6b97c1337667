import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Drilldown } from './pages/peta/Drilldown.tsx';
import { Footer } from './shared/app-shell/Footer.tsx';
import { Header } from './shared/app-shell/Header.tsx';
import { PageNav } from './shared/app-shell/PageNav.tsx';
import { SkipLink } from './shared/app-shell/SkipLink.tsx';
import { useLayout } from './shared/app-shell/layout.ts';
import { AccountPage } from './pages/akun/AccountPage.tsx';
import { SignInPage } from './pages/masuk/SignInPage.tsx';
import { useSession, useSessionProblems } from './shared/session/session-api.ts';
import { NotAllowed } from './shared/session/use-permission.tsx';
import { permission } from './shared/session/can.ts';
import { ErrorMessage, Loading } from './shared/status/StatusMessage.tsx';
import { isBoolean, useStoredState } from './settings.ts';
import { goToPage, usePage } from './url-state.ts';

// Pages other than the map load on demand: a kepala desa on a phone who only looks at the map never
// downloads the import, planner, meeting or user-management code.
const ImportPage = lazy(() => import('./pages/impor/ImportPage.tsx'));
const IsianPage = lazy(() => import('./pages/isian/IsianPage.tsx'));
const PlannerPage = lazy(() => import('./pages/rencana-ilp/PlannerPage.tsx'));
const MeetingsPage = lazy(() => import('./pages/rapat/MeetingsPage.tsx'));
const UsersPage = lazy(() => import('./pages/pengguna/UsersPage.tsx'));
const ProfilePage = lazy(() => import('./pages/profil/ProfilePage.tsx'));

export function App() {
  const [largeText, setLargeText] = useStoredState('peta.largeText', false, isBoolean);
  const [basemap, setBasemap] = useStoredState('peta.basemap', false, isBoolean);
  const page = usePage();
  const layout = useLayout();
  const session = useSession();
  useSessionProblems();
  // On a public server signing in is optional: the header's "Masuk" opens the sign-in page.
  const [wantsSignIn, setWantsSignIn] = useState(false);
  useEffect(() => {
    document.documentElement.dataset.text = largeText ? 'large' : 'normal';
  }, [largeText]);

  const user = session.data?.user ?? null;
  const signInShown =
    session.data && !user && (session.data.readAccess === 'signed-in' || wantsSignIn || page === 'akun');
  // Signing in, loading, a forced password change: no page navigation, the main area takes its row.
  const bare = !session.data || signInShown || user?.mustChangePassword;

  let main: ReactNode;
  if (session.isPending)
    main = (
      <main className="page">
        <Loading />
      </main>
    );
  else if (session.isError)
    main = (
      <main className="page">
        <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  else if (signInShown) {
    main = (
      <SignInPage
        session={session.data}
        onSignedIn={() => setWantsSignIn(false)}
        onCancel={
          session.data.readAccess === 'public'
            ? () => {
                setWantsSignIn(false);
                if (page === 'akun') goToPage('peta');
              }
            : undefined
        }
      />
    );
  } else if (user?.mustChangePassword) main = <AccountPage user={user} forced />;
  else if (page === 'peta') main = <Drilldown basemap={basemap} largeText={largeText} />;
  else if (page === 'akun' && user) main = <AccountPage user={user} />;
  else if (page === 'pengguna' && !permission(user, 'pengguna').ok) {
    // The server refuses the calls anyway; the page is not even loaded.
    main = (
      <main className="page">
        <NotAllowed permission={permission(user, 'pengguna')} capability="pengguna" testId="pengguna-not-allowed" />
      </main>
    );
  } else {
    main = (
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        {page === 'impor' && <ImportPage />}
        {page === 'isian' && <IsianPage />}
        {page === 'rencana' && <PlannerPage />}
        {page === 'rapat' && <MeetingsPage />}
        {page === 'pengguna' && <UsersPage />}
        {page === 'profil' && <ProfilePage />}
      </Suspense>
    );
  }

  return (
    <div className={`app${bare ? ' app--bare' : ''}`} data-page={page} data-layout={layout}>
      <SkipLink page={bare ? 'akun' : page} />
      <Header
        largeText={largeText}
        onLargeText={setLargeText}
        basemap={basemap}
        onBasemap={setBasemap}
        session={session.data}
        onSignIn={() => setWantsSignIn(true)}
      />
      {!bare && <PageNav />}
      {main}
      <Footer basemap={basemap} />
    </div>
  );
}
