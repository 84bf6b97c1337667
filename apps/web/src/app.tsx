import { useEffect } from 'react';
import { Drilldown } from './features/drilldown/Drilldown.tsx';
import { Footer } from './features/app-shell/Footer.tsx';
import { Header } from './features/app-shell/Header.tsx';
import { isBoolean, useStoredState } from './settings.ts';

export function App() {
  const [largeText, setLargeText] = useStoredState('peta.largeText', false, isBoolean);
  const [basemap, setBasemap] = useStoredState('peta.basemap', false, isBoolean);
  useEffect(() => {
    document.documentElement.dataset.text = largeText ? 'large' : 'normal';
  }, [largeText]);
  return (
    <div className="app">
      <Header largeText={largeText} onLargeText={setLargeText} basemap={basemap} onBasemap={setBasemap} />
      <Drilldown basemap={basemap} largeText={largeText} />
      <Footer basemap={basemap} />
    </div>
  );
}
