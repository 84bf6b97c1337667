import { lazy, Suspense, useEffect } from 'react';
import { Drilldown } from './features/drilldown/Drilldown.tsx';
import { Footer } from './features/app-shell/Footer.tsx';
import { Header } from './features/app-shell/Header.tsx';
import { PageNav } from './features/app-shell/PageNav.tsx';
import { isBoolean, useStoredState } from './settings.ts';
import { usePage } from './url-state.ts';

// Pages other than the map load on demand: a kepala desa on a phone who only looks at the map never
// downloads the import, planner or meeting code.
const ImportPage = lazy(() => import('./features/imports/ImportPage.tsx'));
const PlannerPage = lazy(() => import('./features/planner/PlannerPage.tsx'));
const MeetingsPage = lazy(() => import('./features/meetings/MeetingsPage.tsx'));

export function App() {
  const [largeText, setLargeText] = useStoredState('peta.largeText', false, isBoolean);
  const [basemap, setBasemap] = useStoredState('peta.basemap', false, isBoolean);
  const page = usePage();
  useEffect(() => {
    document.documentElement.dataset.text = largeText ? 'large' : 'normal';
  }, [largeText]);
  return (
    <div className="app">
      <Header largeText={largeText} onLargeText={setLargeText} basemap={basemap} onBasemap={setBasemap} />
      <PageNav />
      {page === 'peta' ? <Drilldown basemap={basemap} largeText={largeText} /> : (
        <Suspense fallback={<main className="page" aria-busy="true" />}>
          {page === 'impor' && <ImportPage />}
          {page === 'rencana' && <PlannerPage />}
          {page === 'rapat' && <MeetingsPage />}
        </Suspense>
      )}
      <Footer basemap={basemap} />
    </div>
  );
}
