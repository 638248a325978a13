// A-Cube's public front end: the providers (server-state cache, languages) and the routes.
// Before the first render it starts, side by side, what every page needs: the site's settings
// (urgent help, the quick-exit address, the time zone), the language and the page's chunk.
import '@campus/web/styles/base.css';
import './styles.css';
import { createQueryClient } from '@campus/web/api/query.ts';
import { I18nProvider } from '@campus/web/i18n/i18n.tsx';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app.tsx';
import { siteQuery } from './features/site/site.api.ts';
import { languages } from './i18n/catalogues.ts';

const queryClient = createQueryClient();
preloadRoute(location.pathname);
// (a failure here is the pages' to show: they ask again through the same cache)
void queryClient.prefetchQuery(siteQuery);
const words = await languages.load(languages.initial).catch(() => ({}));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider languages={languages} words={words}>
          <App />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
