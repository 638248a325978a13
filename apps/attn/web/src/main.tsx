// ATTN's front end: the providers (server-state cache, languages) and the routes.
import '@campus/web/styles/base.css';
import './styles.css';
import { createQueryClient } from '@campus/web/api/query.ts';
import { I18nProvider } from '@campus/web/i18n/i18n.tsx';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { catalogues } from './i18n/catalogues.ts';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <I18nProvider catalogues={catalogues} storageKey="attn.lang">
          <App />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
