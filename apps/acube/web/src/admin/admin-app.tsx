// The admin panel: its own chunk (the public pages load nothing of it), its own words, its own
// server-state cache (emptied when the admin logs out), and normal history: unlike the public
// site, going somewhere adds an entry, so Back works.
import './admin.css';
import { createQueryClient } from '@campus/web/api/query.ts';
import { I18nProvider } from '@campus/web/i18n/i18n.tsx';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense, use, useEffect } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useBrowserLocation } from 'wouter/use-browser-location';
import { useSession } from './admin-api.ts';
import { type AdminPageProps, adminPublicRoutes, adminRoutes } from './admin-routes.tsx';
import { AdminNotFound, AdminShell, Loading, RequireAdmin } from './admin-shell.tsx';
import { adminLanguages } from './i18n/catalogues.ts';

const queryClient = createQueryClient();

const lazyPages = new Map<string, ComponentType<AdminPageProps>>(
  [...adminRoutes, ...adminPublicRoutes].map((route) => [route.path, lazy(route.load)]),
);
const pageAt = (path: string) => lazyPages.get(path) as ComponentType<AdminPageProps>;

function Pages() {
  const session = useSession();
  // Nothing of one admin's data stays in the cache once they are out.
  useEffect(() => {
    if (session.state === 'out') queryClient.clear();
  }, [session.state]);
  return (
    <Switch>
      {adminPublicRoutes.map((route) => {
        const Page = pageAt(route.path);
        return (
          <Route key={route.path} path={route.path}>
            {(params) => (
              <AdminShell>
                <Suspense fallback={<Loading />}>
                  <Page params={params} />
                </Suspense>
              </AdminShell>
            )}
          </Route>
        );
      })}
      {adminRoutes.map((route) => {
        const Page = pageAt(route.path);
        return (
          <Route key={route.path} path={route.path}>
            {(params) => (
              <AdminShell>
                <RequireAdmin role={route.role}>
                  <Suspense fallback={<Loading />}>
                    <Page params={params} />
                  </Suspense>
                </RequireAdmin>
              </AdminShell>
            )}
          </Route>
        );
      })}
      <Route>
        <AdminShell>
          <AdminNotFound />
        </AdminShell>
      </Route>
    </Switch>
  );
}

export default function AdminApp() {
  const words = use(adminLanguages.load(adminLanguages.initial));
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider languages={adminLanguages} words={words}>
        <Router hook={useBrowserLocation}>
          <Pages />
        </Router>
      </I18nProvider>
    </QueryClientProvider>
  );
}
