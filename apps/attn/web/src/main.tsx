// ATTN's front end: the providers (server-state cache, languages) and the routes. Before the
// first render it starts, side by side, what the first screen needs: its language, its chunk,
// who is logged in and, for a QR link, the check-in ticket.
import '@campus/web/styles/base.css';
import './styles.css';
import { createQueryClient } from '@campus/web/api/query.ts';
import { I18nProvider } from '@campus/web/i18n/i18n.tsx';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app.tsx';
import { meQuery } from './features/auth/auth.api.ts';
import { askTicketEarly } from './features/checkins/scanned-ticket.ts';
import { languages } from './i18n/catalogues.ts';

const queryClient = createQueryClient();
preloadRoute(location.pathname);
// (a failure here is the screens' to show: they ask again through the same cache)
const me =
  location.pathname === '/login' ? Promise.resolve(null) : queryClient.fetchQuery(meQuery).catch(() => null);
askTicketEarly(location.pathname, location.hash, me);
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
