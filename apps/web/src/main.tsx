import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { shouldRetry } from './api/client.ts';
import { I18nProvider } from './i18n/i18n.tsx';
import { App } from './app.tsx';
import { pageFromPath } from './url-state.ts';
import './styles.css';

// The map page needs MapLibre (its own chunk): start loading it now, beside the session and the data requests,
// rather than when the map component mounts after the session has answered.
if (pageFromPath(window.location.pathname) === 'peta') void import('./map/index.ts');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
